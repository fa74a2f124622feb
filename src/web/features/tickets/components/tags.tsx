import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined, CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaState, TicketKind, TicketSeverity, TicketSlaSummary, TicketStatus } from '../../../../shared/contracts/tickets';
import { DateTime } from '../../../components/DateTime';
import { StatusTag } from '../../../components/StatusTag';
import { KIND_COLORS, SEVERITY_COLORS, SLA_COLORS, STATUS_COLORS } from '../helpers';

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  return <StatusTag value={status} labelPrefix="tickets:statuses" colors={STATUS_COLORS} />;
}

export function SeverityTag({ severity }: { severity: TicketSeverity }) {
  return <StatusTag value={severity} labelPrefix="tickets:severities" colors={SEVERITY_COLORS} />;
}

export function KindTag({ kind }: { kind: TicketKind }) {
  return <StatusTag value={kind} labelPrefix="tickets:kinds" colors={KIND_COLORS} />;
}

const SLA_ICONS: Record<SlaState, React.ReactNode> = {
  in_progress: <ClockCircleOutlined />,
  warning: <WarningOutlined />,
  breached: <ExclamationCircleOutlined />,
  paused: <PauseCircleOutlined />,
  met: <CheckCircleOutlined />,
};

/** An SLA state as a coloured tag with its icon (计时中, 即将超时, 已超时, 已暂停, 已达成). */
export function SlaTag({ state, testId }: { state: SlaState; testId?: string }) {
  const { t } = useTranslation('tickets');
  return (
    <Tag color={SLA_COLORS[state]} icon={SLA_ICONS[state]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-state={state}>
      {t(`slaStates.${state}`)}
    </Tag>
  );
}

/** A ticket's SLA at a glance: its current milestone's state and due time, and 曾超时 when a breach is on record. */
export function SlaSummary({ sla, testId }: { sla: TicketSlaSummary; testId?: string }) {
  const { t } = useTranslation('tickets');
  return (
    <Flex vertical gap={2} align="flex-start">
      <Flex gap={4} wrap align="center">
        <SlaTag state={sla.state} testId={testId} />
        {sla.breached && sla.state !== 'breached' && <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('sla.everBreached')}</Tag>}
      </Flex>
      {sla.milestone && sla.dueAt && (
        <Typography.Text type={sla.state === 'breached' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t(`milestones.${sla.milestone}`)} · <DateTime value={sla.dueAt} type={sla.state === 'breached' ? 'danger' : 'secondary'} />
        </Typography.Text>
      )}
    </Flex>
  );
}
