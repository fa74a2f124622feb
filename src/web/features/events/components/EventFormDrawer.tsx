import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EVENT_GM_THRESHOLD, EVENT_KINDS, type EventDetail, type EventKind } from '../../../../shared/contracts/events';
import { useMoney } from '../../../components/display';
import { useApiError, useFeedback } from '../../../components/feedback';
import { FormDrawer } from '../../../components/FormDrawer';
import { useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { useCreateEvent, useUpdateEvent } from '../api';

interface Values {
  kind: EventKind;
  title: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  venue?: string;
  capacity?: number | null;
  budget?: number | null;
  agenda?: string;
}

const PICKER = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } };
/** An event that starts with no end given lasts this long (hours) until the organiser says otherwise. */
const DEFAULT_HOURS = 3;

/**
 * 新建活动 / 编辑活动 in a side drawer: type, title, when (the end follows the start until it is set), venue,
 * places, budget (typed in 元, sent in fen; locked once approved) and agenda. `event` edits that event.
 */
export function EventFormDrawer({ open, event, onClose, onSaved }: { open: boolean; event?: EventDetail; onClose: () => void; onSaved?: (e: EventDetail) => void }) {
  const { t } = useTranslation(['events', 'common']);
  const money = useMoney();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const showError = useApiError();
  const { message } = useFeedback();
  const budgetLocked = event?.status === 'approved';

  const initialValues: Partial<Values> = event
    ? { kind: event.kind, title: event.title, startsAt: dayjs(event.startsAt), endsAt: dayjs(event.endsAt), venue: event.venue, capacity: event.capacity, budget: event.budget, agenda: event.agenda }
    : { kind: 'seminar', budget: 0 };

  const submit = useOneSave(async (v: Values) => {
    const fields = {
      kind: v.kind,
      title: v.title.trim(),
      startsAt: v.startsAt!.toISOString(),
      endsAt: v.endsAt!.toISOString(),
      venue: v.venue?.trim() ?? '',
      capacity: v.capacity ?? null,
      agenda: v.agenda?.trim() ?? '',
    };
    try {
      const saved = event
        ? await update.mutateAsync({ id: event.id, body: { ...fields, ...(budgetLocked ? {} : { budget: v.budget ?? 0 }), version: event.version } })
        : await create.mutateAsync({ ...fields, budget: v.budget ?? 0 });
      void message.success(t(event ? 'form.saved' : 'form.created'));
      onClose();
      onSaved?.(saved);
    } catch (err) {
      showError(err, form);
    }
  });

  // the end follows the start while it is empty or would come before it
  const startChanged = (start: Dayjs | null) => {
    const end = form.getFieldValue('endsAt') as Dayjs | null | undefined;
    if (start && (!end || end.isBefore(start))) form.setFieldValue('endsAt', start.add(DEFAULT_HOURS, 'hour'));
  };

  const col = { xs: 24, md: 12 };
  return (
    <FormDrawer
      open={open}
      title={event ? t('form.editTitle') : t('form.newTitle')}
      formId="event-form"
      saving={create.isPending || update.isPending}
      saveText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onClose={onClose}
      testId="event-drawer"
    >
      <Form<Values> form={form} id="event-form" layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)} preserve={false}>
        <Row gutter={12}>
          <Col {...col}>
            <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('form.kindRequired') }]}>
              <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="event-form-kind" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="capacity" label={t('fields.capacity')} tooltip={t('form.capacityHint')}>
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} placeholder={t('detail.unlimited')} data-testid="event-form-capacity" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }, { max: 200 }]}>
              <Input placeholder={t('form.titlePlaceholder')} data-testid="event-form-title" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="startsAt" label={t('fields.startsAt')} rules={[{ required: true, message: t('form.startsRequired') }]}>
              <DatePicker {...PICKER} onChange={startChanged} data-testid="event-form-starts" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="endsAt"
              label={t('fields.endsAt')}
              dependencies={['startsAt']}
              rules={[
                { required: true, message: t('form.endsRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, end: Dayjs | null) => {
                    const start = getFieldValue('startsAt') as Dayjs | null;
                    return !start || !end || !end.isBefore(start) ? Promise.resolve() : Promise.reject(new Error(t('form.endsBeforeStart')));
                  },
                }),
              ]}
            >
              <DatePicker {...PICKER} data-testid="event-form-ends" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="venue" label={t('fields.venue')} rules={[{ max: 300 }]}>
              <Input placeholder={t('form.venuePlaceholder')} data-testid="event-form-venue" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="budget" label={t('fields.budget')} extra={budgetLocked ? t('form.budgetLocked') : t('form.budgetHint', { gm: money(EVENT_GM_THRESHOLD) })}>
              <MoneyInput disabled={budgetLocked} data-testid="event-form-budget" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="agenda" label={t('fields.agenda')} rules={[{ max: 8000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('form.agendaPlaceholder')} data-testid="event-form-agenda" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
