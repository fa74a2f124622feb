import { AuditOutlined, BellOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { DateTime } from '../components/DateTime';
import { ErrorAlert } from '../components/ErrorAlert';
import { ItemList } from '../components/ItemList';
import { errorMessage } from '../components/errors';
import { useMarkRead, useNotifications, useNotificationText, useTasks, useUnreadCount } from '../features/personal';
import { useAuth } from './auth';
import type { AppRoute } from './types';

/** The workbench: what needs the user's attention today. */
export function HomePage({ routes }: { routes: AppRoute[] }) {
  const { t } = useTranslation(['personal', 'common']);
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const tasks = useTasks({ status: 'open', page: 1, pageSize: 5 });
  const overdue = useTasks({ status: 'open', due: 'overdue', page: 1, pageSize: 1 });
  const unreadCount = useUnreadCount();
  const unread = useNotifications({ unread: true, page: 1, pageSize: 5 });
  const markRead = useMarkRead();
  const text = useNotificationText();
  // The approvals API may be missing or failing; the workbench still shows everything else.
  const canApprove = can('approval:act');
  const approvals = useQuery({ queryKey: ['approvals', 'counts'], queryFn: () => api.get<{ inbox: number }>('/api/approvals/counts'), retry: false, enabled: canApprove });
  const statSpan = canApprove ? 8 : 12;
  const approvalsPage = routes.find((r) => r.area === 'approvals' && !r.path.includes(':') && can(r.access))?.path;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
          {t('home.greeting', { name: me?.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{me?.unitName}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={statSpan}>
          <StatCard
            testId="home-stat-tasks"
            icon={<CheckSquareOutlined />}
            title={t('home.openTasks')}
            value={tasks.data?.total}
            loading={tasks.isLoading}
            failed={!!tasks.error}
            onClick={() => void navigate('/tasks')}
            suffix={overdue.data?.total ? <Tag color="error">{`${t('home.overdueTasks')} ${overdue.data.total}`}</Tag> : undefined}
          />
        </Col>
        <Col xs={24} sm={statSpan}>
          <StatCard
            testId="home-stat-unread"
            icon={<BellOutlined />}
            title={t('home.unreadNotifications')}
            value={unreadCount.data?.count}
            loading={unreadCount.isLoading}
            failed={!!unreadCount.error}
            onClick={() => void navigate('/notifications')}
          />
        </Col>
        {canApprove && (
        <Col xs={24} sm={statSpan}>
          <StatCard
            testId="home-stat-approvals"
            icon={<AuditOutlined />}
            title={t('home.approvalInbox')}
            value={approvals.data?.inbox}
            loading={approvals.isLoading}
            failed={!!approvals.error}
            failedHint={approvals.error ? `${t('home.approvalsUnavailable')}: ${errorMessage(approvals.error, t)}` : undefined}
            onClick={approvalsPage ? () => void navigate(approvalsPage) : undefined}
          />
        </Col>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.myTasks')} extra={<Link to="/tasks">{t('common:header.viewAll')}</Link>} data-testid="home-tasks">
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
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.unreadNotifications')} extra={<Link to="/notifications">{t('common:header.viewAll')}</Link>} data-testid="home-notifications">
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
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

interface StatProps {
  testId: string;
  icon: ReactNode;
  title: string;
  value: number | undefined;
  loading: boolean;
  failed: boolean;
  failedHint?: string;
  suffix?: ReactNode;
  onClick?: () => void;
}

function StatCard({ testId, icon, title, value, loading, failed, failedHint, suffix, onClick }: StatProps) {
  const { t } = useTranslation('common');
  const body = (
    <Card hoverable={!!onClick} onClick={onClick} loading={loading} data-testid={testId} styles={{ body: { padding: 20 } }}>
      <Statistic
        title={
          <Flex gap={6} align="center">
            {icon}
            {title}
          </Flex>
        }
        value={failed ? t('state.unavailable') : (value ?? 0)}
        styles={failed ? { content: { fontSize: 16, color: 'var(--ant-color-text-tertiary)' } } : undefined}
        suffix={suffix}
      />
    </Card>
  );
  return failed && failedHint ? <Tooltip title={failedHint}>{body}</Tooltip> : body;
}
