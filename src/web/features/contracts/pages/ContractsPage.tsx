import { DownloadOutlined, FileProtectOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Dropdown, Empty, Flex, Grid, Row, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONTRACT_KINDS, CONTRACT_STATUSES, type ContractKind, type ContractListItem, type ContractStatus } from '../../../../shared/contracts/contracts';
import { withQuery } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame } from '../../../components/ListFrame';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { useListState, useTextFilter } from '../../../components/useListState';
import { AccountSelect } from '../../accounts';
import { useContracts } from '../api';
import { columnsWidth, useContractColumns } from '../components/contractColumns';
import { ContractStatusTag, KindTag } from '../components/tags';
import { CONTRACT_LIST, CONTRACT_LIST_OPTIONS, contractQuery, type ContractFilters } from '../helpers';

/** /contracts — 合同 in the caller's scope: a table on a desk, cards on a phone; filters, sort and page in the URL. */
export function ContractsPage() {
  const { t } = useTranslation(['deals', 'contracts']);
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState(CONTRACT_LIST, CONTRACT_LIST_OPTIONS);
  const { filters } = state;
  const setFilter = <K extends keyof ContractFilters>(key: K, value: ContractFilters[K] | null) => state.set({ [key]: value ?? undefined });
  const search = useTextFilter(state, 'q');
  const active = state.changed.filter((k) => k !== 'q').length;
  const query = contractQuery(filters, { page: state.page, pageSize: state.pageSize, sort: state.sort });
  const list = useContracts(query);
  const exportUrl = (lines: boolean) => withQuery('/api/contracts/export', { ...contractQuery(filters, { sort: state.sort }), lines: lines ? 'true' : undefined });

  const filterFields = (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('contracts:fields.kind')}
          value={filters.kind}
          onChange={(v?: ContractKind) => setFilter('kind', v)}
          options={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contracts:kinds.${k}`) }))}
          data-testid="contract-filter-kind"
        />
      </Col>
      <Col xs={24} sm={12} md={6} lg={5}>
        <Select<ContractStatus[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: '100%' }}
          placeholder={t('contracts:fields.status')}
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts:statuses.${s}`) }))}
          data-testid="contract-filter-status"
        />
      </Col>
      {/* picking an account reads the account list: only for those who may read accounts */}
      {can('account:read') && (
        <Col xs={24} sm={12} md={6} lg={4}>
          <AccountSelect value={filters.accountId} onChange={(v) => setFilter('accountId', v)} placeholder={t('contracts:fields.account')} data-testid="contract-filter-account" />
        </Col>
      )}
      <Col xs={24} sm={12} md={6} lg={3}>
        <UserSelect value={filters.ownerId} onChange={(v) => setFilter('ownerId', v)} placeholder={t('contracts:fields.owner')} data-testid="contract-filter-owner" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UnitTreeSelect value={filters.unitId} onChange={(v) => setFilter('unitId', v)} placeholder={t('contracts:fields.unit')} data-testid="contract-filter-unit" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={5}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          placeholder={[t('list.signedFrom'), t('list.signedTo')]}
          value={[filters.signedFrom ? dayjs(filters.signedFrom) : null, filters.signedTo ? dayjs(filters.signedTo) : null]}
          allowEmpty={[true, true]}
          onChange={(v) => state.set({ signedFrom: v?.[0]?.format('YYYY-MM-DD'), signedTo: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="contract-filter-signed"
        />
      </Col>
      <Col>
        <Checkbox checked={filters.overdue} onChange={(e) => setFilter('overdue', e.target.checked)} style={{ lineHeight: '32px' }} data-testid="contract-filter-overdue">
          {t('list.overdueOnly')}
        </Checkbox>
      </Col>
      {phone && (
        <Col xs={24}>
          <Select
            style={{ width: '100%' }}
            value={state.sort ?? ''}
            onChange={(v: string) => state.change({ sort: v || undefined, page: 1 })}
            options={[
              { value: '-createdAt', label: t('list.sorts.newest') },
              { value: '-signDate', label: t('list.sorts.signDate') },
              { value: '-amount', label: t('list.sorts.amount') },
              { value: 'endDate', label: t('list.sorts.endDate') },
            ]}
            data-testid="contract-sort"
          />
        </Col>
      )}
      {active > 0 && (
        <Col>
          <Button onClick={() => state.reset(['q'])} data-testid="contract-filter-reset">
            {t('list.reset')}
          </Button>
        </Col>
      )}
    </Row>
  );

  const columns = useContractColumns({ sortable: true });
  const empty = <Empty image={<FileProtectOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={filters.q || active ? t('list.noMatch') : t('list.empty')} />;

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'list', label: <a href={exportUrl(false)} download data-testid="contract-export-list">{t('list.exportList')}</a> },
                  ...(can('contract:prices') ? [{ key: 'lines', label: <a href={exportUrl(true)} download data-testid="contract-export-lines">{t('list.exportLines')}</a> }] : []),
                ],
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="contract-export">
                {t('list.export')}
              </Button>
            </Dropdown>
            {can('contract:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(filters.accountId ? `/contracts/new?accountId=${filters.accountId}` : '/contracts/new')} data-testid="contract-new">
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ListFrame<ContractListItem>
        testId="contract"
        search={search.search}
        searchPlaceholder={t('list.search')}
        filters={filterFields}
        activeFilters={active}
        filtersLabel={t('list.filters')}
        doneLabel={t('list.showResults', { count: list.data?.total ?? 0 })}
        items={list.data?.items}
        renderCard={(c) => <ContractCard key={c.id} c={c} />}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        pagination={state.pagination}
        empty={empty}
        table={
          <Table<ContractListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            scroll={{ x: columnsWidth(columns as TableColumnsType<unknown>) }}
            onChange={state.onTableChange}
            data-testid="contract-table"
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
            locale={{ emptyText: empty }}
          />
        }
      />
    </div>
  );
}

/** A contract as a phone (and the account's tab) shows it: number and title, account, amount and what is still owed. */
export function ContractCard({ c, hideAccount }: { c: ContractListItem; hideAccount?: boolean }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const money = useMoney();
  return (
    <Link to={`/contracts/${c.id}`} style={{ display: 'block', color: 'inherit', width: '100%' }} data-testid={`contract-card-${c.id}`}>
      <Card size="small" hoverable style={{ marginBottom: 8 }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {c.title}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {c.number}
              {hideAccount ? '' : ` · ${c.accountName}`} · {c.ownerName}
            </Typography.Text>
          </div>
          <Flex vertical gap={4} align="flex-end">
            <ContractStatusTag status={c.status} />
            <KindTag kind={c.kind} revision={c.revision} />
          </Flex>
        </Flex>
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8, fontSize: 13 }}>
          <span>
            <Typography.Text type="secondary">{t('list.amount')} </Typography.Text>
            <MoneyText fen={c.effectiveAmount} />
          </span>
          {c.kind !== 'framework' && (
            <span>
              <Typography.Text type="secondary">{t('contracts:fields.outstanding')} </Typography.Text>
              <MoneyText fen={c.money.outstanding} />
            </span>
          )}
          {c.money.overdue > 0 && (
            <Typography.Text type="danger" data-testid={`contract-card-overdue-${c.id}`}>
              {t('contracts:fields.overdue')} {money(c.money.overdue)}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Link>
  );
}
