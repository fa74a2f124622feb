import { Card, Col, Empty, Flex, Segmented, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DunningItem } from '../../../../shared/contracts/receivables';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { id, int, oneOf, useListState } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { useDunning } from '../api';
import { ContractLink, DunningLevelTag } from '../components/bits';
import { DunningRunButton } from '../components/DunningRunButton';
import { FilterBar } from '../components/FilterBar';

const STATES = ['open', 'all'] as const;
const LEVELS = [1, 2, 3, 4] as const;

/**
 * /receivables/dunning — 帐款催收: overdue instalments with the dunning levels the daily run reached
 * (1 notice to the owner, 2 collection task, 3 the KA director, 4 the GM) and the open collection task;
 * holders of receivable:dunning run it now (立即运行催收), and the list reloads when the run ends.
 */
export function DunningPage() {
  const { t } = useTranslation('receipts');
  const { me, can } = useAuth();
  const state = useListState({ state: oneOf(STATES, 'open'), level: int({ min: 1, max: 9 }), ownerId: id(), unitId: id() });
  const { filters } = state;
  const q = useDunning(state.query);
  const active = state.changed.filter((k) => k !== 'state').length;

  const columns: TableColumnsType<DunningItem> = [
    {
      title: t('fields.contract'),
      key: 'contract',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <div>
          <ContractLink id={r.contractId} number={r.contractNumber} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('fields.seqOf', { seq: r.seq })}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('fields.account'), dataIndex: 'accountName', width: 180, ellipsis: true, render: (v: string, r) => <AccountLink id={r.accountId}>{v}</AccountLink> },
    {
      title: t('fields.owner'),
      dataIndex: 'ownerName',
      width: 110,
      render: (v: string, r) => (
        <div>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {r.unitName}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('fields.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('fields.outstanding'), dataIndex: 'outstanding', align: 'right', width: 130, render: (v: number) => (v ? <MoneyText fen={v} strong /> : <Typography.Text type="success">{t('dunning.settled')}</Typography.Text>) },
    { title: t('fields.daysOverdue'), dataIndex: 'daysOverdue', align: 'right', width: 100, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{t('fields.days', { count: v })}</Typography.Text> : '—') },
    {
      title: t('fields.dunningLevel'),
      key: 'level',
      width: 150,
      render: (_, r) => {
        const last = r.steps[r.steps.length - 1];
        return (
          <Tooltip
            title={r.steps.map((s) => (
              <div key={s.level}>
                {t('dunning.step', { level: s.level, days: s.daysOverdue })} · <DateTime value={s.at} mode="date" />
              </div>
            ))}
          >
            <Flex vertical gap={2} align="flex-start">
              <DunningLevelTag level={r.level} />
              {last && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={last.at} mode="date" />
                </Typography.Text>
              )}
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      title: t('dunning.task'),
      key: 'task',
      width: 150,
      render: (_, r) =>
        r.task ? (
          <Flex vertical gap={2} data-testid={`dunning-task-${r.instalmentId}`}>
            {r.task.ownerId === me?.id ? (
              <Link to="/tasks">{t('dunning.taskOf', { name: r.task.ownerName })}</Link>
            ) : (
              <Tooltip title={t('dunning.taskHint')}>
                <span>{t('dunning.taskOf', { name: r.task.ownerName })}</span>
              </Tooltip>
            )}
            {r.task.dueAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dunning.taskDue')} <DateTime value={r.task.dueAt} mode="date" />
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('dunning.title')} subtitle={t('dunning.subtitle')} extra={can('receivable:dunning') && <DunningRunButton />} />
      <FilterBar
        testId="dunning-filters"
        active={active}
        onReset={() => state.reset(['state'])}
        lead={<Segmented value={filters.state} onChange={(v) => state.set({ state: v as (typeof STATES)[number] })} options={STATES.map((s) => ({ value: s, label: t(`dunning.states.${s}`) }))} data-testid="dunning-state" />}
      >
        <Col xs={24} sm={12} md={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('dunning.minLevel')}
            value={filters.level}
            onChange={(v?: number) => state.set({ level: v })}
            options={LEVELS.map((l) => ({ value: l, label: t('dunning.atLeast', { level: l, name: t(`dunning.levels.${l}`) }) }))}
            data-testid="dunning-level-filter"
          />
        </Col>
        <Col xs={24} sm={12} md={6} lg={4}>
          <UserSelect value={filters.ownerId} onChange={(v) => state.set({ ownerId: v ?? undefined })} placeholder={t('filters.owner')} />
        </Col>
        <Col xs={24} sm={12} md={6} lg={5}>
          <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} />
        </Col>
      </FilterBar>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Card size="small">
        <Table<DunningItem>
          rowKey="instalmentId"
          size="middle"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items}
          scroll={{ x: 1150 }}
          onRow={(r) => ({ 'data-testid': `dunning-${r.instalmentId}` }) as never}
          data-testid="dunning-table"
          pagination={{ ...state.pagination, total: q.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
          locale={{ emptyText: <Empty description={t('dunning.empty')} /> }}
        />
      </Card>
    </div>
  );
}
