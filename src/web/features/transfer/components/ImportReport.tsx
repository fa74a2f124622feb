import { Card, Flex, Select, Statistic, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DUPLICATE_ACTIONS, type DuplicateAction, type ImportKind, type ImportMatch, type ImportRow, type ImportRowStatus, type ImportSummary } from '../../../../shared/contracts/transfer';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { serverText } from '../../../components/errors';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useImportRows, useSetActions } from '../api';

const PAGE_SIZE = 20;

/** What a row is called in the report: the account, the person at their account, the account's year. */
export function rowLabel(kind: ImportKind, values: Record<string, unknown>): string {
  const s = (k: string) => (values[k] === undefined || values[k] === null ? '' : String(values[k]));
  if (kind === 'contacts') return [s('name'), s('accountName') || s('accountCreditCode')].filter(Boolean).join(' · ');
  if (kind === 'revenue') return [s('accountName') || s('accountCreditCode'), s('year')].filter(Boolean).join(' · ');
  return s('name');
}

/** Where a row's account lives in the app. */
export const accountLink = (kind: ImportKind, accountId: number) => (kind === 'contacts' ? `/accounts/${accountId}?tab=contacts` : `/accounts/${accountId}`);

function MatchCell({ kind, match }: { kind: ImportKind; match: ImportMatch }) {
  const { t } = useTranslation('transfer');
  const how = t(`report.by.${match.by}`, { similarity: match.similarity === null ? '' : `${Math.round(match.similarity * 100)}%` });
  const where = match.source === 'file' ? t('report.fileRow', { row: match.row }) : null;
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      {match.accountId ? (
        <Link to={accountLink(kind, match.accountId)} data-testid={`import-match-${match.accountId}`}>
          {match.name}
        </Link>
      ) : (
        <span>{match.name}</span>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[how, where].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

function RowsTable({ summary, status, columns, empty }: { summary: ImportSummary; status: ImportRowStatus; columns: ColumnsType<ImportRow>; empty: string }) {
  const [page, setPage] = useState(1);
  const rows = useImportRows(summary, status, page, PAGE_SIZE);
  return (
    <>
      {rows.isError && <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />}
      <Table<ImportRow>
        rowKey="rowNo"
        size="small"
        loading={rows.isFetching}
        columns={columns}
        dataSource={rows.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        data-testid={`import-rows-${status}`}
        onRow={(r) => ({ 'data-testid': `import-row-${r.rowNo}` }) as never}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, showSizeChanger: false, size: 'small', onChange: setPage, hideOnSinglePage: true }}
      />
    </>
  );
}

/**
 * The dry-run report: counts, then the rows with errors (and why), the duplicates (and what to do
 * with them), the new rows. Read-only once committed.
 */
export function ImportReport({ summary, editable }: { summary: ImportSummary; editable: boolean }) {
  const { t } = useTranslation(['transfer', 'errors']);
  const setActions = useSetActions();
  const showError = useApiError();
  const { message } = useFeedback();
  const kind = summary.kind;
  const choose = (v: { onDuplicate?: DuplicateAction; rows?: { rowNo: number; action: DuplicateAction | null }[] }) =>
    setActions.mutate({ id: summary.id, version: summary.version, ...v }, { onSuccess: () => void message.success(t('report.saved')), onError: (e) => showError(e) });
  const actionLabel = (a: DuplicateAction) => t(`actions.${a}`);

  const rowNo: ColumnsType<ImportRow>[number] = { key: 'row', title: t('report.row'), dataIndex: 'rowNo', width: 64 };
  const name: ColumnsType<ImportRow>[number] = { key: 'name', title: t('report.name'), render: (_, r) => rowLabel(kind, r.values) };

  const errorColumns: ColumnsType<ImportRow> = [
    rowNo,
    {
      key: 'problems',
      title: t('report.reason'),
      // the table grows to its content: a long reason wraps here, so the name column stays in view
      render: (_, r) => (
        <Flex vertical gap={4} style={{ maxWidth: 'min(560px, 70vw)' }}>
          {r.errors.map((e, i) => (
            <div key={i} data-testid={`import-error-${r.rowNo}-${e.field || 'row'}`}>
              <Typography.Text strong>{e.column ?? t('report.wholeRow')}</Typography.Text>
              {'：'}
              <span>{serverText(t, e.message, { key: e.key, params: e.params })}</span>
              {e.value !== null && e.params?.value !== e.value && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                  「{e.value}」
                </Typography.Text>
              )}
            </div>
          ))}
        </Flex>
      ),
    },
    name,
  ];

  const duplicateColumns: ColumnsType<ImportRow> = [
    rowNo,
    name,
    { key: 'match', title: t('report.match'), render: (_, r) => r.match && <MatchCell kind={kind} match={r.match} /> },
    {
      key: 'action',
      title: t('report.action'),
      width: 160,
      render: (_, r) =>
        editable ? (
          <Select<DuplicateAction | 'default'>
            size="small"
            style={{ width: 150 }}
            value={r.action ?? 'default'}
            disabled={setActions.isPending}
            onChange={(v) => choose({ rows: [{ rowNo: r.rowNo, action: v === 'default' ? null : v }] })}
            options={[{ value: 'default', label: t('report.followDefault', { action: actionLabel(summary.options.onDuplicate) }) }, ...DUPLICATE_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))]}
            data-testid={`import-action-${r.rowNo}`}
          />
        ) : (
          r.effectiveAction && actionLabel(r.effectiveAction)
        ),
    },
  ];

  const freshColumns: ColumnsType<ImportRow> = [rowNo, name];
  const tabs = [
    { key: 'error', count: summary.counts.error, label: t('report.errors', { count: summary.counts.error }), children: <RowsTable summary={summary} status="error" columns={errorColumns} empty={t('report.noErrors')} /> },
    {
      key: 'duplicate',
      count: summary.counts.duplicate,
      label: t('report.duplicates', { count: summary.counts.duplicate }),
      children: (
        <>
          {editable && (
            <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
              <Typography.Text>{t('choose.onDuplicate')}</Typography.Text>
              <Select<DuplicateAction>
                value={summary.options.onDuplicate}
                style={{ width: 120 }}
                disabled={setActions.isPending}
                onChange={(v) => choose({ onDuplicate: v })}
                options={DUPLICATE_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
                data-testid="import-default-action"
              />
              <Typography.Text type="secondary">{t(`actionHints.${summary.options.onDuplicate}`)}</Typography.Text>
            </Flex>
          )}
          <RowsTable summary={summary} status="duplicate" columns={duplicateColumns} empty={t('report.noDuplicates')} />
        </>
      ),
    },
    { key: 'ok', count: summary.counts.ok, label: t('report.fresh', { count: summary.counts.ok }), children: <RowsTable summary={summary} status="ok" columns={freshColumns} empty={t('report.noFresh')} /> },
  ].filter((tab) => editable || tab.key !== 'ok'); // after the commit the new rows are listed with links to their records
  const first = tabs.find((x) => x.count > 0)?.key ?? 'error';

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        {(['total', 'ok', 'duplicate', 'error'] as const).map((k) => (
          <Card key={k} size="small" style={{ flex: '1 1 120px' }}>
            <Statistic title={t(`counts.${k}`)} value={summary.counts[k]} styles={{ content: k === 'error' && summary.counts.error > 0 ? { color: '#cf1322' } : undefined }} data-testid={`import-count-${k}`} />
          </Card>
        ))}
      </Flex>
      {summary.columns && summary.columns.ignored.length > 0 && (
        <Typography.Text type="secondary" data-testid="import-ignored">
          {t('report.ignored', { columns: summary.columns.ignored.join('、') })}
        </Typography.Text>
      )}
      <Card size="small">
        <Tabs defaultActiveKey={first} items={tabs.map(({ key, label, children }) => ({ key, label: <span data-testid={`import-tab-${key}`}>{label}</span>, children }))} />
      </Card>
    </Flex>
  );
}
