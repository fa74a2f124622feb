import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Input, List, Result, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverBody, HandoverPreview, HandoverResult } from '../../../../shared/contracts/handover';
import type { UserItem } from '../../../../shared/contracts/org';
import { api } from '../../../api/client';
import { useApiError } from '../../../components/feedback';
import { useDrawerSize } from '../../../components/layout';
import { UserSelect } from '../../../components/UserSelect';
import { saveByButton } from '../../../components/formSubmit';

interface HandoverForm {
  defaultSuccessorId?: number | null;
  successors: Record<string, number | null | undefined>;
  leftOn: Dayjs;
  note?: string;
}

type Step = 'edit' | 'confirm' | 'done';

/**
 * 离职交接 (ORG-5): shows what the leaving user holds, per part, lets the admin choose successors
 * (one for all, or per part), asks for confirmation, then performs the handover in one request.
 */
export function HandoverDrawer({ user, onClose }: { user: UserItem | null; onClose: () => void }) {
  const { t } = useTranslation('handover');
  const qc = useQueryClient();
  const showError = useApiError();
  const size = useDrawerSize(640);
  const [form] = Form.useForm<HandoverForm>();
  const [step, setStep] = useState<Step>('edit');
  const [result, setResult] = useState<HandoverResult | null>(null);
  const [pending, setPending] = useState<HandoverForm | null>(null);

  useEffect(() => {
    setStep('edit');
    setResult(null);
    setPending(null);
    form.resetFields();
  }, [user?.id, form]);

  const preview = useQuery({
    queryKey: ['handover', user?.id],
    queryFn: () => api.get<HandoverPreview>(`/api/users/${user!.id}/handover`),
    enabled: user !== null,
  });

  const perform = useMutation({
    mutationFn: (v: HandoverForm) => {
      const successors = Object.fromEntries(Object.entries(v.successors ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      const body: HandoverBody = {
        ...(v.defaultSuccessorId ? { defaultSuccessorId: v.defaultSuccessorId } : {}),
        successors,
        leftOn: v.leftOn.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      return api.post<HandoverResult>(`/api/users/${user!.id}/handover`, body);
    },
    onSuccess: (r) => {
      setResult(r);
      setStep('done');
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['handover', user?.id] });
    },
    onError: (err) => {
      setStep('edit');
      showError(err, form);
    },
  });

  const parts = preview.data?.parts ?? [];
  const transferable = parts.filter((p) => p.needsSuccessor);
  const ended = parts.filter((p) => !p.needsSuccessor);
  const left = preview.data?.user.status === 'left';
  const exclude = user ? [user.id] : [];
  const partName = (key: string) => t(`parts.${key}`, { defaultValue: key });

  const successorLabel = (key: string) => {
    const v = pending?.successors?.[key] ?? pending?.defaultSuccessorId;
    return v ?? null;
  };

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      size={size}
      title={user ? t('title', { name: user.name }) : ''}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          {step === 'edit' && (
            <>
              <Button onClick={onClose}>{t('cancel')}</Button>
              <Button type="primary" danger disabled={!preview.data || left} onClick={() => form.submit()} data-testid="handover-next">
                {t('next')}
              </Button>
            </>
          )}
          {step === 'confirm' && (
            <>
              <Button onClick={() => setStep('edit')}>{t('back')}</Button>
              <Button type="primary" danger loading={perform.isPending} onClick={() => pending && perform.mutate(pending)} data-testid="handover-confirm">
                {t('confirm')}
              </Button>
            </>
          )}
          {step === 'done' && (
            <Button type="primary" onClick={onClose} data-testid="handover-close">
              {t('close')}
            </Button>
          )}
        </Flex>
      }
    >
      {preview.isLoading && <Spin />}
      {preview.isError && <Alert type="error" showIcon title={t('loadFailed')} />}
      {left && step !== 'done' && <Alert type="info" showIcon title={t('alreadyLeft')} style={{ marginBottom: 16 }} />}
      {/* kept mounted on the confirm step so a 400 from the server lands on its fields */}
      {preview.data && step !== 'done' && (
        <Form<HandoverForm>
          form={form}
          {...saveByButton}
          style={step === 'edit' ? undefined : { display: 'none' }}
          layout="vertical"
          initialValues={{ leftOn: dayjs(), successors: {} }}
          disabled={left}
          onFinish={(v) => {
            setPending(v);
            setStep('confirm');
          }}
        >
          <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
          {transferable.map((p) => (
            <Card key={p.key} size="small" style={{ marginBottom: 12 }} title={<Space>{partName(p.key)}<Tag color={p.count ? 'blue' : 'default'}>{t('count', { count: p.count })}</Tag></Space>}>
              {p.items.length ? (
                <List size="small" dataSource={p.items} renderItem={(i) => <List.Item>{i.label}</List.Item>} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nothing')} />
              )}
              {p.count > p.items.length && <Typography.Text type="secondary">{t('more', { count: p.count - p.items.length })}</Typography.Text>}
              {p.count > 0 && (
                <Form.Item name={['successors', p.key]} label={t('successorFor', { part: partName(p.key) })} extra={t('successorDefaultHint')} style={{ marginTop: 8, marginBottom: 0 }}>
                  <UserSelect excludeIds={exclude} data-testid={`handover-successor-${p.key}`} />
                </Form.Item>
              )}
            </Card>
          ))}
          {ended.map((p) => (
            <Card key={p.key} size="small" style={{ marginBottom: 12 }} title={<Space>{partName(p.key)}<Tag>{t('count', { count: p.count })}</Tag></Space>}>
              <Typography.Text type="secondary">{t(`ends.${p.key}`, { defaultValue: t('endsGeneric') })}</Typography.Text>
              {p.items.length > 0 && <List size="small" dataSource={p.items} renderItem={(i) => <List.Item>{i.label}</List.Item>} />}
            </Card>
          ))}
          <Form.Item name="defaultSuccessorId" label={t('defaultSuccessor')} extra={t('defaultSuccessorHint')}>
            <UserSelect excludeIds={exclude} data-testid="handover-default-successor" />
          </Form.Item>
          <Form.Item name="leftOn" label={t('leftOn')} rules={[{ required: true, message: t('leftOnRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="handover-left-on" />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="handover-note" />
          </Form.Item>
        </Form>
      )}
      {preview.data && step === 'confirm' && pending && (
        <>
          <Alert type="warning" showIcon title={t('confirmTitle', { name: preview.data.user.name })} description={t('confirmText')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} size="small" bordered>
            {transferable.map((p) => (
              <Descriptions.Item key={p.key} label={partName(p.key)}>
                <Space>
                  <Tag>{t('count', { count: p.count })}</Tag>
                  {p.count > 0 && (successorLabel(p.key) ? <UserSelect value={successorLabel(p.key)} disabled variant="borderless" /> : <Typography.Text type="danger">{t('noSuccessor')}</Typography.Text>)}
                </Space>
              </Descriptions.Item>
            ))}
            {ended.map((p) => (
              <Descriptions.Item key={p.key} label={partName(p.key)}>
                {t('revokeCount', { count: p.count })}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('leftOn')}>{pending.leftOn.format('YYYY-MM-DD')}</Descriptions.Item>
            {pending.note?.trim() && <Descriptions.Item label={t('note')}>{pending.note.trim()}</Descriptions.Item>}
          </Descriptions>
        </>
      )}
      {step === 'done' && result && (
        <Result
          status="success"
          title={t('doneTitle', { name: user?.name ?? '' })}
          subTitle={t('doneText')}
          extra={
            <Descriptions column={1} size="small" bordered data-testid="handover-result">
              {result.parts.map((p) => (
                <Descriptions.Item key={p.key} label={partName(p.key)}>
                  {t('movedCount', { count: p.count })}
                </Descriptions.Item>
              ))}
            </Descriptions>
          }
        />
      )}
    </Drawer>
  );
}
