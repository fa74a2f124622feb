import { Col, Divider, Form, InputNumber, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySettingsBody } from '../../../../shared/contracts/surveys';
import { SURVEY_GRADES, SURVEY_LIFECYCLES, SURVEY_LIMITS, SURVEY_TIERS } from '../../../../shared/domain/surveys';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { FormDrawer } from '../../../components/FormDrawer';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useSaveSurveySettings, useSurveySettings } from '../api';

const FORM_ID = 'survey-settings-form';

/** 满意度设置 (survey:configure): link expiry, the target 满意率, the schedule's cadence, stages and daily cap. */
export function SettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['surveys', 'accounts', 'common']);
  const [form] = Form.useForm<SurveySettingsBody>();
  const settings = useSurveySettings(open);
  const save = useSaveSurveySettings();
  const apiError = useApiError();
  const { message } = useFeedback();
  useEffect(() => {
    if (open && settings.data) form.setFieldsValue(settings.data.settings);
  }, [open, settings.data, form]);
  const submit = useOneSave(async (values: SurveySettingsBody) => {
    try {
      await save.mutateAsync({ ...values, version: settings.data!.version });
      void message.success(t('settings.saved'));
      onClose();
    } catch (err) {
      apiError(err, form, () => void settings.refetch());
    }
  });
  const months = (name: (string | number)[], label: string) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 8 }}>
      <InputNumber min={SURVEY_LIMITS.months.min} max={SURVEY_LIMITS.months.max} precision={0} style={{ width: '100%' }} suffix={t('settings.months')} />
    </Form.Item>
  );
  return (
    <FormDrawer open={open} title={t('settings.title')} formId={FORM_ID} saving={save.isPending} saveText={t('settings.save')} cancelText={t('common:actions.cancel')} onClose={onClose} testId="survey-settings">
      {settings.error && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {!settings.data ? (
        <Skeleton active />
      ) : (
        <Form<SurveySettingsBody> id={FORM_ID} form={form} layout="vertical" onFinish={(v) => void submit(v)} {...saveByButton}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="targetSatisfiedRate" label={t('settings.target')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} suffix="%" data-testid="survey-settings-target" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="expiryDays" label={t('settings.expiryDays')} rules={[{ required: true }]}>
                <InputNumber min={SURVEY_LIMITS.expiryDays.min} max={SURVEY_LIMITS.expiryDays.max} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('settings.cadence')}</Divider>
          <Typography.Paragraph type="secondary">{t('settings.cadenceHint')}</Typography.Paragraph>
          <Typography.Text strong>{t('settings.tiers')}</Typography.Text>
          <Row gutter={12}>
            {SURVEY_TIERS.map((k) => (
              <Col span={8} key={k}>
                {months(['cadence', 'tiers', k], t(`accounts:tiers.${k}`))}
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col span={8}>{months(['cadence', 'strategic'], t('settings.strategic'))}</Col>
          </Row>
          <Typography.Text strong>{t('settings.grades')}</Typography.Text>
          <Row gutter={12}>
            {SURVEY_GRADES.map((k) => (
              <Col span={6} key={k}>
                {months(['cadence', 'grades', k], t(`accounts:grades.${k}`))}
              </Col>
            ))}
          </Row>
          <Form.Item name="lifecycles" label={t('settings.lifecycles')}>
            <Select mode="multiple" options={SURVEY_LIFECYCLES.map((l) => ({ value: l, label: t(`accounts:lifecycles.${l}`) }))} />
          </Form.Item>
          <Form.Item name="maxPerRun" label={t('settings.maxPerRun')} rules={[{ required: true }]}>
            <InputNumber min={SURVEY_LIMITS.maxPerRun.min} max={SURVEY_LIMITS.maxPerRun.max} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
