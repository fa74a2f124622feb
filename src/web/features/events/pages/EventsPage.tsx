import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EVENT_KINDS, EVENT_WHENS, type EventListItem } from '../../../../shared/contracts/events';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame, listFrameData } from '../../../components/ListFrame';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useEvents } from '../api';
import { EventFormDrawer } from '../components/EventFormDrawer';
import { EventKindTag, EventStatusTag, useEventTime } from '../helpers';

/**
 * /events — 客户活动 (SVC-4): the events the caller sees (their own, their colleagues’ in scope, their unit’s
 * and above), upcoming first by default; each with when and where, who organises it, its guests registered and
 * attended of those invited, and what it has spent of its budget (red above it). 新建活动 for event:write.
 */
export function EventsPage() {
  const { t } = useTranslation('events');
  const { can } = useAuth();
  const navigate = useNavigate();
  const when = useEventTime();
  const [creating, setCreating] = useState(false);
  const state = useListState({ when: oneOf(EVENT_WHENS, 'upcoming'), kind: oneOf(EVENT_KINDS), q: text(100) });
  const search = useTextFilter(state, 'q');
  const q = useEvents({ when: state.filters.when, kind: state.filters.kind, q: state.filters.q || undefined, page: state.page, pageSize: state.pageSize });
  const data = q.data;
  const list = listFrameData(state, search, q);

  const open = (r: EventListItem) => (
    <Link to={`/events/${r.id}`} data-testid={`event-open-${r.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
      {r.title}
    </Link>
  );
  const guests = (r: EventListItem) => <span data-testid={`event-guests-${r.id}`}>{t('list.guests', r.guests)}</span>;

  const columns: TableColumnsType<EventListItem> = [
    {
      title: t('list.columns.event'),
      key: 'title',
      render: (_, r) => (
        <Flex vertical gap={4} align="start">
          {open(r)}
          <EventKindTag kind={r.kind} />
        </Flex>
      ),
    },
    { title: t('list.columns.time'), key: 'time', width: 210, render: (_, r) => when(r.startsAt, r.endsAt) },
    { title: t('list.columns.venue'), dataIndex: 'venue', width: 170, render: (v: string) => v || <Typography.Text type="secondary">{t('list.noVenue')}</Typography.Text> },
    {
      title: t('list.columns.owner'),
      key: 'owner',
      width: 130,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.owner.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.unit.name}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('list.columns.status'), dataIndex: 'status', width: 100, render: (_, r) => <EventStatusTag status={r.status} /> },
    { title: t('list.columns.guests'), key: 'guests', width: 190, render: (_, r) => guests(r) },
    { title: t('list.columns.money'), key: 'money', width: 170, align: 'right', render: (_, r) => <BudgetFigures item={r} /> },
  ];

  const filters = (
    <Row gutter={[8, 8]} style={{ width: '100%' }}>
      <Col xs={24} md={12}>
        <Segmented block value={state.filters.when} onChange={(v) => state.set({ when: v as (typeof EVENT_WHENS)[number] })} options={EVENT_WHENS.map((w) => ({ value: w, label: t(`whens.${w}`) }))} data-testid="events-when" />
      </Col>
      <Col xs={24} md={8}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('list.allKinds')}
          value={state.filters.kind}
          onChange={(v) => state.set({ kind: v })}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          data-testid="events-kind"
        />
      </Col>
    </Row>
  );

  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('list.subtitle')}
        extra={
          can('event:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
              {t('list.create')}
            </Button>
          ) : undefined
        }
      />
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <ListFrame<EventListItem>
        {...list.frame}
        testId="events"
        searchPlaceholder={t('list.search')}
        filters={filters}
        filtersLabel={t('list.filtersLabel')}
        doneLabel={t('list.showResults', { count: data?.total ?? 0 })}
        empty={<Empty description={t('list.empty')} />}
        renderCard={(r) => (
          <Card key={r.id} size="small" style={{ marginBottom: 8 }} data-testid={`event-card-${r.id}`}>
            <Flex justify="space-between" align="start" gap={8}>
              {open(r)}
              <EventStatusTag status={r.status} />
            </Flex>
            <Flex gap={6} align="center" wrap style={{ margin: '6px 0' }}>
              <EventKindTag kind={r.kind} />
              <Typography.Text>{when(r.startsAt, r.endsAt)}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {[r.venue || t('list.noVenue'), r.owner.name].join(' · ')}
            </Typography.Text>
            <Flex justify="space-between" align="end" gap={8} wrap style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {guests(r)}
              </Typography.Text>
              <BudgetFigures item={r} />
            </Flex>
          </Card>
        )}
        table={
          <Table<EventListItem>
            {...list.table}
            rowKey="id"
            size="middle"
            columns={columns}
            locale={{ emptyText: <Empty description={t('list.empty')} /> }}
            scroll={{ x: 1080 }}
            data-testid="events-table"
          />
        }
      />
      <EventFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(e) => void navigate(`/events/${e.id}`)} />
    </div>
  );
}

/** What an event has spent of its budget: "已支出 ¥3,000.00" over "预算 ¥10,000.00", red with a warning above the budget. */
function BudgetFigures({ item }: { item: Pick<EventListItem, 'id' | 'budget' | 'spent'> }) {
  const { t } = useTranslation('events');
  const money = useMoney();
  const over = item.spent > item.budget;
  return (
    <Flex vertical align="end" data-testid={`event-money-${item.id}`} data-over={over}>
      <Typography.Text style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {t('fields.budget')} {money(item.budget)}
      </Typography.Text>
      <Typography.Text type={over ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
        {over && <WarningOutlined style={{ marginInlineEnd: 4 }} title={t('list.overBudget')} />}
        {t('list.spent', { amount: money(item.spent) })}
      </Typography.Text>
    </Flex>
  );
}
