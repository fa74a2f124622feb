import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, List, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VISIT_STATUSES, type VisitListItem } from '../../../../shared/contracts/visits';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { date, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useVisits, type VisitFilters } from '../api';
import { ReportTag, VisitStatusTag } from '../components/tags';

type Box = VisitFilters['box'];

/** what the server sorts visits by (`-` descending; default: the newest planned first) */
const VISIT_SORTS = ['plannedAt', 'checkedInAt', 'createdAt'];

/**
 * /visits — my visits, all visits in my scope, and (for the director) the reports waiting for review; filtered by
 * status and planned date in the URL (the home page's 今日拜访 and 待写拜访报告 lead here).
 */
export function VisitsPage() {
  const { t } = useTranslation('visits');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const reviewer = can('visit:review');
  const boxes: Box[] = reviewer ? ['review', 'mine', 'all'] : ['mine', 'all'];
  const state = useListState({ box: oneOf(boxes, boxes[0]!), q: text(), status: oneOf(VISIT_STATUSES), from: date(), to: date() }, { sorts: VISIT_SORTS });
  const { box, status, from, to } = state.filters;
  const search = useTextFilter(state, 'q');
  const list = useVisits(state.query);
  const pagination = { ...state.pagination, total: list.data?.total ?? 0 };

  const columns: ColumnsType<VisitListItem> = [
    { key: 'plannedAt', title: t('columns.plannedAt'), width: 150, render: (_, r) => <DateTime value={r.plannedAt} mode="dateTime" /> },
    { key: 'account', title: t('columns.account'), render: (_, r) => <Link to={`/visits/${r.id}`} data-testid={`visit-link-${r.id}`}>{r.account.name}</Link> },
    { key: 'owner', title: t('columns.owner'), width: 100, render: (_, r) => r.owner.name },
    { key: 'purpose', title: t('columns.purpose'), width: 100, render: (_, r) => t(`purposes.${r.purpose}`) },
    { key: 'status', title: t('columns.status'), width: 90, render: (_, r) => <VisitStatusTag value={r.status} /> },
    { key: 'report', title: t('columns.report'), width: 90, render: (_, r) => <ReportTag value={r.reportStatus} /> },
    { key: 'result', title: t('columns.result'), width: 110, render: (_, r) => (r.result ? t(`results.${r.result}`) : '—') },
    { key: 'cost', title: t('columns.cost'), width: 100, align: 'right', render: (_, r) => <MoneyText fen={r.costTotal} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('title')}
        extra={
          can('visit:write') && (
            <Link to="/visits/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="visit-new">
                {t('new')}
              </Button>
            </Link>
          )
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Segmented value={box} onChange={(v) => state.set({ box: v })} options={boxes.map((b) => ({ value: b, label: t(`boxes.${b}`) }))} data-testid="visit-boxes" />
          <Input.Search allowClear {...search.search} placeholder={t('filters.search')} style={{ maxWidth: 260 }} />
          {/* the review box is the reports submitted, whatever the status asked */}
          {box !== 'review' && (
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('filters.status')}
              value={status}
              onChange={(v) => state.set({ status: v })}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
              data-testid="visit-filter-status"
            />
          )}
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            style={{ width: 260, maxWidth: '100%' }}
            value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
            onChange={(v) => state.set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('filters.from'), t('filters.to')]}
            data-testid="visit-filter-dates"
          />
        </Flex>
        {list.error && <ErrorAlert error={list.error} />}
        {phone ? (
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('messages.empty') }}
            pagination={{ ...pagination, size: 'small' }}
            renderItem={(r) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}>
                    <Link to={`/visits/${r.id}`} data-testid={`visit-link-${r.id}`}>
                      {r.account.name}
                    </Link>
                    <VisitStatusTag value={r.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <DateTime value={r.plannedAt} mode="dateTime" /> · {r.owner.name} · {t(`purposes.${r.purpose}`)}
                  </Typography.Text>
                  {r.status === 'recorded' && (
                    <Flex gap={8} wrap>
                      <ReportTag value={r.reportStatus} />
                      {r.result && <Tag>{t(`results.${r.result}`)}</Tag>}
                    </Flex>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('messages.empty') }}
            pagination={{ ...pagination, showSizeChanger: false }}
          />
        )}
      </Card>
    </div>
  );
}
