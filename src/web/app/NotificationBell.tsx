import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Dropdown, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '../../shared/contracts/tasks';
import { DateTime } from '../components/DateTime';
import { ItemList } from '../components/ItemList';
import { useMarkAllRead, useMarkRead, useNotifications, useNotificationText, useUnreadCount } from '../features/personal';

export function NotificationBell() {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: 5 }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const text = useNotificationText();
  const count = unread.data?.count ?? 0;

  function go(n: Notification) {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  }

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <Card
          size="small"
          title={t('header.notifications')}
          extra={
            <Button size="small" type="link" disabled={count === 0} onClick={() => markAll.mutate()} data-testid="bell-read-all">
              {t('header.markAllRead')}
            </Button>
          }
          style={{ width: 'min(360px, calc(100vw - 24px))', boxShadow: 'var(--ant-box-shadow-secondary)' }}
          styles={{ body: { padding: '0 12px' } }}
          data-testid="bell-panel"
        >
          <ItemList
            loading={latest.isLoading}
            items={latest.data?.items ?? []}
            rowKey={(n) => n.id}
            empty={t('header.noNotifications')}
            rowStyle={{ cursor: 'pointer', padding: '8px 0' }}
            rowProps={(n) => ({ 'data-testid': `bell-item-${n.id}`, onClick: () => go(n) })}
            renderItem={(n) => (
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong={!n.readAt} ellipsis={{ tooltip: true }} style={{ maxWidth: 320 }}>
                  {!n.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                  {text(n)}
                </Typography.Text>
                <DateTime value={n.createdAt} mode="relative" type="secondary" />
              </Flex>
            )}
          />
          <div style={{ textAlign: 'center', padding: '8px 0', borderTop: '1px solid var(--ant-color-split)' }}>
            <Link to="/notifications" onClick={() => setOpen(false)} data-testid="bell-view-all">
              {t('header.viewAll')}
            </Link>
          </div>
        </Card>
      )}
    >
      <Button type="text" aria-label={t('header.notifications')} data-testid="bell">
        <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
