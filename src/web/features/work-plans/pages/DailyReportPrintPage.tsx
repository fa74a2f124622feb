import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { VISIT_PURPOSES, VISIT_RESULTS } from '../../../../shared/contracts/visits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { today } from '../../../components/formDate';
import { reportQuery, useDailyReport } from '../api';
import '../../../components/print-sheet.css';
import './DailyReportPrint.css';

const yuan = (fen: number) => (fen / 100).toFixed(2);
/** The seed's choice letters: 商谈计划 a/b/c, 成果 A–E. */
const PURPOSE_LETTER = { first: 'a', problem: 'b', relationship: 'c' } as const;
/** The sheet keeps the seed's height: at least this many visit rows and expense rows. */
const MIN_ROWS = 8;
const MIN_EXPENSES = 4;

/**
 * /daily-reports/print — 客户拜访日报表 (seed 003 form 2) on A4, laid out like the seed's table:
 * 客户, 面谈者, 商谈计划 a/b/c and 成果 A–E as choice columns with a tick, 面谈概要; the 费用项目
 * block; the day's counts and 执行者 at the foot. The sheet and its print rules are the visit
 * record's (VisitPrint.css); DailyReportPrint.css adds the choice columns.
 */
export function DailyReportPrintPage() {
  const { t } = useTranslation('workPlans');
  const [params] = useSearchParams();
  const userId = Number(params.get('userId')) || undefined;
  const date = params.get('date') ?? today();
  const q = useDailyReport(userId, date);
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : <Skeleton active />;
  const r = q.data;
  const tick = (on: boolean) => (on ? '✓' : '');
  const blanks = (n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => i);

  return (
    <div>
      <Flex gap={8} className="print-toolbar" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="daily-print-button">
          {t('daily.print')}
        </Button>
        <Link to={`/daily-reports?${reportQuery(userId, date)}`}>
          <Button>{t('actions.back')}</Button>
        </Link>
      </Flex>
      <div className="daily-print-scroll">
      <div className="print-sheet daily-print-sheet" data-testid="daily-print-sheet">
        <h1>{t('print.title')}</h1>
        <div className="print-meta">
          <span>
            {t('print.filledBy')}：{r.user.name}
          </span>
          <span>
            {t('print.date')}：{r.date}
          </span>
        </div>
        <table className="daily-print-visits">
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: '13%' }} />
            {VISIT_PURPOSES.map((p) => (
              <col key={p} style={{ width: '4%' }} />
            ))}
            <col />
            {VISIT_RESULTS.map((x) => (
              <col key={x} style={{ width: '4%' }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th rowSpan={2}>{t('print.account')}</th>
              <th rowSpan={2}>{t('print.met')}</th>
              <th colSpan={3}>{t('print.purpose')}</th>
              <th rowSpan={2}>{t('print.discussed')}</th>
              <th colSpan={5}>{t('print.result')}</th>
            </tr>
            <tr>
              {VISIT_PURPOSES.map((p) => (
                <th key={p}>{PURPOSE_LETTER[p]}</th>
              ))}
              {VISIT_RESULTS.map((x) => (
                <th key={x}>{x}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.visitId}>
                <td>{row.account.name}</td>
                <td>{row.metTitle ? `${row.metName}（${row.metTitle}）` : row.metName}</td>
                {VISIT_PURPOSES.map((p) => (
                  <td key={p} className="tick">
                    {tick(row.purpose === p)}
                  </td>
                ))}
                <td>{row.discussed}</td>
                {VISIT_RESULTS.map((x) => (
                  <td key={x} className="tick">
                    {tick(row.result === x)}
                  </td>
                ))}
              </tr>
            ))}
            {blanks(MIN_ROWS - r.rows.length).map((i) => (
              <tr key={`blank-${i}`} className="blank">
                {blanks(11).map((c) => (
                  <td key={c} />
                ))}
              </tr>
            ))}
            <tr>
              <td colSpan={11} className="legend">
                <span>{VISIT_PURPOSES.map((p) => `${PURPOSE_LETTER[p]}.${t(`print.purposes.${p}`)}`).join('　')}</span>
                <span>{VISIT_RESULTS.map((x) => `${x}.${t(`print.results.${x}`)}`).join('　')}</span>
              </td>
            </tr>
          </tbody>
        </table>
        <table className="daily-print-expenses">
          <colgroup>
            <col style={{ width: '40%' }} />
            <col style={{ width: '20%' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('print.expenseItem')}</th>
              <th>{t('print.amount')}</th>
              <th>{t('print.note')}</th>
            </tr>
          </thead>
          <tbody>
            {r.expenses.map((e, i) => (
              <tr key={i}>
                <td>{e.item}</td>
                <td className="money">{yuan(e.amount)}</td>
                <td>{[e.accountName, e.note].filter(Boolean).join('：')}</td>
              </tr>
            ))}
            {blanks(MIN_EXPENSES - r.expenses.length).map((i) => (
              <tr key={`blank-${i}`} className="blank">
                <td />
                <td />
                <td />
              </tr>
            ))}
            <tr>
              <th>{t('print.total')}</th>
              <td className="money">{yuan(r.expenseTotal)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <table className="daily-print-foot">
          <tbody>
            <tr>
              <th>{t('print.visits')}</th>
              <td data-testid="daily-print-visits">{r.counts.visits}</td>
              <th>{t('print.handled')}</th>
              <td>{r.counts.handled}</td>
              <th>{t('print.open')}</th>
              <td>{r.counts.open}</td>
              <th>{t('print.executor')}</th>
              <td>{r.user.name}</td>
            </tr>
          </tbody>
        </table>
      </div>
      </div>
    </div>
  );
}
