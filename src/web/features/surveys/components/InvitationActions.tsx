import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation, IssuedInvitation } from '../../../../shared/contracts/surveys';
import { useAuth } from '../../../app/auth';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useNewLink, useRevoke } from '../api';
import { AnswerDrawer } from './AnswerDrawer';
import { LinkDialog } from './LinkDialog';

/** What can be done with an invitation: see the answers; a new link (not answered or revoked); revoke a pending one. */
export function InvitationActions({ invitation: i }: { invitation: Invitation }) {
  const { t } = useTranslation('surveys');
  const { can } = useAuth();
  const { modal, message } = useFeedback();
  const apiError = useApiError();
  const newLink = useNewLink();
  const revoke = useRevoke();
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [viewing, setViewing] = useState(false);
  const write = can('survey:write');
  const renew = () =>
    modal.confirm({
      title: t('actions.newLink'),
      content: t('actions.newLinkConfirm'),
      okButtonProps: { 'data-testid': 'survey-new-link-ok' } as never,
      onOk: async () => {
        try {
          setIssued(await newLink.mutateAsync(i.id));
        } catch (err) {
          apiError(err);
        }
      },
    });
  const withdraw = () =>
    modal.confirm({
      title: t('actions.revoke'),
      content: t('actions.revokeConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'survey-revoke-ok' } as never,
      onOk: async () => {
        try {
          await revoke.mutateAsync(i.id);
          void message.success(t('actions.revoked'));
        } catch (err) {
          apiError(err);
        }
      },
    });
  return (
    <Flex gap={4} wrap>
      {i.status === 'answered' && (
        <Button size="small" type="link" onClick={() => setViewing(true)} data-testid={`survey-view-${i.id}`}>
          {t('actions.view')}
        </Button>
      )}
      {write && (i.status === 'pending' || i.status === 'expired') && (
        <Button size="small" type="link" onClick={renew} data-testid={`survey-new-link-${i.id}`}>
          {t('actions.newLink')}
        </Button>
      )}
      {write && i.status === 'pending' && (
        <Button size="small" type="link" danger onClick={withdraw} data-testid={`survey-revoke-${i.id}`}>
          {t('actions.revoke')}
        </Button>
      )}
      <LinkDialog issued={issued} onClose={() => setIssued(null)} />
      <AnswerDrawer id={viewing ? i.id : null} onClose={() => setViewing(false)} />
    </Flex>
  );
}
