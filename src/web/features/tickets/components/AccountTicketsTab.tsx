import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPEN_TICKET_STATUSES, type TicketListItem } from '../../../../shared/contracts/tickets';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAccountTickets } from '../api';
import { TicketCard } from '../pages/TicketsPage';
import { columnsWidth, useTicketColumns } from './ticketColumns';

/**
 * 服务与投诉 tab of the account 360 page: the account's tickets in scope, overdue first, with how many are
 * open, breached and valid complaints; log a new one for the account.
 */
export function AccountTicketsTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation('tickets');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const list = useAccountTickets(accountId);
  const columns = useTicketColumns({ account: false });
  if (list.isLoading) return <Skeleton active />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const figures = [
    { key: 'open', title: t('account.open'), value: items.filter((i) => OPEN_TICKET_STATUSES.includes(i.status)).length },
    { key: 'breached', title: t('account.breached'), value: items.filter((i) => i.sla.breached || i.sla.state === 'breached').length, danger: true },
    { key: 'valid', title: t('account.validComplaints'), value: items.filter((i) => i.validity === 'valid').length, danger: true },
  ];
  return (
    <Flex vertical gap={12} data-testid="account-tickets">
      <Flex gap={8} wrap justify="flex-end">
        <Link to={`/tickets?accountId=${accountId}`}>
          <Button icon={<UnorderedListOutlined />}>{t('account.all')}</Button>
        </Link>
        {can('ticket:write') && (
          <Link to={`/tickets/new?accountId=${accountId}`} data-testid="account-ticket-new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('list.create')}
            </Button>
          </Link>
        )}
      </Flex>
      <Row gutter={[8, 8]}>
        {figures.map((f) => (
          <Col xs={8} key={f.key}>
            <Card size="small" styles={{ body: { padding: 12 } }}>
              <Statistic title={f.title} value={f.value} styles={{ content: { color: f.danger && f.value > 0 ? '#cf1322' : undefined } }} data-testid={`account-tickets-${f.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('account.tickets', { count: items.length })}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.none')} />
        ) : phone ? (
          items.map((r) => <TicketCard key={r.id} r={r} hideAccount />)
        ) : (
          <Table<TicketListItem> rowKey="id" size="small" pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false} columns={columns} dataSource={items} scroll={{ x: columnsWidth(columns as TableColumnsType<unknown>) }} data-testid="account-tickets-table" />
        )}
      </Card>
    </Flex>
  );
}
