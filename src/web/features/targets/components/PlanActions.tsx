import { AuditOutlined, DeleteOutlined, DownloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Modal, Popconfirm, Table, Tooltip, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TargetImportResult, TargetPlanDetail } from '../../../../shared/contracts/targets';
import { useAuth } from '../../../app/auth';
import { serverText } from '../../../components/errors';
import { useApiError, useFeedback } from '../../../components/feedback';
import { fileToBase64 } from '../../../components/files';
import { exportHref, useDeleteTarget, useImportTarget, useTargetStep, type TargetStep } from '../api';

type ImportError = TargetImportResult['errors'][number];

interface Props {
  plan: TargetPlanDetail;
  /** how many cells are edited and not saved */
  dirty: number;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** the plan was replaced by an import: the page's edits are gone */
  onImported: () => void;
  onStale: () => void;
}

/**
 * The plan's buttons, as its flags say: 保存 (with 放弃修改) while cells are edited, 提交审批 (once saved), 撤回,
 * 删除; 导出 (XLSX, one sheet per level) and, while it may be changed, 导入 of that layout — a refused file lists
 * each sheet, row and column and why. The approval's page once there is one.
 */
export function PlanActions({ plan, dirty, saving, onSave, onDiscard, onImported, onStale }: Props) {
  const { t } = useTranslation('targets');
  const { can } = useAuth();
  const navigate = useNavigate();
  const step = useTargetStep();
  const remove = useDeleteTarget();
  const importer = useImportTarget();
  const showError = useApiError();
  const { message } = useFeedback();
  const [errors, setErrors] = useState<ImportError[] | null>(null);

  const run = async (s: TargetStep, done: string) => {
    try {
      await step.mutateAsync({ id: plan.id, version: plan.version, step: s });
      void message.success(done);
    } catch (err) {
      showError(err, undefined, onStale);
    }
  };
  const confirm = (s: TargetStep, p: { title: string; description?: string; label: string; done: string; icon: ReactNode; primary?: boolean; disabled?: string }) => {
    const button = (
      <Button type={p.primary ? 'primary' : 'default'} icon={p.icon} disabled={!!p.disabled} loading={step.isPending && step.variables?.step === s} data-testid={`target-${s}`}>
        {p.label}
      </Button>
    );
    if (p.disabled) return <Tooltip title={p.disabled}>{button}</Tooltip>;
    return (
      <Popconfirm title={p.title} description={p.description} okText={t('actions.yes')} cancelText={t('actions.back')} okButtonProps={{ 'data-testid': `target-${s}-ok` } as never} onConfirm={() => run(s, p.done)}>
        {button}
      </Popconfirm>
    );
  };

  const upload = async (file: File) => {
    try {
      const result = await importer.mutateAsync({ id: plan.id, version: plan.version, contentBase64: await fileToBase64(file) });
      if (result.errors.length) setErrors(result.errors);
      else {
        onImported();
        void message.success(t('import.applied', { count: result.applied }));
      }
    } catch (err) {
      showError(err, undefined, onStale);
    }
  };

  const runs = plan.canEdit || plan.canWithdraw || can('target:manage');
  return (
    <>
      {plan.approvalId !== null && runs && (
        <Link to={`/approvals/${plan.approvalId}`} data-testid="target-approval-link">
          <Button icon={<AuditOutlined />}>{t('actions.approval', { id: plan.approvalId })}</Button>
        </Link>
      )}
      {plan.canEdit && dirty > 0 && (
        <Popconfirm title={t('actions.discardConfirm', { count: dirty })} okText={t('actions.yes')} cancelText={t('actions.back')} onConfirm={onDiscard}>
          <Button icon={<UndoOutlined />} data-testid="target-discard">
            {t('actions.discard')}
          </Button>
        </Popconfirm>
      )}
      {plan.canEdit && (
        <Button type="primary" icon={<SaveOutlined />} disabled={dirty === 0} loading={saving} onClick={onSave} data-testid="target-save">
          {t('actions.save')}
        </Button>
      )}
      {plan.canSubmit &&
        confirm('submit', {
          title: t('actions.submitConfirm'),
          description: t('actions.submitNote'),
          label: t('actions.submit'),
          done: t('actions.submitted'),
          icon: <SendOutlined />,
          primary: true,
          disabled: dirty > 0 ? t('actions.saveFirst') : undefined,
        })}
      {plan.canWithdraw && confirm('withdraw', { title: t('actions.withdrawConfirm'), label: t('actions.withdraw'), done: t('actions.withdrawn'), icon: <RollbackOutlined /> })}
      <Button icon={<DownloadOutlined />} href={exportHref(plan.id)} download data-testid="target-export">
        {t('actions.export')}
      </Button>
      {plan.canEdit && (
        <Tooltip title={dirty > 0 ? t('import.saveFirst') : t('import.hint')}>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={dirty > 0 || importer.isPending}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={dirty > 0} loading={importer.isPending} data-testid="target-import">
              {t('actions.import')}
            </Button>
          </Upload>
        </Tooltip>
      )}
      {plan.canDelete && (
        <Popconfirm
          title={t('actions.deleteConfirm')}
          okText={t('actions.delete')}
          okButtonProps={{ danger: true, 'data-testid': 'target-delete-ok' } as never}
          cancelText={t('actions.back')}
          onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: plan.id, version: plan.version });
              void message.success(t('actions.deleted'));
              void navigate('/targets', { replace: true });
            } catch (err) {
              showError(err, undefined, onStale);
            }
          }}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="target-delete">
            {t('actions.delete')}
          </Button>
        </Popconfirm>
      )}
      <ImportErrors errors={errors} onClose={() => setErrors(null)} />
    </>
  );
}

/** Why a file was refused: each sheet, row and column with the reason, in the reader's language. */
function ImportErrors({ errors, onClose }: { errors: ImportError[] | null; onClose: () => void }) {
  const { t } = useTranslation('targets');
  return (
    <Modal
      open={errors !== null}
      title={t('import.refused', { count: errors?.length ?? 0 })}
      onCancel={onClose}
      footer={
        <Button onClick={onClose} data-testid="target-import-errors-close">
          {t('import.close')}
        </Button>
      }
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('import.refusedNote')}</Typography.Paragraph>
      <Table<ImportError>
        size="small"
        rowKey={(e) => `${e.sheet}:${e.row}:${e.column ?? ''}:${e.key}`}
        dataSource={errors ?? []}
        pagination={errors && errors.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 520 }}
        columns={[
          // the whole file (unreadable, no sheet of the layout) names no sheet and no row
          { title: t('import.sheet'), dataIndex: 'sheet', width: 90, render: (v: string) => v || '—' },
          { title: t('import.row'), dataIndex: 'row', width: 60, render: (v: number) => (v > 0 ? v : '—') },
          { title: t('import.column'), dataIndex: 'column', width: 80, render: (v: string | null) => v ?? '—' },
          { title: t('import.reason'), key: 'reason', render: (_, e) => serverText(t, e.key, { key: e.key, params: e.params }) },
        ]}
        data-testid="target-import-errors"
      />
    </Modal>
  );
}
