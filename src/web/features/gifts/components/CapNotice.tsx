import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GiftCapCheck } from '../../../../shared/contracts/gifts';
import { MoneyText } from '../../../components/MoneyText';

/** The recipient's approved total of the year against the cap, and the compliance flag when this gift goes above it. */
export function CapNotice({ check, value }: { check: GiftCapCheck; value: number }) {
  const { t } = useTranslation('gifts');
  return (
    <Alert
      type={check.overCap ? 'warning' : 'info'}
      showIcon
      data-testid="gift-cap-notice"
      data-over-cap={check.overCap ? 'true' : 'false'}
      title={check.overCap ? t('overCap') : t('detail.withinCap')}
      description={
        <Flex vertical gap={2}>
          <Typography.Text>
            {t('form.yearTotal', { year: check.year })}: <MoneyText fen={check.yearTotal} strong />
          </Typography.Text>
          <Typography.Text>
            {t('form.afterThis')}: <MoneyText fen={check.yearTotal + value} strong /> / {t('form.cap')} <MoneyText fen={check.cap} />
          </Typography.Text>
        </Flex>
      }
    />
  );
}
