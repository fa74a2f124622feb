import { EditOutlined, HeartOutlined, LogoutOutlined, MoreOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Empty, Flex, Grid, List, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../../shared/contracts/contacts';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAccountContacts } from '../api';
import { ContactFormDrawer } from './ContactFormDrawer';
import { Dots, KeyRoleTags, StageSteps, SupportTag } from './ContactTags';
import { LeftModal } from './LeftModal';
import { RelationshipModal } from './RelationshipModal';

/** 关键人: the account's people with their roles and relationship state (REL-1..3). */
export function ContactsTab({ accountId, editable }: { accountId: number; editable: boolean }) {
  const { t } = useTranslation('contacts');
  const contacts = useAccountContacts(accountId);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [relationship, setRelationship] = useState<ContactListItem | null>(null);
  const [leaving, setLeaving] = useState<ContactListItem | null>(null);
  const [showLeft, setShowLeft] = useState(false);
  const phone = Grid.useBreakpoint().md === false;

  if (contacts.isLoading) return <Skeleton active />;
  if (contacts.isError) return <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const all = contacts.data?.items ?? [];
  const leftCount = all.filter((c) => c.status === 'left').length;
  const rows = showLeft ? all : all.filter((c) => c.status === 'active');
  const grey = (c: ContactListItem) => (c.status === 'left' ? { color: 'rgba(0,0,0,0.35)' } : undefined);

  const columns: ColumnsType<ContactListItem> = [
    {
      key: 'name',
      title: t('fields.name'),
      fixed: 'left',
      width: 140,
      render: (_, c) => (
        <div style={grey(c)}>
          <Typography.Link onClick={() => setEditing(c.id)} style={c.status === 'left' ? { color: 'inherit' } : undefined} data-testid={`contact-open-${c.id}`}>
            {c.name}
          </Typography.Link>
          {c.status === 'left' && (
            <div style={{ fontSize: 12 }} data-testid="contact-left-tag">
              {c.leftAt ? t('list.leftOn', { date: c.leftAt }) : t('list.left')}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'title',
      title: t('fields.title'),
      width: 150,
      render: (_, c) => (
        <div style={grey(c)}>
          <div>{c.title ?? '—'}</div>
          {c.department && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.department}</Typography.Text>}
        </div>
      ),
    },
    {
      key: 'roles',
      title: t('fields.buyingRole'),
      width: 160,
      render: (_, c) => (
        <Flex vertical gap={4} style={grey(c)}>
          <span>{c.buyingRole ? t(`buyingRoles.${c.buyingRole}`) : '—'}</span>
          <KeyRoleTags roles={c.keyRoles} />
        </Flex>
      ),
    },
    { key: 'stage', title: t('fields.stage'), width: 130, render: (_, c) => <StageSteps stage={c.stage} /> },
    { key: 'support', title: t('fields.support'), width: 90, render: (_, c) => <SupportTag support={c.support} /> },
    { key: 'closeness', title: t('fields.closeness'), width: 90, render: (_, c) => <Dots value={c.closeness} /> },
    { key: 'owner', title: t('fields.owner'), width: 100, render: (_, c) => <span style={grey(c)}>{c.ownerName ?? '—'}</span> },
    { key: 'lastContactAt', title: t('fields.lastContactAt'), width: 120, render: (_, c) => <DateTime value={c.lastContactAt} mode="date" /> },
  ];
  const actions = (c: ContactListItem) => (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined />, label: t('list.edit'), onClick: () => setEditing(c.id), 'data-testid': 'contact-edit' } as never,
              { key: 'rel', icon: <HeartOutlined />, label: t('list.relationship'), onClick: () => setRelationship(c), 'data-testid': 'relationship-change' } as never,
              ...(c.status === 'active'
                ? [{ key: 'left', icon: <LogoutOutlined />, danger: true, label: t('list.markLeft'), onClick: () => setLeaving(c), 'data-testid': 'contact-mark-left' } as never]
                : []),
            ],
          }}
        >
          <Button size="small" icon={<MoreOutlined />} aria-label={t('list.actions')} data-testid={`contact-actions-${c.id}`} />
        </Dropdown>
  );
  if (editable) columns.push({ key: 'actions', title: t('list.actions'), width: 80, fixed: 'right', render: (_, c) => actions(c) });

  return (
    <div data-testid="account-contacts">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-add">
            {t('list.add')}
          </Button>
        ) : (
          <span />
        )}
        {leftCount > 0 && (
          <Checkbox checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)} data-testid="contact-show-left">
            {t('list.showLeft')} ({leftCount})
          </Checkbox>
        )}
      </Flex>
      {rows.length === 0 ? (
        <Empty image={<TeamOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('list.empty')} />
      ) : phone ? (
        // On a phone each person is a card of their own rather than a table scrolled sideways.
        <List<ContactListItem>
          dataSource={rows}
          rowKey="id"
          renderItem={(c) => (
            <List.Item style={c.status === 'left' ? { opacity: 0.6 } : undefined} data-testid={`contact-row-${c.id}`} extra={editable ? actions(c) : undefined}>
              <Flex vertical gap={6} style={{ minWidth: 0 }}>
                <div>
                  <Typography.Link onClick={() => setEditing(c.id)} strong data-testid={`contact-open-${c.id}`}>
                    {c.name}
                  </Typography.Link>{' '}
                  <Typography.Text type="secondary">{[c.title, c.department].filter(Boolean).join(' · ')}</Typography.Text>
                  {c.status === 'left' && (
                    <div style={{ fontSize: 12 }} data-testid="contact-left-tag">
                      {c.leftAt ? t('list.leftOn', { date: c.leftAt }) : t('list.left')}
                    </div>
                  )}
                </div>
                <Flex gap={8} wrap align="center">
                  <StageSteps stage={c.stage} />
                  <SupportTag support={c.support} />
                  <Dots value={c.closeness} />
                </Flex>
                <Flex gap={4} wrap align="center">
                  {c.buyingRole && <Typography.Text>{t(`buyingRoles.${c.buyingRole}`)}</Typography.Text>}
                  <KeyRoleTags roles={c.keyRoles} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('list.ownerIs', { name: c.ownerName ?? '—' })} · {t('list.lastContactIs')}<DateTime value={c.lastContactAt} mode="date" type="secondary" />
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<ContactListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ style: c.status === 'left' ? { opacity: 0.6 } : undefined, 'data-testid': `contact-row-${c.id}` }) as never}
        />
      )}
      <ContactFormDrawer accountId={accountId} contactId={editing} contacts={all} onClose={() => setEditing(null)} />
      <RelationshipModal contact={relationship} onClose={() => setRelationship(null)} />
      <LeftModal contact={leaving} onClose={() => setLeaving(null)} />
    </div>
  );
}
