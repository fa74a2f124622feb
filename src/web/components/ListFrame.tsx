import { SearchOutlined, FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Drawer, Flex, Grid, Input, Pagination, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ListState } from './useListState';

interface Props<T> {
  /** test id prefix: `<testId>-search`, `<testId>-filters-open`, `<testId>-cards` */
  testId: string;
  /** the text filter's props (useTextFilter(...).search) and its placeholder */
  search: { value: string; onChange: (e: { target: { value: string } }) => void; onSearch: (v: string) => void };
  searchPlaceholder: string;
  /** the filter fields: beside the search box on a desk, in a bottom drawer on a phone */
  filters: ReactNode;
  /** how many filters are not at their default (the phone's filter button shows it) */
  activeFilters: number;
  filtersLabel: string;
  /** the phone drawer's button, e.g. 查看 12 份合同 */
  doneLabel: string;
  items: readonly T[] | undefined;
  /** one record as a phone shows it */
  renderCard: (item: T) => ReactNode;
  /** the desk's table, with its own columns, sort and pagination */
  table: ReactNode;
  loading: boolean;
  total: number;
  pagination: ListState<unknown>['pagination'];
  /** shown on a phone when nothing matches */
  empty: ReactNode;
}

/**
 * A filtered list page's body: the search box, then on a desk the filter fields and the table; on a phone a
 * filter button (with the count of filters set) opening them in a bottom drawer, the records as cards and a
 * simple pager. The filters, sort and page live in the URL (useListState); the page owns the table's columns.
 */
export function ListFrame<T>({ testId, search, searchPlaceholder, filters, activeFilters, filtersLabel, doneLabel, items, renderCard, table, loading, total, pagination, empty }: Props<T>) {
  const phone = Grid.useBreakpoint().md === false;
  const [drawer, setDrawer] = useState(false);
  return (
    <Card size="small">
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={searchPlaceholder} {...search} enterButton={<SearchOutlined />} style={{ maxWidth: phone ? undefined : 420, flex: 1 }} data-testid={`${testId}-search`} />
        {phone && (
          <Badge count={activeFilters} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} data-testid={`${testId}-filters-open`}>
              {filtersLabel}
            </Button>
          </Badge>
        )}
      </Flex>
      {phone ? (
        <>
          <Spin spinning={loading}>
            <div data-testid={`${testId}-cards`}>{items?.length ? items.map(renderCard) : !loading && empty}</div>
          </Spin>
          {total > pagination.pageSize && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Pagination simple {...pagination} total={total} />
            </Flex>
          )}
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            title={filtersLabel}
            placement="bottom"
            size="75%"
            footer={
              <Button type="primary" block onClick={() => setDrawer(false)}>
                {doneLabel}
              </Button>
            }
          >
            {filters}
          </Drawer>
        </>
      ) : (
        <>
          <div style={{ marginBottom: 12 }}>{filters}</div>
          {table}
        </>
      )}
    </Card>
  );
}

/**
 * What a list page hands its ListFrame and the desk's table the same way every time, from its URL state
 * (useListState), its search box (useTextFilter over `textKey`) and its page query: for the frame the search, how
 * many other filters are set, the records, the loading state, the total and the pager; for the table its rows,
 * loading state and pager (with the page size to choose).
 */
export function listFrameData<T, F>(list: ListState<F>, search: { search: Props<T>['search'] }, query: { data?: { items: T[]; total: number }; isFetching: boolean }, textKey: keyof F & string = 'q' as keyof F & string) {
  const total = query.data?.total ?? 0;
  return {
    frame: { search: search.search, activeFilters: list.changed.filter((k) => k !== textKey).length, items: query.data?.items, loading: query.isFetching, total, pagination: list.pagination },
    table: { loading: query.isFetching, dataSource: query.data?.items ?? [], pagination: { ...list.pagination, total, showSizeChanger: true } },
  };
}
