import { AuditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TargetChangeView, TargetPlanDetail } from '../../../../shared/contracts/targets';
import { DateTime } from '../../../components/DateTime';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useWithdrawChange } from '../api';
import { ChangeStatusTag, useMetricText, useMonthName } from '../helpers';

/**
 * 目标调整 of a locked plan, newest first: each with its state, who asked and when, why, and its lines — the row,
 * the month and level, from → to; its approval's page, and 撤回 for its requester while it waits.
 */
export function ChangesCard({ plan, onStale }: { plan: TargetPlanDetail; onStale: () => void }) {
  const { t } = useTranslation('targets');
  if (plan.status !== 'approved' && plan.changes.length === 0) return null;
  return (
    <Card size="small" title={t('changes.title')} data-testid="target-changes">
      {plan.changes.length ? (
        <List<TargetChangeView> dataSource={plan.changes} renderItem={(c) => <ChangeItem key={c.id} plan={plan} change={c} onStale={onStale} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.empty')} />
      )}
    </Card>
  );
}

function ChangeItem({ plan, change: c, onStale }: { plan: TargetPlanDetail; change: TargetChangeView; onStale: () => void }) {
  const { t } = useTranslation('targets');
  const text = useMetricText(plan.metric);
  const monthName = useMonthName();
  const withdraw = useWithdrawChange();
  const showError = useApiError();
  const { message } = useFeedback();
  return (
    <List.Item data-testid={`target-change-${c.id}`} data-status={c.status} style={{ display: 'block' }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Flex gap={8} align="center" wrap>
          <ChangeStatusTag status={c.status} />
          <Typography.Text strong>{t('changes.heading', { id: c.id })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('changes.by', { name: c.requestedBy.name })} · <DateTime value={c.requestedAt} type="secondary" />
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          {c.approvalId !== null && (
            <Link to={`/approvals/${c.approvalId}`} data-testid={`target-change-approval-${c.id}`}>
              <Button size="small" icon={<AuditOutlined />}>
                {t('actions.approval', { id: c.approvalId })}
              </Button>
            </Link>
          )}
          {c.canWithdraw && (
            <Popconfirm
              title={t('changes.withdrawConfirm')}
              okText={t('actions.yes')}
              cancelText={t('actions.back')}
              okButtonProps={{ 'data-testid': `target-change-withdraw-ok-${c.id}` } as never}
              onConfirm={async () => {
                try {
                  await withdraw.mutateAsync({ changeId: c.id });
                  void message.success(t('changes.withdrawn'));
                } catch (err) {
                  showError(err, undefined, onStale);
                }
              }}
            >
              <Button size="small" icon={<RollbackOutlined />} loading={withdraw.isPending} data-testid={`target-change-withdraw-${c.id}`}>
                {t('actions.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }} data-testid={`target-change-reason-${c.id}`}>
        {c.reason}
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {c.lines.map((l) => (
          <li key={`${l.kind}:${l.id}:${l.month}:${l.level}`} data-testid={`target-change-line-${c.id}-${l.kind}-${l.id}-${l.month}`}>
            <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('changes.line', { name: l.name, month: monthName(l.month), level: t(`levels.${l.level}`), from: l.from === null ? '—' : text(l.from), to: text(l.value) })}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {c.decidedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('changes.decided')} <DateTime value={c.decidedAt} type="secondary" />
        </Typography.Text>
      )}
    </List.Item>
  );
}
