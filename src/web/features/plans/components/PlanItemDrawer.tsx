import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_STAGES } from '../../../../shared/contracts/contacts';
import { PLAN_LEVELS, type PlanItem, type PlanItemCreate, type PlanLevel } from '../../../../shared/contracts/plans';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { FormDrawer } from '../../../components/FormDrawer';
import { withNulls } from '../../../components/formValues';
import { dateFieldProps } from '../../../components/formDate';
import { useApiError, useFeedback } from '../../../components/feedback';
import { UserSelect } from '../../../components/UserSelect';
import { contactLabel, useContactOptions } from '../../needs';
import { planKeys } from '../api';

type Values = Omit<PlanItemCreate, 'status'> & { status?: 'planned' | 'in_progress' | 'cancelled' };
const FORM_ID = 'plan-item-form';

interface Props {
  accountId: number;
  /** an item to edit, a level to add at, or null (closed) */
  value: PlanItem | { level: PlanLevel } | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit one row of the 客户关系强化表. */
export function PlanItemDrawer({ accountId, value, onClose, onSaved }: Props) {
  const { t } = useTranslation('plans');
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const editing = value && 'id' in value ? value : null;
  const contacts = useContactOptions(accountId, value !== null);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...withNulls(v, ['ourRelationship', 'ourStage', 'competitor', 'competitorRelationship', 'startOn', 'dueOn', 'notes']), contactIds: v.contactIds ?? [] };
      return editing ? api.patch<PlanItem>(`/api/plan-items/${editing.id}`, { ...body, version: editing.version }) : api.post<PlanItem>(`/api/accounts/${accountId}/plan-items`, body);
    },
    onSuccess: () => {
      void message.success(t('saved'));
      onSaved();
      onClose();
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: planKeys.ofAccount(accountId) })),
  });

  const initial: Partial<Values> = editing
    ? {
        level: editing.level,
        contactIds: editing.contacts.map((c) => c.id),
        ourRelationship: editing.ourRelationship,
        ourStage: editing.ourStage,
        competitor: editing.competitor,
        competitorRelationship: editing.competitorRelationship,
        ownerId: editing.ownerId,
        measures: editing.measures,
        startOn: editing.startOn,
        dueOn: editing.dueOn,
        notes: editing.notes,
        ...(editing.status !== 'done' && { status: editing.status }),
      }
    : { level: value?.level, contactIds: [], ownerId: me?.id };
  const linked = new Set(editing?.contacts.map((c) => c.id));
  const options = (contacts.data?.items ?? []).filter((c) => c.status === 'active' || linked.has(c.id)).map((c) => ({ value: c.id, label: contactLabel(t, c) }));
  return (
    <FormDrawer
      open={value !== null}
      title={editing ? t('editTitle') : t('addTitle')}
      formId={FORM_ID}
      saving={save.isPending}
      saveText={t('save')}
      cancelText={t('cancel')}
      onClose={onClose}
      testId="plan-item-drawer"
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="level" label={t('fields.level')} rules={[{ required: true }]}>
              <Select options={PLAN_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="plan-item-level" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="contactIds" label={t('fields.contacts')}>
              <Select mode="multiple" allowClear loading={contacts.isFetching} showSearch={{ optionFilterProp: 'label' }} placeholder={t('pickContacts')} options={options} data-testid="plan-item-contacts" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('sections.relationship')}</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="ourStage" label={t('fields.ourStage')}>
              <Select allowClear options={RELATIONSHIP_STAGES.map((s) => ({ value: s, label: t(`contacts:stages.${s}`) }))} data-testid="plan-item-stage" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="competitor" label={t('fields.competitor')} rules={[{ max: 200 }]}>
              <Input data-testid="plan-item-competitor" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="ourRelationship" label={t('fields.ourRelationship')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-item-ours" />
        </Form.Item>
        <Form.Item name="competitorRelationship" label={t('fields.competitorRelationship')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-item-theirs" />
        </Form.Item>
        <Divider titlePlacement="start">{t('sections.plan')}</Divider>
        <Form.Item name="measures" label={t('fields.measures')} rules={[{ required: true, whitespace: true, message: t('measuresRequired') }, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="plan-item-measures" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="ownerId" label={t('fields.owner')} extra={t('ownerHint')} rules={[{ required: true, message: t('ownerRequired') }]}>
              <UserSelect allowClear={false} data-testid="plan-item-owner" />
            </Form.Item>
          </Col>
          {editing && editing.status !== 'done' && (
            <Col xs={24} sm={12}>
              <Form.Item name="status" label={t('status')}>
                <Select options={(['planned', 'in_progress', 'cancelled'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))} data-testid="plan-item-status" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="startOn" label={t('fields.startOn')} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} data-testid="plan-item-start" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="dueOn"
              label={t('fields.dueOn')}
              dependencies={['startOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: string | null) => {
                    const start = getFieldValue('startOn') as string | null | undefined;
                    return v && start && v < start ? Promise.reject(new Error(t('dueBeforeStart'))) : Promise.resolve();
                  },
                }),
              ]}
              {...dateFieldProps}
            >
              <DatePicker style={{ width: '100%' }} data-testid="plan-item-due" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('fields.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-item-notes" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
