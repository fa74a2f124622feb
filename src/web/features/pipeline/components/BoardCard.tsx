import { ClockCircleOutlined, MoreOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Popover, Tag, Tooltip, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard as Card_ } from '../../../../shared/contracts/opportunities';
import { isGrade, type AssessmentOutcome, type Stage } from '../../../../shared/domain/pipeline';
import { MoneyText } from '../../../components/MoneyText';
import { CARD_DRAG_TYPE, encodeDrag, moveTargets } from '../board';

const OUTCOME_COLORS: Record<AssessmentOutcome, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default', abandon: 'red', collect: 'purple' };
const PLAN_COLORS: Record<string, string> = { draft: 'default', pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };

interface Props {
  card: Card_;
  /** write access: the card can be dragged and moved */
  canMove: boolean;
  busy: boolean;
  onMove: (card: Card_, to: Stage) => void;
  onDragStart?: () => void;
  onDragEnd?: () => void;
}

/** The grade tag of a stage-3 assessment: A–D, or the two outcomes without a grade. */
export function OutcomeTag({ outcome }: { outcome: AssessmentOutcome }) {
  const { t } = useTranslation(['board', 'pipeline']);
  return (
    <Tooltip title={t(`pipeline:outcomes.${outcome}`)}>
      <Tag color={OUTCOME_COLORS[outcome]} style={{ marginInlineEnd: 0 }} data-testid="board-card-grade">
        {isGrade(outcome) ? t('board:card.grade', { grade: outcome }) : t(`board:card.outcome.${outcome}`)}
      </Tag>
    </Tooltip>
  );
}

/** One project on the board: what it is worth, how long it has sat here, and what its gate still lacks. */
export function BoardCard({ card, canMove, busy, onMove, onDragStart, onDragEnd }: Props) {
  const { t } = useTranslation(['board', 'pipeline']);
  const dragStart = (e: DragEvent) => {
    e.dataTransfer.setData(CARD_DRAG_TYPE, encodeDrag(card));
    e.dataTransfer.setData('text/plain', card.name);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart?.();
  };
  const missing = card.missing.length > 0 && (
    <Popover
      trigger={['hover', 'click']}
      title={t('board:card.missingTitle', { stage: t(`pipeline:stages.${card.stage}`) })}
      content={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 280 }} data-testid={`board-card-missing-list-${card.id}`}>
          {card.missing.map((m) => (
            <li key={m}>{t(`pipeline:items.${m}`)}</li>
          ))}
        </ul>
      }
    >
      <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0, cursor: 'pointer' }} data-testid={`board-card-missing-${card.id}`}>
        {t('board:card.missing', { count: card.missing.length })}
      </Tag>
    </Popover>
  );
  const menu = {
    items: moveTargets(card.stage).map(({ stage, kind }) => ({
      key: String(stage),
      label: t(kind === 'back' ? 'board:move.backTo' : 'board:move.to', { stage: t(`pipeline:stages.${stage}`), n: stage }),
      'data-testid': `board-move-${card.id}-${stage}`,
    })),
    onClick: ({ key }: { key: string }) => onMove(card, Number(key) as Stage),
  };
  return (
    <Card
      size="small"
      draggable={canMove && !busy}
      onDragStart={dragStart}
      onDragEnd={onDragEnd}
      style={{ cursor: canMove ? 'grab' : undefined, opacity: busy ? 0.5 : 1, borderColor: card.stalled ? '#ffa39e' : undefined }}
      styles={{ body: { padding: 10 } }}
      data-testid={`board-card-${card.id}`}
      data-stage={card.stage}
    >
      <Flex justify="space-between" align="flex-start" gap={4}>
        <Link to={`/opportunities/${card.id}`} style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }} draggable={false}>
          {card.name}
        </Link>
        {canMove && (
          <Dropdown menu={menu} trigger={['click']}>
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('board:move.action')} data-testid={`board-card-move-${card.id}`} />
          </Dropdown>
        )}
      </Flex>
      <Typography.Text type="secondary" ellipsis={{ tooltip: card.accountName }} style={{ display: 'block', fontSize: 12 }}>
        {card.accountName}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={6} style={{ marginTop: 4 }}>
        <MoneyText fen={card.expectedValue} strong />
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
          <UserOutlined /> {card.ownerName}
        </Typography.Text>
      </Flex>
      <Flex wrap gap={4} align="center" style={{ marginTop: 6 }}>
        <Tag
          color={card.stalled ? 'error' : undefined}
          variant={card.stalled ? undefined : 'outlined'}
          icon={<ClockCircleOutlined />}
          style={{ marginInlineEnd: 0 }}
          data-testid={`board-card-days-${card.id}`}
        >
          {t('board:card.days', { count: card.daysInStage })}
          {card.stalled && ` · ${t('board:card.stalled')}`}
        </Tag>
        {card.assessmentOutcome && <OutcomeTag outcome={card.assessmentOutcome} />}
        {card.planStatus && (
          <Tag color={PLAN_COLORS[card.planStatus]} style={{ marginInlineEnd: 0 }}>
            {t('board:card.plan', { status: t(`pipeline:planStatuses.${card.planStatus}`) })}
          </Tag>
        )}
        {missing}
      </Flex>
    </Card>
  );
}
