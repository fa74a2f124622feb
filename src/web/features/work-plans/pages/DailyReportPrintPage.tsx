import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { VISIT_PURPOSES, VISIT_RESULTS } from '../../../../shared/contracts/visits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fmtYuan } from '../../../components/format';
import { today } from '../../../components/formDate';
import { Cols, PrintSheet, PrintToolbar } from '../../../components/PrintSheet';
import { reportQuery, useDailyReport } from '../api';
import './DailyReportPrint.css';

/** The seed's choice letters: 商谈计划 a/b/c, 成果 A–E. */
const PURPOSE_LETTER = { first: 'a', problem: 'b', relationship: 'c' } as const;
/** The sheet keeps the seed's height: at least this many visit rows and expense rows. */
const MIN_ROWS = 8;
const MIN_EXPENSES = 4;

/**
 * /daily-reports/print — 客户拜访日报表 (seed 003 form 2) on A4, laid out like the seed's table:
 * 客户, 面谈者, 商谈计划 a/b/c and 成果 A–E as choice columns with a tick, 面谈概要; the 费用项目
 * block; the day's counts and 执行者 at the foot. The sheet is the kit's PrintSheet;
 * DailyReportPrint.css adds the denser cells and the choice columns.
 */
export function DailyReportPrintPage() {
  const { t, i18n } = useTranslation('workPlans');
  const yuan = (fen: number) => fmtYuan(fen, i18n.language);
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
      <PrintToolbar back={`/daily-reports?${reportQuery(userId, date)}`} label={t('daily.print')} testId="daily-print-button" />
      <PrintSheet title={t('print.title')} meta={[`${t('print.filledBy')}：${r.user.name}`, `${t('print.date')}：${r.date}`]} className="daily-print-sheet" testId="daily-print-sheet">
        <table className="daily-print-visits">
          <Cols widths={['19%', '13%', ...VISIT_PURPOSES.map(() => '4%'), undefined, ...VISIT_RESULTS.map(() => '4%')]} />
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
          <Cols widths={['40%', '20%', undefined]} />
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
      </PrintSheet>
    </div>
  );
}
