import { Card, Flex, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMoney } from './display';

export interface StatProps {
  testId: string;
  icon: ReactNode;
  title: string;
  value: number | undefined;
  /** the read behind the figure: loading while it runs; a failed read says so instead of showing 0 */
  query: { isLoading: boolean; error: unknown };
  failedHint?: string;
  suffix?: ReactNode;
  /** a sum of money beside the figure (fen, in the reader's unit; shown when above 0), red for what is late */
  amount?: { value: number | undefined; tone?: 'error' | 'secondary'; label?: (money: string) => string };
  /** the list behind the figure */
  to?: string;
  onClick?: () => void;
}

/**
 * A figure on the home page: click-through to the list behind it (`to`), with its money beside it; a failed
 * read says so instead of showing 0.
 */
export function StatCard({ testId, icon, title, value, query, failedHint, suffix, amount, to, onClick }: StatProps) {
  const loading = query.isLoading;
  const failed = !!query.error;
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const money = useMoney();
  const click = onClick ?? (to === undefined ? undefined : () => void navigate(to));
  const sum =
    amount?.value && amount.value > 0 ? (
      <span style={{ fontSize: 13, color: amount.tone === 'error' ? 'var(--ant-color-error)' : 'var(--ant-color-text-secondary)' }} data-testid={`${testId}-amount`}>
        {amount.label ? amount.label(money(amount.value)) : money(amount.value)}
      </span>
    ) : undefined;
  const body = (
    <Card hoverable={!!click} onClick={click} loading={loading} data-testid={testId} styles={{ body: { padding: 20 } }}>
      <Statistic
        title={
          <Flex gap={6} align="center">
            {icon}
            {title}
          </Flex>
        }
        value={failed ? t('state.unavailable') : (value ?? 0)}
        styles={failed ? { content: { fontSize: 16, color: 'var(--ant-color-text-tertiary)' } } : undefined}
        suffix={suffix ?? sum}
      />
    </Card>
  );
  return failed && failedHint ? <Tooltip title={failedHint}>{body}</Tooltip> : body;
}

/** The sum of a list page's amounts when the whole list is on the page read (undefined otherwise: not a sum of part of it). */
export function wholeSum<T>(page: { total: number; items: readonly T[] } | undefined, amount: (item: T) => number): number | undefined {
  if (!page || page.total > page.items.length) return undefined;
  return page.items.reduce((s, x) => s + amount(x), 0);
}
