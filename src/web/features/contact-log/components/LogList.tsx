import { DeleteOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactLog, ContactLogKind } from '../../../../shared/contracts/contact-log';
import { DateTime } from '../../../components/DateTime';
import { useDeleteContactLog } from '../api';
import { AccountLink } from '../../accounts';

const ICONS: Record<ContactLogKind, ReactNode> = { call: <PhoneOutlined />, email: <MailOutlined />, meeting: <TeamOutlined />, other: <MessageOutlined /> };

/** Entries of the contact log, newest first; `showAccount` names the account (the list page). */
export function LogList({ items, loading, editable, showAccount, pagination }: { items: ContactLog[]; loading: boolean; editable: boolean; showAccount?: boolean; pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void } }) {
  const { t } = useTranslation('contactLog');
  const remove = useDeleteContactLog();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('empty') }}
      pagination={pagination ? { ...pagination, size: 'small', showSizeChanger: false } : false}
      renderItem={(l) => (
        <List.Item
          data-testid={`contact-log-${l.id}`}
          actions={
            editable
              ? [
                  <Popconfirm key="del" title={t('confirmDelete')} onConfirm={() => remove.mutate(l)}>
                    <Button type="text" size="small" icon={<DeleteOutlined />} aria-label="delete" />
                  </Popconfirm>,
                ]
              : []
          }
        >
          <List.Item.Meta
            avatar={ICONS[l.kind as ContactLogKind]}
            title={
              <span>
                {t(`kinds.${l.kind}`)}
                {l.contact && ` · ${l.contact.name}`}
                {showAccount && (
                  <>
                    {' · '}
                    <AccountLink id={l.account.id} tab="contactLog">{l.account.name}</AccountLink>
                  </>
                )}
              </span>
            }
            description={
              <span>
                <DateTime value={l.occurredAt} /> · {l.user.name}
                {l.place && ` · ${l.place}`}
                {l.contactWay && ` · ${l.contactWay}`}
              </span>
            }
          />
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{l.summary}</Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}
