import { all, type MatrixSuite } from './harness';

/** Tasks and notifications are personal: even an administrator does not see another's. */
export const personalMatrix: MatrixSuite = {
  feature: 'tasks, notifications, audit, jobs',
  async setup({ t, ids }) {
    const a1 = await t.login('spec_a1');
    const task = await a1.post('/api/tasks', { title: '回访江南会', dueAt: '2026-12-01T09:00:00+08:00' });
    if (task.status !== 200) throw new Error(`setup: ${JSON.stringify(task.body)}`);
    ids.taskA1 = task.body.id;
    const [notificationId] = await t.platform.notifier.notify(t.platform.db, { userIds: [t.org.users.spec_a1], kind: 'task.assigned', params: { title: '回访江南会' } });
    ids.notificationA1 = notificationId;
  },
  cases: [
    { name: 'my tasks', method: 'GET', url: () => '/api/tasks', expect: all('allow') },
    { name: "spec_a1's task", method: 'GET', url: ({ ids }) => `/api/tasks/${ids.taskA1}`, expect: all('hidden', { spec_a1: 'allow' }) },
    {
      name: "edit spec_a1's task",
      method: 'PATCH',
      url: ({ ids }) => `/api/tasks/${ids.taskA1}`,
      body: () => ({ title: '回访江南会（改）', version: 1 }),
      expect: all('hidden', { spec_a1: 'allow' }),
    },
    { name: 'add a task (invalid)', method: 'POST', url: () => '/api/tasks', body: () => ({}), expect: all('allow') },
    { name: 'my notifications', method: 'GET', url: () => '/api/notifications', expect: all('allow') },
    { name: 'mark all my notifications read', method: 'POST', url: () => '/api/notifications/read-all', expect: all('allow') },
    { name: 'upload a file (invalid)', method: 'POST', url: () => '/api/files', body: () => ({}), expect: all('allow') },
    { name: 'a file that is not there', method: 'GET', url: () => '/api/files/999999', expect: all('hidden') },
    { name: 'unread count', method: 'GET', url: () => '/api/notifications/unread-count', expect: all('allow') },
    {
      name: "mark spec_a1's notification read",
      method: 'POST',
      url: ({ ids }) => `/api/notifications/${ids.notificationA1}/read`,
      expect: all('hidden', { spec_a1: 'allow' }),
    },
    { name: 'audit search', method: 'GET', url: () => '/api/audit', expect: all('deny', { admin: 'allow', gm: 'allow' }) },
    { name: 'audit of one record', method: 'GET', url: ({ t }) => `/api/audit/user/${t.org.users.spec_a1}`, expect: all('deny', { admin: 'allow', gm: 'allow' }) },
    { name: 'job list', method: 'GET', url: () => '/api/jobs', expect: all('deny', { admin: 'allow' }) },
  ],
};
