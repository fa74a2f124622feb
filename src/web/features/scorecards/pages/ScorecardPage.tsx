import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Grid, Input, InputNumber, Skeleton, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SCORECARD_STATUSES, type ScorecardDetail, type ScorecardItem } from '../../../../shared/contracts/scorecards';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveItems, useScorecard, useWithdrawReopening } from '../api';
import { itemKey, trimZeros, changedEntries, entryIssue, fmtPoints, inputSpec, isEntered, liveTotal, livePoints, stepOf, type ItemEdit } from '../card';
import { CardActions } from '../components/CardActions';
import { personText } from '../components/ItemValue';
import { CardPrint } from '../components/CardPrint';
import { ItemValue } from '../components/ItemValue';
import { usePeriodLabel } from '../components/Pickers';
import { TrendChart } from '../components/TrendChart';

/**
 * /scorecards/:id — one 考核表 laid out like the seed's paper form: the header (form, period, person, unit,
 * evaluator, the steps 草稿 → 自评 → 考核人评分 → 部门经理审核 → 已锁定), the items with their reading, full marks,
 * source, actual value and points, the total against the threshold (a red warning under it). The evaluator types
 * the judgment items' points and comments and sees the points and total at once (scoreOf, totalOf); the buttons
 * move the card on or back; the trend of the person's last 12 cards; 打印 on one A4 page.
 */
export function ScorecardPage() {
  const id = Number(useParams().id);
  // a card's edits belong to it: another card's page starts clean
  return <CardLoader key={id} id={id} />;
}

function CardLoader({ id }: { id: number }) {
  const one = useScorecard(id);
  if (one.error && !one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  return <ScorecardView card={one.data} reload={() => void one.refetch()} />;
}

const NO_EDITS: Record<string, ItemEdit> = {};

function ScorecardView({ card, reload }: { card: ScorecardDetail; reload: () => void }) {
  const { t } = useTranslation('scorecards');
  const phone = Grid.useBreakpoint().md === false;
  const period = usePeriodLabel();
  const save = useSaveItems();
  const showError = useApiError();
  const { message } = useFeedback();
  // the edits belong to the version they were typed on: a saved or reloaded card starts clean
  const [edits, setEdits] = useState<{ version: number; items: Record<string, ItemEdit> }>({ version: card.version, items: NO_EDITS });
  const items = edits.version === card.version ? edits.items : NO_EDITS;
  const setItem = (item: ScorecardItem, patch: Partial<ItemEdit>) =>
    setEdits({ version: card.version, items: { ...items, [item.key]: { value: items[item.key]?.value ?? item.value, comment: items[item.key]?.comment ?? item.comment ?? '', ...patch } } });
  const changed = changedEntries(card.items, items);
  const live = liveTotal(card.items, items, card.threshold);
  const issues = card.items.filter((i) => items[i.key] && entryIssue(i.rule, items[i.key]!.value) !== null);
  const stale = () => {
    setEdits({ version: card.version, items: NO_EDITS });
    reload();
  };

  const onSave = async () => {
    if (issues.length) {
      void message.error(t('card.fixEntries', { items: issues.map((i) => t(itemKey(card.kind, i.key, 'name'))).join('、') }));
      return;
    }
    try {
      await save.mutateAsync({ id: card.id, version: card.version, items: changed });
      void message.success(t('card.saved'));
    } catch (err) {
      showError(err, undefined, stale);
    }
  };

  return (
    <div style={{ minWidth: 0 }} className="scorecard-page">
      <PageHeader
        title={t(`kinds.${card.kind}`)}
        subtitle={
          <Link to={`/scorecards?kind=${card.kind}&period=${card.period}`}>
            <ArrowLeftOutlined /> {t('card.backToList')}
          </Link>
        }
        extra={<CardActions card={card} dirty={changed.length} saving={save.isPending} onSave={() => void onSave()} onStale={stale} />}
      />
      <Flex vertical gap={12}>
        <ReopeningNotice card={card} onStale={stale} />
        {card.returnReason && card.status !== 'locked' && <Alert type="warning" showIcon title={t('card.returned')} description={card.returnReason} data-testid="scorecard-return-reason-shown" />}
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'period', label: t('card.period'), children: period(card.period) },
              { key: 'person', label: t('card.person'), children: personText(t, card.person) },
              { key: 'unit', label: t('card.unit'), children: card.unit.name },
              { key: 'evaluator', label: t('card.evaluator'), children: card.evaluator?.name ?? <Typography.Text type="secondary">{t('card.noEvaluator')}</Typography.Text> },
              { key: 'computed', label: t('card.computedAt'), children: <DateTime value={card.computedAt} /> },
              ...(card.lockedAt ? [{ key: 'locked', label: t('card.lockedAt'), children: <span>{card.lockedBy?.name} <DateTime value={card.lockedAt} /></span> }] : []),
            ]}
          />
          <div data-testid="scorecard-status" data-status={card.status} style={{ marginTop: 12, overflowX: 'auto' }}>
            <Steps
              size="small"
              type={phone ? 'dot' : 'default'}
              titlePlacement={phone ? 'vertical' : 'horizontal'}
              responsive={false}
              current={stepOf(card.status)}
              status={card.status === 'locked' ? 'finish' : 'process'}
              items={SCORECARD_STATUSES.map((s) => ({ title: t(`steps.${s}`) }))}
            />
          </div>
        </Card>
        <Card size="small" title={t('card.items')} styles={{ body: { padding: 0 } }}>
          {phone ? <PhoneItems card={card} edits={items} onEdit={setItem} /> : <ItemsTable card={card} edits={items} onEdit={setItem} />}
          <TotalLine card={card} live={live} />
        </Card>
        {live.warning && <Alert type="error" showIcon title={t('card.warning', { threshold: fmtPoints(card.threshold) })} data-testid="scorecard-warning" />}
        <Comments card={card} />
        <TrendChart userId={card.person.id} kind={card.kind} />
      </Flex>
      <CardPrint card={card} />
    </div>
  );
}

