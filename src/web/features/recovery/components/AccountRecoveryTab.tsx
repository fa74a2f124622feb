import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AccountDetail } from '../../../../shared/contracts/accounts';
import { RECOVERABLE_LIFECYCLES } from '../../../../shared/contracts/recovery';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useOpenPlan, useRecoveryPlans } from '../api';
import { ScoreTag, StateTag, useDriverTexts } from '../helpers';

/**
 * The account's 挽回方案 tab: its open plan (why, steps done, a link to work it) and the earlier ones; a
 * customer without an open plan can get one by hand (recovery:work), with the reason.
 */
export function AccountRecoveryTab({ account }: { account: AccountDetail }) {
  const { t } = useTranslation('recovery');
  const { can } = useAuth();
  const navigate = useNavigate();
  const drivers = useDriverTexts();
  const plans = useRecoveryPlans({ state: 'open,in_progress,won_back,lost', sort: '-openedAt', accountId: account.id, page: 1, pageSize: 50 });
  const openPlan = useOpenPlan();
  const showError = useApiError();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ reason: string; goal?: string }>();
  const submit = useOneSave(async (v: { reason: string; goal?: string }) => {
    try {
      const p = await openPlan.mutateAsync({ accountId: account.id, reason: v.reason.trim(), goal: v.goal?.trim() || undefined });
      setOpening(false);
      void navigate(`/recovery/${p.id}`);
    } catch (err) {
      showError(err, form);
    }
  });
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!plans.data) return <Skeleton active />;
  const items = plans.data.items;
  const current = items.find((p) => p.state === 'open' || p.state === 'in_progress');
  const earlier = items.filter((p) => p !== current);
  const customer = (RECOVERABLE_LIFECYCLES as readonly string[]).includes(account.lifecycle);
  return (
    <Flex vertical gap={12} data-testid="account-recovery">
      {current ? (
        <Card
          size="small"
          title={
            <Flex gap={8} align="center" wrap>
              <Link to={`/recovery/${current.id}`} data-testid="account-recovery-current">
                {t('tab')}
              </Link>
              <StateTag state={current.state} />
            </Flex>
          }
          extra={<ScoreTag score={current.score} band={current.band} />}
        >
          <List size="small" split={false} dataSource={drivers(current.drivers)} renderItem={(line) => <List.Item style={{ padding: '2px 0' }}>• {line}</List.Item>} />
          <Typography.Text type="secondary">
            {current.owner.name} · {t('detail.stepsDone', current.steps)} · <DateTime value={current.openedAt} mode="date" />
          </Typography.Text>
        </Card>
      ) : (
        <Card size="small">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary">{customer ? t('account.none') : t('account.notCustomer')}</Typography.Text>
            {customer && can('recovery:work') && (
              <Button icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="account-recovery-open">
                {t('actions.open')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
      {earlier.length > 0 && (
        <Card size="small" title={t('account.history')}>
          <List
            size="small"
            dataSource={earlier}
            renderItem={(p) => (
              <List.Item>
                <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                  <Link to={`/recovery/${p.id}`}>
                    <DateTime value={p.openedAt} mode="date" /> · {t(`triggers.${p.trigger}`)}
                  </Link>
                  <StateTag state={p.state} />
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      {items.length === 0 && !customer && <Empty description={t('account.none')} />}
      <Modal
        open={opening}
        title={t('actions.open')}
        onCancel={() => setOpening(false)}
        okText={t('actions.open')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ loading: openPlan.isPending, htmlType: 'submit', form: 'recovery-open-form', 'data-testid': 'recovery-open-ok' } as never}
        destroyOnHidden
      >
        {account.lifecycle !== 'at_risk' && <Alert type="info" showIcon title={t('account.movesToAtRisk')} style={{ marginBottom: 12 }} />}
        <Form form={form} id="recovery-open-form" {...saveByButton} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} placeholder={t('actions.reasonPlaceholder')} data-testid="recovery-open-reason" />
          </Form.Item>
          <Form.Item name="goal" label={t('actions.goal')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="recovery-open-goal" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
