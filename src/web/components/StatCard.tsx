import { Card, Flex, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface StatProps {
  testId: string;
  icon: ReactNode;
  title: string;
  value: number | undefined;
  loading: boolean;
  failed: boolean;
  failedHint?: string;
  suffix?: ReactNode;
  onClick?: () => void;
}

/** A figure on the home page: click-through to the list behind it; a failed read says so instead of showing 0. */
export function StatCard({ testId, icon, title, value, loading, failed, failedHint, suffix, onClick }: StatProps) {
  const { t } = useTranslation('common');
  const body = (
    <Card hoverable={!!onClick} onClick={onClick} loading={loading} data-testid={testId} styles={{ body: { padding: 20 } }}>
      <Statistic
        title={
          <Flex gap={6} align="center">
            {icon}
            {title}
          </Flex>
        }
        value={failed ? t('state.unavailable') : (value ?? 0)}
        styles={failed ? { content: { fontSize: 16, color: 'var(--ant-color-text-tertiary)' } } : undefined}
        suffix={suffix}
      />
    </Card>
  );
  return failed && failedHint ? <Tooltip title={failedHint}>{body}</Tooltip> : body;
}
