import { ArrowLeftOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, InputNumber, Modal, Popconfirm, Skeleton, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttendanceMonth } from '../../../../shared/contracts/scorecards';
import { businessDate } from '../../../../shared/domain/business-time';
import { DateTime } from '../../../components/DateTime';
import { useDisplay } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { fileToBase64 } from '../../../components/files';
import { PageHeader } from '../../../components/PageHeader';
import { id, month as monthParam, useListState } from '../../../components/useListState';
import { useAttendance, useImportAttendance, useSaveAttendance, type AttendanceImported, type AttendanceRowData } from '../api';
import { trimZeros } from '../card';
import { attendanceIssue, attendanceRows, type AttendanceEdit } from '../attendance';
import { MonthPicker, ScopeUnitPicker } from '../components/Pickers';

/** The import's limit: the contract's 2 MB decoded. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * /scorecards/attendance — 考勤 (PERF-3): a month's late times and absent days of the people in scope, the source of
 * the scorecards' 员工出勤率 item. Entered in the table and saved together (保存), or imported from a 钉钉 / 企业微信
 * export (CSV or XLSX) — the rows not taken are listed with why. Month and unit live in the URL.
 */
export function AttendancePage() {
  const { t } = useTranslation('scorecards');
  const { timeZone } = useDisplay();
  const today = businessDate(new Date(), timeZone);
  const state = useListState({ month: monthParam(today.slice(0, 7)), unitId: id() });
  const { month, unitId } = state.filters;
  const q = useAttendance({ month, unitId });

  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader
        title={t('attendance.title')}
        subtitle={
          <Link to="/scorecards">
            <ArrowLeftOutlined /> {t('attendance.back')}
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <MonthPicker month={month} onChange={(m) => state.set({ month: m })} />
          <ScopeUnitPicker unitId={unitId} onChange={(v) => state.set({ unitId: v })} permission="scorecard:read" testId="attendance-unit" />
        </Flex>
      </Card>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data === undefined ? !q.isError && <Skeleton active /> : <Sheet key={`${month}:${unitId ?? ''}`} data={q.data} month={month} loading={q.isFetching} />}
    </div>
  );
}

