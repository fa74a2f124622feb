import { Typography } from 'antd';
import { useMoney } from './display';

interface Props {
  /** integer fen; none shows — */
  fen: number | null | undefined;
  strong?: boolean;
}

/**
 * Money is stored as fen; this is the one place it becomes text on a page: in the reader's unit
 * (元 or 万元, their preference — PLAT-6) with thousands separators, and — when there is none.
 */
export function MoneyText({ fen, strong }: Props) {
  const money = useMoney();
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {money(fen)}
    </Typography.Text>
  );
}
