import { CheckCircleOutlined, DeleteOutlined, EditOutlined, FileAddOutlined, PlayCircleOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EDITABLE_CONTRACT_STATUSES, OPEN_CONTRACT_STATUSES, type Contract } from '../../../../shared/contracts/contracts';
import { useAuth } from '../../../app/auth';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useContractMove, useDeleteContract, type ContractMove } from '../api';
import { ReasonDialog } from './ReasonDialog';

type ReasonMove = Extract<ContractMove, 'terminate' | 'void' | 'settle'>;

/**
 * What may be done to the contract now, by its state and the caller's permissions: edit, submit and delete a
 * draft; withdraw from approval; start a signed one; terminate, void (nothing received yet) or settle by hand
 * with a reason (contract:manage); add a supplement to a sales contract or a sales contract under a framework.
 */
export function ContractActions({ c, onStale }: { c: Contract; onStale: () => void }) {
  const { t } = useTranslation('deals');
  const { can } = useAuth();
  const navigate = useNavigate();
  const move = useContractMove();
  const remove = useDeleteContract();
  const showError = useApiError();
  const { message, modal } = useFeedback();
  const [reasonFor, setReasonFor] = useState<ReasonMove | null>(null);
  const write = can('contract:write');
  const manage = can('contract:manage');
  const editable = EDITABLE_CONTRACT_STATUSES.includes(c.status);
  const open = OPEN_CONTRACT_STATUSES.includes(c.status);

  const run = (m: ContractMove, reason?: string) =>
    move.mutateAsync({ id: c.id, move: m, version: c.version, reason }).then(
      () => void message.success(t(`actions.done.${m}`)),
      (err: unknown) => {
        showError(err, undefined, onStale);
        throw err;
      },
    );

  const manageItems = [
    { key: 'settle', icon: <CheckCircleOutlined />, label: <span data-testid="contract-settle">{t('actions.settle')}</span> },
    { key: 'terminate', icon: <StopOutlined />, label: <span data-testid="contract-terminate">{t('actions.terminate')}</span> },
    {
      key: 'void',
      icon: <DeleteOutlined />,
      danger: true,
      disabled: c.money.received > 0,
      label: (
        <Tooltip title={c.money.received > 0 ? t('actions.voidReceived') : undefined}>
          <span data-testid="contract-void">{t('actions.void')}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      {write && editable && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">
          {t('actions.edit')}
        </Button>
      )}
      {write && editable && (
        <Button type="primary" icon={<SendOutlined />} loading={move.isPending} onClick={() => void run('submit').catch(() => undefined)} data-testid="contract-submit">
          {t('actions.submit')}
        </Button>
      )}
      {write && c.status === 'draft' && c.approvalId === null && (
        <Button
          danger
          icon={<DeleteOutlined />}
          loading={remove.isPending}
          data-testid="contract-delete"
          onClick={() =>
            modal.confirm({
              title: t('actions.deleteConfirm', { number: c.number }),
              okButtonProps: { danger: true, 'data-testid': 'contract-delete-confirm' } as never,
              onOk: () => remove.mutateAsync({ id: c.id, version: c.version }).then(() => void navigate('/contracts'), (err: unknown) => showError(err, undefined, onStale)),
            })
          }
        >
          {t('actions.delete')}
        </Button>
      )}
      {write && c.status === 'pending' && (
        <Button icon={<RollbackOutlined />} loading={move.isPending} onClick={() => void run('withdraw').catch(() => undefined)} data-testid="contract-withdraw">
          {t('actions.withdraw')}
        </Button>
      )}
      {write && c.status === 'signed' && (
        <Button icon={<PlayCircleOutlined />} loading={move.isPending} onClick={() => modal.confirm({ title: t('actions.startConfirm'), onOk: () => run('start') })} data-testid="contract-start">
          {t('actions.start')}
        </Button>
      )}
      {write && open && c.kind === 'sales' && (
        <Button icon={<FileAddOutlined />} onClick={() => void navigate(`/contracts/new?kind=supplement&accountId=${c.accountId}&parentId=${c.id}`)} data-testid="contract-new-supplement">
          {t('actions.newSupplement')}
        </Button>
      )}
      {write && open && c.kind === 'framework' && (
        <Button icon={<FileAddOutlined />} onClick={() => void navigate(`/contracts/new?kind=sales&accountId=${c.accountId}&parentId=${c.id}`)} data-testid="contract-new-sales">
          {t('actions.newSales')}
        </Button>
      )}
      {manage && open && (
        <Dropdown trigger={['click']} menu={{ items: manageItems, onClick: ({ key }) => setReasonFor(key as ReasonMove) }}>
          <Button data-testid="contract-manage">{t('actions.manage')}</Button>
        </Dropdown>
      )}
      <ReasonDialog
        open={reasonFor !== null}
        title={reasonFor ? t(`actions.${reasonFor}`) : ''}
        okText={reasonFor ? t(`actions.${reasonFor}`) : ''}
        hint={reasonFor ? t(`actions.hint.${reasonFor}`) : undefined}
        danger={reasonFor !== 'settle'}
        saving={move.isPending}
        onClose={() => setReasonFor(null)}
        onSubmit={(reason) => run(reasonFor!, reason).then(() => setReasonFor(null))}
        testId="contract-reason"
      />
    </>
  );
}

