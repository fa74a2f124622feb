import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import './print-sheet.css';

/**
 * The print pages' bar above the sheet: 返回 to `back` and the print button (`testId`), which
 * prints only the sheet. Hidden on paper.
 */
export function PrintToolbar({ back, label, testId }: { back: string; label: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex gap={8} className="print-toolbar">
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(back)}>
        {t('actions.back')}
      </Button>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={testId}>
        {label}
      </Button>
    </Flex>
  );
}

/**
 * A paper form of the department's rules on A4 portrait (print-sheet.css): the title, the
 * header row (`meta`, spread from left to right) and the form's bordered tables as children.
 * On screen it is the width of the paper and scrolls sideways on a phone; printed, it is all
 * that shows: a form longer than a page breaks between its rows, never inside one, with the
 * title and header row again at the top of each page and the page number at the foot. Times on
 * it are the business time zone's (components/display.ts useBusinessTime). `className` names the
 * form for its own rules on top.
 */
export function PrintSheet({ title, meta, className, testId, children }: { title: ReactNode; meta?: ReactNode[]; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div className="print-sheet-scroll">
      <div className={className ? `print-sheet ${className}` : 'print-sheet'} data-testid={testId}>
        {/* a frame whose head the browser repeats on every printed page */}
        <table className="print-frame">
          <thead>
            <tr>
              <td>
                <h1>{title}</h1>
                {meta && (
                  <div className="print-meta">
                    {meta.map((m, i) => (
                      <span key={i}>{m}</span>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{children}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A tick box of the form and its label: ☑ when `on`, else ☐; kept on one line. */
export function Choice({ on, children }: { on: boolean; children: ReactNode }) {
  return (
    <span className="print-choice">
      {on ? '☑' : '☐'} {children}
    </span>
  );
}

/** The column widths of a form table (CSS lengths; `undefined` shares out what is left). */
export function Cols({ widths }: { widths: (string | undefined)[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={w ? { width: w } : undefined} />
      ))}
    </colgroup>
  );
}
