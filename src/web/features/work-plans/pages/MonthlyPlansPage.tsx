import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthlyPlanListItem } from '../../../../shared/contracts/work-plans';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ItemList } from '../../../components/ItemList';
import { PageHeader } from '../../../components/PageHeader';
import { month, oneOf, useListState } from '../../../components/useListState';
import { useMonthlyPlans } from '../api';
import { PlanStatus } from '../components/PlanStatus';
import { RateBar } from '../components/RateBar';

const METRICS = ['visits', 'expansions', 'deals'] as const;
const BOXES = ['mine', 'all'] as const;

/** /monthly-plans — my monthly plans, or (box=all) every plan in my scope: the director's view of a month. */
export function MonthlyPlansPage() {
  const { t } = useTranslation('workPlans');
  const { can, seesOthers } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  // a manager or director (a visit:read scope beyond their own) opens on the team's plans; a specialist on their own
  const state = useListState({ box: oneOf(BOXES, seesOthers('visit:read') || !can('visit:write') ? 'all' : 'mine'), month: month() });
  const { box, month: period } = state.filters;
  const list = useMonthlyPlans(state.query);
  const pagination = { ...state.pagination, total: list.data?.total ?? 0 };

  const columns: ColumnsType<MonthlyPlanListItem> = [
    { key: 'month', title: t('plans.month'), width: 100, render: (_, r) => <Link to={`/monthly-plans/${r.id}`} data-testid={`plan-link-${r.id}`}>{r.month}</Link> },
    { key: 'owner', title: t('plans.owner'), width: 140, render: (_, r) => `${r.owner.name} · ${r.unitName}` },
    { key: 'status', title: t('plans.status'), width: 150, render: (_, r) => <PlanStatus plan={r} /> },
    ...METRICS.map((m) => ({ key: m, title: t(`plans.metrics.${m}`), render: (_: unknown, r: MonthlyPlanListItem) => <RateBar value={r.actuals[m]} /> })),
  ];

  return (
    <div>
      <PageHeader
        title={t('plans.title')}
        subtitle={t('plans.subtitle')}
        extra={
          can('visit:write') && (
            <Link to="/monthly-plans/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="plan-new">
                {t('plans.new')}
              </Button>
            </Link>
          )
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Segmented value={box} onChange={(v) => state.set({ box: v })} options={BOXES.map((b) => ({ value: b, label: t(`plans.boxes.${b}`) }))} data-testid="plan-boxes" />
          <DatePicker picker="month" value={period ? dayjs(`${period}-01`) : null} placeholder={t('plans.anyMonth')} onChange={(d) => state.set({ month: d ? d.format('YYYY-MM') : undefined })} data-testid="plan-month-filter" />
        </Flex>
        {list.error && <ErrorAlert error={list.error} />}
        {phone ? (
          <ItemList
            items={list.data?.items ?? []}
            loading={list.isLoading}
            rowKey={(r) => r.id}
            empty={t('plans.empty')}
            pagination={pagination}
            renderItem={(r) => (
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/monthly-plans/${r.id}`} data-testid={`plan-link-${r.id}`}>
                    {r.month} · {r.owner.name}
                  </Link>
                  <PlanStatus plan={r} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitName} · {t('plans.dueOn', { date: r.dueOn })}
                </Typography.Text>
                {METRICS.map((m) => (
                  <RateBar key={m} label={t(`plans.metrics.${m}`)} value={r.actuals[m]} />
                ))}
              </Flex>
            )}
          />
        ) : (
          <Table rowKey="id" size="small" loading={list.isLoading} columns={columns} dataSource={list.data?.items ?? []} locale={{ emptyText: t('plans.empty') }} pagination={{ ...pagination, showSizeChanger: false }} />
        )}
      </Card>
    </div>
  );
}
