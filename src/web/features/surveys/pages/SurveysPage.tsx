import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Grid, Row, Segmented, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_SORTS, SCORE_GROUPS, type Invitation, type ScoreGroup, type ScoreRow } from '../../../../shared/contracts/surveys';
import { INVITATION_REASONS, INVITATION_STATUSES } from '../../../../shared/domain/surveys';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame } from '../../../components/ListFrame';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { date, id, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { UserSelect } from '../../../components/UserSelect';
import { AccountLink, AccountSelect } from '../../accounts';
import { useInvitations, useScores } from '../api';
import { rowsOption } from '../charts';
import { InvitationCard, useInvitationColumns } from '../components/InvitationBits';
import { ScoreSummary } from '../components/ScoreSummary';
import { SettingsDrawer } from '../components/SettingsDrawer';
import { SurveyChart } from '../components/SurveyChart';
import { npsText, percent, score, targetTone, worded } from '../helpers';

const VIEWS = ['invitations', 'scores'] as const;
const LIST = {
  view: oneOf(VIEWS, 'invitations'),
  q: text(),
  status: oneOf(INVITATION_STATUSES),
  reason: oneOf(INVITATION_REASONS),
  accountId: id(),
  ownerId: id(),
  unitId: id(),
  from: date(),
  to: date(),
  groupBy: oneOf(SCORE_GROUPS, 'owner'),
};

/**
 * /surveys — 满意度: the invitations in scope (status, source, account, owner, unit, sent from/to; search by
 * account or contact) and the scores by owner, unit or account over a period against the department's
 * target, with the chart of 满意率 per row and the monthly trend. Settings for survey:configure.
 */
export function SurveysPage() {
  const { t } = useTranslation('surveys');
  const { can } = useAuth();
  const state = useListState(LIST, { sort: '-createdAt', sorts: INVITATION_SORTS });
  const [settings, setSettings] = useState(false);
  const view = state.filters.view;
  return (
    <div>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        extra={
          can('survey:configure') && (
            <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="surveys-settings">
              {t('page.settings')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={view}
        onChange={(k) => state.set({ view: k as (typeof VIEWS)[number] })}
        items={VIEWS.map((v) => ({ key: v, label: <span data-testid={`surveys-tab-${v}`}>{t(`page.${v}`)}</span> }))}
      />
      {view === 'invitations' ? <InvitationList state={state} /> : <Scores state={state} />}
      <SettingsDrawer open={settings} onClose={() => setSettings(false)} />
    </div>
  );
}

type State = ReturnType<typeof useListState<typeof LIST>>;

function InvitationList({ state }: { state: State }) {
  const { t } = useTranslation('surveys');
  const { filters } = state;
  const search = useTextFilter(state, 'q');
  const { view: _view, groupBy: _groupBy, ...query } = state.query;
  const list = useInvitations(query);
  const columns = useInvitationColumns({ account: true });
  const active = state.changed.filter((k) => k !== 'q' && k !== 'view' && k !== 'groupBy').length;
  const empty = <Empty description={active || filters.q ? t('list.noMatch') : t('list.empty')} />;
  const fields = (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select allowClear style={{ width: '100%' }} placeholder={t('filters.status')} value={filters.status} onChange={(v) => state.set({ status: v })} options={INVITATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} data-testid="surveys-filter-status" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select allowClear style={{ width: '100%' }} placeholder={t('filters.reason')} value={filters.reason} onChange={(v) => state.set({ reason: v })} options={INVITATION_REASONS.map((s) => ({ value: s, label: t(`reasons.${s}`) }))} data-testid="surveys-filter-reason" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <AccountSelect value={filters.accountId} onChange={(v: number | null | undefined) => state.set({ accountId: v ?? undefined })} placeholder={t('filters.account')} data-testid="surveys-filter-account" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={3}>
        <UserSelect value={filters.ownerId} onChange={(v) => state.set({ ownerId: v ?? undefined })} placeholder={t('filters.owner')} data-testid="surveys-filter-owner" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} data-testid="surveys-filter-unit" />
      </Col>
      <Col xs={24} sm={12} md={8} lg={5}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(v) => state.set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('filters.from'), t('filters.to')]}
          data-testid="surveys-filter-dates"
        />
      </Col>
      {active > 0 && (
        <Col>
          <Button onClick={() => state.reset(['q', 'view'])} data-testid="surveys-filters-reset">
            {t('filters.reset')}
          </Button>
        </Col>
      )}
    </Row>
  );
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ListFrame<Invitation>
        testId="surveys"
        search={search.search}
        searchPlaceholder={t('list.search')}
        filters={fields}
        activeFilters={active}
        filtersLabel={t('filters.title')}
        doneLabel={t('filters.done')}
        items={list.data?.items}
        renderCard={(i) => <InvitationCard key={i.id} i={i} account />}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        pagination={state.pagination}
        empty={empty}
        table={
          <Table<Invitation>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            scroll={{ x: 1100 }}
            onChange={state.onTableChange}
            data-testid="surveys-table"
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
            locale={{ emptyText: empty }}
          />
        }
      />
    </>
  );
}

