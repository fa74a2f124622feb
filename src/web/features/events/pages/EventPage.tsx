import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { EventDetail } from '../../../../shared/contracts/events';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useEvent } from '../api';
import { BudgetCard, GuestCountsCard } from '../components/BudgetCard';
import { CostsCard } from '../components/CostsCard';
import { EventActions } from '../components/EventActions';
import { GuestsCard } from '../components/GuestsCard';
import { EventKindTag, EventStatusTag, hasStarted, useEventTime } from '../helpers';

const TABS = ['guests', 'costs', 'summary'] as const;
type TabKey = (typeof TABS)[number];

/**
 * /events/:id — one event: what, when, where, who organises it, and the buttons its state allows (edit,
 * submit the budget, withdraw, mark held, close with the summary, cancel with the reason); the budget against
 * what is spent; the guests with their responses, attendance and follow-ups; the costs; the agenda and summary.
 */
export function EventPage() {
  const id = Number(useParams().id);
  const one = useEvent(id);
  const { t } = useTranslation('events');
  const when = useEventTime();
  const [params, setParams] = useSearchParams();
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  const e = one.data;
  const reload = () => void one.refetch();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'guests';

  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="event-title" style={{ overflowWrap: 'anywhere' }}>
              {e.title}
            </span>
            <EventKindTag kind={e.kind} />
            <EventStatusTag status={e.status} />
          </Flex>
        }
        subtitle={
          <Flex gap={6} wrap component="span">
            <span data-testid="event-when">{when(e.startsAt, e.endsAt)}</span>
            <span>·</span>
            <span>{e.venue || t('list.noVenue')}</span>
            <span>·</span>
            <span>{t('detail.organiser', { name: e.owner.name, unit: e.unit.name })}</span>
          </Flex>
        }
        extra={<EventActions event={e} onStale={reload} />}
      />
      <Flex vertical gap={12}>
        <StatusNote event={e} />
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <BudgetCard event={e} />
          </Col>
          <Col xs={24} md={12}>
            <GuestCountsCard event={e} />
          </Col>
        </Row>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'guests') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={[
            { key: 'guests', label: <span data-testid="event-tab-guests">{`${t('detail.tabs.guests')} ${e.guests.invited}`}</span>, children: <GuestsCard event={e} onStale={reload} /> },
            { key: 'costs', label: <span data-testid="event-tab-costs">{`${t('detail.tabs.costs')} ${e.costs.length}`}</span>, children: <CostsCard event={e} /> },
            { key: 'summary', label: <span data-testid="event-tab-summary">{t('detail.tabs.summary')}</span>, children: <SummaryCard event={e} /> },
          ]}
        />
      </Flex>
    </div>
  );
}

/** What the event waits for, in a sentence, with its approval when there is one. */
function StatusNote({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  switch (e.status) {
    case 'draft':
      return <Alert type="info" showIcon title={t('detail.draftNote')} data-testid="event-note" />;
    case 'pending':
      return <Alert type="info" showIcon title={t('detail.pendingNote')} data-testid="event-note" />;
    case 'rejected':
      return <Alert type="error" showIcon title={t('detail.rejectedNote')} data-testid="event-note" />;
    case 'approved':
      return hasStarted(e.startsAt) ? null : <Alert type="info" showIcon title={t('detail.notStartedNote')} data-testid="event-note" />;
    case 'held':
      return <Alert type="success" showIcon title={t('detail.heldNote')} data-testid="event-note" />;
    case 'cancelled':
      return <Alert type="warning" showIcon title={t('detail.cancelledNote')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{e.cancelReason}</span>} data-testid="event-note" />;
    default:
      return null;
  }
}

/** 议程与总结: the agenda as planned, the summary once closed (or where it will be), the reason when cancelled, and the dates it moved on. */
function SummaryCard({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  const secondary = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Card size="small" data-testid="event-summary">
      <Descriptions size="small" column={1} layout="vertical" colon={false}>
        <Descriptions.Item label={t('fields.agenda')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{e.agenda || secondary(t('detail.noAgenda'))}</span>
        </Descriptions.Item>
        {e.status === 'cancelled' ? (
          <Descriptions.Item label={t('fields.cancelReason')}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="event-cancel-reason">
              {e.cancelReason}
            </span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('fields.summary')}>
            {e.summary ? (
              <Flex vertical>
                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="event-summary-text">
                  {e.summary}
                </span>
                {e.closedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <DateTime value={e.closedAt} type="secondary" />
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              secondary(t('detail.noSummary'))
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
