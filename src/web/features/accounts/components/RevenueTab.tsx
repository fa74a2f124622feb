import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVENUE_SOURCES, type AccountDetail, type LedgerSource } from '../../../../shared/contracts/accounts';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { accountKeys } from '../api';

interface Row {
  year: number;
  source: LedgerSource;
  amount: number;
  note: string;
}
interface Ledger {
  version: number;
  rows: Row[];
}

function YearTotals({ title, rows, testId }: { title: string; rows: { year: number; amount: number }[]; testId: string }) {
  const { t } = useTranslation('accounts');
  return (
    <Card size="small" title={title} data-testid={testId}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('revenue.none')}</Typography.Text>
      ) : (
        rows.map((r) => (
          <Flex key={r.year} justify="space-between" style={{ padding: '4px 0' }}>
            <Typography.Text>{t('revenue.yearLabel', { year: r.year })}</Typography.Text>
            <MoneyText fen={r.amount} />
          </Flex>
        ))
      )}
    </Card>
  );
}

/** The revenue ledger per year and source (ACC-4 reads it for the tier) with the group roll-up (ACC-2). */
export function RevenueTab({ account, editable }: { account: AccountDetail; editable: boolean }) {
  const { t } = useTranslation('accounts');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ rows: Partial<Row>[] }>();
  const ledger = useQuery({ queryKey: accountKeys.revenue(account.id), queryFn: () => api.get<Ledger>(`/api/accounts/${account.id}/revenue`) });

  const save = useMutation({
    mutationFn: (v: { rows: Partial<Row>[] }) =>
      api.put<Ledger>(`/api/accounts/${account.id}/revenue`, { rows: v.rows.map((r) => ({ year: r.year, source: r.source, amount: r.amount ?? 0, note: r.note ?? '' })), version: account.version }),
    onSuccess: () => {
      void message.success(t('revenue.saved'));
      setEditing(false);
      void qc.invalidateQueries({ queryKey: accountKeys.all });
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: accountKeys.all })),
  });

  const hasGroup = account.children.length > 0;
  const thisYear = new Date().getFullYear();
  return (
    <div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={hasGroup ? 12 : 24}>
          <YearTotals title={t('revenue.byYear')} rows={account.revenueByYear} testId="account-revenue-years" />
        </Col>
        {hasGroup && (
          <Col xs={24} md={12}>
            <YearTotals title={t('revenue.groupByYear')} rows={account.groupRevenueByYear} testId="account-revenue-group" />
          </Col>
        )}
      </Row>
      <Card
        size="small"
        title={t('revenue.ledger')}
        extra={
          editable &&
          !editing && (
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="account-revenue-edit"
              onClick={() => {
                // the system's rows from the signed contracts are not typed by hand (decision 014)
                form.setFieldsValue({ rows: (ledger.data?.rows ?? []).filter((r) => r.source !== 'signed') });
                setEditing(true);
              }}
            >
              {t('revenue.edit')}
            </Button>
          )
        }
      >
        {ledger.isError && <ErrorAlert error={ledger.error} onRetry={() => void ledger.refetch()} />}
        {ledger.isLoading ? (
          <Skeleton active />
        ) : editing ? (
          <Form form={form} onFinish={(v) => save.mutate(v)} data-testid="account-revenue-form">
            <Form.List name="rows">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row key={f.key} gutter={8} align="top">
                      <Col xs={8} sm={4}>
                        <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: t('revenue.yearRequired') }]}>
                          <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} placeholder={t('revenue.year')} data-testid={`account-revenue-year-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={16} sm={5}>
                        <Form.Item name={[f.name, 'source']} rules={[{ required: true, message: t('revenue.sourceRequired') }]}>
                          <Select placeholder={t('revenue.source')} options={REVENUE_SOURCES.map((s) => ({ value: s, label: t(`revenueSources.${s}`) }))} data-testid={`account-revenue-source-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={6}>
                        <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t('revenue.amountRequired') }]}>
                          <MoneyInput data-testid={`account-revenue-amount-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} sm={7}>
                        <Form.Item name={[f.name, 'note']}>
                          <Input maxLength={500} placeholder={t('revenue.note')} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} sm={2}>
                        <Button icon={<DeleteOutlined />} aria-label={t('revenue.remove')} onClick={() => remove(f.name)} />
                      </Col>
                    </Row>
                  ))}
                  <Flex gap={8} wrap>
                    <Button icon={<PlusOutlined />} onClick={() => add({ year: thisYear, source: 'manual', amount: null, note: '' })} data-testid="account-revenue-add">
                      {t('revenue.add')}
                    </Button>
                    <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="account-revenue-save">
                      {t('revenue.save')}
                    </Button>
                    <Button onClick={() => setEditing(false)}>{t('cancel')}</Button>
                  </Flex>
                </>
              )}
            </Form.List>
          </Form>
        ) : (
          <Table<Row>
            size="small"
            rowKey={(r) => `${r.year}:${r.source}`}
            dataSource={ledger.data?.rows ?? []}
            pagination={false}
            scroll={{ x: 520 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('revenue.none')} /> }}
            footer={(rows) => (rows.some((r) => r.source === 'signed') ? <Typography.Text type="secondary">{t('revenue.signedHint')}</Typography.Text> : null)}
            columns={[
              { title: t('revenue.year'), dataIndex: 'year', width: 80 },
              { title: t('revenue.source'), dataIndex: 'source', width: 120, render: (s: LedgerSource) => <Tag color={s === 'signed' ? 'blue' : undefined}>{t(`revenueSources.${s}`)}</Tag> },
              { title: t('revenue.amount'), dataIndex: 'amount', width: 160, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
              { title: t('revenue.note'), dataIndex: 'note', render: (v: string) => v || '—' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
