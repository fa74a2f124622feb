import { Alert, Card, Flex, Segmented, Skeleton, Switch, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TARGET_LEVELS, type TargetCell, type TargetCellInput, type TargetLevel, type TargetPlanDetail, type TargetRow } from '../../../../shared/contracts/targets';
import { ApiError } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { issueMessage } from '../../../components/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useUnitPath } from '../../../components/orgData';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveCells, useTarget } from '../api';
import { ChangeModal } from '../components/ChangeModal';
import { ChangesCard } from '../components/ChangesCard';
import { FillModal } from '../components/FillModal';
import { PlanActions } from '../components/PlanActions';
import { TargetGrid } from '../components/TargetGrid';
import { applyEdits, editCount, editedCells, editRow, isMoney, issueCell, rowKey, withLevel, type Edits } from '../grid';
import { TargetStatusTag, useMonthName } from '../helpers';

/**
 * /targets/:id — one target plan (PERF-1): its unit, metric, year and state with the buttons its flags allow,
 * and the decomposition grid at the level chosen (基础 / 冲刺 / 挑战). Edits stay on the page until 保存 (the
 * server's words on a cell mark it); a locked plan is read-only and its rows offer 申请调整, its changes below.
 */
export function TargetPage() {
  const id = Number(useParams().id);
  // a plan's edits belong to it: another plan's page starts clean
  return <PlanLoader key={id} id={id} />;
}