function Sheet({ data, month, loading }: { data: AttendanceMonth; month: string; loading: boolean }) {
  const { t } = useTranslation('scorecards');
  const save = useSaveAttendance();
  const importer = useImportAttendance();
  const showError = useApiError();
  const { message } = useFeedback();
  const [edits, setEdits] = useState<Record<number, AttendanceEdit>>({});
  const [imported, setImported] = useState<AttendanceImported | null>(null);
  const phone = Grid.useBreakpoint().md === false;
  const rows = attendanceRows(data.items, edits);
  const dirty = rows.length;
  const bad = rows.filter((r) => attendanceIssue(r) !== null);

  const edit = (row: AttendanceRowData, patch: Partial<AttendanceEdit>) =>
    setEdits((e) => ({ ...e, [row.person.id]: { lateTimes: e[row.person.id]?.lateTimes ?? row.lateTimes, absentDays: e[row.person.id]?.absentDays ?? row.absentDays, ...patch } }));

  const onSave = async () => {
    if (bad.length) {
      void message.error(t('attendance.fix'));
      return;
    }
    try {
      await save.mutateAsync({ month, rows });
      setEdits({});
      void message.success(t('attendance.saved', { count: rows.length }));
    } catch (err) {
      showError(err);
    }
  };

  const upload = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      void message.error(t('attendance.tooLarge'));
      return;
    }
    try {
      const r = await importer.mutateAsync({ month, fileName: file.name, contentBase64: await fileToBase64(file) });
      setEdits({});
      if (r.skipped.length) setImported(r);
      else void message.success(t('attendance.imported', { count: r.saved }));
    } catch (err) {
      showError(err);
    }
  };

  const value = (row: AttendanceRowData, field: keyof AttendanceEdit) => (edits[row.person.id] ? edits[row.person.id]![field] : row[field]);
  const columns: ColumnsType<AttendanceRowData> = [
    {
      title: t('attendance.person'),
      key: 'person',
      width: phone ? 100 : 120,
      render: (_, r) =>
        phone ? (
          <div>
            <div>{r.person.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unit.name}
            </Typography.Text>
          </div>
        ) : (
          r.person.name
        ),
    },
    ...(phone ? [] : [{ title: t('attendance.unit'), key: 'unit', width: 140, ellipsis: true, render: (_: unknown, r: AttendanceRowData) => r.unit.name }]),
    {
      title: t('attendance.late'),
      key: 'late',
      width: phone ? 96 : 120,
      render: (_, r) =>
        data.canEdit ? (
          <InputNumber<number> min={0} max={100} precision={0} value={value(r, 'lateTimes')} onChange={(v) => edit(r, { lateTimes: v ?? null })} style={{ width: phone ? 80 : 96 }} data-testid={`attendance-late-${r.person.id}`} />
        ) : (
          <span data-testid={`attendance-late-${r.person.id}`}>{r.lateTimes ?? '—'}</span>
        ),
    },
    {
      title: t('attendance.absent'),
      key: 'absent',
      width: phone ? 96 : 120,
      render: (_, r) => {
        if (!data.canEdit) return <span data-testid={`attendance-absent-${r.person.id}`}>{r.absentDays ?? '—'}</span>;
        const v = value(r, 'absentDays');
        const half = v === null || Number.isInteger(v * 2);
        return (
          <Tooltip title={half ? undefined : t('attendance.halfDays')}>
            <InputNumber<number> formatter={trimZeros} min={0} max={31} step={0.5} status={half ? undefined : 'error'} value={v} onChange={(x) => edit(r, { absentDays: x ?? null })} style={{ width: phone ? 80 : 96 }} data-testid={`attendance-absent-${r.person.id}`} />
          </Tooltip>
        );
      },
    },
    ...(phone
      ? []
      : ([
        { title: t('attendance.source'), key: 'source', width: 90, render: (_, r) => (r.source ? <Tag style={{ marginInlineEnd: 0 }}>{t(`attendance.sources.${r.source}`)}</Tag> : <Typography.Text type="secondary">{t('attendance.none')}</Typography.Text>) },
        { title: t('attendance.updatedAt'), key: 'updatedAt', width: 150, render: (_, r) => <DateTime value={r.updatedAt} /> },
        ] as ColumnsType<AttendanceRowData>)),
  ];

  return (
    <Card
      size="small"
      title={t('attendance.tableTitle', { month })}
      extra={
        data.canEdit && (
          <Flex gap={8} wrap>
            {dirty > 0 && (
              <Popconfirm title={t('attendance.discardConfirm', { count: dirty })} okText={t('actions.yes')} cancelText={t('actions.cancel')} onConfirm={() => setEdits({})}>
                <Button icon={<UndoOutlined />}>{t('attendance.discard')}</Button>
              </Popconfirm>
            )}
            <Tooltip title={dirty > 0 ? t('attendance.saveFirst') : t('attendance.importHint')}>
              <Upload
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                showUploadList={false}
                disabled={dirty > 0 || importer.isPending}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} disabled={dirty > 0} loading={importer.isPending} data-testid="attendance-import">
                  {t('attendance.import')}
                </Button>
              </Upload>
            </Tooltip>
            <Button type="primary" icon={<SaveOutlined />} disabled={dirty === 0} loading={save.isPending} onClick={() => void onSave()} data-testid="attendance-save">
              {dirty > 0 ? t('attendance.saveCount', { count: dirty }) : t('attendance.save')}
            </Button>
          </Flex>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      {!data.canEdit && <Alert type="info" showIcon title={t('attendance.readOnly')} style={{ margin: 8 }} />}
      {data.items.length === 0 ? (
        <Empty description={t('attendance.empty')} style={{ padding: 24 }} />
      ) : (
        <Table<AttendanceRowData>
          rowKey={(r) => r.person.id}
          size="small"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          pagination={data.items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          data-testid="attendance-table"
        />
      )}
      <ImportResult result={imported} onClose={() => setImported(null)} />
    </Card>
  );
}

/** What an import took and which rows it left, with the row number and why. */
function ImportResult({ result, onClose }: { result: AttendanceImported | null; onClose: () => void }) {
  const { t } = useTranslation('scorecards');
  type Skipped = AttendanceImported['skipped'][number];
  return (
    <Modal
      open={result !== null}
      title={t('attendance.importResult', { saved: result?.saved ?? 0, skipped: result?.skipped.length ?? 0 })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="attendance-import-close">
          {t('actions.close')}
        </Button>
      }
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('attendance.skippedNote')}</Typography.Paragraph>
      <Table<Skipped>
        size="small"
        rowKey={(s) => `${s.row}:${s.name}`}
        dataSource={result?.skipped ?? []}
        pagination={result && result.skipped.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: t('attendance.row'), dataIndex: 'row', width: 70 },
          { title: t('attendance.name'), dataIndex: 'name', width: 140, render: (v: string) => v || '—' },
          { title: t('attendance.reason'), dataIndex: 'reason', render: (v: string) => t(v, { ns: 'errors', defaultValue: v }) },
        ]}
        data-testid="attendance-skipped"
      />
    </Modal>
  );
}
