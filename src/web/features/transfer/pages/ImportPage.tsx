import { FileExcelOutlined, FileTextOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, InputNumber, List, Popconfirm, Progress, Result, Segmented, Select, Table, Tag, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DEFAULT_NAME_THRESHOLD, DUPLICATE_ACTIONS, IMPORT_BUSY_STATUSES, IMPORT_KIND_LIST, IMPORT_KIND_PERMISSION, IMPORT_KINDS, MIN_NAME_THRESHOLD, type DuplicateAction, type FileLanguage, type ImportKind, type ImportRow, type ImportSummary } from '../../../../shared/contracts/transfer';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { serverText } from '../../../components/errors';
import { useApiError, useFeedback } from '../../../components/feedback';
import { templateUrl, useCancel, useCommit, useImport, useImportRows, useRecentImports, useReplaceFile, useRevalidate, useUpload } from '../api';
import { ImportReport, accountLink, rowLabel } from '../components/ImportReport';

const STATUS_COLORS: Record<string, string> = {
  uploaded: 'default',
  validating: 'processing',
  validated: 'blue',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
  cancelled: 'default',
};
const ACCEPT = '.xlsx,.csv';

function StatusTag({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation('transfer');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="import-status" data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

/** Step 1: what to import, the template, the file. */
function Start({ onStarted }: { onStarted: (s: ImportSummary) => void }) {
  const { t, i18n } = useTranslation('transfer');
  const { can } = useAuth();
  // only the kinds the person may write (finance: receipts)
  const kinds = IMPORT_KINDS.filter((k) => can(IMPORT_KIND_PERMISSION[k]));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'accounts');
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('skip');
  const [nameThreshold, setNameThreshold] = useState(DEFAULT_NAME_THRESHOLD);
  const upload = useUpload();
  const showError = useApiError();
  const lang: FileLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate(
      { kind, onDuplicate, nameThreshold, file: file as File },
      {
        onSuccess: (s) => {
          onSuccess?.(s);
          onStarted(s);
        },
        onError: (e) => {
          showError(e);
          onError?.(e);
        },
      },
    );
  };
  return (
    <Card size="small">
      <Flex vertical gap={16}>
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('choose.kind')}</Typography.Text>
          <Segmented<ImportKind> value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="import-kind" />
          <Typography.Text type="secondary">{t(`kindHints.${kind}`)}</Typography.Text>
        </Flex>
        <Flex gap={16} wrap align="flex-end">
          <Flex vertical gap={6}>
            <Typography.Text strong>{t('choose.onDuplicate')}</Typography.Text>
            <Select<DuplicateAction> value={onDuplicate} onChange={setOnDuplicate} style={{ width: 200 }} options={DUPLICATE_ACTIONS.map((a) => ({ value: a, label: `${t(`actions.${a}`)} · ${t(`actionHints.${a}`)}` }))} popupMatchSelectWidth={false} data-testid="import-on-duplicate" />
          </Flex>
          {kind === 'accounts' && (
            <Flex vertical gap={6}>
              <Typography.Text strong>{t('choose.nameThreshold')}</Typography.Text>
              <InputNumber<number>
                min={MIN_NAME_THRESHOLD}
                max={1}
                step={0.05}
                value={nameThreshold}
                onChange={(v) => setNameThreshold(v ?? DEFAULT_NAME_THRESHOLD)}
                style={{ width: 120 }}
                title={t('choose.nameThresholdHint')}
                data-testid="import-name-threshold"
              />
            </Flex>
          )}
          <Flex vertical gap={6}>
            <Typography.Text strong>{t('choose.template')}</Typography.Text>
            <Flex gap={8} wrap>
              <Button icon={<FileExcelOutlined />} href={templateUrl(kind, 'xlsx', lang)} download data-testid="import-template-xlsx">
                {t('choose.templateXlsx')}
              </Button>
              <Button icon={<FileTextOutlined />} href={templateUrl(kind, 'csv', lang)} download data-testid="import-template-csv">
                {t('choose.templateCsv')}
              </Button>
            </Flex>
          </Flex>
        </Flex>
        <div data-testid="import-upload">
          <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} customRequest={customRequest} disabled={upload.isPending}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('choose.uploading') : t('choose.drop')}</p>
            <p className="ant-upload-hint">{t('choose.dropHint')}</p>
          </Upload.Dragger>
        </div>
      </Flex>
    </Card>
  );
}

