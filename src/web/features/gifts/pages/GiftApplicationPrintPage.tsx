import { Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useBusinessTime } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fmtYuan } from '../../../components/format';
import { Cols, PrintSheet, PrintToolbar } from '../../../components/PrintSheet';
import { useGiftApplication } from '../api';
import './GiftApplicationPrint.css';

/** The signature boxes of the seed's form (部门 · 礼品管理员 · 办公室 · 副总经理) by approval step name; the GM's only when the chain had one. */
const SIGN_STEPS = [
  ['signDept', '部门负责人'],
  ['signGiftAdmin', '礼品管理员'],
  ['signOffice', '办公室'],
  ['signDeputy', '副总经理'],
  ['signGm', '总经理'],
] as const;

/** 礼品馈赠申请表 (seed 003 form 5) as an A4 print view; the browser's print button prints only the sheet. */
export function GiftApplicationPrintPage() {
  const { t, i18n } = useTranslation('gifts');
  const id = Number(useParams().id);
  const q = useGiftApplication(id);
  // times as the business day saw them, whatever the printing browser's zone
  const time = useBusinessTime();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Skeleton active />;
  const a = q.data;
  const yuan = (fen: number) => fmtYuan(fen, i18n.language);
  /** a business date ('YYYY-MM-DD') in the form's own format */
  const day = (v: string) => dayjs(v).format(t('print.dateFormat'));
  const signs = SIGN_STEPS.filter(([key, name]) => key !== 'signGm' || a.overCap || a.signatures.some((s) => s.name === name));
  const signed = (name: string) => a.signatures.find((s) => s.name === name && s.status === 'approved');
  return (
    <>
      <PrintToolbar back={`/gifts/applications/${a.id}`} label={t('print.print')} testId="gift-print-button" />
      <PrintSheet
        title={t('print.title')}
        meta={[t('print.number', { no: `LP-${String(a.id).padStart(6, '0')}` }), t('print.filledOn', { date: time(a.createdAt, { pattern: t('print.dateFormat') }) })]}
        className="gift-print-sheet"
        testId="gift-print-sheet"
      >
        <table>
          <Cols widths={['22%', '28%', '22%', '28%']} />
          <tbody>
            <tr>
              <th>{t('print.applyDept')}</th>
              <td>{a.unitName}</td>
              <th>{t('print.managingDept')}</th>
              <td>{a.managingDept ?? ''}</td>
            </tr>
            <tr>
              <th>{t('print.quantity')}</th>
              <td>
                {a.quantity} {a.itemUnit}
              </td>
              <th>{t('print.giftOn')}</th>
              <td>{day(a.giftOn)}</td>
            </tr>
            <tr>
              <th>{t('print.account')}</th>
              <td>{a.accountName}</td>
              <th>{t('print.contact')}</th>
              <td>{a.contactTitle ? `${a.contactName}（${a.contactTitle}）` : a.contactName}</td>
            </tr>
            <tr>
              <th>{t('print.item')}</th>
              <td>{a.itemName}</td>
              <th>{t('print.value')}</th>
              <td>{yuan(a.value)}</td>
            </tr>
            <tr>
              <th>{t('print.remark')}</th>
              <td colSpan={3} className="remark">
                {a.remark ?? ''}
                {a.overCap && <div className="gift-print-flag">{t('print.complianceNote', { year: a.cap.year, total: yuan(a.cap.yearTotal), cap: yuan(a.cap.cap) })}</div>}
              </td>
            </tr>
          </tbody>
        </table>
        <table className="gift-print-signs">
          <tbody>
            <tr>
              <th>{t('print.filledBy')}</th>
              {signs.map(([key]) => (
                <th key={key}>{t(`print.${key}`)}</th>
              ))}
            </tr>
            <tr>
              <td>
                {a.ownerName}
                <span className="gift-print-date">{time(a.submittedAt, 'date')}</span>
              </td>
              {signs.map(([key, name]) => {
                const s = signed(name);
                return (
                  <td key={key}>
                    {s?.approverName ?? ''}
                    <span className="gift-print-date">{time(s?.actedAt, 'date')}</span>
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </PrintSheet>
    </>
  );
}