/** The evaluator's number for an item: its steps and range, red with the reason when refused. */
function EntryInput({ item, edit, onEdit }: { item: ScorecardItem; edit: ItemEdit | undefined; onEdit: (item: ScorecardItem, patch: Partial<ItemEdit>) => void }) {
  const { t } = useTranslation('scorecards');
  const spec = inputSpec(item.rule);
  const value = edit ? edit.value : item.value;
  const issue = entryIssue(item.rule, value);
  const hint = issue
    ? t(issue, { ns: 'errors', defaultValue: t('card.badEntry') })
    : item.rule.kind === 'judgment'
      ? t('card.judgmentHint', { max: fmtPoints(item.rule.points), step: fmtPoints(item.rule.stepOf) })
      : t('card.countHint');
  return (
    <Tooltip title={hint}>
      <InputNumber<number>
        value={value}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        precision={spec.precision}
        formatter={trimZeros}
        status={issue ? 'error' : undefined}
        placeholder={item.rule.kind === 'judgment' ? t('card.judgmentPlaceholder', { max: fmtPoints(item.rule.points) }) : t('card.countPlaceholder')}
        onChange={(v) => onEdit(item, { value: v ?? null })}
        style={{ width: 120 }}
        data-testid={`scorecard-item-${item.key}-input`}
      />
    </Tooltip>
  );
}

/** The evaluator's comment on an item, or the comment saved. */
function EntryComment({ item, edit, editing, onEdit }: { item: ScorecardItem; edit: ItemEdit | undefined; editing: boolean; onEdit: (item: ScorecardItem, patch: Partial<ItemEdit>) => void }) {
  const { t } = useTranslation('scorecards');
  if (!editing) return item.comment ? <span data-testid={`scorecard-item-${item.key}-comment`}>{item.comment}</span> : null;
  return (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={500}
      value={edit ? edit.comment : (item.comment ?? '')}
      placeholder={t('card.commentPlaceholder')}
      onChange={(e) => onEdit(item, { comment: e.target.value })}
      data-testid={`scorecard-item-${item.key}-comment`}
    />
  );
}

