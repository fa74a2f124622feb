import { CheckCircleOutlined, CloseOutlined, DeleteOutlined, EditOutlined, MoreOutlined, PlayCircleOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dropdown, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LEVELS, type PlanItem, type PlanLevel, type PlanStatus } from '../../../../shared/contracts/plans';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { personalKeys } from '../../personal';
import { timelineKeys } from '../../timeline';
import { planKeys, useAccountPlan } from '../api';
import { CompleteModal } from './CompleteModal';
import { PlanItemDrawer } from './PlanItemDrawer';

const STATUS_COLORS: Record<PlanStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' };
const isOpen = (i: PlanItem) => i.status === 'planned' || i.status === 'in_progress';

/** One row of the table: an item, or the empty row of a level that has none yet (as on the paper form). */
interface Row {
  key: string;
  level: PlanLevel;
  item: PlanItem | null;
  /** rows the level cell spans (0 for the level's later rows) */
  span: number;
}

function rowsOf(items: PlanItem[]): Row[] {
  return PLAN_LEVELS.flatMap((level): Row[] => {
    const mine = items.filter((i) => i.level === level).sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)));
    if (!mine.length) return [{ key: `empty-${level}`, level, item: null, span: 1 }];
    return mine.map((item, i) => ({ key: String(item.id), level, item, span: i === 0 ? mine.length : 0 }));
  });
}

type Change = { id: number; version: number } & ({ status: 'planned' | 'in_progress' | 'cancelled' } | { remove: true });

