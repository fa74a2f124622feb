import { MailOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../../shared/contracts/surveys';
import { DateTime, formatDateTime } from '../../../components/DateTime';
import { AccountLink } from '../../accounts';
import { csatTone, STATUS_COLORS, statusLine } from '../helpers';
import { InvitationActions } from './InvitationActions';

/** An invitation's state with the date that goes with it (valid until, answered, expired, revoked). */
export function InvitationStatus({ i }: { i: Invitation }) {
  const { t, i18n } = useTranslation('surveys');
  const day = (iso: string) => formatDateTime(iso, 'date', t, i18n.language);
  return (
    <div>
      <Tag color={STATUS_COLORS[i.status]} style={{ marginInlineEnd: 0 }} data-testid={`survey-status-${i.id}`}>
        {t(`statuses.${i.status}`)}
      </Tag>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {statusLine(t, i, day)}
      </Typography.Text>
    </div>
  );
}

/** CSAT and NPS of an answered invitation: “4 / 9”. */
export function InvitationScores({ i }: { i: Invitation }) {
  if (i.csat === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={`survey-scores-${i.id}`}>
      <Typography.Text strong type={csatTone(i.csat)}>
        {i.csat}
      </Typography.Text>
      <Typography.Text type="secondary"> / {i.nps}</Typography.Text>
    </span>
  );
}

/** The columns of an invitation list; the account column only where the list spans accounts. */
export function useInvitationColumns({ account }: { account: boolean }): TableColumnsType<Invitation> {
  const { t } = useTranslation('surveys');
  return [
    ...(account
      ? [{ title: t('fields.account'), dataIndex: 'accountName', key: 'account', sorter: true, width: 190, ellipsis: true, render: (v: string, r: Invitation) => <AccountLink id={r.accountId}>{v}</AccountLink> }]
      : []),
    {
      title: t('fields.contact'),
      dataIndex: 'contactName',
      width: 130,
      render: (v: string, r) => (
        <span>
          {v}{' '}
          {r.emailedAt && (
            <Tooltip title={t('fields.emailed')}>
              <MailOutlined style={{ color: '#8c8c8c' }} />
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('fields.status'), dataIndex: 'status', width: 140, render: (_: unknown, r) => <InvitationStatus i={r} /> },
    { title: `${t('fields.csat')} / ${t('fields.nps')}`, key: 'csat', sorter: true, width: 130, render: (_: unknown, r) => <InvitationScores i={r} /> },
    { title: t('fields.reason'), dataIndex: 'reason', width: 100, render: (v: string) => t(`reasons.${v}`) },
    {
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 150,
      render: (v: string, r) => (
        <div>
          <DateTime value={v} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.createdBy?.name ?? t('fields.system')}
            {account ? ` · ${r.ownerName}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { title: '', key: 'actions', width: 170, render: (_: unknown, r) => <InvitationActions invitation={r} /> },
  ];
}

/** An invitation as a phone shows it. */
export function InvitationCard({ i, account }: { i: Invitation; account: boolean }) {
  const { t } = useTranslation('surveys');
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`survey-card-${i.id}`}>
      <Flex justify="space-between" gap={8} align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{account ? i.accountName : i.contactName}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {account ? `${i.contactName} · ` : ''}
            {t(`reasons.${i.reason}`)}
          </Typography.Text>
        </div>
        <InvitationStatus i={i} />
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <InvitationScores i={i} />
        <InvitationActions invitation={i} />
      </Flex>
    </Card>
  );
}
