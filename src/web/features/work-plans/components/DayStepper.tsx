import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A business day with the day before / after one click away (a director reads yesterday's reports first). */
export function DayStepper({ value, onChange, testId }: { value: string; onChange: (date: string) => void; testId: string }) {
  const { t } = useTranslation('workPlans');
  const step = (n: number) => onChange(dayjs(value).add(n, 'day').format('YYYY-MM-DD'));
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={t('daily.prevDay')} title={t('daily.prevDay')} data-testid={`${testId}-prev`} />
      <DatePicker value={dayjs(value)} allowClear={false} onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))} data-testid={testId} />
      <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={t('daily.nextDay')} title={t('daily.nextDay')} data-testid={`${testId}-next`} />
    </Space.Compact>
  );
}
