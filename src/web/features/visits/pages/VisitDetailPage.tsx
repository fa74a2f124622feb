import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Input, Popconfirm, Skeleton, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { VisitDetail } from '../../../../shared/contracts/visits';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorDetail, errorMessage } from '../../../components/errors';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';
import { useVisit, useVisitAction } from '../api';
import { CheckInPanel } from '../components/CheckInPanel';
import { RecordForm } from '../components/RecordForm';
import { ReportTag, VisitStatusTag } from '../components/tags';
import { AccountLink } from '../../accounts';

const EDITABLE = ['draft', 'rejected', 'withdrawn'];
const CANCELLABLE = ['draft', 'rejected', 'withdrawn', 'approved'];

/** Where the visit stands in the loop plan → approval → check-in → record → report → review. */
function currentStep(v: VisitDetail): number {
  if (EDITABLE.includes(v.status)) return 0;
  if (v.status === 'pending') return 1;
  if (v.status === 'approved') return 2;
  if (v.status === 'checked_in') return 3;
  if (v.status === 'recorded') return v.report.status === 'submitted' ? 5 : v.report.status === 'approved' ? 6 : 4;
  return 0;
}

/** /visits/:id — the visit through its loop, with the action of the step it is at. */
export function VisitDetailPage() {
  const { id } = useParams();
  const visit = useVisit(Number(id));
  if (!visit.data) return visit.error ? <ErrorAlert error={visit.error} /> : <Skeleton active />;
  return <VisitView visit={visit.data} />;
}

