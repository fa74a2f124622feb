import { CustomerServiceOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Empty, Flex, Grid, Row, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SLA_STATES, TICKET_KINDS, TICKET_SEVERITIES, TICKET_STATUSES, type TicketListItem } from '../../../../shared/contracts/tickets';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame } from '../../../components/ListFrame';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { useListState, useTextFilter } from '../../../components/useListState';
import { useTickets } from '../api';
import { columnsWidth, useTicketColumns } from '../components/ticketColumns';
import { SeverityTag, SlaSummary, TicketStatusTag } from '../components/tags';
import { TICKET_LIST, TICKET_LIST_OPTIONS, ticketQuery, type TicketFilters } from '../helpers';

/** /tickets — 服务与投诉 in the caller's scope, overdue first: a table on a desk, cards on a phone; filters, sort and page in the URL. */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState(TICKET_LIST, TICKET_LIST_OPTIONS);
  const { filters } = state;
  const setFilter = <K extends keyof TicketFilters>(key: K, value: TicketFilters[K] | null | undefined) => state.set({ [key]: value ?? undefined });
  const search = useTextFilter(state, 'q');
  const active = state.changed.filter((k) => k !== 'q').length;
  const list = useTickets(ticketQuery(filters, { page: state.page, pageSize: state.pageSize, sort: state.sort }));

  const multi = <K extends 'kind' | 'status' | 'severity' | 'sla'>(key: K, values: readonly string[], labels: string, testId: string) => (
    <Select<string[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ width: '100%' }}
      placeholder={t(`fields.${key === 'sla' ? 'sla' : key}`)}
      value={filters[key]}
      onChange={(v) => setFilter(key, v as TicketFilters[K])}
      options={values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }))}
      data-testid={testId}
    />
  );
  const filterFields = (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={12} md={6} lg={4}>
        {multi('kind', TICKET_KINDS, 'kinds', 'ticket-filter-kind')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {multi('severity', TICKET_SEVERITIES, 'severities', 'ticket-filter-severity')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {multi('status', TICKET_STATUSES, 'statuses', 'ticket-filter-status')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {multi('sla', SLA_STATES, 'slaStates', 'ticket-filter-sla')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UserSelect value={filters.ownerId} onChange={(v) => setFilter('ownerId', v)} placeholder={t('fields.owner')} data-testid="ticket-filter-owner" />
      </Col>
      <Col>
        <Checkbox checked={filters.open} onChange={(e) => setFilter('open', e.target.checked)} style={{ lineHeight: '32px' }} data-testid="ticket-filter-open">
          {t('list.openOnly')}
        </Checkbox>
      </Col>
      <Col>
        <Checkbox checked={filters.breached} onChange={(e) => setFilter('breached', e.target.checked)} style={{ lineHeight: '32px' }} data-testid="ticket-filter-breached">
          {t('list.breachedOnly')}
        </Checkbox>
      </Col>
      {phone && (
        <Col xs={24}>
          <Select
            style={{ width: '100%' }}
            value={state.sort ?? 'sla'}
            onChange={(v: string) => state.change({ sort: v === 'sla' ? undefined : v, page: 1 })}
            options={[
              { value: 'sla', label: t('list.sorts.sla') },
              { value: '-createdAt', label: t('list.sorts.newest') },
              { value: '-receivedAt', label: t('list.sorts.received') },
              { value: 'severity', label: t('list.sorts.severity') },
            ]}
            data-testid="ticket-sort"
          />
        </Col>
      )}
      {active > 0 && (
        <Col>
          <Button onClick={() => state.reset(['q'])} data-testid="ticket-filter-reset">
            {t('list.reset')}
          </Button>
        </Col>
      )}
    </Row>
  );

  const columns = useTicketColumns({ sortable: true });
  const empty = <Empty image={<CustomerServiceOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={filters.q || active ? t('list.noMatch') : t('list.empty')} />;

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <>
            {can('ticket:manage') && (
              <Link to="/tickets/settings">
                <Button icon={<SettingOutlined />} data-testid="ticket-settings-link">
                  {t('menu.settings')}
                </Button>
              </Link>
            )}
            {can('ticket:write') && can('account:read') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(filters.accountId ? `/tickets/new?accountId=${filters.accountId}` : '/tickets/new')} data-testid="ticket-new">
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ListFrame<TicketListItem>
        testId="ticket"
        search={search.search}
        searchPlaceholder={t('list.search')}
        filters={filterFields}
        activeFilters={active}
        filtersLabel={t('list.filters')}
        doneLabel={t('list.showResults', { count: list.data?.total ?? 0 })}
        items={list.data?.items}
        renderCard={(r) => <TicketCard key={r.id} r={r} />}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        pagination={state.pagination}
        empty={empty}
        table={
          <Table<TicketListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            scroll={{ x: columnsWidth(columns as TableColumnsType<unknown>) }}
            onChange={state.onTableChange}
            onRow={(r) => ({ 'data-testid': `ticket-row-${r.id}` }) as never}
            data-testid="ticket-table"
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
            locale={{ emptyText: empty }}
          />
        }
      />
    </div>
  );
}

/** A ticket as a phone (and the account's tab on a phone) shows it: title, number and account, severity, state and its SLA. */
export function TicketCard({ r, hideAccount }: { r: TicketListItem; hideAccount?: boolean }) {
  const { t } = useTranslation('tickets');
  return (
    <Link to={`/tickets/${r.id}`} style={{ display: 'block', color: 'inherit', width: '100%' }} data-testid={`ticket-card-${r.id}`}>
      <Card size="small" hoverable style={{ marginBottom: 8, borderLeft: r.sla.state === 'breached' ? '3px solid #ff4d4f' : r.sla.state === 'warning' ? '3px solid #faad14' : undefined }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {r.title}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {r.number} · {t(`kinds.${r.kind}`)}
              {hideAccount ? '' : ` · ${r.accountName}`} · {r.ownerName}
            </Typography.Text>
          </div>
          <Flex vertical gap={4} align="flex-end">
            <TicketStatusTag status={r.status} />
            <SeverityTag severity={r.severity} />
          </Flex>
        </Flex>
        <div style={{ marginTop: 8 }}>
          <SlaSummary sla={r.sla} />
        </div>
      </Card>
    </Link>
  );
}
