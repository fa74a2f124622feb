import { Card, Col, Flex, Grid, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DailyReport } from '../../../../shared/contracts/work-plans';
import { ItemList } from '../../../components/ItemList';
import { MoneyText } from '../../../components/MoneyText';

type Row = DailyReport['rows'][number];
type Expense = DailyReport['expenses'][number] & { key: number };

const hhmm = (at: string) => dayjs(at).format('HH:mm');

/** 客户拜访日报表 on screen: the day's counts, the visits and their expenses. */
export function DailyReportView({ report }: { report: DailyReport }) {
  const { t } = useTranslation('workPlans');
  const { t: tv } = useTranslation('visits');
  const phone = Grid.useBreakpoint().md === false;
  const expenses: Expense[] = report.expenses.map((e, key) => ({ ...e, key }));
  const met = (r: Row) => (r.metTitle ? `${r.metName}（${r.metTitle}）` : r.metName);
  const columns: ColumnsType<Row> = [
    { key: 'time', title: t('daily.time'), width: 70, render: (_, r) => hhmm(r.checkedInAt) },
    { key: 'account', title: t('daily.account'), render: (_, r) => <Link to={`/visits/${r.visitId}`}>{r.account.name}</Link> },
    { key: 'met', title: t('daily.met'), width: 140, render: (_, r) => met(r) },
    { key: 'purpose', title: t('daily.purpose'), width: 100, render: (_, r) => tv(`purposes.${r.purpose}`) },
    { key: 'discussed', title: t('daily.discussed'), render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{r.discussed}</Typography.Paragraph> },
    { key: 'result', title: t('daily.result'), width: 110, render: (_, r) => <Tag>{tv(`results.${r.result}`)}</Tag> },
  ];
  const expenseColumns: ColumnsType<Expense> = [
    { key: 'item', title: t('daily.expenseItem'), render: (_, e) => e.item },
    { key: 'account', title: t('daily.account'), render: (_, e) => e.accountName },
    { key: 'amount', title: t('daily.amount'), align: 'right', width: 120, render: (_, e) => <MoneyText fen={e.amount} /> },
    { key: 'note', title: t('daily.note'), render: (_, e) => e.note ?? '' },
  ];

  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        {(['visits', 'handled', 'open'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small">
              <Statistic title={t(`daily.counts.${k}`)} value={report.counts[k]} data-testid={`daily-count-${k}`} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('daily.expenseTotal')} value={report.expenseTotal} formatter={() => <MoneyText fen={report.expenseTotal} />} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('daily.visits')}>
        {phone ? (
          <ItemList
            items={report.rows}
            rowKey={(r) => r.visitId}
            empty={t('daily.empty')}
            renderItem={(r) => (
              <Flex vertical gap={4}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/visits/${r.visitId}`}>{r.account.name}</Link>
                  <Tag style={{ marginInlineEnd: 0 }}>{tv(`results.${r.result}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hhmm(r.checkedInAt)} · {met(r)} · {tv(`purposes.${r.purpose}`)}
                </Typography.Text>
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                  {r.discussed}
                </Typography.Paragraph>
              </Flex>
            )}
          />
        ) : (
          <Table rowKey="visitId" size="small" columns={columns} dataSource={report.rows} pagination={false} locale={{ emptyText: t('daily.empty') }} data-testid="daily-rows" />
        )}
      </Card>
      {report.expenses.length > 0 && (
        <Card size="small" title={t('daily.expenses')}>
          {phone ? (
            <ItemList
              items={expenses}
              rowKey={(e) => e.key}
              empty={null}
              renderItem={(e) => (
                <Flex justify="space-between" gap={8}>
                  <span>
                    {e.item}
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {[e.accountName, e.note].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </span>
                  <MoneyText fen={e.amount} />
                </Flex>
              )}
            />
          ) : (
            <Table rowKey="key" size="small" columns={expenseColumns} dataSource={expenses} pagination={false} />
          )}
        </Card>
      )}
    </Flex>
  );
}
