import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_GRADES, LIFECYCLE_TRANSITIONS, type AccountDetail, type AccountGrade, type LifecycleStage } from '../../../../shared/contracts/accounts';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { accountKeys } from '../api';

export type AccountAction = 'lifecycle' | 'grade' | 'assign' | 'categories';

interface Props {
  account: AccountDetail;
  action: AccountAction | null;
  onClose: () => void;
}

interface Values {
  to?: LifecycleStage;
  grade?: AccountGrade | 'none';
  ownerId?: number | null;
  unitId?: number | null;
  strategic?: boolean;
  highValue?: 'auto' | 'yes' | 'no';
  reason: string;
}

/** The three recorded changes of the 360 page: each needs a reason, which the change history keeps. */
export function AccountActionModal({ account, action, onClose }: Props) {
  const { t } = useTranslation('accounts');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();

  const run = useMutation({
    mutationFn: (v: Values) => {
      const base = { reason: v.reason, version: account.version };
      if (action === 'lifecycle') return api.post<AccountDetail>(`/api/accounts/${account.id}/lifecycle`, { ...base, to: v.to });
      if (action === 'categories') return api.post<AccountDetail>(`/api/accounts/${account.id}/categories`, { ...base, strategic: v.strategic, highValue: v.highValue === 'auto' ? null : v.highValue === 'yes' });
      if (action === 'grade') return api.post<AccountDetail>(`/api/accounts/${account.id}/grade`, { ...base, grade: v.grade === 'none' ? null : v.grade });
      return api.post<AccountDetail>(`/api/accounts/${account.id}/assign`, { ...base, ownerId: v.ownerId, unitId: v.unitId ?? undefined });
    },
    onSuccess: () => {
      void message.success(t(`actions.${action}Done`));
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (err) =>
      showError(err, form, () => {
        void qc.invalidateQueries({ queryKey: accountKeys.all });
        onClose();
      }),
  });

  const targets = LIFECYCLE_TRANSITIONS[account.lifecycle];
  return (
    <Modal
      open={action !== null}
      title={action ? t(`actions.${action}Title`, { name: account.name }) : undefined}
      okText={t('actions.confirm')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: run.isPending, 'data-testid': 'account-action-ok' } as never}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ grade: account.grade ?? 'none', ownerId: null, strategic: account.categories.includes('strategic'), highValue: account.highValueOverride === null ? 'auto' : account.highValueOverride ? 'yes' : 'no', reason: '' }}
        onFinish={(v) => run.mutate(v)}
      >
        {action === 'lifecycle' && (
          <Form.Item name="to" label={t('actions.lifecycleTo', { from: t(`lifecycles.${account.lifecycle}`) })} rules={[{ required: true, message: t('actions.lifecycleRequired') }]}>
            <Select data-testid="account-lifecycle-to" options={targets.map((s) => ({ value: s, label: t(`lifecycles.${s}`) }))} />
          </Form.Item>
        )}
        {action === 'grade' && (
          <Form.Item name="grade" label={t('fields.grade')} extra={t('actions.gradeHint')} rules={[{ required: true }]}>
            <Select
              data-testid="account-grade-select"
              options={[...ACCOUNT_GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) })), { value: 'none', label: t('grades.none') }]}
            />
          </Form.Item>
        )}
        {action === 'categories' && (
          <>
            <Typography.Paragraph type="secondary">{t('actions.categoriesHint')}</Typography.Paragraph>
            <Form.Item name="strategic" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="account-category-strategic">{t('categories.strategic')}</Checkbox>
            </Form.Item>
            <Form.Item name="highValue" label={t('categories.high_value')} extra={t('actions.highValueHint')}>
              <Radio.Group
                data-testid="account-category-high-value"
                optionType="button"
                options={[
                  { value: 'auto', label: t('actions.highValueAuto', { now: t(account.categories.includes('high_value') ? 'actions.highValueYes' : 'actions.highValueNo') }) },
                  { value: 'yes', label: t('actions.highValueYes') },
                  { value: 'no', label: t('actions.highValueNo') },
                ]}
              />
            </Form.Item>
          </>
        )}
        {action === 'assign' && (
          <>
            <Form.Item name="ownerId" label={t('actions.newOwner', { owner: account.ownerName })} rules={[{ required: true, message: t('actions.ownerRequired') }]}>
              <UserSelect excludeIds={[account.ownerId]} data-testid="account-assign-owner" />
            </Form.Item>
            <Form.Item name="unitId" label={t('fields.unitId')} extra={t('actions.unitHint')}>
              <UnitTreeSelect data-testid="account-assign-unit" />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount data-testid="account-action-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
