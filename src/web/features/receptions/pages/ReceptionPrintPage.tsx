import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { COST_LINES, RECEPTION_EXECUTIONS, RECEPTION_LEVELS, RECEPTION_PURPOSES, SPENT_LINES, type ReceptionDetail, type SeatingPlanOut } from '../../../../shared/contracts/receptions';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useReception, useSeating } from '../api';
import '../components/print.css';

const yuan = (fen: number) => formatMoney(fen, 'yuan', 'zh-CN');
const names = (list: { name: string; title: string | null }[]) => list.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、');
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
const Box = ({ on, children }: { on: boolean; children: React.ReactNode }) => <span className={`rc-opt rc-box${on ? ' rc-on' : ''}`}>{children}</span>;

/** /receptions/:id/print/:form — A4 print views laid out like seed 003 forms 6 and 7, and the banquet cards. */
export function ReceptionPrintPage() {
  const { id, form } = useParams();
  const { t } = useTranslation('receptions');
  const navigate = useNavigate();
  const one = useReception(Number(id));
  const seating = useSeating(Number(id));
  if (one.isLoading || (form === 'cards' && seating.isLoading)) return <Skeleton active />;
  if (!one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  const r = one.data.reception;
  return (
    <div>
      <div className="rc-toolbar rc-noprint">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/receptions/${r.id}`)}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('print.button')}
        </Button>
      </div>
      {form === 'report' ? <ReportSheet r={r} t={t} /> : form === 'cards' ? <Cards plan={seating.data?.seating ?? null} t={t} /> : <ApplicationSheet r={r} t={t} />}
    </div>
  );
}

/** 客户接待申请表 — seed 003 form 6. */
function ApplicationSheet({ r, t }: { r: ReceptionDetail; t: TFunction }) {
  return (
    <div className="rc-print" data-testid="print-sheet">
      <h1>{r.kind === 'tour' ? '客户参观申请表' : '客户接待申请表'}</h1>
      <table className="rc-form">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>客户名称</th>
            <td>{r.account.name}</td>
            <th>接待时间</th>
            <td>
              {when(r.startsAt)}
              {r.endsAt ? ` 至 ${when(r.endsAt)}` : ''}
            </td>
          </tr>
          <tr>
            <th>来访人员</th>
            <td>{names(r.visitors)}</td>
            <th>接待地点</th>
            <td>{r.place}</td>
          </tr>
          <tr>
            <th>执行方式</th>
            <td colSpan={3}>
              {RECEPTION_EXECUTIONS.map((e) => (
                <Box key={e} on={r.execution === e}>
                  {t(`executions.${e}`)}
                </Box>
              ))}
            </td>
          </tr>
          <tr>
            <th rowSpan={COST_LINES.length + 2}>费用明细</th>
            <th colSpan={2}>费用类型</th>
            <th>金额（单位：元）</th>
          </tr>
          {COST_LINES.map((l, i) => (
            <tr key={l}>
              <td colSpan={2}>
                {i + 1}. {t(`costs.${l}`)}
              </td>
              <td className="rc-amount">{yuan(r.costs[l])}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>合计</th>
            <td className="rc-amount">{yuan(r.costs.total)}</td>
          </tr>
          <tr>
            <th>招待目的</th>
            <td colSpan={3}>
              {RECEPTION_PURPOSES.map((p) => (
                <div key={p}>
                  <Box on={r.purposes.includes(p)}>{t(`purposes.${p}`)}</Box>
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>客户接待档次</th>
            <td colSpan={3}>
              {RECEPTION_LEVELS.map((l) => (
                <div key={l}>
                  <Box on={r.level === l}>
                    {t(`levels.${l}`)}：{t(`levelHints.${l}`)}
                  </Box>
                </div>
              ))}
            </td>
          </tr>
          {r.kind === 'tour' && (
            <tr>
              <th>参观安排</th>
              <td colSpan={3}>
                参观路线：{r.tourRoute}
                <br />
                讲解人：{r.tourGuide}
                <br />
                参观区域：{r.tourAreas.join('、')}
              </td>
            </tr>
          )}
          <tr>
            <th>申请人</th>
            <td className="rc-sign">
              {r.owner.name}
              <br />
              日期：{r.submittedAt ? dayjs(r.submittedAt).format('YYYY-MM-DD') : ''}
            </td>
            <th>客户总监审核签字</th>
            <td className="rc-sign">日期：</td>
          </tr>
          <tr>
            <th>财务部经理签字</th>
            <td className="rc-sign">日期：</td>
            <th>总经理签字</th>
            <td className="rc-sign">日期：</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** 客户接待报告表 — seed 003 form 7. */
function ReportSheet({ r, t }: { r: ReceptionDetail; t: TFunction }) {
  const rep = r.report;
  return (
    <div className="rc-print" data-testid="print-sheet">
      <h1>客户接待报告表</h1>
      <table className="rc-form">
        <colgroup>
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>客户名称</th>
            <td>{r.account.name}</td>
            <th>招待目的</th>
            <td>{r.purposes.map((p) => t(`purposes.${p}`)).join('；')}</td>
          </tr>
          <tr>
            <th>招待日期</th>
            <td>{rep?.date}</td>
            <th>招待地点</th>
            <td>{rep?.place}</td>
          </tr>
          <tr>
            <th>报告人</th>
            <td>{r.owner.name}</td>
            <th>报告时间</th>
            <td>{rep?.submittedAt ? dayjs(rep.submittedAt).format('YYYY-MM-DD') : ''}</td>
          </tr>
          <tr>
            <th>客户出席人员名单</th>
            <td colSpan={3}>{rep ? names(rep.guestAttendees) : ''}</td>
          </tr>
          <tr>
            <th>公司出席人员名单</th>
            <td colSpan={3}>{rep ? names(rep.hostAttendees) : ''}</td>
          </tr>
          <tr>
            <th rowSpan={SPENT_LINES.length + 2}>支出费用报告</th>
            <th>项目</th>
            <th>金额（元）</th>
            <th>备注</th>
          </tr>
          {SPENT_LINES.map((l) => (
            <tr key={l}>
              <td>{t(`spent.${l}`)}</td>
              <td className="rc-amount">{rep ? yuan(rep.spent[l]) : ''}</td>
              <td>{rep?.spentNotes[l] ?? ''}</td>
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td className="rc-amount">{rep ? yuan(rep.spent.total) : ''}</td>
            <td />
          </tr>
          <tr>
            <th>接待活动</th>
            <td colSpan={3} className="rc-tall">
              {rep?.activities}
            </td>
          </tr>
          <tr>
            <th>注意事项</th>
            <td colSpan={3} className="rc-tall">
              {rep?.cautions}
            </td>
          </tr>
          <tr>
            <th>接待效果</th>
            <td colSpan={3} className="rc-tall">
              {rep?.effect}
            </td>
          </tr>
          <tr>
            <th>搜集到的信息</th>
            <td colSpan={3} className="rc-tall">
              {rep?.information}
            </td>
          </tr>
          <tr>
            <th>客户总监审核</th>
            <td className="rc-sign">
              {rep?.confirmedBy ? `${rep.confirmedBy.name} · ${rep.confirmedAt ? dayjs(rep.confirmedAt).format('YYYY-MM-DD') : ''}` : ''}
              {rep?.comment ? <div>{rep.comment}</div> : null}
            </td>
            <th>总经理审核</th>
            <td className="rc-sign" />
          </tr>
          <tr>
            <th>财务部审核</th>
            <td colSpan={3} className="rc-sign" />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** 桌次卡 and 座位卡 (seed 000/001: 席次确定后，座位卡和桌次卡放在桌中间). */
function Cards({ plan, t }: { plan: SeatingPlanOut | null; t: TFunction }) {
  if (!plan) return <div className="rc-print">{t('seating.noPlan')}</div>;
  const byKey = new Map(plan.people.map((p) => [p.key, p]));
  const label = (no: number) => (no === 1 ? t('cards.mainTable') : t('cards.tableCard', { no }));
  return (
    <div className="rc-print" data-testid="print-sheet">
      <h1>{t('cards.title')}</h1>
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
    </div>
  );
}
