import { AuditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Form, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INVOICE_TYPES, type InvoiceType } from '../../../../shared/contracts/collections';
import type { Instalment } from '../../../../shared/contracts/contracts';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { useFeedback } from '../../../components/feedback';
import { dateFieldProps, today } from '../../../components/formDate';
import { FormDrawer } from '../../../components/FormDrawer';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useCreateInvoice, useRequestWriteOff, useWriteOffs } from '../api';
import { InstalmentStatusTag } from './tags';

interface Props {
  instalments: Instalment[];
  /** whether instalments are still collected (a signed or in-progress contract): invoices and write-offs may be asked for */
  collecting: boolean;
}

/** 回款计划 of a contract: each instalment with its derived figures and status, and what finance's rooms offer on it (开票, 申请核销). */
export function InstalmentsTable({ instalments, collecting }: Props) {
  const { t } = useTranslation(['deals', 'contracts']);
  const { can } = useAuth();
  const [invoiceFor, setInvoiceFor] = useState<Instalment | null>(null);
  const [writeOffFor, setWriteOffFor] = useState<Instalment | null>(null);
  const phone = Grid.useBreakpoint().md === false;
  const actions = collecting && can('receipt:write');
  const actionButtons = (x: Instalment) => (
    <Space size={0} wrap>
      {x.invoiced < x.amount && (
        <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setInvoiceFor(x)} data-testid={`instalment-${x.seq}-invoice`}>
          {t('instalment.invoice')}
        </Button>
      )}
      {x.outstanding > 0 && (
        <Button type="link" size="small" icon={<AuditOutlined />} onClick={() => setWriteOffFor(x)} data-testid={`instalment-${x.seq}-write-off`}>
          {t('instalment.writeOff')}
        </Button>
      )}
    </Space>
  );
  const statusTags = (x: Instalment) => (
    <Space size={4} wrap>
      <InstalmentStatusTag status={x.status} />
      {x.writtenOff > 0 && x.status !== 'written_off' && <Tag color="purple">{t('detail.writtenOffPart')}</Tag>}
    </Space>
  );
  const total = (k: 'amount' | 'paid' | 'outstanding' | 'invoiced') => instalments.reduce((s, x) => s + x[k], 0);
  const columns: TableColumnsType<Instalment> = [
    { title: t('contracts:instalmentFields.seq'), dataIndex: 'seq', width: 56 },
    { title: t('contracts:instalmentFields.milestone'), dataIndex: 'milestone', width: 160, render: (v: string) => v || '—' },
    { title: t('contracts:instalmentFields.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('contracts:instalmentFields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('contracts:instalmentFields.paid'), dataIndex: 'paid', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('contracts:instalmentFields.outstanding'), dataIndex: 'outstanding', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    {
      title: t('contracts:instalmentFields.daysOverdue'),
      dataIndex: 'daysOverdue',
      width: 90,
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{t('detail.days', { count: v })}</Typography.Text> : '—'),
    },
    { title: t('contracts:instalmentFields.invoiced'), dataIndex: 'invoiced', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    {
      title: t('contracts:instalmentFields.status'),
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, x) => statusTags(x),
    },
    ...(actions
      ? [
          {
            title: t('detail.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, x: Instalment) => actionButtons(x),
          },
        ]
      : []),
  ];
  const drawers = (
    <>
      <InvoiceDrawer instalment={invoiceFor} onClose={() => setInvoiceFor(null)} />
      <WriteOffDrawer instalment={writeOffFor} onClose={() => setWriteOffFor(null)} />
    </>
  );
  if (phone)
    return (
      <Flex vertical gap={8} data-testid="contract-instalments">
        {instalments.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noPlan')} />}
        {instalments.map((x) => (
          <Card key={x.id} size="small" data-testid={`instalment-card-${x.seq}`}>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong>
                {t('instalment.seq', { seq: x.seq })}
                {x.milestone ? ` · ${x.milestone}` : ''}
              </Typography.Text>
              {statusTags(x)}
            </Flex>
            <Flex wrap gap="4px 16px" style={{ marginTop: 6, fontSize: 13 }}>
              <span>
                <Typography.Text type="secondary">{t('contracts:instalmentFields.dueDate')} </Typography.Text>
                {x.dueDate}
                {x.daysOverdue > 0 && <Typography.Text type="danger">{` · ${t('detail.days', { count: x.daysOverdue })}`}</Typography.Text>}
              </span>
              {(['amount', 'paid', 'outstanding', 'invoiced'] as const).map((k) => (
                <span key={k}>
                  <Typography.Text type="secondary">{t(`contracts:instalmentFields.${k}`)} </Typography.Text>
                  <MoneyText fen={x[k]} />
                </span>
              ))}
            </Flex>
            {actions && (x.invoiced < x.amount || x.outstanding > 0) && <div style={{ marginTop: 4, marginLeft: -8 }}>{actionButtons(x)}</div>}
          </Card>
        ))}
        {drawers}
      </Flex>
    );
  return (
    <>
      <Table<Instalment>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={instalments}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('detail.noPlan') }}
        data-testid="contract-instalments"
        rowClassName={(x) => `instalment-${x.status}`}
        summary={() =>
          instalments.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('detail.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><MoneyText fen={total('amount')} strong /></Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><MoneyText fen={total('paid')} strong /></Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><MoneyText fen={total('outstanding')} strong /></Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
              <Table.Summary.Cell index={7} align="right"><MoneyText fen={total('invoiced')} strong /></Table.Summary.Cell>
              <Table.Summary.Cell index={8} colSpan={actions ? 2 : 1} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {drawers}
    </>
  );
}

interface InvoiceValues {
  number: string;
  issuedOn: string;
  amount: number | null;
  type: InvoiceType;
}

/** 开票: an invoice against the instalment (POST /api/invoices), its amount by default what is not yet invoiced. */
function InvoiceDrawer({ instalment, onClose }: { instalment: Instalment | null; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'collections']);
  const [form] = Form.useForm<InvoiceValues>();
  const create = useCreateInvoice();
  const { message } = useFeedback();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const submit = useOneSave(async (v: InvoiceValues) => {
    if (!instalment) return;
    setUnplaced(null);
    try {
      await create.mutateAsync({ instalmentId: instalment.id, number: v.number.trim(), issuedOn: v.issuedOn, amount: v.amount ?? 0, type: v.type });
      void message.success(t('instalment.invoiced'));
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) setUnplaced(err);
    }
  });
  return (
    <FormDrawer
      open={instalment !== null}
      title={instalment ? t('instalment.invoiceTitle', { seq: instalment.seq }) : ''}
      formId="instalment-invoice-form"
      saving={create.isPending}
      saveText={t('instalment.invoice')}
      cancelText={t('form.cancel')}
      onClose={onClose}
      testId="invoice-drawer"
    >
      {instalment && (
        <Form<InvoiceValues>
          form={form}
          id="instalment-invoice-form"
          {...saveByButton}
          layout="vertical"
          initialValues={{ issuedOn: today(), type: 'special', amount: Math.max(0, instalment.amount - instalment.invoiced) || null }}
          onFinish={(v) => void submit(v)}
        >
          <InstalmentFacts x={instalment} />
          {unplaced ? <ErrorAlert error={unplaced} /> : null}
          <Form.Item name="number" label={t('collections:fields.invoiceNumber')} rules={[{ required: true, whitespace: true, message: t('instalment.numberRequired') }, { max: 50 }]}>
            <Input data-testid="invoice-number" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('collections:fields.issuedOn')} rules={[{ required: true }]} {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} data-testid="invoice-issued-on" />
          </Form.Item>
          <Form.Item name="amount" label={t('collections:fields.amount')} rules={[{ required: true, message: t('instalment.amountRequired') }]}>
            <MoneyInput min={0.01} data-testid="invoice-amount" />
          </Form.Item>
          <Form.Item name="type" label={t('collections:fields.invoiceType')} rules={[{ required: true }]}>
            <Select options={INVOICE_TYPES.map((k) => ({ value: k, label: t(`collections:invoiceTypes.${k}`) }))} data-testid="invoice-type" />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}

/** 申请核销 (bad-debt write-off through the approval engine) of what the instalment still owes; its earlier requests listed above. */
function WriteOffDrawer({ instalment, onClose }: { instalment: Instalment | null; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'collections']);
  const [form] = Form.useForm<{ amount: number | null; reason: string }>();
  const request = useRequestWriteOff();
  const earlier = useWriteOffs(instalment?.id ?? null);
  const { message } = useFeedback();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const submit = useOneSave(async (v: { amount: number | null; reason: string }) => {
    if (!instalment) return;
    setUnplaced(null);
    try {
      await request.mutateAsync({ instalmentId: instalment.id, body: { amount: v.amount ?? 0, reason: v.reason.trim() } });
      void message.success(t('instalment.writeOffRequested'));
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) setUnplaced(err);
    }
  });
  const pending = earlier.data?.items.some((w) => w.status === 'pending');
  return (
    <FormDrawer
      open={instalment !== null}
      title={instalment ? t('instalment.writeOffTitle', { seq: instalment.seq }) : ''}
      formId="instalment-write-off-form"
      saving={request.isPending}
      saveText={t('instalment.writeOffSubmit')}
      cancelText={t('form.cancel')}
      onClose={onClose}
      testId="write-off-drawer"
    >
      {instalment && (
        <Form form={form} id="instalment-write-off-form" {...saveByButton} layout="vertical" initialValues={{ amount: instalment.outstanding }} onFinish={(v) => void submit(v)}>
          <InstalmentFacts x={instalment} />
          {(earlier.data?.items.length ?? 0) > 0 && (
            <Flex vertical gap={4} style={{ marginBottom: 12 }} data-testid="write-off-earlier">
              <Typography.Text type="secondary">{t('instalment.earlierWriteOffs')}</Typography.Text>
              {earlier.data!.items.map((w) => (
                <Flex key={w.id} gap={8} wrap align="center">
                  <StatusTag value={w.status} labelPrefix="collections:writeOffStatuses" colors={{ approved: 'purple' }} />
                  <MoneyText fen={w.amount} />
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
                    {w.reason}
                  </Typography.Text>
                  {w.approvalId && <Link to={`/approvals/${w.approvalId}`}>{t('detail.openApproval')}</Link>}
                </Flex>
              ))}
            </Flex>
          )}
          {pending && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('instalment.writeOffPending')} />}
          {unplaced ? <ErrorAlert error={unplaced} /> : null}
          <Form.Item name="amount" label={t('collections:fields.writeOffAmount')} rules={[{ required: true, message: t('instalment.amountRequired') }]} extra={t('instalment.writeOffHint')}>
            <MoneyInput min={0.01} data-testid="write-off-amount" />
          </Form.Item>
          <Form.Item name="reason" label={t('collections:fields.reason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="write-off-reason" />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}

/** The instalment a drawer acts on, in one line: 第 n 期 · milestone · due · amount · outstanding. */
function InstalmentFacts({ x }: { x: Instalment }) {
  const { t } = useTranslation(['deals', 'contracts']);
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      message={
        <Flex gap={12} wrap>
          <span>{t('instalment.seq', { seq: x.seq })}{x.milestone ? ` · ${x.milestone}` : ''}</span>
          <span>{t('contracts:instalmentFields.dueDate')} {x.dueDate}</span>
          <span>{t('contracts:instalmentFields.amount')} <MoneyText fen={x.amount} /></span>
          <span>{t('contracts:instalmentFields.invoiced')} <MoneyText fen={x.invoiced} /></span>
          <span>{t('contracts:instalmentFields.outstanding')} <MoneyText fen={x.outstanding} /></span>
        </Flex>
      }
    />
  );
}
