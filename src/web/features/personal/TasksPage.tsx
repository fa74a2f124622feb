import { EditOutlined, MoreOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Dropdown, Flex, Grid, Popconfirm, Segmented, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../../shared/contracts/tasks';
import { DateTime, formatDateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ItemList } from '../../components/ItemList';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { errorMessage } from '../../components/errors';
import { oneOf, useListState } from '../../components/useListState';
import { useSaveTask, useTasks, type TaskDue, type TaskTab } from './api';
import { TaskFormModal } from './TaskFormModal';

const TABS: TaskTab[] = ['open', 'done', 'all'];
const DUE: (TaskDue | 'any')[] = ['any', 'overdue', 'today', 'week'];

export function TasksPage() {
  const { t } = useTranslation(['personal', 'common']);
  const { message } = App.useApp();
  const state = useListState({ status: oneOf(TABS, 'open'), due: oneOf(DUE, 'any') });
  const { status: tab, due } = state.filters;
  const [editing, setEditing] = useState<{ task?: Task } | null>(null);
  const tasks = useTasks({ status: tab, due: due === 'any' ? undefined : due, page: state.page, pageSize: state.pageSize });
  const save = useSaveTask();

  async function setStatus(task: Task, status: Task['status']) {
    try {
      await save.mutateAsync({ id: task.id, body: { status, version: task.version } });
      if (status === 'done') message.success(t('tasks.doneToast', { title: task.title }));
      if (status === 'open') message.info(t('tasks.reopenedToast', { title: task.title }));
    } catch (err) {
      message.error(errorMessage(err, t));
      void tasks.refetch();
    }
  }

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="task-create">
            {t('tasks.create')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => state.set({ status: k as TaskTab })}
          items={TABS.map((k) => ({ key: k, label: <span data-testid={`task-tab-${k}`}>{t(`tasks.tabs.${k}`)}</span> }))}
        />
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={due}
            onChange={(v) => state.set({ due: v })}
            options={DUE.map((k) => ({ value: k, label: <span data-testid={`task-due-${k}`}>{t(`tasks.due.${k}`)}</span> }))}
          />
        </div>
        {tasks.error && <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
        <ItemList
          loading={tasks.isLoading}
          items={tasks.data?.items ?? []}
          empty={t('tasks.empty')}
          rowKey={(task) => task.id}
          rowProps={(task) => ({ 'data-testid': `task-${task.id}` })}
          pagination={{ ...state.pagination, total: tasks.data?.total ?? 0, showTotal: (total) => t('common:state.total', { count: total }) }}
          renderItem={(task) => <TaskRow task={task} onEdit={() => setEditing({ task })} onStatus={(s) => void setStatus(task, s)} />}
        />
      </Card>
      <TaskFormModal open={editing !== null} task={editing?.task} onClose={() => setEditing(null)} />
    </>
  );
}

function TaskRow({ task, onEdit, onStatus }: { task: Task; onEdit(): void; onStatus(status: Task['status']): void }) {
  const { t, i18n } = useTranslation(['personal', 'common']);
  const done = task.status === 'done';
  return (
    <Flex gap={12} align="flex-start" style={{ width: '100%', minWidth: 0 }}>
      <Checkbox
        checked={done}
        disabled={task.status === 'cancelled'}
        onChange={(e) => onStatus(e.target.checked ? 'done' : 'open')}
        aria-label={t(done ? 'tasks.reopen' : 'tasks.markDone')}
        data-testid={`task-done-${task.id}`}
        style={{ marginTop: 2 }}
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong delete={done} type={done ? 'secondary' : undefined} style={{ wordBreak: 'break-word' }}>
          {task.title}
        </Typography.Text>
        {task.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
            {task.description}
          </Typography.Paragraph>
        )}
        <Flex gap={8} wrap align="center" style={{ marginTop: 4, fontSize: 13 }}>
          {task.status !== 'open' && <StatusTag value={task.status} labelPrefix="personal:tasks.status" />}
          {task.overdue && task.status === 'open' && <Tag color="error">{t('tasks.overdue')}</Tag>}
          {task.dueAt ? (
            <span style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary">{t('tasks.fields.dueAt')} </Typography.Text>
              <DateTime value={task.dueAt} type={task.overdue && task.status === 'open' ? 'danger' : undefined} />
            </span>
          ) : (
            <Typography.Text type="secondary">{t('tasks.noDue')}</Typography.Text>
          )}
          {done && task.completedAt && (
            <Typography.Text type="secondary">{t('tasks.completedAt', { time: formatDateTime(task.completedAt, 'dateTime', t, i18n.language) })}</Typography.Text>
          )}
          {task.linkUrl && (
            <Link to={task.linkUrl} data-testid={`task-link-${task.id}`}>
              {t('tasks.openRecord')}
            </Link>
          )}
        </Flex>
      </div>
      <TaskActions task={task} onEdit={onEdit} onStatus={onStatus} />
    </Flex>
  );
}

/** Edit / cancel / reopen; a compact "more" menu on phones so the title keeps the width. */
function TaskActions({ task, onEdit, onStatus }: { task: Task; onEdit(): void; onStatus(status: Task['status']): void }) {
  const { t } = useTranslation(['personal', 'common']);
  const { modal } = App.useApp();
  const mobile = Grid.useBreakpoint().sm === false;
  const confirmCancel = () =>
    modal.confirm({ title: t('tasks.cancelConfirm'), okText: t('common:actions.confirm'), cancelText: t('common:actions.cancel'), onOk: () => onStatus('cancelled') });

  if (task.status === 'done') return null;
  if (task.status === 'cancelled') {
    return (
      <Button size="small" type="link" onClick={() => onStatus('open')} style={{ flexShrink: 0 }} data-testid={`task-reopen-${task.id}`}>
        {t('tasks.reopen')}
      </Button>
    );
  }
  if (mobile) {
    return (
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            { key: 'edit', icon: <EditOutlined />, label: t('common:actions.edit') },
            { key: 'cancel', icon: <StopOutlined />, danger: true, label: t('tasks.cancelTask') },
          ],
          onClick: ({ key }) => (key === 'edit' ? onEdit() : confirmCancel()),
        }}
      >
        <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('common:actions.edit')} data-testid={`task-more-${task.id}`} style={{ flexShrink: 0 }} />
      </Dropdown>
    );
  }
  return (
    <Flex gap={4} style={{ flexShrink: 0 }}>
      <Button size="small" type="link" onClick={onEdit} data-testid={`task-edit-${task.id}`}>
        {t('common:actions.edit')}
      </Button>
      <Popconfirm title={t('tasks.cancelConfirm')} okText={t('common:actions.confirm')} cancelText={t('common:actions.cancel')} onConfirm={() => onStatus('cancelled')}>
        <Button size="small" type="link" danger data-testid={`task-cancel-${task.id}`}>
          {t('tasks.cancelTask')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
