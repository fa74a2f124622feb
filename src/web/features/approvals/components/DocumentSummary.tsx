import { Descriptions, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary, SummaryField } from '../../../../shared/contracts/approvals';
import { DateTime } from '../../../components/DateTime';
import { MoneyText } from '../../../components/MoneyText';
import { AttachmentList } from './AttachmentsUpload';

function Value({ f }: { f: SummaryField }) {
  const { t } = useTranslation('approvals');
  if (f.value === null || f.value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  switch (f.kind) {
    case 'money':
      return <MoneyText fen={Number(f.value)} strong />;
    case 'date':
      return <DateTime value={String(f.value)} mode="date" />;
    case 'dateTime':
      return <DateTime value={String(f.value)} />;
    case 'flag':
      return f.value ? <Tag color="red">{t('summary.yes')}</Tag> : <Tag>{t('summary.no')}</Tag>;
    case 'longText':
      return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{String(f.value)}</Typography.Paragraph>;
    default:
      return <>{f.enumKey ? t(`${f.enumKey}.${f.value}`, { defaultValue: String(f.value) }) : String(f.value)}</>;
  }
}

/** The document as its approver needs it, read from the approval (GET /api/approvals/:id → document): its fields, cost lines and attachments. */
export function documentItems(d: DocumentSummary, t: (key: string) => string): DescriptionsProps['items'] {
  return [
    ...d.fields.map((f, i) => ({ key: `f${i}`, label: t(f.label), span: f.kind === 'longText' ? ('filled' as const) : undefined, children: <Value f={f} /> })),
    ...(d.lines.length ? [{ key: 'lines', label: t(d.linesLabel ?? 'approvals:summary.lines'), span: 'filled' as const, children: <DocumentLines d={d} /> }] : []),
    ...(d.attachments.length ? [{ key: 'attachments', label: t('approvals:summary.attachments'), span: 'filled' as const, children: <AttachmentList files={d.attachments} /> }] : []),
  ];
}

function DocumentLines({ d }: { d: DocumentSummary }) {
  const { t } = useTranslation('approvals');
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={d.lines}
      data-testid="approval-document-lines"
      columns={[
        { key: 'item', title: t('summary.lineItem'), render: (_, l) => (l.enumKey ? t(`${l.enumKey}.${l.item}`, { defaultValue: l.item }) : l.item) },
        { key: 'note', title: t('summary.lineNote'), render: (_, l) => l.note ?? '—', responsive: ['sm'] },
        { key: 'amount', title: t('summary.lineAmount'), align: 'right', render: (_, l) => <MoneyText fen={l.amount} /> },
      ]}
    />
  );
}

export function DocumentSummaryView({ document: d }: { document: DocumentSummary }) {
  const { t } = useTranslation();
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={documentItems(d, t)} data-testid="approval-document" />;
}
