import { App, message as staticMessage, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { applyFormErrors, errorDetail, errorMessage, issueMessage } from './errors';

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

/** Codes whose server message says more than the generic localized text (which rule, which state). */
const WITH_DETAIL = new Set(['VALIDATION', 'INVALID_STATE', 'CONFLICT']);

/**
 * Shows an API failure where the user will look for it: a 400's field issues on the form's fields,
 * a stale version as "changed by someone else — reload" (onStale reloads), anything else as a message.
 */
export function useApiError() {
  const { t } = useTranslation('common');
  const { message, modal } = useFeedback();
  return useCallback(
    (err: unknown, form?: FormInstance, onStale?: () => void) => {
      if (form && applyFormErrors(form, err)) return;
      if (err instanceof ApiError && err.code === 'STALE_VERSION') {
        modal.warning({
          title: errorMessage(err, t),
          content: t('kit.staleHint'),
          okText: t('kit.reload'),
          okButtonProps: { 'data-testid': 'stale-reload' } as never,
          onOk: onStale,
        });
        return;
      }
      if (err instanceof ApiError && err.code === 'VALIDATION' && err.issues.length) {
        void message.error(err.issues.map((i) => issueMessage(i, t)).join('; '));
        return;
      }
      const text = errorMessage(err, t);
      const said = err instanceof ApiError && WITH_DETAIL.has(err.code) ? errorDetail(err, t) : undefined;
      const detail = said !== text ? said : undefined;
      void message.error(detail ? t('kit.errorWithDetail', { message: text, detail }) : text);
    },
    [message, modal, t],
  );
}
