import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/contracts/tasks';

/** The message of a notification: its kind's template under notifications:kinds filled with its params. */
export function useNotificationText() {
  const { t } = useTranslation(['notifications', 'personal']);
  return (n: Pick<Notification, 'kind' | 'params'>) =>
    t(`notifications:kinds.${n.kind}`, { ...n.params, defaultValue: t('personal:notifications.unknownKind', { kind: n.kind }) });
}
