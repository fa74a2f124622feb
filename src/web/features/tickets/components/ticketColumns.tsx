import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketListItem } from '../../../../shared/contracts/tickets';
import { DateTime } from '../../../components/DateTime';
import { AccountLink } from '../../accounts';
import { KindTag, SeverityTag, SlaSummary, TicketStatusTag } from './tags';

/**
 * The columns of a table of tickets (the list, the account's tab): number with its kind, title (with the
 * account unless `account: false`), severity, SLA (state and due time), status, owner, received. `sortable`
 * marks the columns the list sorts by (their keys are the API's sort fields).
 */
export function useTicketColumns({ sortable = false, account = true }: { sortable?: boolean; account?: boolean } = {}): TableColumnsType<TicketListItem> {
  const { t } = useTranslation('tickets');
  return [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: sortable,
      fixed: 'left',
      width: 160,
      render: (v: string, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/tickets/${r.id}`} data-testid={`ticket-open-${r.id}`}>
            {v}
          </Link>
          <KindTag kind={r.kind} />
        </Flex>
      ),
    },
    {
      title: t('fields.title'),
      dataIndex: 'title',
      width: 240,
      render: (v: string, r) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {v}
          </Typography.Text>
          {account && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              <AccountLink id={r.accountId} tab="tickets" style={{ color: 'inherit' }}>
                {r.accountName}
              </AccountLink>
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('fields.severity'), dataIndex: 'severity', key: 'severity', sorter: sortable, width: 100, render: (v: TicketListItem['severity']) => <SeverityTag severity={v} /> },
    { title: t('fields.sla'), key: 'sla', sorter: sortable, width: 200, render: (_: unknown, r) => <SlaSummary sla={r.sla} testId={`ticket-sla-${r.id}`} /> },
    { title: t('fields.status'), dataIndex: 'status', width: 110, render: (v: TicketListItem['status']) => <TicketStatusTag status={v} /> },
    { title: t('fields.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('fields.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', sorter: sortable, width: 150, render: (v: string) => <DateTime value={v} /> },
  ];
}

/** The width a table of these columns needs (its horizontal scroll). */
export const columnsWidth = (columns: TableColumnsType<unknown>) => columns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 120), 0);
