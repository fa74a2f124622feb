import type { WebFeature } from '../../app/types';
import { MyTasksCard, OpenTasksStat, UnreadCard, UnreadStat } from './HomeWidgets';
import { personalRoutes } from './routes';

/** 个人: my tasks, my notifications, my account; on the home page my open tasks and unread notices. */
export const personalWeb: WebFeature = {
  name: 'personal',
  routes: personalRoutes,
  homeWidgets: [
    { key: 'tasks', kind: 'stat', order: 10, title: 'personal:home.openTasks', rank: { specialist: 20, manager: 20 }, access: 'authenticated', element: <OpenTasksStat /> },
    { key: 'unread', kind: 'stat', order: 20, title: 'personal:home.unreadNotifications', access: 'authenticated', element: <UnreadStat /> },
    { key: 'myTasks', kind: 'card', order: 10, title: 'personal:home.myTasks', rank: { specialist: 20, manager: 20 }, access: 'authenticated', element: <MyTasksCard /> },
    { key: 'notifications', kind: 'card', order: 20, title: 'personal:home.unreadNotifications', access: 'authenticated', element: <UnreadCard /> },
  ],
};
