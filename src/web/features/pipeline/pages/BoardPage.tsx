import { BarChartOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Grid, Input, Modal, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard as BoardCardData } from '../../../../shared/contracts/opportunities';
import { STAGES, type Stage } from '../../../../shared/domain/pipeline';
import { withQuery } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useListState } from '../../../components/useListState';
import { useBoard, useMoveStage } from '../api';
import { missingOf, moveKind, type DraggedCard, type GateRefusal } from '../board';
import { BoardCard } from '../components/BoardCard';
import { BoardColumn } from '../components/BoardColumn';
import { BOARD_FILTERS, PipelineFilters } from '../components/PipelineFilters';

interface Refused extends GateRefusal {
  card: BoardCardData;
  to: Stage;
}

/**
 * /pipeline/board — 开发看板 (PIPE-2, PIPE-7): the open projects in their five stages. A card is
 * dragged to another stage (on a phone: one stage at a time and "move to…"); the server checks
 * every gate on the way and names what is missing, and a move back asks why.
 */
export function BoardPage() {
  const { t } = useTranslation(['board', 'pipeline']);
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState(BOARD_FILTERS);
  const filter = state.filters;
  const board = useBoard(filter);
  const move = useMoveStage();
  const showError = useApiError();
  const { message } = useFeedback();
  const canMove = can('opportunity:write');
  const [dragging, setDragging] = useState<Stage | null>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [back, setBack] = useState<{ card: BoardCardData; to: Stage } | null>(null);
  const [phoneStage, setPhoneStage] = useState<Stage>(1);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const cards = new Map((board.data?.columns ?? []).flatMap((c) => c.cards.map((card) => [card.id, card] as const)));

  const send = (card: BoardCardData, to: Stage, reason?: string) => {
    setMoving(card.id);
    move.mutate(
      { id: card.id, toStage: to, version: card.version, reason },
      {
        onSuccess: () => {
          setBack(null);
          void message.success(t('board:move.done', { name: card.name, stage: t(`pipeline:stages.${to}`) }));
        },
        onError: (err) => {
          const refusal = missingOf(err);
          if (refusal) setRefused({ card, to, ...refusal });
          else showError(err, back ? reasonForm : undefined, () => void board.refetch());
        },
        onSettled: () => setMoving(null),
      },
    );
  };

  const request = (card: BoardCardData, to: Stage) => {
    const kind = moveKind(card.stage, to);
    if (kind === 'none') return;
    if (kind === 'back') {
      reasonForm.resetFields();
      setBack({ card, to });
    } else send(card, to);
  };
  const dropped = (dragged: DraggedCard, to: Stage) => {
    setDragging(null);
    const card = cards.get(dragged.id);
    if (card) request(card, to);
  };

  const listQuery = withQuery('', { ownerId: filter.ownerId, unitId: filter.unitId, q: filter.q }).slice(1);
  const totals = (board.data?.columns ?? []).reduce((a, c) => ({ count: a.count + c.count, value: a.value + c.value, weighted: a.weighted + c.weighted }), { count: 0, value: 0, weighted: 0 });

  const column = (c: NonNullable<typeof board.data>['columns'][number], fill = false) => (
    <BoardColumn key={c.stage} column={c} dropTarget={dragging !== null && dragging !== c.stage} onDrop={dropped} listQuery={listQuery} fill={fill}>
      {c.cards.map((card) => (
        <BoardCard
          key={card.id}
          card={card}
          canMove={canMove}
          busy={moving === card.id}
          onMove={request}
          onDragStart={() => setDragging(card.stage)}
          onDragEnd={() => setDragging(null)}
        />
      ))}
    </BoardColumn>
  );

  return (
    <div>
      <PageHeader
        title={t('board:title')}
        subtitle={
          board.data && (
            <span data-testid="board-totals">
              {t('board:totals', { count: totals.count })} · {t('board:column.value')} <MoneyText fen={totals.value} /> · {t('board:totalWeighted')}{' '}
              <MoneyText fen={totals.weighted} strong />
            </span>
          )
        }
        extra={
          <>
            <Link to="/opportunities">
              <Button icon={<UnorderedListOutlined />}>{t('board:toList')}</Button>
            </Link>
            <Link to="/pipeline/forecast">
              <Button icon={<BarChartOutlined />}>{t('board:toForecast')}</Button>
            </Link>
          </>
        }
      />
      <PipelineFilters filter={filter} onChange={state.set} search />
      {board.isError && <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />}
      {board.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {board.data &&
        (phone ? (
          <>
            <Segmented<Stage>
              block
              value={phoneStage}
              onChange={setPhoneStage}
              options={STAGES.map((s) => ({ value: s, label: `${s} (${board.data.columns.find((c) => c.stage === s)?.count ?? 0})` }))}
              style={{ marginBottom: 8 }}
              data-testid="board-stage-switch"
            />
            {board.data.columns.filter((c) => c.stage === phoneStage).map((c) => column(c, true))}
          </>
        ) : (
          <Flex gap={10} align="stretch" style={{ overflowX: 'auto', paddingBottom: 8 }}>
            {board.data.columns.map((c) => column(c))}
          </Flex>
        ))}

      <Modal
        open={refused !== null}
        title={refused && t('board:refused.title', { stage: t(`pipeline:stages.${refused.to}`) })}
        onCancel={() => setRefused(null)}
        footer={
          refused && (
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => setRefused(null)} data-testid="board-refused-close">
                {t('common:actions.close')}
              </Button>
              <Link to={`/opportunities/${refused.card.id}`}>
                <Button type="primary">{t('board:refused.open')}</Button>
              </Link>
            </Flex>
          )
        }
      >
        {refused && (
          <div data-testid="board-refused">
            <Typography.Paragraph>{t('board:refused.body', { name: refused.card.name, count: refused.missing.length, stage: t(`pipeline:stages.${refused.stage ?? refused.card.stage}`) })}</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 18 }} data-testid="board-refused-items">
              {refused.missing.map((m) => (
                <li key={m}>{t(`pipeline:items.${m}`)}</li>
              ))}
            </ul>
          </div>
        )}
      </Modal>

      <Modal
        open={back !== null}
        title={back && t('board:back.title', { stage: t(`pipeline:stages.${back.to}`) })}
        okText={t('board:back.confirm')}
        okButtonProps={{ loading: move.isPending, 'data-testid': 'board-back-confirm' } as never}
        onOk={() => reasonForm.submit()}
        onCancel={() => setBack(null)}
        destroyOnHidden
      >
        {back && (
          <>
            <Alert type="info" showIcon title={t('board:back.hint', { name: back.card.name })} style={{ marginBottom: 12 }} />
            <Form form={reasonForm} layout="vertical" onFinish={(v) => send(back.card, back.to, v.reason.trim())}>
              <Form.Item name="reason" label={t('board:back.reason')} rules={[{ required: true, whitespace: true, message: t('board:back.reasonRequired') }]}>
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid="board-back-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </div>
  );
}
