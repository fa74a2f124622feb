import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const DEFAULT_COLORS: Record<string, string> = {
  draft: 'default',
  pending: 'processing',
  open: 'processing',
  approved: 'success',
  done: 'success',
  active: 'success',
  rejected: 'error',
  expired: 'warning',
  returned: 'warning',
  withdrawn: 'default',
  cancelled: 'default',
  revoked: 'default',
};

interface Props {
  value: string;
  /** i18n key prefix holding the labels, e.g. 'personal:tasks.status'; defaults to common:status */
  labelPrefix?: string;
  colors?: Record<string, string>;
}

export function StatusTag({ value, labelPrefix = 'common:status', colors }: Props) {
  const { t } = useTranslation();
  const color = colors?.[value] ?? DEFAULT_COLORS[value] ?? 'default';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`${labelPrefix}.${value}`, { defaultValue: value })}
    </Tag>
  );
}
