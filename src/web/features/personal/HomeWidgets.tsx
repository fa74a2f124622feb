import { BellOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { Badge, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HomeCard } from '../../components/HomeCard';
import { ItemList } from '../../components/ItemList';
import { StatCard } from '../../components/StatCard';
import { useMarkRead, useNotifications, useTasks, useUnreadCount } from './api';
import { useNotificationText } from './NotificationText';

/** Open tasks, with the overdue ones flagged. */
export function OpenTasksStat() {
  const { t } = useTranslation('personal');
  const tasks = useTasks({ status: 'open', page: 1, pageSize: 5 });
  const overdue = useTasks({ status: 'open', due: 'overdue', page: 1, pageSize: 1 });
  return (
    <StatCard
      testId="home-stat-tasks"
      icon={<CheckSquareOutlined />}
      title={t('home.openTasks')}
      value={tasks.data?.total}
      query={tasks}
      to="/tasks"
      suffix={overdue.data?.total ? <Tag color="error">{`${t('home.overdueTasks')} ${overdue.data.total}`}</Tag> : undefined}
    />
  );
}

export function UnreadStat() {
  const { t } = useTranslation('personal');
  const unreadCount = useUnreadCount();
  return (
    <StatCard
      testId="home-stat-unread"
      icon={<BellOutlined />}
      title={t('home.unreadNotifications')}
      value={unreadCount.data?.count}
      query={unreadCount}
      to="/notifications"
    />
  );
}

/** My next open tasks. */
export function MyTasksCard() {
  const { t } = useTranslation(['personal', 'common']);
  const tasks = useTasks({ status: 'open', page: 1, pageSize: 5 });
  return (
    <HomeCard icon={<CheckSquareOutlined />} title={t('home.myTasks')} to="/tasks" testId="home-tasks">
      {tasks.error ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <ItemList
          loading={tasks.isLoading}
          items={tasks.data?.items ?? []}
          rowKey={(task) => task.id}
          empty={t('home.noTasks')}
          renderItem={(task) => (
            <Flex justify="space-between" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {task.linkUrl ? <Link to={task.linkUrl}>{task.title}</Link> : task.title}
              </Typography.Text>
              {task.dueAt && <DateTime value={task.dueAt} mode="relative" type={task.overdue ? 'danger' : 'secondary'} />}
            </Flex>
          )}
        />
      )}
    </HomeCard>
  );
}

/** My unread notifications; a click marks one read and opens what it is about. */
export function UnreadCard() {
  const { t } = useTranslation(['personal', 'common']);
  const navigate = useNavigate();
  const unread = useNotifications({ unread: true, page: 1, pageSize: 5 });
  const markRead = useMarkRead();
  const text = useNotificationText();
  return (
    <HomeCard icon={<BellOutlined />} title={t('home.unreadNotifications')} to="/notifications" testId="home-notifications">
      {unread.error ? (
        <ErrorAlert error={unread.error} onRetry={() => void unread.refetch()} />
      ) : (
        <ItemList
          loading={unread.isLoading}
          items={unread.data?.items ?? []}
          rowKey={(n) => n.id}
          empty={t('home.noUnread')}
          rowStyle={{ cursor: 'pointer' }}
          rowProps={(n) => ({
            'data-testid': `home-notification-${n.id}`,
            onClick: () => {
              markRead.mutate(n.id);
              if (n.link) void navigate(n.link);
            },
          })}
          renderItem={(n) => (
            <Flex justify="space-between" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                <Badge status="processing" style={{ marginInlineEnd: 6 }} />
                {text(n)}
              </Typography.Text>
              <DateTime value={n.createdAt} mode="relative" type="secondary" />
            </Flex>
          )}
        />
      )}
    </HomeCard>
  );
}
