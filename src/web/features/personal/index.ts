// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
export { personalKeys, useMarkAllRead, useMarkRead, useNotifications, useTasks, useUnreadCount } from './api';
export { useNotificationText } from './NotificationText';
export { ChangePasswordForm } from './ChangePasswordForm';
