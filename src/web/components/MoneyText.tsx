import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, type MoneyUnit } from '../../shared/domain/money';

interface Props {
  /** integer fen */
  fen: number | null | undefined;
  /** 'auto' shows 万元 from one 万元 (1,000,000 fen) upwards */
  unit?: MoneyUnit | 'auto';
  strong?: boolean;
}

/** Money is stored as fen; this is the one place it becomes 元 or 万元 on screen. */
export function MoneyText({ fen, unit = 'yuan', strong }: Props) {
  const { t, i18n } = useTranslation('common');
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const resolved: MoneyUnit = unit === 'auto' ? (Math.abs(fen) >= 1_000_000 ? 'wan' : 'yuan') : unit;
  const value = formatMoney(fen, resolved, i18n.language);
  const text = t(resolved === 'wan' ? 'money.wan' : 'money.yuan', { value });
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}
