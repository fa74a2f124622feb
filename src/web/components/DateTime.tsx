import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './format';

interface Props {
  value: string | null | undefined;
  /** 'relative' shows "3 小时前" with the full time on hover */
  mode?: 'date' | 'dateTime' | 'relative';
  type?: 'secondary' | 'danger' | 'warning';
}

/** Formats a timestamp in the user's language; dayjs's locale follows i18next (see App.tsx). With `timeZone`, in that zone (print: the business one). */
export function formatDateTime(value: string, format: 'date' | 'dateTime' | 'fullDateTime', t: TFunction, language: string, timeZone?: string): string {
  return formatInstant(value, t(`common:formats.${format}`), dayjsLocale(language), timeZone);
}

export function dayjsLocale(language: string): string {
  return language === 'en' ? 'en' : 'zh-cn';
}

export function DateTime({ value, mode = 'dateTime', type }: Props) {
  const { t, i18n } = useTranslation('common');
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const d = dayjs(value).locale(dayjsLocale(i18n.language));
  const full = d.format(t('formats.fullDateTime'));
  const shown = mode === 'relative' ? d.fromNow() : d.format(t(mode === 'date' ? 'formats.date' : 'formats.dateTime'));
  return (
    <Tooltip title={full}>
      <Typography.Text type={type} style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={value}>{shown}</time>
      </Typography.Text>
    </Tooltip>
  );
}
