import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Empty, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../shared/contracts/accounts';
import type { MergePreview, MergeResult } from '../../../../shared/contracts/merge';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { useApiError, useFeedback } from '../../../components/feedback';
import { contactKeys } from '../../contacts';
import { needsKeys } from '../../needs';
import { planKeys } from '../../plans';
import { accountKeys } from '../api';
import { ENUM_FIELDS, MONEY_FIELDS } from '../fields';
import { AccountSelect } from './AccountSelect';

interface Values {
  reason: string;
}

/**
 * Merges a duplicate into this account (issue 3 item 5): pick the duplicate, see what moves and
 * which empty fields it fills, confirm with a reason. The duplicate is deleted.
 */
export function MergeDialog({ account, open, onClose }: { account: AccountDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('merge');
  const { t: ta } = useTranslation('accounts');
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  useEffect(() => {
    if (open) {
      setSourceId(null);
      form.resetFields();
    }
  }, [open, form]);

  const preview = useQuery({
    queryKey: ['merge-preview', account.id, sourceId],
    queryFn: () => api.get<MergePreview>(`/api/accounts/${account.id}/merge-preview`, { sourceId: sourceId ?? undefined }),
    enabled: open && sourceId !== null,
    retry: false,
  });
  const run = useMutation({
    mutationFn: (v: Values) => {
      const p = preview.data!;
      return api.post<MergeResult>(`/api/accounts/${account.id}/merge`, { sourceId: p.source.id, reason: v.reason, version: p.target.version, sourceVersion: p.source.version });
    },
    onSuccess: (r) => {
      void message.success(t('done', { name: preview.data?.source.name ?? '' }));
      onClose();
      // the picker's own searches stay as they are: refetched, they would look up the deleted duplicate
      void qc.invalidateQueries({ queryKey: accountKeys.all, predicate: (q) => q.queryKey[1] !== 'pick' && !(q.queryKey[1] === 'detail' && q.queryKey[2] === r.sourceId) });
      for (const key of [contactKeys.all, needsKeys.all, planKeys.all]) void qc.invalidateQueries({ queryKey: key });
      qc.removeQueries({ queryKey: accountKeys.detail(r.sourceId) });
    },
    onError: (err) => showError(err, form, () => void preview.refetch()),
  });

  const value = (field: string, v: MergePreview['fields'][number]['value'], hidden: boolean) => {
    if (hidden) return <Typography.Text type="secondary">{t('hidden')}</Typography.Text>;
    if (v === null) return '—';
    if (MONEY_FIELDS.has(field)) return <MoneyText fen={v as number} />;
    if (field === 'discountBp') return ta('units.percentOff', { value: (v as number) / 100 });
    if (field === 'paymentTermDays') return ta('units.daysValue', { count: v as number });
    const prefix = ENUM_FIELDS[field as keyof AccountDetail];
    if (prefix) return ta(`${prefix}.${String(v)}`);
    return String(v);
  };
  const p = preview.data;
  const moving = p?.parts.filter((x) => x.count > 0) ?? [];

  return (
    <Modal
      open={open}
      title={t('title', { name: account.name })}
      okText={t('confirm')}
      cancelText={t('cancel')}
      okButtonProps={{ danger: true, disabled: !p, loading: run.isPending, 'data-testid': 'merge-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="merge-dialog"
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('intro')}
        </Typography.Paragraph>
        <div>
          <Typography.Text strong>{t('pick')}</Typography.Text>
          <AccountSelect value={sourceId} onChange={setSourceId} excludeId={account.id} data-testid="merge-source" />
        </div>
        {sourceId !== null && preview.isLoading && <Skeleton active paragraph={{ rows: 4 }} />}
        {sourceId !== null && preview.isError && <ErrorAlert error={preview.error} />}
        {p && (
          <>
            <Alert type="warning" showIcon title={t('warning', { source: p.source.name, target: p.target.name })} description={t('sourceInfo', { owner: p.source.ownerName, unit: p.source.unitName, code: p.source.creditCode ?? '—' })} data-testid="merge-warning" />
            <div data-testid="merge-parts">
              <Typography.Text strong>{t('moves')}</Typography.Text>
              {moving.length === 0 ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('nothingMoves')}</Typography.Paragraph>
              ) : (
                <Flex gap={6} wrap style={{ marginTop: 6 }}>
                  {moving.map((x) => (
                    <Tag key={x.key} data-testid={`merge-part-${x.key}`}>
                      {t('partCount', { part: t(`parts.${x.key}`, { defaultValue: x.key }), count: x.count })}
                    </Tag>
                  ))}
                </Flex>
              )}
            </div>
            <div data-testid="merge-fields">
              <Typography.Text strong>{t('fills')}</Typography.Text>
              {p.fields.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nothingFills')} />
              ) : (
                <Descriptions size="small" bordered column={1} style={{ marginTop: 6 }} items={p.fields.map((f) => ({ key: f.field, label: ta(`fields.${f.field}`), children: value(f.field, f.value, f.hidden) }))} />
              )}
            </div>
            <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => run.mutate(v)}>
              <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 500 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder={t('reasonExample')} data-testid="merge-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Flex>
    </Modal>
  );
}
