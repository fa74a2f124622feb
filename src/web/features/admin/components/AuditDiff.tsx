import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contracts/audit';

function show(v: unknown) {
  if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">∅</Typography.Text>;
  if (typeof v === 'object') return <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v)}</Typography.Text>;
  return <span style={{ wordBreak: 'break-all' }}>{String(v)}</span>;
}

/** One audit record's change: each field before → after, plus the extra facts of non-field actions. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const rows = Object.entries(entry.diff)
    .filter(([k]) => k !== '_')
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) && pair.length === 2 ? pair : [undefined, pair];
      return { field, before, after };
    });
  // A creation has no "before"; a column of empty cells would only push the values off a phone screen.
  const created = rows.every((r) => r.before === null || r.before === undefined);
  const extra = entry.diff._ && typeof entry.diff._ === 'object' ? (entry.diff._ as Record<string, unknown>) : null;
  return (
    <div data-testid={`audit-diff-${entry.id}`}>
      {rows.length > 0 && (
        <Table
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: created ? 360 : 600 }}
          columns={[
            { title: t('audit.field'), dataIndex: 'field', width: 160, render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
            ...(created ? [] : [{ title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <div style={{ background: '#fff1f0', padding: '2px 6px', borderRadius: 4 }}>{show(v)}</div> }]),
            { title: created ? t('audit.value') : t('audit.after'), dataIndex: 'after', render: (v: unknown) => <div style={{ background: '#f6ffed', padding: '2px 6px', borderRadius: 4 }}>{show(v)}</div> },
          ]}
        />
      )}
      {extra && (
        <Descriptions size="small" column={1} bordered style={{ marginTop: rows.length ? 8 : 0 }} title={t('audit.details')} items={Object.entries(extra).map(([k, v]) => ({ key: k, label: k, children: show(v) }))} />
      )}
    </div>
  );
}
