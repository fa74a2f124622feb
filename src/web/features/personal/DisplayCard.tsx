import { Card, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MONEY_UNITS, type MoneyUnit } from '../../../shared/domain/money';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedback } from '../../components/feedback';
import { moneyText } from '../../components/format';
import { useSavePreferences } from './api';

/** An amount that shows what each unit looks like: 2,800,000.00 元 / 280.00 万元. */
const EXAMPLE_FEN = 280_000_000;

/** 显示偏好 (PLAT-6): money in 元 or 万元 everywhere, kept on the server for this person. */
export function DisplayCard() {
  const { t, i18n } = useTranslation(['personal', 'common']);
  const { me, refresh } = useAuth();
  const { message } = useFeedback();
  const save = useSavePreferences(async () => {
    await refresh();
    void message.success(t('account.display.saved'));
  });
  if (!me) return null;
  const unit = save.isPending ? save.variables.moneyUnit : me.moneyUnit;
  return (
    <Card title={t('account.display.title')} style={{ flex: '1 1 320px', minWidth: 0 }} data-testid="display-card">
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('account.display.moneyUnit')}</Typography.Text>
        <Radio.Group
          value={unit}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ moneyUnit: e.target.value as MoneyUnit })}
          options={MONEY_UNITS.map((u) => ({ value: u, label: <span data-testid={`money-unit-${u}`}>{t(`account.display.${u}`)}</span> }))}
          optionType="button"
          data-testid="money-unit"
        />
        <Typography.Text type="secondary">{t('account.display.example', { value: moneyText(EXAMPLE_FEN, unit, t, i18n.language) })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('account.display.moneyUnitHint')}
        </Typography.Text>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Flex>
    </Card>
  );
}
