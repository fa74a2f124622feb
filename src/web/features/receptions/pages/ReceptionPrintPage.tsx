import { Skeleton } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { COST_LINES, RECEPTION_EXECUTIONS, RECEPTION_LEVELS, RECEPTION_PURPOSES, SPENT_LINES, type ReceptionDetail, type SeatingPlanOut } from '../../../../shared/contracts/receptions';
import { useBusinessTime } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fmtYuan } from '../../../components/format';
import { Choice, Cols, PrintSheet, PrintToolbar } from '../../../components/PrintSheet';
import { useReception, useSeating } from '../api';
import '../components/print.css';

const yuan = (fen: number) => fmtYuan(fen);
const names = (list: { name: string; title: string | null }[]) => list.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、');

/** /receptions/:id/print/:form — A4 print views laid out like seed 003 forms 6 and 7, and the banquet cards. */
export function ReceptionPrintPage() {
  const { id, form } = useParams();
  const { t } = useTranslation('receptions');
  const one = useReception(Number(id));
  const seating = useSeating(Number(id));
  if (one.isLoading || (form === 'cards' && seating.isLoading)) return <Skeleton active />;
  if (!one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  const r = one.data.reception;
  return (
    <div>
      <PrintToolbar back={`/receptions/${r.id}`} label={t('print.button')} testId="print-now" />
      {form === 'report' ? <ReportSheet r={r} t={t} /> : form === 'cards' ? <Cards plan={seating.data?.seating ?? null} t={t} /> : <ApplicationSheet r={r} t={t} />}
    </div>
  );
}

/** 客户接待申请表 — seed 003 form 6. */
function ApplicationSheet({ r, t }: { r: ReceptionDetail; t: TFunction }) {
  const when = useBusinessTime();
  return (
    <PrintSheet title={t(r.kind === 'tour' ? 'sheet.tourTitle' : 'sheet.applicationTitle')} testId="print-sheet">
      <table>
        <Cols widths={['16%', '34%', '16%', '34%']} />
        <tbody>
          <tr>
            <th>{t('sheet.account')}</th>
            <td>{r.account.name}</td>
            <th>{t('sheet.time')}</th>
            <td>
              {when(r.startsAt)}
              {r.endsAt ? ` ${t('sheet.until')} ${when(r.endsAt)}` : ''}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.visitors')}</th>
            <td>{names(r.visitors)}</td>
            <th>{t('sheet.place')}</th>
            <td>{r.place}</td>
          </tr>
          <tr>
            <th>{t('sheet.execution')}</th>
            <td colSpan={3}>
              {RECEPTION_EXECUTIONS.map((e) => (
                <Choice key={e} on={r.execution === e}>
                  {t(`executions.${e}`)}
                </Choice>
              ))}
            </td>
          </tr>
          <tr>
            <th rowSpan={COST_LINES.length + 2}>{t('sheet.costs')}</th>
            <th colSpan={2}>{t('sheet.costType')}</th>
            <th>{t('sheet.amountYuan')}</th>
          </tr>
          {COST_LINES.map((l, i) => (
            <tr key={l}>
              <td colSpan={2}>
                {i + 1}. {t(`costs.${l}`)}
              </td>
              <td className="money">{yuan(r.costs[l])}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>{t('sheet.total')}</th>
            <td className="money">{yuan(r.costs.total)}</td>
          </tr>
          <tr>
            <th>{t('sheet.purpose')}</th>
            <td colSpan={3}>
              {RECEPTION_PURPOSES.map((p) => (
                <div key={p}>
                  <Choice on={r.purposes.includes(p)}>{t(`purposes.${p}`)}</Choice>
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.level')}</th>
            <td colSpan={3}>
              {RECEPTION_LEVELS.map((l) => (
                <div key={l}>
                  <Choice on={r.level === l}>
                    {t(`levels.${l}`)}{t('sheet.colon')}{t(`levelHints.${l}`)}
                  </Choice>
                </div>
              ))}
            </td>
          </tr>
          {r.kind === 'tour' && (
            <tr>
              <th>{t('sheet.tour')}</th>
              <td colSpan={3}>
                {t('sheet.route')}{r.tourRoute}
                <br />
                {t('sheet.guide')}{r.tourGuide}
                <br />
                {t('sheet.areas')}{r.tourAreas.join(t('sheet.listSeparator'))}
              </td>
            </tr>
          )}
          <tr>
            <th>{t('sheet.applicant')}</th>
            <td className="rc-sign">
              {r.owner.name}
              <br />
              {t('sheet.dateLabel')}{when(r.submittedAt, 'date')}
            </td>
            <th>{t('sheet.directorSign')}</th>
            <td className="rc-sign">{t('sheet.dateLabel')}</td>
          </tr>
          <tr>
            <th>{t('sheet.financeSign')}</th>
            <td className="rc-sign">{t('sheet.dateLabel')}</td>
            <th>{t('sheet.gmSign')}</th>
            <td className="rc-sign">{t('sheet.dateLabel')}</td>
          </tr>
        </tbody>
      </table>
    </PrintSheet>
  );
}

/** 客户接待报告表 — seed 003 form 7. */
function ReportSheet({ r, t }: { r: ReceptionDetail; t: TFunction }) {
  const when = useBusinessTime();
  const rep = r.report;
  return (
    <PrintSheet title={t('sheet.reportTitle')} testId="print-sheet">
      <table>
        <Cols widths={['18%', '32%', '18%', '32%']} />
        <tbody>
          <tr>
            <th>{t('sheet.account')}</th>
            <td>{r.account.name}</td>
            <th>{t('sheet.purpose')}</th>
            <td>{r.purposes.map((p) => t(`purposes.${p}`)).join(t('sheet.listSeparator'))}</td>
          </tr>
          <tr>
            <th>{t('sheet.date')}</th>
            <td>{rep?.date}</td>
            <th>{t('sheet.reportPlace')}</th>
            <td>{rep?.place}</td>
          </tr>
          <tr>
            <th>{t('sheet.reporter')}</th>
            <td>{r.owner.name}</td>
            <th>{t('sheet.reportedAt')}</th>
            <td>{when(rep?.submittedAt, 'date')}</td>
          </tr>
          <tr>
            <th>{t('sheet.guests')}</th>
            <td colSpan={3}>{rep ? names(rep.guestAttendees) : ''}</td>
          </tr>
          <tr>
            <th>{t('sheet.hosts')}</th>
            <td colSpan={3}>{rep ? names(rep.hostAttendees) : ''}</td>
          </tr>
          <tr>
            <th rowSpan={SPENT_LINES.length + 2}>{t('sheet.spent')}</th>
            <th>{t('sheet.item')}</th>
            <th>{t('sheet.amount')}</th>
            <th>{t('sheet.note')}</th>
          </tr>
          {SPENT_LINES.map((l) => (
            <tr key={l}>
              <td>{t(`spent.${l}`)}</td>
              <td className="money">{rep ? yuan(rep.spent[l]) : ''}</td>
              <td>{rep?.spentNotes[l] ?? ''}</td>
            </tr>
          ))}
          <tr>
            <th>{t('sheet.total')}</th>
            <td className="money">{rep ? yuan(rep.spent.total) : ''}</td>
            <td />
          </tr>
          <tr>
            <th>{t('sheet.activities')}</th>
            <td colSpan={3} className="tall">
              {rep?.activities}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.cautions')}</th>
            <td colSpan={3} className="tall">
              {rep?.cautions}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.effect')}</th>
            <td colSpan={3} className="tall">
              {rep?.effect}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.information')}</th>
            <td colSpan={3} className="tall">
              {rep?.information}
            </td>
          </tr>
          <tr>
            <th>{t('sheet.directorReview')}</th>
            <td className="rc-sign">
              {rep?.confirmedBy ? `${rep.confirmedBy.name} · ${when(rep.confirmedAt, 'date')}` : ''}
              {rep?.comment ? <div>{rep.comment}</div> : null}
            </td>
            <th>{t('sheet.gmReview')}</th>
            <td className="rc-sign" />
          </tr>
          <tr>
            <th>{t('sheet.financeReview')}</th>
            <td colSpan={3} className="rc-sign" />
          </tr>
        </tbody>
      </table>
    </PrintSheet>
  );
}

/** 桌次卡 and 座位卡 (seed 000/001: 席次确定后，座位卡和桌次卡放在桌中间). */
function Cards({ plan, t }: { plan: SeatingPlanOut | null; t: TFunction }) {
  if (!plan) return <PrintSheet title={t('cards.title')}>{t('seating.noPlan')}</PrintSheet>;
  const byKey = new Map(plan.people.map((p) => [p.key, p]));
  const label = (no: number) => (no === 1 ? t('cards.mainTable') : t('cards.tableCard', { no }));
  return (
    <PrintSheet title={t('cards.title')} testId="print-sheet">
      <div className="rc-cards">
        {plan.tables.map((tb) => (
          <div key={tb.no} className="rc-table-card" data-testid={`table-card-${tb.no}`}>
            {label(tb.no)}
          </div>
        ))}
      </div>
      <div className="rc-cards rc-break" style={{ marginTop: '6mm' }}>
        {plan.tables.flatMap((tb) =>
          tb.seats.map((k, si) => {
            const p = k ? byKey.get(k) : undefined;
            if (!p) return null;
            return (
              <div key={k} className="rc-seat-card" data-testid={`seat-card-${k}`}>
                <div className="rc-name">{p.name}</div>
                {p.title && <div className="rc-title">{p.title}</div>}
                <div className="rc-where">
                  {label(tb.no)} · {t(si === 0 ? 'seating.hostSeat' : 'seating.seat', { n: si + 1 })}
                </div>
              </div>
            );
          }),
        )}
      </div>
    </PrintSheet>
  );
}
