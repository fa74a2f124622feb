import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Statement, StatementLine } from '../../../../shared/contracts/receivables';
import { withQuery } from '../../../api/client';
import { useBusinessTime } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fmtYuan } from '../../../components/format';
import { today } from '../../../components/formDate';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { Cols, PrintSheet, PrintToolbar } from '../../../components/PrintSheet';
import { date, useListState } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { useStatement } from '../api';
import { ContractLink } from '../components/bits';
import '../components/statement.css';

/** The statement's period in the URL: from the first of the year to today unless chosen. */
function useStatementPeriod() {
  const now = today();
  const state = useListState({ from: date(`${now.slice(0, 4)}-01-01`), to: date(now) });
  return state;
}

const amount = (fen: number) => (fen ? <MoneyText fen={fen} /> : null);

/**
 * /accounts/:id/statement — 对账单: the opening balance, every due, invoice, receipt and write-off in
 * the period with the running balance, the closing balance and the account's unallocated credit;
 * A4 print and XLSX.
 */
export function StatementPage() {
  const { t } = useTranslation('receipts');
  const id = Number(useParams().id);
  const state = useStatementPeriod();
  const { from, to } = state.filters;
  const q = useStatement(id, { from, to });
  const s = q.data;
  const columns: TableColumnsType<StatementLine> = [
    { title: t('statement.date'), dataIndex: 'date', width: 110 },
    { title: t('statement.kind'), dataIndex: 'kind', width: 100, render: (v: StatementLine['kind']) => t(`statement.kinds.${v}`) },
    { title: t('statement.ref'), dataIndex: 'ref', width: 150 },
    {
      title: t('fields.contract'),
      key: 'contract',
      width: 180,
      render: (_, l) =>
        l.contractId && l.contractNumber ? (
          <span>
            <ContractLink id={l.contractId} number={l.contractNumber} />
            {l.seq ? ` · ${t('fields.seqOf', { seq: l.seq })}` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('statement.debit'), dataIndex: 'debit', align: 'right', width: 130, render: amount },
    { title: t('statement.credit'), dataIndex: 'credit', align: 'right', width: 130, render: amount },
    { title: t('statement.invoiced'), dataIndex: 'invoiced', align: 'right', width: 130, render: amount },
    { title: t('statement.balance'), dataIndex: 'balance', align: 'right', width: 140, render: (v: number) => <MoneyText fen={v} strong /> },
  ];
  return (
    <div>
      <PageHeader
        title={t('statement.titlePlain')}
        subtitle={s && <AccountLink id={s.account.id}>{s.account.name}</AccountLink>}
        extra={
          <>
            <Link to={`/accounts/${id}/statement/print?${new URLSearchParams({ from, to }).toString()}`} data-testid="statement-print">
              <Button icon={<PrinterOutlined />}>{t('statement.print')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={withQuery(`/api/accounts/${id}/statement/export`, { from, to })} data-testid="statement-export">
              {t('statement.export')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => v?.[0] && v[1] && state.set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          data-testid="statement-range"
        />
      </Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isLoading && <Skeleton active />}
      {s && (
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }} data-testid="statement-summary">
            <Descriptions.Item label={t('statement.opening')}>
              <MoneyText fen={s.opening} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('statement.closing')}>
              <span data-testid="statement-closing">
                <MoneyText fen={s.closing} strong />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('statement.invoicedTotal')}>
              <MoneyText fen={s.totals.invoiced} />
            </Descriptions.Item>
            <Descriptions.Item label={t('statement.unallocated')}>
              <MoneyText fen={s.credit} />
            </Descriptions.Item>
          </Descriptions>
          <Table<StatementLine>
            rowKey={(_, i) => String(i)}
            size="small"
            columns={columns}
            dataSource={s.lines}
            scroll={{ x: 'max-content' }}
            pagination={false}
            data-testid="statement-lines"
            locale={{ emptyText: <Empty description={t('statement.empty')} /> }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <strong>{t('statement.totals')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <MoneyText fen={s.totals.debit} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <MoneyText fen={s.totals.credit} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  <MoneyText fen={s.totals.invoiced} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  <MoneyText fen={s.closing} strong />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
    </div>
  );
}

/** /accounts/:id/statement/print — the statement on A4: title and header on every page, page numbers at the foot. */
export function StatementPrintPage() {
  const { t } = useTranslation('receipts');
  const id = Number(useParams().id);
  const state = useStatementPeriod();
  const { from, to } = state.filters;
  const q = useStatement(id, { from, to });
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div>
      <PrintToolbar back={`/accounts/${id}/statement?${new URLSearchParams({ from, to }).toString()}`} label={t('statement.printNow')} testId="print-now" />
      <StatementSheet s={q.data} />
    </div>
  );
}

function StatementSheet({ s }: { s: Statement }) {
  const { t } = useTranslation('receipts');
  const when = useBusinessTime();
  const y = (fen: number) => (fen ? fmtYuan(fen) : '');
  return (
    <PrintSheet
      title={t('statement.sheetTitle')}
      meta={[t('statement.sheetAccount', { account: s.account.name }), t('statement.sheetPeriod', { from: s.from, to: s.to }), t('statement.sheetPrinted', { at: when(new Date().toISOString(), 'date') })]}
      className="statement-sheet"
      testId="statement-sheet"
    >
      <table>
        <Cols widths={['12%', '8%', '17%', '15%', '12%', '12%', '12%', '12%']} />
        <thead>
          <tr>
            <th>{t('statement.date')}</th>
            <th>{t('statement.kind')}</th>
            <th>{t('statement.ref')}</th>
            <th>{t('statement.instalment')}</th>
            <th>{t('statement.debitYuan')}</th>
            <th>{t('statement.creditYuan')}</th>
            <th>{t('statement.invoicedYuan')}</th>
            <th>{t('statement.balanceYuan')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="nowrap">{s.from}</td>
            <td colSpan={6}>{t('statement.opening')}</td>
            <td className="money">{fmtYuan(s.opening)}</td>
          </tr>
          {s.lines.map((l, i) => (
            <tr key={i}>
              <td className="nowrap">{l.date}</td>
              <td>{t(`statement.kinds.${l.kind}`)}</td>
              <td>{l.ref === l.contractNumber || !l.contractNumber ? l.ref : `${l.ref}（${l.contractNumber}）`}</td>
              <td>{l.seq ? [t('fields.seqOf', { seq: l.seq }), l.milestone].filter(Boolean).join(' · ') : ''}</td>
              <td className="money">{y(l.debit)}</td>
              <td className="money">{y(l.credit)}</td>
              <td className="money">{y(l.invoiced)}</td>
              <td className="money">{fmtYuan(l.balance)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>{t('statement.totals')}</th>
            <td className="money">{fmtYuan(s.totals.debit)}</td>
            <td className="money">{fmtYuan(s.totals.credit)}</td>
            <td className="money">{fmtYuan(s.totals.invoiced)}</td>
            <td className="money">{fmtYuan(s.closing)}</td>
          </tr>
          <tr>
            <td colSpan={7}>{t('statement.unallocated')}</td>
            <td className="money">{fmtYuan(s.credit)}</td>
          </tr>
          <tr>
            <td colSpan={4} className="tall">
              {t('statement.signOurs')}
            </td>
            <td colSpan={4} className="tall">
              {t('statement.signTheirs')}
            </td>
          </tr>
        </tbody>
      </table>
      <Typography.Paragraph style={{ marginTop: '3mm', fontSize: '9pt' }}>{t('statement.sheetNote')}</Typography.Paragraph>
    </PrintSheet>
  );
}
