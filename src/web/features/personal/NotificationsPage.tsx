import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../shared/contracts/tasks';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ItemList } from '../../components/ItemList';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../components/errors';
import { flag, useListState } from '../../components/useListState';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './api';
import { useNotificationText } from './NotificationText';

export function NotificationsPage() {
  const { t } = useTranslation(['personal', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const state = useListState({ unread: flag() });
  const list = useNotifications({ unread: state.filters.unread, page: state.page, pageSize: state.pageSize });
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const text = useNotificationText();

  async function open(n: Notification) {
    try {
      if (!n.readAt) await markRead.mutateAsync(n.id);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
    if (n.link) void navigate(n.link);
  }

  async function readAll() {
    try {
      await markAll.mutateAsync();
      message.success(t('notifications.allRead'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  }

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <Button icon={<CheckOutlined />} onClick={() => void readAll()} loading={markAll.isPending} disabled={!unread.data?.count} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Segmented
          value={state.filters.unread ? 'unread' : 'all'}
          onChange={(v) => state.set({ unread: v === 'unread' })}
          options={[
            { value: 'all', label: <span data-testid="notifications-filter-all">{t('notifications.filter.all')}</span> },
            {
              value: 'unread',
              label: (
                <span data-testid="notifications-filter-unread">
                  {t('notifications.filter.unread')}
                  {unread.data?.count ? ` (${unread.data.count})` : ''}
                </span>
              ),
            },
          ]}
          style={{ marginBottom: 12 }}
        />
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ItemList
          loading={list.isLoading}
          items={list.data?.items ?? []}
          rowKey={(n) => n.id}
          rowProps={(n) => ({ 'data-testid': `notification-${n.id}` })}
          empty={t('notifications.empty')}
          pagination={{ ...state.pagination, total: list.data?.total ?? 0, showTotal: (total) => t('common:state.total', { count: total }) }}
          renderItem={(n) => (
            <Flex gap={12} align="flex-start" style={{ width: '100%', minWidth: 0 }}>
              <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 2 }} />
              <div
                style={{ flex: 1, minWidth: 0, cursor: n.link || !n.readAt ? 'pointer' : 'default' }}
                onClick={() => void open(n)}
                role={n.link ? 'link' : undefined}
                data-testid={`notification-open-${n.id}`}
              >
                <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
                  {text(n)}
                </Typography.Text>
                <div>
                  <DateTime value={n.createdAt} mode="relative" type="secondary" />
                </div>
              </div>
              {!n.readAt && (
                <Button size="small" type="link" onClick={() => markRead.mutate(n.id)} data-testid={`notification-read-${n.id}`} style={{ flexShrink: 0 }}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </Flex>
          )}
        />
      </Card>
    </>
  );
}