function PlanLoader({ id }: { id: number }) {
  const one = useTarget(id);
  if (one.error && !one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  return <Plan plan={one.data} reload={() => void one.refetch()} />;
}

const NO_EDITS: Edits = {};

/** The server's words on one cell: its row, its month (0-based), the level when it names one. */
interface CellIssue {
  row: string;
  month: number;
  level: TargetLevel | null;
  text: string;
}

function Plan({ plan, reload }: { plan: TargetPlanDetail; reload: () => void }) {
  const { t } = useTranslation('targets');
  const monthName = useMonthName();
  const unitPath = useUnitPath();
  const save = useSaveCells();
  const showError = useApiError();
  const { message } = useFeedback();
  const [level, setLevel] = useState<TargetLevel>('base');
  const [refs, setRefs] = useState(false);
  const [edits, setEdits] = useState<Edits>({});
  const [issues, setIssues] = useState<CellIssue[]>([]);
  const [filling, setFilling] = useState<TargetRow | null>(null);
  const [asking, setAsking] = useState<TargetRow | null>(null);

  // a plan no longer editable (submitted elsewhere, locked) keeps no edits
  const editing = plan.canEdit;
  const live = editing ? edits : NO_EDITS;
  const rows = useMemo(() => applyEdits(plan.rows, live), [plan.rows, live]);
  const dirty = editCount(live);
  const serverRow = useCallback((r: Pick<TargetRow, 'kind' | 'id'>) => plan.rows.find((x) => rowKey(x) === rowKey(r))!, [plan.rows]);

  // leaving the page (closing the tab, reloading) with unsaved cells asks first
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setRow = useCallback(
    (row: TargetRow, months: TargetCell[]) => {
      setEdits((e) => editRow(e, serverRow(row), months));
      setIssues((list) => list.filter((i) => i.row !== rowKey(row)));
    },
    [serverRow],
  );
  const onCell = useCallback(
    (row: TargetRow, m: number, value: number | null) => {
      setEdits((e) => {
        const current = applyEdits([serverRow(row)], e)[0]!;
        return editRow(e, serverRow(row), current.months.map((c, i) => (i === m ? withLevel(c, level, value) : c)));
      });
      setIssues((list) => list.filter((i) => i.row !== rowKey(row) || i.month !== m));
    },
    [serverRow, level],
  );

  const onSave = async () => {
    const cells: TargetCellInput[] = editedCells(plan.rows, live);
    if (!cells.length) return;
    try {
      await save.mutateAsync({ id: plan.id, version: plan.version, cells });
      setEdits({});
      setIssues([]);
      void message.success(t('actions.saved'));
    } catch (err) {
      const onCells =
        err instanceof ApiError
          ? err.issues.flatMap((i) => {
              const at = issueCell(i.path, cells);
              return at ? [{ row: at.key, month: at.month, level: at.level, text: issueMessage(i, t) }] : [];
            })
          : [];
      if (onCells.length) setIssues(onCells);
      else showError(err, undefined, reload);
    }
  };

  // a cell shows the issues of the level shown, and those naming no level
  const issueMap = useMemo(() => Object.fromEntries(issues.filter((i) => i.level === null || i.level === level).map((i) => [`${i.row}:${i.month}`, i.text])), [issues, level]);
  const nameOf = (key: string) => plan.rows.find((r) => rowKey(r) === key)?.name ?? '';
  const money = isMoney(plan.metric);

  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="target-title" style={{ overflowWrap: 'anywhere' }}>
              {t('detail.title', { unit: unitPath(plan.unit.id, plan.unit.name), metric: t(`metrics.${plan.metric}`), year: plan.year })}
            </span>
            <TargetStatusTag status={plan.status} />
          </Flex>
        }
        subtitle={
          <span>
            {t('detail.updated')} <DateTime value={plan.updatedAt} type="secondary" />
          </span>
        }
        extra={<PlanActions plan={plan} dirty={dirty} saving={save.isPending} onSave={() => void onSave()} onDiscard={() => (setEdits({}), setIssues([]))} onImported={() => setEdits({})} onStale={reload} />}
      />
      <Flex vertical gap={12}>
        <StatusNote plan={plan} />
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('grid.issues', { count: issues.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((i) => (
                  <li key={`${i.row}:${i.month}:${i.level ?? ''}`}>
                    {t('grid.issueLine', { name: nameOf(i.row), month: monthName(i.month + 1), level: i.level ? t(`levels.${i.level}`) : '', text: i.text })}
                  </li>
                ))}
              </ul>
            }
            data-testid="target-issues"
          />
        )}
        <Card size="small" styles={{ body: { padding: 8 } }} data-testid="target-grid-card">
          <Flex gap={8} align="center" justify="space-between" wrap style={{ marginBottom: 8 }}>
            <Flex gap={12} align="center" wrap>
              <Segmented<TargetLevel> value={level} onChange={setLevel} options={TARGET_LEVELS.map((l) => ({ value: l, label: <span data-testid={`target-level-${l}`}>{t(`levels.${l}`)}</span> }))} />
              <Flex gap={6} align="center">
                <Switch size="small" checked={refs} onChange={setRefs} data-testid="target-refs" />
                <Typography.Text>{t('grid.showRefs')}</Typography.Text>
              </Flex>
            </Flex>
            <Flex gap={8} align="center" wrap>
              {dirty > 0 && (
                <Typography.Text type="warning" data-testid="target-dirty">
                  {t('grid.dirty', { count: dirty })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {money ? t('grid.moneyUnit') : t('grid.countUnit', { unit: t(`units.${plan.metric}`, { value: '' }).trim() })}
              </Typography.Text>
            </Flex>
          </Flex>
          {refs && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }}>
              {t('grid.refsNote')}
            </Typography.Paragraph>
          )}
          {plan.hiddenRows > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }} data-testid="target-hidden-note">
              {t('grid.hidden', { count: plan.hiddenRows })}
            </Typography.Paragraph>
          )}
          <TargetGrid plan={plan} rows={rows} level={level} refs={refs} issues={issueMap} onCell={onCell} onFill={setFilling} onRequest={setAsking} />
        </Card>
        <ChangesCard plan={plan} onStale={reload} />
      </Flex>
      <FillModal row={filling && rows.find((r) => rowKey(r) === rowKey(filling))!} metric={plan.metric} level={level} onClose={() => setFilling(null)} onFill={setRow} />
      <ChangeModal plan={plan} row={asking} level={level} onClose={() => setAsking(null)} onStale={reload} />
    </div>
  );
}

/** What the plan waits for, in a sentence; where its total comes from when a parent plan gives it. */
function StatusNote({ plan }: { plan: TargetPlanDetail }) {
  const { t } = useTranslation('targets');
  const parent = plan.parentPlanId !== null && (
    <Alert
      type="info"
      showIcon
      title={
        <span>
          {t('detail.parentNote')}{' '}
          <Link to={`/targets/${plan.parentPlanId}`} data-testid="target-parent-link">
            {t('detail.parentLink')}
          </Link>
        </span>
      }
    />
  );
  const note = {
    draft: <Alert type="info" showIcon title={t('detail.draftNote')} data-testid="target-note" />,
    pending: <Alert type="info" showIcon title={t('detail.pendingNote')} data-testid="target-note" />,
    approved: (
      <Alert
        type="success"
        showIcon
        title={
          <span>
            {t('detail.approvedNote')}
            {plan.decidedAt && (
              <>
                {' '}
                (<DateTime value={plan.decidedAt} />)
              </>
            )}
          </span>
        }
        data-testid="target-note"
      />
    ),
    rejected: <Alert type="error" showIcon title={t('detail.rejectedNote')} data-testid="target-note" />,
  }[plan.status];
  return (
    <>
      {note}
      {parent}
    </>
  );
}