/** An item's points as the page shows them: live while typed (blue), red when refused or below zero. */
function ItemPoints({ item, edit, size }: { item: ScorecardItem; edit: ItemEdit | undefined; size?: number }) {
  const p = livePoints(item, edit);
  const changed = edit !== undefined && p !== item.points;
  const bad = edit !== undefined && entryIssue(item.rule, edit.value) !== null;
  return (
    <Typography.Text
      strong
      type={bad || (p !== null && p < 0) ? 'danger' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', fontSize: size, color: changed && !bad ? '#1f5fbf' : undefined }}
      data-testid={`scorecard-item-${item.key}-points`}
    >
      {fmtPoints(p)}
    </Typography.Text>
  );
}

/** On a phone: one block an item — name and points, the reading, source and actual, the evaluator's entry below. */
function PhoneItems({ card, edits, onEdit }: { card: ScorecardDetail; edits: Record<string, ItemEdit>; onEdit: (item: ScorecardItem, patch: Partial<ItemEdit>) => void }) {
  const { t } = useTranslation('scorecards');
  return (
    <div data-testid="scorecard-items">
      {card.items.map((i) => {
        const editing = card.can.evaluate && isEntered(i);
        return (
          <div key={i.key} style={{ padding: '10px 12px', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
            <Flex justify="space-between" align="baseline" gap={8}>
              <Typography.Text strong>{t(itemKey(card.kind, i.key, 'name'))}</Typography.Text>
              <span style={{ whiteSpace: 'nowrap' }}>
                <ItemPoints item={i} edit={edits[i.key]} size={16} />
                <Typography.Text type="secondary"> / {fmtPoints(i.rule.points)}</Typography.Text>
              </span>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t(itemKey(card.kind, i.key, 'reading'))}
            </Typography.Text>
            <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`sources.${i.source}`)}</Tag>
              {!editing && <ItemValue item={i} />}
            </Flex>
            {editing && (
              <Flex vertical gap={6} style={{ marginTop: 6 }}>
                <EntryInput item={i} edit={edits[i.key]} onEdit={onEdit} />
                <EntryComment item={i} edit={edits[i.key]} editing onEdit={onEdit} />
              </Flex>
            )}
            {!editing && i.comment && (
              <Typography.Text style={{ display: 'block', marginTop: 4 }}>
                <EntryComment item={i} edit={undefined} editing={false} onEdit={onEdit} />
              </Typography.Text>
            )}
          </div>
        );
      })}
    </div>
  );
}

function ItemsTable({ card, edits, onEdit }: { card: ScorecardDetail; edits: Record<string, ItemEdit>; onEdit: (item: ScorecardItem, patch: Partial<ItemEdit>) => void }) {
  const { t } = useTranslation('scorecards');
  const editing = (i: ScorecardItem) => card.can.evaluate && isEntered(i);
  const columns: ColumnsType<ScorecardItem> = [
    { title: t('columns.name'), key: 'name', width: 130, render: (_, i) => <Typography.Text strong>{t(itemKey(card.kind, i.key, 'name'))}</Typography.Text> },
    {
      title: t('columns.reading'),
      key: 'reading',
      render: (_, i) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(itemKey(card.kind, i.key, 'reading'))}
        </Typography.Text>
      ),
    },
    { title: t('columns.full'), key: 'full', width: 64, align: 'center', render: (_, i) => fmtPoints(i.rule.points) },
    { title: t('columns.source'), key: 'source', width: 96, render: (_, i) => <Tag style={{ marginInlineEnd: 0 }}>{t(`sources.${i.source}`)}</Tag> },
    { title: t('columns.value'), key: 'value', width: 150, render: (_, i) => (editing(i) ? <EntryInput item={i} edit={edits[i.key]} onEdit={onEdit} /> : <ItemValue item={i} />) },
    { title: t('columns.points'), key: 'points', width: 72, align: 'center', render: (_, i) => <ItemPoints item={i} edit={edits[i.key]} /> },
    { title: t('columns.comment'), key: 'comment', width: 220, render: (_, i) => <EntryComment item={i} edit={edits[i.key]} editing={editing(i)} onEdit={onEdit} /> },
  ];
  return (
    <Table<ScorecardItem>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={card.items}
      pagination={false}
      scroll={{ x: 960 }}
      rowClassName={(i) => (editing(i) ? 'scorecard-item-editing' : '')}
      data-testid="scorecard-items"
    />
  );
}

