import { Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_NAME_MAX } from '../../../../shared/contracts/workdays';
import type { CalendarDay } from '../../../../shared/domain/workdays';
import { saveByButton } from '../../../components/formSubmit';
import { worksByRule, type DayEdit } from '../rules';
import { WEEKDAY_KEYS } from './MonthGrid';

type Choice = 'off' | 'worked' | 'rule';
interface Values {
  choice: Choice;
  name: string;
}

interface Props {
  /** the day being edited (null: closed) and what it is now, with the unsaved edits */
  date: string | null;
  current: CalendarDay | undefined;
  onApply: (date: string, edit: DayEdit) => void;
  onClose: () => void;
}

/** A day's small form: off (a holiday), worked (a make-up day) or as the weekday rule, and the holiday's name. */
export function DayEditor({ date, current, onApply, onClose }: Props) {
  const { t } = useTranslation(['workdays', 'common']);
  const [form] = Form.useForm<Values>();
  const choice = Form.useWatch('choice', form);
  useEffect(() => {
    if (date) form.setFieldsValue({ choice: current ? (current.off ? 'off' : 'worked') : 'rule', name: current?.name ?? '' });
  }, [date, current, form]);
  const weekday = date ? WEEKDAY_KEYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]! : 'mon';
  const finish = (v: Values) => {
    if (!date) return;
    onApply(date, v.choice === 'rule' ? null : { off: v.choice === 'off', name: v.name.trim() });
    onClose();
  };
  return (
    <Modal
      open={date !== null}
      title={date && t('edit.title', { date, weekday: t(`weekdays.${weekday}`) })}
      okText={t('edit.apply')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': 'day-apply' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={420}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} data-testid="day-form" {...saveByButton}>
        <Form.Item name="choice" label={t('edit.kind')}>
          <Radio.Group
            options={[
              { value: 'off', label: <span data-testid="day-choice-off">{t('edit.off')}</span> },
              { value: 'worked', label: <span data-testid="day-choice-worked">{t('edit.worked')}</span> },
              { value: 'rule', label: <span data-testid="day-choice-rule">{t('edit.rule', { rule: date && worksByRule(date) ? t('edit.ruleWorks') : t('edit.ruleRests') })}</span> },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        {choice !== 'rule' && (
          <Form.Item name="name" label={t('edit.name')} rules={[{ required: true, whitespace: true, message: t('edit.nameRequired') }, { max: CALENDAR_NAME_MAX }]}>
            <Input maxLength={CALENDAR_NAME_MAX} placeholder={t('edit.namePlaceholder')} data-testid="day-name" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
