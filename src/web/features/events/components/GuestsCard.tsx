import { ScheduleOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, Radio, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, Invitation, InvitationUpdate } from '../../../../shared/contracts/events';
import { useAuth } from '../../../app/auth';
import { AccountLink } from '../../accounts';
import { useRemoveInvitation, useUpdateInvitation } from '../api';
import { ConfirmDelete, FollowUpLink, hasStarted, RESPONSE_COLOR, useAttempt } from '../helpers';
import { FollowUpModal } from './FollowUpModal';
import { InviteModal } from './InviteModal';

/**
 * 嘉宾: the guests of accounts in the caller's scope (all of them to the organiser) — who, of which account,
 * invited by whom, their response with 报名 / 婉拒 at a click, 到场 / 未到 once the event has started, and for
 * those who came, once it is held, 安排跟进 (a visit or a development project) or the link to it. Guests of
 * colleagues' accounts are only counted. 邀请嘉宾 picks an account, then its contacts.
 */
export function GuestsCard({ event: e, onStale }: { event: EventDetail; onStale: () => void }) {
  const { t } = useTranslation('events');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const update = useUpdateInvitation();
  const remove = useRemoveInvitation();
  const attempt = useAttempt();
  const [inviting, setInviting] = useState(false);
  const [following, setFollowing] = useState<Invitation | null>(null);

  const started = hasStarted(e.startsAt);
  const attendanceOpen = (e.status === 'approved' || e.status === 'held') && started;
  const mayFollowUp = can('visit:write') || can('opportunity:write');
  // the server says which guests the caller may follow up (a closed event's attendees too)
  const followable = (inv: Invitation) => inv.canFollowUp && mayFollowUp;

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const patch = (inv: Invitation, body: Omit<InvitationUpdate, 'version'>) => attempt(() => update.mutateAsync({ id: e.id, invId: inv.id, body: { ...body, version: inv.version } }), undefined, onStale);
  const busy = (inv: Invitation) => update.isPending && update.variables?.invId === inv.id;

  const who = (inv: Invitation) => (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text strong>{inv.contact.name}</Typography.Text>
      {inv.contact.title && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {inv.contact.title}
        </Typography.Text>
      )}
      {inv.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {inv.note}
        </Typography.Text>
      )}
    </Flex>
  );
  const response = (inv: Invitation) => (
    <Flex gap={4} align="center" wrap>
      <Tag color={RESPONSE_COLOR[inv.response]} style={{ marginInlineEnd: 0 }} data-testid={`guest-response-${inv.id}`} data-response={inv.response}>
        {t(`responses.${inv.response}`)}
      </Tag>
      {inv.canEdit && inv.response !== 'registered' && (
        <Button size="small" type="link" loading={busy(inv)} onClick={() => void patch(inv, { response: 'registered' })} data-testid={`guest-register-${inv.id}`}>
          {t('guests.register')}
        </Button>
      )}
      {inv.canEdit && inv.response !== 'declined' && inv.attended !== true && (
        <Button size="small" type="link" danger disabled={busy(inv)} onClick={() => void patch(inv, { response: 'declined' })} data-testid={`guest-decline-${inv.id}`}>
          {t('guests.decline')}
        </Button>
      )}
    </Flex>
  );
  const attendance = (inv: Invitation): ReactNode => {
    if (inv.canEdit && attendanceOpen) {
      return (
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={inv.attended ?? undefined}
          disabled={busy(inv)}
          onChange={(ev) => void patch(inv, { attended: ev.target.value as boolean })}
          options={[
            { value: true, label: <span data-testid={`guest-attended-${inv.id}`}>{t('guests.attended')}</span> },
            { value: false, label: <span data-testid={`guest-absent-${inv.id}`}>{t('guests.absent')}</span> },
          ]}
        />
      );
    }
    if (inv.attended !== null) return <Tag color={inv.attended ? 'success' : 'default'} data-testid={`guest-attendance-${inv.id}`}>{inv.attended ? t('guests.attended') : t('guests.absent')}</Tag>;
    if (!started && (e.status === 'approved' || e.status === 'draft' || e.status === 'pending' || e.status === 'rejected')) return <Typography.Text type="secondary">{t('guests.attendanceLater')}</Typography.Text>;
    return dash;
  };
  const followUp = (inv: Invitation): ReactNode | null => {
    if (inv.followUp) return <FollowUpLink followUp={inv.followUp} testId={`guest-follow-up-link-${inv.id}`} />;
    if (followable(inv)) {
      return (
        <Button size="small" icon={<ScheduleOutlined />} onClick={() => setFollowing(inv)} data-testid={`guest-follow-up-${inv.id}`}>
          {t('guests.followUp')}
        </Button>
      );
    }
    return null;
  };
  const removable = (inv: Invitation) => inv.canEdit && inv.response === 'invited' && inv.attended === null && !inv.followUp;
  const removeButton = (inv: Invitation) =>
    removable(inv) ? (
      <ConfirmDelete
        title={t('guests.removeConfirm', { name: inv.contact.name })}
        label={t('guests.remove')}
        testId={`guest-remove-${inv.id}`}
        onConfirm={() => attempt(() => remove.mutateAsync({ id: e.id, invId: inv.id, version: inv.version }), t('guests.removed'), onStale)}
      />
    ) : null;

  const columns: TableColumnsType<Invitation> = [
    { title: t('fields.contact'), key: 'contact', width: 160, render: (_, inv) => who(inv) },
    {
      title: t('fields.account'),
      key: 'account',
      width: 200,
      render: (_, inv) => (
        <AccountLink id={inv.account.id} style={{ overflowWrap: 'anywhere' }}>
          {inv.account.name}
        </AccountLink>
      ),
    },
    { title: t('fields.invitedBy'), key: 'invitedBy', width: 90, render: (_, inv) => inv.invitedBy.name },
    { title: t('fields.response'), key: 'response', width: 190, render: (_, inv) => response(inv) },
    { title: t('guests.attendance'), key: 'attended', width: 130, render: (_, inv) => attendance(inv) },
    { title: t('fields.followUp'), key: 'followUp', width: 130, render: (_, inv) => followUp(inv) ?? dash },
    { key: 'remove', width: 48, render: (_, inv) => removeButton(inv) },
  ];

  return (
    <Card
      size="small"
      title={t('guests.listTitle')}
      extra={
        e.can.invite && (
          <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="event-invite">
            {t('guests.invite')}
          </Button>
        )
      }
      data-testid="event-guests"
    >
      {e.hiddenInvitations > 0 && <Alert type="info" showIcon title={t('guests.hidden', { count: e.hiddenInvitations })} style={{ marginBottom: 12 }} data-testid="event-hidden-guests" />}
      {e.invitations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(e.hiddenInvitations > 0 ? 'guests.noneOfYours' : 'guests.empty')} />
      ) : phone ? (
        <Flex vertical gap={8}>
          {e.invitations.map((inv) => (
            <Card key={inv.id} size="small" data-testid={`guest-${inv.id}`}>
              <Flex justify="space-between" align="start" gap={8}>
                {who(inv)}
                {removeButton(inv)}
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0', fontSize: 13 }}>
                <AccountLink id={inv.account.id}>{inv.account.name}</AccountLink> · {t('guests.invitedByLine', { name: inv.invitedBy.name })}
              </Typography.Text>
              <Flex vertical gap={6}>
                {response(inv)}
                <Flex justify="space-between" align="center" gap={8} wrap>
                  {attendance(inv)}
                  {followUp(inv)}
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<Invitation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={e.invitations}
          pagination={e.invitations.length > 20 ? { pageSize: 20, size: 'small' } : false}
          scroll={{ x: 950 }}
          onRow={(inv) => ({ 'data-testid': `guest-${inv.id}` }) as never}
          data-testid="event-guests-table"
        />
      )}
      {inviting && <InviteModal event={e} onClose={() => setInviting(false)} onStale={onStale} />}
      {following && <FollowUpModal event={e} invitation={following} onClose={() => setFollowing(null)} onStale={onStale} />}
    </Card>
  );
}
