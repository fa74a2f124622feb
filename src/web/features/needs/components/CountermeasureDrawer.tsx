import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COUNTERMEASURE_STATUSES, MOVE_DIRECTIONS, type Countermeasure, type CountermeasureCreate } from '../../../../shared/contracts/needs';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { FormDrawer } from '../../../components/FormDrawer';
import { withNulls } from '../../../components/formValues';
import { dateFieldProps } from '../../../components/formDate';
import { UserSelect } from '../../../components/UserSelect';
import { contactLabel, useContactOptions, useSaveNeedsRecord } from '../api';

type Values = CountermeasureCreate & { status?: Countermeasure['status'] };
const FORM_ID = 'countermeasure-form';

/** Add or edit one row of the 大客户需要对策表: whose movement, which way, the problem and what we do. */
export function CountermeasureDrawer({ accountId, measure, contactsReadable, onClose }: { accountId: number; measure: Countermeasure | 'new' | null; contactsReadable: boolean; onClose: () => void }) {
  const { t } = useTranslation('needs');
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const editing = measure !== null && measure !== 'new' ? measure : null;
  const contacts = useContactOptions(accountId, measure !== null && contactsReadable);
  const save = useSaveNeedsRecord<Values>(accountId, form, onClose, (v) => {
    const body = withNulls(v, ['contactId', 'direction', 'directionNote', 'dueOn']);
    return editing ? api.patch<Countermeasure>(`/api/countermeasures/${editing.id}`, { ...body, version: editing.version }) : api.post<Countermeasure>(`/api/accounts/${accountId}/countermeasures`, body);
  });

  const initial: Partial<Values> = editing
    ? { contactId: editing.contactId, direction: editing.direction, directionNote: editing.directionNote, problem: editing.problem, measure: editing.measure, ownerId: editing.ownerId, dueOn: editing.dueOn, status: editing.status }
    : { ownerId: me?.id };
  // Someone who may not read contacts keeps the linked person as it is and sees its name.
  const contactOptions = contactsReadable
    ? (contacts.data?.items ?? []).filter((c) => c.status === 'active' || c.id === editing?.contactId).map((c) => ({ value: c.id, label: contactLabel(t, c) }))
    : editing?.contactId && editing.contactName
      ? [{ value: editing.contactId, label: editing.contactName }]
      : [];
  return (
    <FormDrawer
      open={measure !== null}
      title={editing ? t('measures.editTitle') : t('measures.addTitle')}
      formId={FORM_ID}
      saving={save.isPending}
      saveText={t('save')}
      cancelText={t('cancel')}
      onClose={onClose}
      testId="countermeasure-drawer"
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="contactId" label={t('measures.fields.contact')} extra={t('measures.contactHint')}>
          <Select allowClear disabled={!contactsReadable} loading={contacts.isFetching} showSearch={{ optionFilterProp: 'label' }} placeholder={t('measures.wholeAccount')} options={contactOptions} data-testid="countermeasure-contact" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="direction" label={t('measures.fields.direction')}>
              <Select allowClear options={MOVE_DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))} data-testid="countermeasure-direction" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="directionNote" label={t('measures.fields.directionNote')} rules={[{ max: 200 }]}>
              <Input placeholder={t('measures.directionNoteExample')} data-testid="countermeasure-direction-note" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="problem" label={t('measures.fields.problem')} rules={[{ required: true, whitespace: true, message: t('measures.problemRequired') }, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="countermeasure-problem" />
        </Form.Item>
        <Form.Item name="measure" label={t('measures.fields.measure')} rules={[{ required: true, whitespace: true, message: t('measures.measureRequired') }, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="countermeasure-measure" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="ownerId" label={t('measures.fields.owner')} rules={[{ required: true, message: t('measures.ownerRequired') }]}>
              <UserSelect allowClear={false} data-testid="countermeasure-owner" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dueOn" label={t('measures.fields.dueOn')} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} data-testid="countermeasure-due" />
            </Form.Item>
          </Col>
        </Row>
        {editing && (
          <Form.Item name="status" label={t('status')}>
            <Select options={COUNTERMEASURE_STATUSES.map((s) => ({ value: s, label: t(`measures.statuses.${s}`) }))} data-testid="countermeasure-status" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
