import { App, message as staticMessage, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { applyFormErrors, errorMessage } from '../../../components/errors';

/**
 * antd's message/modal bound to the app's theme and locale when the shell wraps the tree in <App>,
 * the static API otherwise (App.useApp() then returns empty objects).
 */
export function useFeedback() {
  const ctx = App.useApp();
  const message = typeof ctx.message?.success === 'function' ? ctx.message : staticMessage;
  const modal = typeof ctx.modal?.confirm === 'function' ? ctx.modal : Modal;
  return { message, modal };
}

/**
 * The server states business-rule failures in English; these are the ones the admin and approval
 * screens meet, keyed by the server's message, so the field shows them in the user's language.
 */
const KNOWN_ISSUES: Record<string, string> = {
  'A comment is required': 'commentRequired',
  'A unit cannot move under itself': 'unitUnderItself',
  'Attach files you uploaded yourself': 'foreignFile',
  'Choose an active user': 'activeUser',
  'Choose someone else': 'someoneElse',
  'Code is taken': 'codeTaken',
  'Ends before it starts': 'endsBeforeStart',
  'No approval chain configured': 'noChain',
  'Parent unit does not exist': 'noParent',
  'Role does not exist': 'noRole',
  'The company already has a root unit; choose a parent': 'oneRoot',
  'The file is attached to another record': 'fileTaken',
  'The file is empty': 'fileEmpty',
  'The root unit stays the root': 'rootStays',
  'The step is already with this user': 'sameApprover',
  'The submitter cannot approve their own document': 'submitterApproves',
  'The system administrator role keeps role:manage': 'adminKeepsRoles',
  'The unit or one below it still has active users': 'unitHasUsers',
  'Unit does not exist': 'noUnit',
  'Unit is outside your data scope': 'unitOutOfScope',
  'User does not exist': 'noUser',
  'Username is taken': 'usernameTaken',
  'You cannot disable yourself': 'disableSelf',
};

function localizeIssues(err: unknown, t: (key: string) => string): unknown {
  if (!(err instanceof ApiError) || !err.issues.length) return err;
  const issues = err.issues.map((i) => (KNOWN_ISSUES[i.message] ? { ...i, message: t(`shared.issues.${KNOWN_ISSUES[i.message]}`) } : i));
  return new ApiError(err.status, err.code, err.message, { ...(err.details as object), issues });
}

/** Codes whose server message says more than the generic localized text (which rule, which state). */
const WITH_DETAIL = new Set(['VALIDATION', 'INVALID_STATE', 'CONFLICT']);

/**
 * Shows an API failure where the user will look for it: a 400's field issues on the form's fields,
 * a stale version as "changed by someone else — reload" (onStale reloads), anything else as a message.
 */
export function useApiError() {
  const { t } = useTranslation('admin');
  const { message, modal } = useFeedback();
  return useCallback(
    (raw: unknown, form?: FormInstance, onStale?: () => void) => {
      const err = localizeIssues(raw, t);
      if (form && applyFormErrors(form, err)) return;
      if (err instanceof ApiError && err.code === 'STALE_VERSION') {
        modal.warning({
          title: errorMessage(err, t),
          content: t('shared.staleHint'),
          okText: t('shared.reload'),
          okButtonProps: { 'data-testid': 'stale-reload' } as never,
          onOk: onStale,
        });
        return;
      }
      if (err instanceof ApiError && err.code === 'VALIDATION' && err.issues.length) {
        void message.error(err.issues.map((i) => i.message).join('; '));
        return;
      }
      const text = errorMessage(err, t);
      const issues = err instanceof ApiError ? err.issues.map((i) => i.message).join('; ') : '';
      const detail = err instanceof ApiError && WITH_DETAIL.has(err.code) ? issues || (err.message !== text ? err.message : '') : '';
      void message.error(detail ? t('shared.errorWithDetail', { message: text, detail }) : text);
    },
    [message, modal, t],
  );
}
