import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentOutcome, OpportunityStatus, PlanStatus, Stage } from '../../../../shared/domain/pipeline';

const STAGE_COLORS: Record<Stage, string> = { 1: 'default', 2: 'cyan', 3: 'blue', 4: 'geekblue', 5: 'purple' };
const STATUS_COLORS: Record<OpportunityStatus, string> = { open: 'processing', won: 'success', lost: 'error', abandoned: 'default', paused: 'warning' };
const PLAN_COLORS: Record<PlanStatus, string> = { draft: 'default', pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };
const OUTCOME_COLORS: Record<AssessmentOutcome, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default', abandon: 'default', collect: 'warning' };

/** "3 · 价值评估与开发程序设计" — the stage's number and the seed's name. */
export function StageTag({ stage, short }: { stage: Stage; short?: boolean }) {
  const { t } = useTranslation('pipeline');
  return (
    <Tag color={STAGE_COLORS[stage]} style={{ marginInlineEnd: 0 }} data-testid="opportunity-stage-tag">
      {short ? t('opportunities:stageShort', { stage }) : t('opportunities:stageLabel', { stage, name: t(`stages.${stage}`) })}
    </Tag>
  );
}

export function OpportunityStatusTag({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation('pipeline');
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="opportunity-status">
      {t(`statuses.${status}`)}
    </Tag>
  );
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation('pipeline');
  return (
    <Tag color={PLAN_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="plan-status">
      {t(`planStatuses.${status}`)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: AssessmentOutcome }) {
  const { t } = useTranslation('pipeline');
  return (
    <Tag color={OUTCOME_COLORS[outcome]} style={{ marginInlineEnd: 0 }} data-testid="assessment-outcome">
      {t(`outcomes.${outcome}`)}
    </Tag>
  );
}

/** "12 天", in warning colour with a clock when the project has stalled in its stage. */
export function DaysInStage({ days, stalled }: { days: number; stalled: boolean }) {
  const { t } = useTranslation('opportunities');
  const text = t('days', { count: days });
  if (!stalled) return <Typography.Text style={{ whiteSpace: 'nowrap' }}>{text}</Typography.Text>;
  return (
    <Tooltip title={t('stalledHint')}>
      <Typography.Text type="warning" style={{ whiteSpace: 'nowrap' }} data-testid="opportunity-stalled">
        <ClockCircleOutlined /> {text} · {t('stalled')}
      </Typography.Text>
    </Tooltip>
  );
}
