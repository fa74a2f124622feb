import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TripDetail } from '../../../../shared/contracts/trips';
import { api } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useAuth } from '../../../app/auth';
import { useFeedback } from '../../../components/feedback';
import { useTrip, useTripAction } from '../api';
import { CheckinCard } from '../components/CheckinCard';
import { ReportForm } from '../components/ReportForm';
import { ReportStatusTag, TripStatusTag } from '../components/TripTags';
import { AccountLink } from '../../accounts';

const EDITABLE = new Set(['draft', 'rejected', 'withdrawn']);

/** /trips/:id — the application, today's check-in (for the traveller), the check-ins with missing days, and the report. */
export function TripDetailPage() {
  const { id } = useParams();
  const trip = useTrip(Number(id));
  if (trip.isLoading) return <Skeleton active />;
  if (trip.isError || !trip.data) return <ErrorAlert error={trip.error} onRetry={() => void trip.refetch()} />;
  return <TripView trip={trip.data} />;
}

function TripView({ trip }: { trip: TripDetail }) {
  const { t } = useTranslation('trips');
  const navigate = useNavigate();
  const { can } = useAuth();
  const { modal } = useFeedback();
  const [reason, setReason] = useState('');
  const writable = can('trip:write');
  const version = { version: trip.version };
  const submit = useTripAction(() => api.post<TripDetail>(`/api/trips/${trip.id}/submit`, version), { done: 'submitted' });
  const withdraw = useTripAction(() => api.post<TripDetail>(`/api/trips/${trip.id}/withdraw`, version), { done: 'withdrawn' });
  const withdrawReport = useTripAction(() => api.post<TripDetail>(`/api/trips/${trip.id}/report/withdraw`, version), { done: 'reportWithdrawn' });
  const cancel = useTripAction((r: string) => api.post<TripDetail>(`/api/trips/${trip.id}/cancel`, { ...version, reason: r }), { done: 'cancelled' });
  const canReport = writable && trip.status === 'approved' && trip.reportStatus === 'none';

  const confirmCancel = () =>
    modal.confirm({
      title: t('actions.confirmCancel'),
      content: <Input.TextArea autoFocus placeholder={t('fields.cancelReason')} onChange={(e) => setReason(e.target.value)} data-testid="trip-cancel-reason" />,
      onOk: () => cancel.mutateAsync(reason || '—'),
    });

  const lineColumns = [
    { key: 'category', title: t('fields.category'), render: (_: unknown, l: TripDetail['costLines'][number]) => t(`costCategories.${l.category}`) },
    { key: 'amount', title: t('fields.amount'), align: 'right' as const, render: (_: unknown, l: TripDetail['costLines'][number]) => <MoneyText fen={l.amount} /> },
    { key: 'note', title: t('fields.note'), render: (_: unknown, l: TripDetail['costLines'][number]) => l.note ?? '' },
  ];

  return (
    <div style={{ maxWidth: 1000 }}>
      <PageHeader
        title={<span>{trip.destination} <TripStatusTag status={trip.status} /> <ReportStatusTag status={trip.reportStatus} /></span>}
        subtitle={`${trip.startOn} ～ ${trip.endOn} · ${trip.owner.name}`}
        extra={
          writable && (
            <Space wrap>
              {EDITABLE.has(trip.status) && <Button onClick={() => void navigate(`/trips/${trip.id}/edit`)} data-testid="trip-edit">{t('actions.edit')}</Button>}
              {EDITABLE.has(trip.status) && <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate(undefined)} data-testid="trip-submit">{t('actions.submit')}</Button>}
              {trip.status === 'pending' && <Button loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)} data-testid="trip-withdraw">{t('actions.withdraw')}</Button>}
              {trip.status !== 'pending' && trip.status !== 'cancelled' && trip.reportStatus === 'none' && <Button danger onClick={confirmCancel} data-testid="trip-cancel">{t('actions.cancel')}</Button>}
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        {trip.canCheckIn && (
          <Col xs={24} lg={10}>
            <CheckinCard trip={trip} />
          </Col>
        )}
        <Col xs={24} lg={trip.canCheckIn ? 14 : 24}>
          <Card title={t('tabs.detail')}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('fields.owner')}>{trip.owner.name}</Descriptions.Item>
              <Descriptions.Item label={t('fields.dates')}>{`${trip.startOn} ～ ${trip.endOn}`}</Descriptions.Item>
              <Descriptions.Item label={t('fields.transport')}>{t(`transports.${trip.transport}`)}{trip.transportNote ? `（${trip.transportNote}）` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('fields.accountIds')}>
                <Flex gap={4} wrap>{trip.accounts.length ? trip.accounts.map((a) => <AccountLink key={a.id} id={a.id}><Tag>{a.name}</Tag></AccountLink>) : '—'}</Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.purpose')} span="filled">{trip.purpose}</Descriptions.Item>
              <Descriptions.Item label={t('fields.estimatedTotal')}><MoneyText fen={trip.estimatedTotal} /></Descriptions.Item>
              <Descriptions.Item label={t('fields.advanceRequested')}><MoneyText fen={trip.advanceRequested} /></Descriptions.Item>
              {trip.approvalId && <Descriptions.Item label={t('approval')}><Link to={`/approvals/${trip.approvalId}`}>#{trip.approvalId}</Link></Descriptions.Item>}
              {trip.cancelReason && <Descriptions.Item label={t('fields.cancelReason')}>{trip.cancelReason}</Descriptions.Item>}
            </Descriptions>
            {trip.costLines.length > 0 && <Table rowKey={(_, i) => String(i)} size="small" pagination={false} columns={lineColumns} dataSource={trip.costLines} style={{ marginTop: 12 }} />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('checkin.list')} data-testid="trip-checkins">
            {trip.missingDays.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('checkin.missing', { days: trip.missingDays.join('、') })} data-testid="trip-missing" />}
            {trip.checkins.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkin.none')} />
            ) : (
              <Timeline
                items={trip.checkins.map((c) => ({
                  key: c.id,
                  children: (
                    <div>
                      <Typography.Text strong>{c.day}</Typography.Text> <Typography.Text type="secondary"><DateTime value={c.checkedAt} /></Typography.Text>
                      <div>
                        {c.place}
                        {c.latitude !== null && c.longitude !== null && (
                          <Typography.Link href={`https://uri.amap.com/marker?position=${c.longitude},${c.latitude}`} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }}>
                            {t('checkin.coords', { lat: c.latitude, lon: c.longitude })}
                          </Typography.Link>
                        )}
                      </div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{c.work}</div>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        {trip.report && (
          <Col xs={24}>
            <Card
              title={<span>{t('report.title')} <ReportStatusTag status={trip.reportStatus} /></span>}
              extra={writable && trip.reportStatus === 'submitted' && <Button size="small" loading={withdrawReport.isPending} onClick={() => withdrawReport.mutate(undefined)} data-testid="trip-report-withdraw">{t('actions.withdrawReport')}</Button>}
              data-testid="trip-report"
            >
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('report.returnedOn')}>{trip.report.returnedOn}</Descriptions.Item>
                <Descriptions.Item label={t('fields.actualTotal')}><MoneyText fen={trip.actualTotal} strong /></Descriptions.Item>
                {trip.report.approvedAt && <Descriptions.Item label={t('report.approvedAt')}><DateTime value={trip.report.approvedAt} /></Descriptions.Item>}
                {trip.report.approvalId && <Descriptions.Item label={t('approval')}><Link to={`/approvals/${trip.report.approvalId}`}>#{trip.report.approvalId}</Link></Descriptions.Item>}
                <Descriptions.Item label={t('report.summary')} span="filled"><div style={{ whiteSpace: 'pre-wrap' }}>{trip.report.summary}</div></Descriptions.Item>
              </Descriptions>
              <Table rowKey={(_, i) => String(i)} size="small" pagination={false} columns={lineColumns} dataSource={trip.report.actualCostLines} />
            </Card>
          </Col>
        )}
        {canReport && (
          <Col xs={24}>
            <Typography.Paragraph type="secondary">{t('report.hint')}</Typography.Paragraph>
            <ReportForm trip={trip} />
          </Col>
        )}
      </Row>
    </div>
  );
}
