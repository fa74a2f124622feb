import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { VISIT_PURPOSES, VISIT_RESULTS } from '../../../../shared/contracts/visits';
import { useBusinessTime } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fmtYuan } from '../../../components/format';
import { Choice, Cols, PrintSheet, PrintToolbar } from '../../../components/PrintSheet';
import { useVisit } from '../api';


/**
 * /visits/:id/print — 大客户拜访记录表 (seed 000) on A4, laid out like the seed's table, with the
 * 商谈计划 / 成果 choices and 费用项目 of 客户拜访日报表 (seed 003 form 2) below it.
 */
export function VisitPrintPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('visits');
  // times as the business day saw them, whatever the printing browser's zone
  const time = useBusinessTime();
  const q = useVisit(Number(id));
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : <Skeleton active />;
  const v = q.data;
  const r = v.record;
  const met = r ? (r.metTitle ? `${r.metName}（${r.metTitle}）` : r.metName) : '';
  const place = v.checkIn ? [time(v.checkIn.at), v.checkIn.place, v.checkIn.lat !== null ? `${v.checkIn.lat.toFixed(5)}, ${v.checkIn.lng!.toFixed(5)}` : null].filter(Boolean).join('  ') : '';

  return (
    <div>
      <PrintToolbar back={`/visits/${v.id}`} label={t('actions.print')} testId="visit-print-button" />
      <PrintSheet
        title={t('print.title')}
        meta={[`${t('print.staff')}：${v.owner.name}`, `${t('print.date')}：${r ? time(r.recordedAt, 'date') : ''}`]}
        testId="visit-print-sheet"
      >
        <table>
          <Cols widths={['30mm', undefined, undefined, undefined]} />
          <tbody>
            <tr>
              <th>{t('print.company')}</th>
              <td colSpan={3}>{v.account.name}</td>
            </tr>
            <tr>
              <th>{t('print.address')}</th>
              <td colSpan={3}>{v.account.address ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.met')}</th>
              <td>{met}</td>
              <th>{t('print.nth')}</th>
              <td>{r ? r.contactSeq : ''}</td>
            </tr>
            <tr>
              <th>{t('fields.purpose')}</th>
              <td colSpan={3}>
                {VISIT_PURPOSES.map((p) => (
                  <Choice key={p} on={v.purpose === p}>
                    {t(`purposes.${p}`)}
                  </Choice>
                ))}
              </td>
            </tr>
            <tr>
              <th>{t('print.checkIn')}</th>
              <td colSpan={3}>{place}</td>
            </tr>
            <tr>
              <th>{t('print.situation')}</th>
              <td colSpan={3} className="tall">{r?.customerSituation ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.communication')}</th>
              <td colSpan={3} className="tall">{r?.discussed ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.concerns')}</th>
              <td colSpan={3} className="tall">{r?.concerns ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.nextVisit')}</th>
              <td colSpan={3}>{time(r?.nextVisitAt)}</td>
            </tr>
            <tr>
              <th>{t('print.other')}</th>
              <td colSpan={3}>{r?.other ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.solved')}</th>
              <td colSpan={3} className="tall">{r?.solved ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.toWatch')}</th>
              <td colSpan={3} className="tall">{r?.toWatch ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.result')}</th>
              <td colSpan={3}>
                {VISIT_RESULTS.map((x) => (
                  <Choice key={x} on={r?.result === x}>
                    {t(`results.${x}`)}
                  </Choice>
                ))}
              </td>
            </tr>
            <tr>
              <th rowSpan={Math.max(1, r?.expenses.length ?? 0) + 1}>{t('print.expenses')}</th>
              <th>{t('fields.expenseItem')}</th>
              <th>{t('print.amount')}</th>
              <th>{t('print.note')}</th>
            </tr>
            {(r?.expenses.length ? r.expenses : [{ item: '', amount: -1, note: null }]).map((e, i) => (
              <tr key={i}>
                <td>{e.item}</td>
                <td className="money">{e.amount >= 0 ? fmtYuan(e.amount, i18n.language) : ''}</td>
                <td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSheet>
    </div>
  );
}
