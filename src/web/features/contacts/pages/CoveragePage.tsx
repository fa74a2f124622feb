import { Card, Flex, Grid, List, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CoverageListItem } from '../../../../shared/contracts/contacts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { id, useListState } from '../../../components/useListState';
import { SavedViewsMenu } from '../../saved-views';
import { useCoverageList } from '../api';
import { coverageColor, CoverageFlags } from '../components/CoverageBadge';
import { AccountLink } from '../../accounts';

/** /coverage — accounts in my scope by relationship coverage gap (REL-5), worst first. */
export function CoveragePage() {
  const { t } = useTranslation('contacts');
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState({ unitId: id() });
  const { page, pageSize } = state;
  const unitId = state.filters.unitId;
  const list = useCoverageList({ page, pageSize, unitId });

  const score = (r: CoverageListItem) => <Progress type="circle" size={40} percent={r.score} strokeColor={coverageColor(r.score)} format={(p) => p} />;
  const columns: ColumnsType<CoverageListItem> = [
    { key: 'score', title: t('coverage.score'), width: 80, render: (_, r) => score(r) },
    {
      key: 'account',
      title: t('coverage.page.account'),
      render: (_, r) => (
        <div>
          <AccountLink id={r.accountId} tab="contacts" data-testid={`coverage-account-${r.accountId}`}>
            {r.accountName}
          </AccountLink>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unitName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'owner', title: t('coverage.page.owner'), width: 110, render: (_, r) => r.ownerName },
    { key: 'contacts', title: t('coverage.page.contacts'), width: 90, align: 'right', render: (_, r) => r.activeContacts },
    { key: 'flags', title: t('coverage.page.flags'), render: (_, r) => <CoverageFlags flags={r.flags} /> },
  ];

  return (
    <div>
      <PageHeader title={t('coverage.page.title')} subtitle={t('coverage.page.subtitle')} />
      <Card size="small">
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <UnitTreeSelect
            allowClear
            placeholder={t('coverage.page.allUnits')}
            value={unitId ?? null}
            onChange={(unit) => state.set({ unitId: unit ?? undefined })}
            style={{ width: phone ? undefined : 260, flex: phone ? 1 : undefined }}
            data-testid="coverage-unit"
          />
          <SavedViewsMenu page="coverage" current={state.params} onApply={state.apply} compact={phone} />
        </Flex>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {phone ? (
          <List<CoverageListItem>
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('coverage.page.empty') }}
            pagination={list.data && list.data.total > pageSize ? { ...state.pagination, total: list.data.total, size: 'small' } : false}
            data-testid="coverage-list"
            renderItem={(r) => (
              <List.Item key={r.accountId}>
                <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
                  {score(r)}
                  <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                    <AccountLink id={r.accountId} tab="contacts" data-testid={`coverage-account-${r.accountId}`}>
                      {r.accountName}
                    </AccountLink>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.unitName} · {r.ownerName} · {t('coverage.page.contactsCount', { count: r.activeContacts })}
                    </Typography.Text>
                    <CoverageFlags flags={r.flags} />
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<CoverageListItem>
            rowKey="accountId"
            size="small"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('coverage.page.empty') }}
            scroll={{ x: 'max-content' }}
            data-testid="coverage-table"
            pagination={{ ...state.pagination, total: list.data?.total ?? 0, showSizeChanger: true }}
          />
        )}
      </Card>
    </div>
  );
}
