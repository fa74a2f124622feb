import { InputNumber } from 'antd';
import type { InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToYuan, yuanToFen } from '../../shared/domain/money';

type Props = Omit<InputNumberProps<number>, 'value' | 'onChange' | 'precision'> & {
  /** integer fen */
  value?: number | null;
  onChange?: (fen: number | null) => void;
};

/** Money typed in 元 with two decimals; the form value stays integer fen, as the API wants it. */
export function MoneyInput({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation('common');
  return (
    <InputNumber<number>
      min={0}
      step={1}
      precision={2}
      style={{ width: '100%' }}
      suffix={t('kit.yuan')}
      {...rest}
      value={value === null || value === undefined ? null : fenToYuan(value)}
      onChange={(v) => onChange?.(v === null || v === undefined ? null : yuanToFen(v))}
    />
  );
}
