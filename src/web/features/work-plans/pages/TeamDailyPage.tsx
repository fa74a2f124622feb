import { Card, Flex, Grid, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamDailyReport } from '../../../../shared/contracts/work-plans';
import { DayStepper } from '../components/DayStepper';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ItemList } from '../../../components/ItemList';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { date as day, useListState } from '../../../components/useListState';
import { reportQuery, useReportDay, useTeamDailyReport } from '../api';

type Row = TeamDailyReport['items'][number];

/** /daily-reports/team — the director's day: the people in scope with their visits, problems handled and open. */
export function TeamDailyPage() {
  const { t } = useTranslation('workPlans');
  const phone = Grid.useBreakpoint().md === false;
  // the day shown when the URL names none: the last day anyone in scope recorded a visit (not a Sunday of zeros)
  const opening = useReportDay('team', true);
  const state = useListState({ date: opening.data ? day(opening.data.date) : day() });
  const { date } = state.filters;
  const team = useTeamDailyReport(date);
  const link = (r: Row) => (
    <Link to={`/daily-reports?${reportQuery(r.user.id, date!)}`} data-testid={`team-person-${r.user.id}`}>
      {r.user.name}
    </Link>
  );
  const columns: ColumnsType<Row> = [
    { key: 'name', title: t('team.person'), render: (_, r) => link(r) },
    { key: 'unit', title: t('team.unit'), render: (_, r) => r.unitName },
    { key: 'visits', title: t('daily.counts.visits'), align: 'right', width: 110, render: (_, r) => r.visits },
    { key: 'handled', title: t('daily.counts.handled'), align: 'right', width: 110, render: (_, r) => r.handled },
    { key: 'open', title: t('daily.counts.open'), align: 'right', width: 120, render: (_, r) => (r.open ? <Typography.Text type="warning">{r.open}</Typography.Text> : 0) },
    { key: 'cost', title: t('daily.expenseTotal'), align: 'right', width: 130, render: (_, r) => <MoneyText fen={r.expenseTotal} /> },
  ];
  const items = team.data?.items ?? [];

  return (
    <div>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle')}
        extra={date && <DayStepper value={date} onChange={(d) => state.set({ date: d })} testId="team-date" />}
      />
      {(opening.error || team.error) && <ErrorAlert error={opening.error ?? team.error} />}
      {!date && !opening.error && <Skeleton active />}
      <Card size="small">
        {phone ? (
          <ItemList
            items={items}
            loading={team.isLoading}
            rowKey={(r) => r.user.id}
            empty={t('team.empty')}
            renderItem={(r) => (
              <Flex vertical gap={4}>
                <Flex justify="space-between" gap={8}>
                  {link(r)}
                  <Typography.Text type="secondary">{r.unitName}</Typography.Text>
                </Flex>
                <Typography.Text style={{ fontSize: 13 }}>
                  {t('team.line', { visits: r.visits, handled: r.handled, open: r.open })} · <MoneyText fen={r.expenseTotal} />
                </Typography.Text>
              </Flex>
            )}
          />
        ) : (
          <Table rowKey={(r) => r.user.id} size="small" loading={team.isLoading} columns={columns} dataSource={items} pagination={false} locale={{ emptyText: t('team.empty') }} data-testid="team-table" />
        )}
      </Card>
    </div>
  );
}