/** 满意度得分: the period's totals, 满意率 per row against the target (chart and table), the trend. */
function Scores({ state }: { state: State }) {
  const { t, i18n } = useTranslation('surveys');
  const phone = Grid.useBreakpoint().md === false;
  const { filters } = state;
  const q = useScores({ from: filters.from, to: filters.to, groupBy: filters.groupBy, unitId: filters.unitId, ownerId: filters.ownerId, accountId: filters.accountId });
  const report = q.data;
  const option = useMemo(() => (report ? rowsOption(report.rows, report.target, { satisfiedRate: t('figures.satisfiedRate'), target: t('figures.target') }) : null), [report, t]);
  const columns: TableColumnsType<ScoreRow> = [
    {
      title: t(`scores.groupTitles.${filters.groupBy}`),
      dataIndex: 'name',
      fixed: 'left',
      width: phone ? 110 : 180,
      render: (v: string, r) => (filters.groupBy === 'account' ? <AccountLink id={r.key}>{v}</AccountLink> : v),
    },
    {
      title: t('figures.satisfiedRate'),
      dataIndex: 'satisfiedRate',
      align: 'right',
      width: 120,
      render: (v: number | null, r) => (
        <Flex gap={4} justify="flex-end" align="center">
          <Typography.Text strong type={targetTone(v, report?.target ?? 0)} data-testid={`surveys-rate-${r.key}`}>
            {percent(v)}
          </Typography.Text>
          {r.meetsTarget === false && <Tag color="error">{t('figures.misses')}</Tag>}
        </Flex>
      ),
    },
    { title: t('figures.csat'), dataIndex: 'csat', align: 'right', width: 100, render: (v: number | null) => score(v) },
    { title: t('figures.nps'), dataIndex: 'nps', align: 'right', width: 100, render: (v: number | null) => npsText(v) },
    { title: t('figures.answers'), dataIndex: 'answers', align: 'right', width: 80 },
    { title: t('figures.responseRate'), dataIndex: 'responseRate', align: 'right', width: 120, render: (v: number | null, r) => `${percent(v)} (${r.answeredOfSent}/${r.sent})` },
    ...(report?.itemKeys ?? []).map((k) => ({ title: worded(k.name, i18n.language), key: k.key, align: 'right' as const, width: 110, render: (_: unknown, r: ScoreRow) => score(r.items[k.key]) })),
  ];
  const range = filters.from && filters.to ? ([dayjs(filters.from), dayjs(filters.to)] as const) : report ? ([dayjs(report.from), dayjs(report.to)] as const) : null;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <Segmented<ScoreGroup> value={filters.groupBy} onChange={(v) => state.set({ groupBy: v })} options={SCORE_GROUPS.map((g) => ({ value: g, label: t(`scores.groups.${g}`) }))} data-testid="surveys-group" />
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range ? [range[0], range[1]] : null}
            onChange={(v) => v?.[0] && v[1] && state.set({ from: v[0].startOf('month').format('YYYY-MM-DD'), to: v[1].endOf('month').format('YYYY-MM-DD') })}
            data-testid="surveys-period"
          />
          <div style={{ minWidth: 200 }}>
            <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} data-testid="surveys-scores-unit" />
          </div>
        </Flex>
      </Card>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!report ? (
        <Skeleton active />
      ) : (
        <>
          <ScoreSummary report={report} testId="surveys-totals" />
          <Row gutter={[8, 8]}>
            {report.rows.some((r) => r.satisfiedRate !== null) && option && (
              <Col xs={24} lg={9}>
                <Card size="small" title={t('scores.chartTitle')} style={{ height: '100%' }}>
                  <SurveyChart option={option} height={Math.max(160, Math.min(12, report.rows.length) * 34 + 24)} testId="surveys-rows-chart" />
                </Card>
              </Col>
            )}
            <Col xs={24} lg={report.rows.some((r) => r.satisfiedRate !== null) ? 15 : 24}>
              <Card size="small">
                <Table<ScoreRow>
                  rowKey="key"
                  size="small"
                  loading={q.isFetching}
                  columns={columns}
                  dataSource={report.rows}
                  pagination={report.rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  scroll={{ x: 'max-content' }}
                  data-testid="surveys-scores-table"
                  locale={{ emptyText: <Empty description={t('scores.empty')} /> }}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
                  {t('scores.definitions')}
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