/** 合计: the total (live while editing) against the full marks and the threshold, and what is missing. */
function TotalLine({ card, live }: { card: ScorecardDetail; live: ReturnType<typeof liveTotal> }) {
  const { t } = useTranslation('scorecards');
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '10px 12px', borderTop: '1px solid rgba(5,5,5,0.06)', background: 'rgba(0,0,0,0.02)' }}>
      <Flex align="baseline" gap={8} wrap>
        <Typography.Text strong>{t('card.total')}</Typography.Text>
        <Typography.Text strong type={live.warning ? 'danger' : undefined} style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }} data-testid="scorecard-total" data-warning={live.warning ? 'true' : 'false'}>
          {fmtPoints(live.total)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('card.outOf', { full: fmtPoints(card.fullMarks) })}</Typography.Text>
        {live.warning && <Tag color="error">{t('card.warningTag')}</Tag>}
      </Flex>
      <Flex gap={12} wrap>
        {!live.complete && (
          <Typography.Text type="warning" data-testid="scorecard-missing">
            {t('card.missing', { count: live.missing })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t('card.threshold', { threshold: fmtPoints(card.threshold) })}</Typography.Text>
      </Flex>
    </Flex>
  );
}

/** 自评意见 / 考核人意见 / 部门经理意见. */
function Comments({ card }: { card: ScorecardDetail }) {
  const { t } = useTranslation('scorecards');
  const text = (v: string | null, testId: string) =>
    v ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={testId}>
        {v}
      </Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('comments.none')}
      </Typography.Text>
    );
  return (
    <Card size="small" title={t('comments.title')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'self', label: t('comments.self'), children: text(card.selfComment, 'scorecard-self-comment') },
          { key: 'evaluator', label: t('comments.evaluator'), children: text(card.evaluatorComment, 'scorecard-evaluator-comment') },
          { key: 'director', label: t('comments.director'), children: text(card.directorComment, 'scorecard-director-comment') },
        ]}
      />
    </Card>
  );
}

/** The newest reopening asked for: waiting (its requester may take it back), or how it was decided. */
function ReopeningNotice({ card, onStale }: { card: ScorecardDetail; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const { me } = useAuth();
  const withdraw = useWithdrawReopening();
  const showError = useApiError();
  const { message } = useFeedback();
  const r = card.reopening;
  if (!r || r.status === 'withdrawn' || (r.status !== 'pending' && card.status === 'locked' && r.status === 'approved')) return null;
  const type = r.status === 'pending' ? 'info' : r.status === 'approved' ? 'success' : 'warning';
  return (
    <Alert
      type={type}
      showIcon
      title={t(`reopen.statuses.${r.status}`, { name: r.requestedBy.name })}
      description={
        <span>
          {r.reason} · <DateTime value={r.createdAt} />
          {r.approvalId !== null && (
            <>
              {' · '}
              <Link to={`/approvals/${r.approvalId}`} data-testid="scorecard-reopening-approval">
                {t('reopen.approval')}
              </Link>
            </>
          )}
        </span>
      }
      action={
        r.status === 'pending' && me?.id === r.requestedBy.id ? (
          <Button
            size="small"
            loading={withdraw.isPending}
            onClick={async () => {
              try {
                await withdraw.mutateAsync({ reopeningId: r.id });
                void message.success(t('reopen.withdrawn'));
              } catch (err) {
                showError(err, undefined, onStale);
              }
            }}
            data-testid="scorecard-reopen-withdraw"
          >
            {t('reopen.withdraw')}
          </Button>
        ) : undefined
      }
      data-testid="scorecard-reopening"
      data-status={r.status}
    />
  );
}