/** 关系强化 (REL-6): the 客户关系强化表 of seed 003 — per level, our relationship against the key competitor's and what we do about it. */
export function PlanTab({ accountId, editable }: { accountId: number; editable: boolean }) {
  const { t } = useTranslation('plans');
  const plan = useAccountPlan(accountId);
  const phone = Grid.useBreakpoint().md === false;
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const showError = useApiError();
  const [editing, setEditing] = useState<PlanItem | { level: PlanLevel } | null>(null);
  const [completing, setCompleting] = useState<PlanItem | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: planKeys.ofAccount(accountId) });
    void qc.invalidateQueries({ queryKey: personalKeys.tasks });
    void qc.invalidateQueries({ queryKey: timelineKeys.ofAccount(accountId) });
  };
  const change = useMutation({
    mutationFn: (c: Change) => ('remove' in c ? api.delete(`/api/plan-items/${c.id}?version=${c.version}`) : api.patch<PlanItem>(`/api/plan-items/${c.id}`, { status: c.status, version: c.version })),
    onSuccess: () => {
      void message.success(t('saved'));
      refresh();
    },
    onError: (err) => showError(err, undefined, refresh),
  });

  if (plan.isLoading) return <Skeleton active />;
  if (plan.isError || !plan.data) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const items = plan.data.items;
  const open = items.filter(isOpen);
  const overdue = items.filter((i) => i.overdue);

  const menu = (i: PlanItem): MenuProps['items'] => [
    { key: 'edit', icon: <EditOutlined />, label: t('edit'), onClick: () => setEditing(i), 'data-testid': 'plan-item-edit' } as never,
    ...(isOpen(i)
      ? [
          { key: 'complete', icon: <CheckCircleOutlined />, label: t('complete'), onClick: () => setCompleting(i), 'data-testid': 'plan-item-complete' } as never,
          ...(i.status === 'planned' ? [{ key: 'start', icon: <PlayCircleOutlined />, label: t('start'), onClick: () => change.mutate({ id: i.id, version: i.version, status: 'in_progress' }) } as never] : []),
          { key: 'cancel', icon: <CloseOutlined />, label: t('cancelItem'), onClick: () => change.mutate({ id: i.id, version: i.version, status: 'cancelled' }), 'data-testid': 'plan-item-cancel' } as never,
        ]
      : [{ key: 'reopen', icon: <RollbackOutlined />, label: t('reopen'), onClick: () => change.mutate({ id: i.id, version: i.version, status: 'in_progress' }), 'data-testid': 'plan-item-reopen' } as never]),
    {
      key: 'delete',
      icon: <DeleteOutlined />,
      danger: true,
      label: t('delete'),
      onClick: () =>
        modal.confirm({
          title: t('deleteConfirm'),
          okText: t('delete'),
          cancelText: t('cancel'),
          okButtonProps: { danger: true, 'data-testid': 'plan-item-delete-ok' } as never,
          onOk: () => change.mutateAsync({ id: i.id, version: i.version, remove: true }),
        }),
    } as never,
  ];
  const actions = (i: PlanItem) => (
    <Dropdown trigger={['click']} menu={{ items: menu(i) }}>
      <Button size="small" icon={<MoreOutlined />} aria-label={t('actions')} data-testid={`plan-item-actions-${i.id}`} />
    </Dropdown>
  );
  const text = (v: string | null) => (v ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{v}</Typography.Paragraph> : <Typography.Text type="secondary">—</Typography.Text>);
  const people = (i: PlanItem) =>
    i.contacts.length ? (
      <Flex gap={4} wrap>
        {i.contacts.map((c) => (
          <Tag key={c.id} style={{ marginInlineEnd: 0, opacity: c.left ? 0.5 : 1 }}>
            {c.title ? t('contactWithTitle', { name: c.name, title: c.title }) : c.name}
          </Tag>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const ours = (i: PlanItem) => (
    <Flex vertical gap={4}>
      {i.ourStage && <Tag color="blue" style={{ width: 'fit-content', marginInlineEnd: 0 }}>{t(`contacts:stages.${i.ourStage}`)}</Tag>}
      {text(i.ourRelationship)}
    </Flex>
  );
  const theirs = (i: PlanItem) => (
    <Flex vertical gap={2}>
      {i.competitor && <Typography.Text strong>{i.competitor}</Typography.Text>}
      {text(i.competitorRelationship)}
    </Flex>
  );
  const schedule = (i: PlanItem) => (
    <Flex vertical gap={2}>
      {!i.startOn && !i.dueOn && <Typography.Text type="secondary">—</Typography.Text>}
      {i.startOn && <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('startsOn', { date: i.startOn })}</Typography.Text>}
      {i.dueOn && <Typography.Text style={{ whiteSpace: 'nowrap' }} type={i.overdue ? 'danger' : undefined}>{t('dueOnText', { date: i.dueOn })}</Typography.Text>}
      {i.overdue && <Tag color="error" style={{ width: 'fit-content' }} data-testid="plan-item-overdue">{t('overdue')}</Tag>}
    </Flex>
  );
  const status = (i: PlanItem) => (
    <Flex vertical gap={2}>
      <Tag color={STATUS_COLORS[i.status]} style={{ width: 'fit-content' }}>{t(`statuses.${i.status}`)}</Tag>
      {i.status === 'done' && i.doneOn && <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('doneOn', { date: i.doneOn })}</Typography.Text>}
      {i.outcome && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.outcome}</Typography.Text>}
    </Flex>
  );
  const addFor = (level: PlanLevel) =>
    editable ? (
      <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setEditing({ level })} data-testid={`plan-add-${level}`}>
        {t('addAtLevel')}
      </Button>
    ) : null;

  const rows = rowsOf(items);
  // an empty level spans the item columns with its add link
  const ITEM_COLUMNS = editable ? 7 : 6;
  const cell = (render: (i: PlanItem) => ReactNode, first = false) => ({
    render: (_: unknown, r: Row) => (r.item ? render(r.item) : first ? <Flex align="center" gap={8}><Typography.Text type="secondary">{t('noItems')}</Typography.Text>{addFor(r.level)}</Flex> : null),
    onCell: (r: Row) => (r.item ? {} : { colSpan: first ? ITEM_COLUMNS : 0 }),
  });
  const columns: ColumnsType<Row> = [
    {
      key: 'level',
      title: t('fields.level'),
      width: 100,
      fixed: 'left',
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_, r) => (
        <Flex vertical gap={4} align="start">
          <Typography.Text strong>{t(`levels.${r.level}`)}</Typography.Text>
          {r.item && addFor(r.level)}
        </Flex>
      ),
    },
    { key: 'contacts', title: t('fields.contacts'), width: 140, ...cell(people, true) },
    { key: 'ours', title: t('fields.ourRelationship'), width: 160, ...cell(ours) },
    { key: 'theirs', title: t('fields.competitorRelationship'), width: 160, ...cell(theirs) },
    { key: 'owner', title: t('fields.owner'), width: 90, ...cell((i) => i.ownerName) },
    {
      key: 'measures',
      title: t('fields.measures'),
      width: 190,
      ...cell((i) => (
        <Flex vertical gap={4}>
          {text(i.measures)}
          {i.notes && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('noteIs', { note: i.notes })}</Typography.Text>}
        </Flex>
      )),
    },
    {
      key: 'schedule',
      title: t('fields.schedule'),
      // a date with its label stays on one line
      width: 176,
      ...cell((i) => (
        <Flex vertical gap={4}>
          {schedule(i)}
          {status(i)}
        </Flex>
      )),
    },
  ];
  if (editable) columns.push({ key: 'actions', title: t('actions'), width: 60, fixed: 'right', ...cell(actions) });

  return (
    <Flex vertical gap={12} data-testid="account-plan">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
          <div data-testid="plan-summary">
            <Typography.Text>{t('summary', { open: open.length, done: items.filter((i) => i.status === 'done').length })}</Typography.Text>
            {overdue.length > 0 && (
              <Tag color="error" style={{ marginInlineStart: 8 }}>
                {t('overdueCount', { count: overdue.length })}
              </Tag>
            )}
          </div>
        </div>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ level: 'gm' })} data-testid="plan-add">
            {t('add')}
          </Button>
        )}
      </Flex>
      {phone ? (
        <Flex vertical gap={12}>
          {PLAN_LEVELS.map((level) => {
            const mine = rows.filter((r) => r.level === level && r.item).map((r) => r.item!);
            return (
              <Card key={level} size="small" title={t(`levels.${level}`)} extra={addFor(level)} data-testid={`plan-level-${level}`}>
                {mine.length === 0 ? (
                  <Typography.Text type="secondary">{t('noItems')}</Typography.Text>
                ) : (
                  <Flex vertical gap={12}>
                    {mine.map((i, n) => (
                      <Flex key={i.id} vertical gap={6} style={{ borderTop: n ? '1px solid rgba(5,5,5,0.06)' : undefined, paddingTop: n ? 12 : 0, opacity: isOpen(i) ? 1 : 0.7 }} data-testid={`plan-item-${i.id}`}>
                        <Flex justify="space-between" align="start" gap={8}>
                          <div style={{ minWidth: 0, flex: 1 }}>{text(i.measures)}</div>
                          {editable && actions(i)}
                        </Flex>
                        {people(i)}
                        <Flex gap={8} wrap align="center">
                          {status(i)}
                          {schedule(i)}
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ownerIs', { name: i.ownerName })}</Typography.Text>
                        {(i.ourStage || i.ourRelationship) && (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('fields.ourRelationship')}</Typography.Text>
                            {ours(i)}
                          </div>
                        )}
                        {(i.competitor || i.competitorRelationship) && (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('fields.competitorRelationship')}</Typography.Text>
                            {theirs(i)}
                          </div>
                        )}
                        {i.notes && (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('fields.notes')}</Typography.Text>
                            {text(i.notes)}
                          </div>
                        )}
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            );
          })}
        </Flex>
      ) : (
        <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} onRow={(r) => ({ style: r.item && !isOpen(r.item) ? { opacity: 0.7 } : undefined, 'data-testid': r.item ? `plan-item-${r.item.id}` : `plan-empty-${r.level}` }) as never} />
      )}
      <PlanItemDrawer accountId={accountId} value={editing} onClose={() => setEditing(null)} onSaved={refresh} />
      <CompleteModal item={completing} onClose={() => setCompleting(null)} onSaved={refresh} />
    </Flex>
  );
}
