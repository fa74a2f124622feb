import { Empty, Flex, Typography } from 'antd';
import type { DragEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Board } from '../../../../shared/contracts/opportunities';
import type { Stage } from '../../../../shared/domain/pipeline';
import { MoneyText } from '../../../components/MoneyText';
import { CARD_DRAG_TYPE, decodeDrag, type DraggedCard } from '../board';

type Column = Board['columns'][number];

interface Props {
  column: Column;
  /** a card is being dragged from another column: this one may take it */
  dropTarget: boolean;
  onDrop: (card: DraggedCard, to: Stage) => void;
  /** filters of the board, carried into the list behind "more" */
  listQuery: string;
  children: ReactNode;
  fill?: boolean;
}

/** The header of a stage: its name, how many projects, what they are worth and the stage's probability. */
export function ColumnHeader({ column }: { column: Column }) {
  const { t } = useTranslation(['board', 'pipeline']);
  return (
    <div style={{ padding: '8px 10px', borderBottom: '1px solid #e8edf5' }}>
      <Flex justify="space-between" align="baseline" gap={6}>
        <Typography.Text strong style={{ minWidth: 0 }} ellipsis={{ tooltip: `${t(`pipeline:stages.${column.stage}`)} — ${t(`pipeline:stageGoals.${column.stage}`)}` }}>
          {column.stage}. {t(`pipeline:stages.${column.stage}`)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid={`board-column-count-${column.stage}`}>
          {column.count}
        </Typography.Text>
      </Flex>
      <Flex justify="space-between" gap={4} style={{ marginTop: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('board:column.value')}
        </Typography.Text>
        <MoneyText fen={column.value} />
      </Flex>
      <Flex justify="space-between" gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('board:column.weighted', { probability: column.probability })}
        </Typography.Text>
        <MoneyText fen={column.weighted} strong />
      </Flex>
    </div>
  );
}

/** A stage of the board: a drop zone for cards dragged from other stages. */
export function BoardColumn({ column, dropTarget, onDrop, listQuery, children, fill }: Props) {
  const { t } = useTranslation('board');
  const [over, setOver] = useState(false);
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(CARD_DRAG_TYPE);
  return (
    <div
      data-testid={`board-column-${column.stage}`}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        const card = decodeDrag(e.dataTransfer.getData(CARD_DRAG_TYPE));
        if (!card) return;
        e.preventDefault();
        onDrop(card, column.stage);
      }}
      style={{
        flex: fill ? '1 1 auto' : '1 1 0',
        minWidth: fill ? 0 : 186,
        background: over ? '#e6f0ff' : '#f4f6fa',
        border: `1px ${dropTarget ? 'dashed' : 'solid'} ${over ? '#1f5fbf' : dropTarget ? '#8fb3e8' : '#e8edf5'}`,
        borderRadius: 8,
        display: 'flex',
        flexDirection: 'column',
        transition: 'background .15s',
      }}
    >
      <ColumnHeader column={column} />
      <Flex vertical gap={8} style={{ padding: 8, flex: 1, minHeight: 120 }}>
        {column.cards.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('column.empty')} /> : children}
        {column.more > 0 && (
          <Link to={`/opportunities?${listQuery}${listQuery ? '&' : ''}stage=${column.stage}`} data-testid={`board-more-${column.stage}`} style={{ textAlign: 'center', fontSize: 12 }}>
            {t('column.more', { count: column.more })}
          </Link>
        )}
      </Flex>
    </div>
  );
}