function Busy({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('transfer');
  const phase = summary.phase ?? (summary.status === 'committing' ? 'committing' : 'reading');
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Typography.Text>{t(`phases.${phase}`, { defaultValue: t('phases.reading') })}</Typography.Text>
        <Progress percent={summary.progress} status="active" data-testid="import-progress" />
        <Typography.Text type="secondary">
          {summary.status === 'committing' ? t('progress.committingRows', { count: summary.counts.ok + summary.counts.duplicate }) : t('progress.rows', { count: summary.counts.total })}
          {' · '}
          {t('progress.wait')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** A corrected file for the same import (the report is rebuilt). */
function Reupload({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('transfer');
  const replace = useReplaceFile();
  const showError = useApiError();
  return (
    <span data-testid="import-reupload-input">
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) =>
          replace.mutate(
            { id: summary.id, version: summary.version, file: file as File },
            {
              onSuccess: (s) => onSuccess?.(s),
              onError: (e) => {
                showError(e);
                onError?.(e);
              },
            },
          )
        }
      >
        <Button icon={<UploadOutlined />} loading={replace.isPending} data-testid="import-reupload">
          {t('commit.reupload')}
        </Button>
      </Upload>
    </span>
  );
}

/** The commit: blocked by rows with errors unless the user chooses to leave them out. */
function CommitBar({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('transfer');
  const [skipErrors, setSkipErrors] = useState(false);
  const commit = useCommit();
  const cancel = useCancel();
  const showError = useApiError();
  const { message } = useFeedback();
  const { ok, duplicate, error } = summary.counts;
  const good = ok + duplicate;
  const blocked = (error > 0 && !skipErrors) || good === 0;
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        {error > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('commit.blocked', { count: error })}
            description={
              good > 0 && (
                <Checkbox checked={skipErrors} onChange={(e) => setSkipErrors(e.target.checked)} data-testid="import-skip-errors">
                  {t('commit.skipErrors', { good, bad: error })}
                </Checkbox>
              )
            }
          />
        )}
        <Typography.Text type="secondary">{t('commit.explain')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            disabled={blocked}
            loading={commit.isPending}
            onClick={() => commit.mutate({ id: summary.id, version: summary.version, skipErrorRows: error > 0 && skipErrors }, { onError: (e) => showError(e) })}
            data-testid="import-commit"
          >
            {t('commit.button')}
          </Button>
          <Reupload summary={summary} />
          <Popconfirm
            title={t('commit.cancel')}
            onConfirm={() => cancel.mutate({ id: summary.id, version: summary.version }, { onSuccess: () => void message.info(t('commit.cancelled')), onError: (e) => showError(e) })}
            okButtonProps={{ 'data-testid': 'import-cancel-confirm' } as never}
          >
            <Button danger data-testid="import-cancel">
              {t('commit.cancel')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}

/** After the commit: what happened, and links to the records. */
function Done({ summary, onNew }: { summary: ImportSummary; onNew: () => void }) {
  const { t } = useTranslation('transfer');
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const rows = useImportRows(summary, 'ok', page, 10);
  const r = summary.result ?? { created: 0, updated: 0, skipped: 0, excluded: 0 };
  const columns = [
    { key: 'row', title: t('report.row'), dataIndex: 'rowNo', width: 64 },
    {
      key: 'record',
      title: t('result.record'),
      render: (_: unknown, row: ImportRow) =>
        row.accountId ? (
          <Link to={accountLink(summary.kind, row.accountId)} data-testid={`import-record-${row.rowNo}`}>
            {rowLabel(summary.kind, row.values)}
          </Link>
        ) : (
          rowLabel(summary.kind, row.values)
        ),
    },
  ];
  return (
    <Card size="small">
      <Result
        status="success"
        title={t('result.title')}
        subTitle={<span data-testid="import-result">{t('result.summary', r)}</span>}
        extra={[
          <Button key="list" type="primary" onClick={() => navigate(IMPORT_KIND_LIST[summary.kind as ImportKind] ?? '/accounts')} data-testid="import-open-list">
            {t('result.openList')}
          </Button>,
          <Button key="new" onClick={onNew} data-testid="import-new">
            {t('page.newImport')}
          </Button>,
        ]}
      />
      {summary.counts.ok > 0 && (
        <Table<ImportRow>
          rowKey="rowNo"
          size="small"
          title={() => t('result.imported')}
          columns={columns}
          dataSource={rows.data?.items ?? []}
          loading={rows.isFetching}
          pagination={{ current: page, pageSize: 10, total: rows.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, size: 'small' }}
        />
      )}
    </Card>
  );
}

function Failed({ summary, onNew }: { summary: ImportSummary; onNew: () => void }) {
  const { t } = useTranslation(['transfer', 'errors']);
  const revalidate = useRevalidate();
  const showError = useApiError();
  const committedOnce = summary.validatedAt !== null;
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Alert
          type="error"
          showIcon
          title={committedOnce ? t('result.failedTitle') : t('result.failed')}
          description={summary.error && <span data-testid="import-failure">{serverText(t, summary.error.message, summary.error)}</span>}
        />
        <Flex gap={8} wrap>
          <Reupload summary={summary} />
          <Button icon={<ReloadOutlined />} loading={revalidate.isPending} onClick={() => revalidate.mutate({ id: summary.id, version: summary.version }, { onError: (e) => showError(e) })} data-testid="import-revalidate">
            {t('commit.revalidate')}
          </Button>
          <Button onClick={onNew}>{t('page.newImport')}</Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function Recent({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation('transfer');
  const recent = useRecentImports();
  return (
    <Card size="small" title={t('page.recent')}>
      <List<ImportSummary>
        loading={recent.isLoading}
        dataSource={recent.data?.items ?? []}
        locale={{ emptyText: t('page.noRecent') }}
        renderItem={(s) => (
          <List.Item
            key={s.id}
            actions={[
              <Button key="open" type="link" size="small" onClick={() => onOpen(s.id)} data-testid={`import-open-${s.id}`}>
                {t('page.open')}
              </Button>,
            ]}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>
                {t(`kinds.${s.kind}`)} · {s.fileName}
              </Typography.Text>
              <Flex gap={8} align="center" wrap>
                <StatusTag status={s.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={s.createdAt} mode="relative" />
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** /accounts/import — upload, dry-run report, duplicate choices, commit (ACC-6). ?id= keeps the import across reloads. */
export function ImportPage() {
  const { t } = useTranslation('transfer');
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id')) || undefined;
  const imp = useImport(id);
  const open = (next?: number) => setParams(next ? { id: String(next) } : {});
  const s = imp.data;
  return (
    <div>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        extra={
          id && (
            <Button onClick={() => open()} data-testid="import-start-over">
              {t('page.newImport')}
            </Button>
          )
        }
      />
      {!id && (
        <Flex vertical gap={16}>
          <Start onStarted={(started) => open(started.id)} />
          <Recent onOpen={open} />
        </Flex>
      )}
      {id && imp.isError && !s && <ErrorAlert error={imp.error} onRetry={() => void imp.refetch()} />}
      {s && (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{t(`kinds.${s.kind}`)}</Typography.Text>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }} data-testid="import-file">
              {s.fileName}
            </Typography.Text>
            <StatusTag status={s.status} />
          </Flex>
          {IMPORT_BUSY_STATUSES.includes(s.status) && <Busy summary={s} />}
          {s.status === 'failed' && <Failed summary={s} onNew={() => open()} />}
          {s.status === 'cancelled' && <Alert type="info" showIcon title={t('result.cancelledTitle')} action={<Button onClick={() => open()}>{t('page.newImport')}</Button>} />}
          {s.status === 'validated' && (
            <>
              <ImportReport summary={s} editable />
              <CommitBar summary={s} />
            </>
          )}
          {s.status === 'committed' && (
            <>
              <Done summary={s} onNew={() => open()} />
              <ImportReport summary={s} editable={false} />
            </>
          )}
        </Flex>
      )}
    </div>
  );
}