function VisitView({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const money = useMoney();
  const { can, me } = useAuth();
  const { message } = useFeedback();
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState('');
  const submit = useVisitAction(v.id, 'submit');
  const withdraw = useVisitAction(v.id, 'withdraw');
  const cancel = useVisitAction(v.id, 'cancel');
  const report = useVisitAction(v.id, 'report');
  const review = useVisitAction(v.id, 'review');
  const write = can('visit:write');
  const step = currentStep(v);
  const phone = Grid.useBreakpoint().md === false;
  // once approved, the step at hand (check-in, record, report) comes before the plan
  const planFirst = step < 2 || v.status === 'cancelled';
  const recordOpen = write && (v.status === 'checked_in' || (v.status === 'recorded' && (v.report.status === 'none' || v.report.status === 'returned') && editing));

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      void message.success(t(ok));
    } catch (err) {
      void message.error([errorMessage(err, t), errorDetail(err, t)].filter(Boolean).join(': '));
    }
  };

  const planCard = (
        <Card size="small" title={t('plan.title')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('fields.plannedAt')}>
              <DateTime value={v.plannedAt} mode="dateTime" />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.contacts')}>{v.contacts.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name)).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('plan.budget')}>
              <MoneyText fen={v.budget} />
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.cashAdvance')}>
              <MoneyText fen={v.cashAdvance} />
            </Descriptions.Item>
            {v.approvalId && (
              <Descriptions.Item label={t('plan.approval')}>
                <Link to={`/approvals/${v.approvalId}`}>{t('actions.openApproval')}</Link>
              </Descriptions.Item>
            )}
            {v.planNote && <Descriptions.Item label={t('fields.planNote')}>{v.planNote}</Descriptions.Item>}
            {v.resources.length > 0 && (
              <Descriptions.Item label={t('fields.resources')} span="filled">
                {v.resources.map((r, i) => (
                  <div key={i}>
                    {t(`resourceItems.${r.item}`)}
                    {r.quantity !== null && ` × ${r.quantity}`}
                    {r.readyBy && ` · ${r.readyBy}`}
                    {r.department && ` · ${r.department}`}
                    {r.note && ` · ${r.note}`}
                  </div>
                ))}
              </Descriptions.Item>
            )}
            {v.cancelReason && <Descriptions.Item label={t('fields.reason')}>{v.cancelReason}</Descriptions.Item>}
          </Descriptions>
        </Card>
  );

  const steps = ['plan', 'approval', 'checkIn', 'record', 'report', 'review'].map((s) => ({ title: t(`steps.${s}`) }));

  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={
          <Space wrap>
            <AccountLink id={v.account.id}>{v.account.name}</AccountLink>
            <VisitStatusTag value={v.status} />
            {v.status === 'recorded' && <ReportTag value={v.report.status} />}
          </Space>
        }
        subtitle={`${v.owner.name} · ${t(`purposes.${v.purpose}`)} · ${t(`methods.${v.method}`)}`}
        extra={
          <>
            {write && EDITABLE.includes(v.status) && (
              <Link to={`/visits/${v.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('actions.edit')}</Button>
              </Link>
            )}
            {write && EDITABLE.includes(v.status) && (
              <Button type="primary" loading={submit.isPending} onClick={() => void run(() => submit.mutateAsync({ version: v.version }), 'messages.submitted')} data-testid="visit-submit">
                {t('actions.submit')}
              </Button>
            )}
            {write && v.status === 'pending' && v.owner.id === me?.id && (
              <Button loading={withdraw.isPending} onClick={() => void run(() => withdraw.mutateAsync({ version: v.version }), 'messages.withdrawn')} data-testid="visit-withdraw">
                {t('actions.withdraw')}
              </Button>
            )}
            {write && CANCELLABLE.includes(v.status) && (
              <Popconfirm title={t('actions.cancelVisit')} onConfirm={() => void run(() => cancel.mutateAsync({ version: v.version }), 'messages.cancelled')}>
                <Button danger data-testid="visit-cancel">{t('actions.cancelVisit')}</Button>
              </Popconfirm>
            )}
            {v.record && (
              <Link to={`/visits/${v.id}/print`}>
                <Button icon={<PrinterOutlined />} data-testid="visit-print">
                  {t('actions.print')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      {v.status !== 'cancelled' && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Steps size="small" current={step} items={steps} responsive={false} type={phone ? 'dot' : 'default'} titlePlacement={phone ? 'vertical' : undefined} status={v.status === 'rejected' ? 'error' : step === 6 ? 'finish' : 'process'} data-testid="visit-steps" />
        </Card>
      )}

      <Flex vertical gap={12}>
        {planFirst && planCard}
        {(v.checkIn || (write && v.status === 'approved')) && (
          <Card size="small" title={t('checkIn.title')}>
            {v.checkIn ? (
              <Flex vertical gap={4} data-testid="visit-checked-in">
                <span>
                  {t('checkIn.at')}: <DateTime value={v.checkIn.at} mode="dateTime" />
                </span>
                {v.checkIn.lat !== null && (
                  <span>{v.checkIn.accuracy !== null ? t('checkIn.position', { lat: v.checkIn.lat.toFixed(5), lng: v.checkIn.lng!.toFixed(5), accuracy: Math.round(v.checkIn.accuracy) }) : t('checkIn.positionNoAccuracy', { lat: v.checkIn.lat.toFixed(5), lng: v.checkIn.lng!.toFixed(5) })}</span>
                )}
                {v.checkIn.place && <span>{t('checkIn.place', { place: v.checkIn.place })}</span>}
              </Flex>
            ) : (
              <CheckInPanel visit={v} />
            )}
          </Card>
        )}

        {(v.record || recordOpen) && (
          <Card
            size="small"
            title={
              <Space>
                {t('record.title')}
                {v.record && <Typography.Text type="secondary">{t('record.nth', { n: v.record.contactSeq })}</Typography.Text>}
              </Space>
            }
            extra={
              write && v.record && !editing && (v.report.status === 'none' || v.report.status === 'returned') ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="visit-record-edit">
                  {t('actions.editRecord')}
                </Button>
              ) : undefined
            }
          >
            {recordOpen ? (
              <RecordForm visit={v} onDone={() => setEditing(false)} />
            ) : (
              v.record && (
                <Descriptions size="small" column={1} data-testid="visit-record">
                  <Descriptions.Item label={t('fields.metName')}>{v.record.metTitle ? `${v.record.metName}（${v.record.metTitle}）` : v.record.metName}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.customerSituation')}>{v.record.customerSituation ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.discussed')}>{v.record.discussed}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.concerns')}>{v.record.concerns ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.solved')}>{v.record.solved ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.toWatch')}>{v.record.toWatch ?? '—'}</Descriptions.Item>
                  {v.record.other && <Descriptions.Item label={t('fields.other')}>{v.record.other}</Descriptions.Item>}
                  <Descriptions.Item label={t('fields.result')}>
                    <span data-testid="visit-result-text">{t(`results.${v.record.result}`)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('record.cost')}>
                    <MoneyText fen={v.costTotal} />
                    {v.record.expenses.length > 0 && (
                      <Typography.Text type="secondary"> （{v.record.expenses.map((e) => `${e.item} ${money(e.amount)}`).join('；')}）</Typography.Text>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('fields.nextVisitAt')}>{v.record.nextVisitAt ? <DateTime value={v.record.nextVisitAt} mode="dateTime" /> : '—'}</Descriptions.Item>
                </Descriptions>
              )
            )}
          </Card>
        )}

        {v.status === 'recorded' && !editing && (
          <Card size="small" title={t('report.title')} data-testid="visit-report">
            <Flex vertical gap={8}>
              <Space wrap>
                <ReportTag value={v.report.status} />
                {v.report.submittedAt && (
                  <Typography.Text type="secondary">
                    {t('report.submittedAt')}: <DateTime value={v.report.submittedAt} mode="dateTime" />
                  </Typography.Text>
                )}
                {v.report.reviewer && (
                  <Typography.Text type="secondary">
                    {t('report.reviewer')}: {v.report.reviewer.name}
                  </Typography.Text>
                )}
              </Space>
              {v.report.comment && (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t('report.comment')}: {v.report.comment}
                </Typography.Paragraph>
              )}
              {write && (v.report.status === 'none' || v.report.status === 'returned') && (
                <Button type="primary" size="large" block loading={report.isPending} onClick={() => void run(() => report.mutateAsync({ version: v.version }), 'messages.reported')} data-testid="visit-submit-report">
                  {t('actions.submitReport')}
                </Button>
              )}
              {can('visit:review') && v.report.status === 'submitted' && v.owner.id !== me?.id && (
                <Flex vertical gap={8} data-testid="visit-review">
                  <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('fields.comment')} autoSize={{ minRows: 2 }} maxLength={2000} data-testid="visit-review-comment" />
                  <Flex gap={8}>
                    <Button type="primary" loading={review.isPending} onClick={() => void run(() => review.mutateAsync({ version: v.version, decision: 'approve', comment: comment || null }), 'messages.reviewed')} data-testid="visit-review-approve">
                      {t('actions.approve')}
                    </Button>
                    <Button danger loading={review.isPending} onClick={() => void run(() => review.mutateAsync({ version: v.version, decision: 'return', comment: comment || null }), 'messages.reviewed')} data-testid="visit-review-return">
                      {t('actions.return')}
                    </Button>
                  </Flex>
                </Flex>
              )}
            </Flex>
          </Card>
        )}
        {!planFirst && planCard}
      </Flex>
    </div>
  );
}
