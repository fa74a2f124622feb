import { Empty, Pagination, Spin, theme } from 'antd';
import type { CSSProperties, Key, ReactNode } from 'react';

interface Props<T> {
  items: T[];
  rowKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  loading?: boolean;
  /** shown when there are no items (and nothing is loading) */
  empty: ReactNode;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void; showTotal?: (total: number) => ReactNode } | false;
  rowStyle?: CSSProperties;
  /** per-row attributes, e.g. a test id */
  rowProps?: (item: T) => Record<string, unknown>;
}

/**
 * A plain divided list with loading, empty state and optional pagination. antd 6.6 deprecates
 * its List in favour of the virtualised Listy, which has none of these; our lists are short pages.
 */
export function ItemList<T>({ items, rowKey, renderItem, loading, empty, pagination, rowStyle, rowProps }: Props<T>) {
  const { token } = theme.useToken();
  return (
    <Spin spinning={!!loading}>
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <div role="list" style={{ minHeight: loading && items.length === 0 ? 80 : undefined }}>
          {items.map((item, i) => (
            <div
              key={rowKey(item)}
              role="listitem"
              {...rowProps?.(item)}
              style={{ padding: '12px 0', borderTop: i === 0 ? undefined : `1px solid ${token.colorSplit}`, ...rowStyle }}
            >
              {renderItem(item)}
            </div>
          ))}
        </div>
      )}
      {pagination && pagination.total > pagination.pageSize && (
        <Pagination
          size="small"
          align="end"
          style={{ marginTop: 12 }}
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={pagination.onChange}
          showTotal={pagination.showTotal}
          showSizeChanger={false}
        />
      )}
    </Spin>
  );
}
