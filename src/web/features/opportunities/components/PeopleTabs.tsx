import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { DEAL_ROLES, PARTICIPANT_PARTS, type DealRole, type ParticipantPart } from '../../../../shared/domain/pipeline';
import { useAuth } from '../../../app/auth';
import { UserSelect } from '../../../components/UserSelect';
import { contactLabel, useContactOptions } from '../../needs';
import { opportunityApi, useOpportunityWrite } from '../api';

/** 决策链: the account's people on this deal, by the role each plays; roles nobody holds are flagged. */
export function DealContactsTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="deal-contacts">
      {o.missingRoles.length > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 12 }}
          title={t('contacts.missingRoles')}
          description={
            <Flex gap={4} wrap>
              {o.missingRoles.map((r) => (
                <Tag key={r} color="warning" data-testid={`deal-missing-${r}`}>
                  {t(`pipeline:dealRoles.${r}`)}
                </Tag>
              ))}
            </Flex>
          }
        />
      )}
      {DEAL_ROLES.map((role) => {
        const people = o.contacts.filter((c) => c.role === role);
        return (
          <Flex key={role} gap={12} align="baseline" style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }} wrap>
            <Typography.Text strong style={{ width: 96, flexShrink: 0 }} type={people.length ? undefined : 'warning'}>
              {t(`pipeline:dealRoles.${role}`)}
            </Typography.Text>
            <Flex vertical gap={2} style={{ flex: 1, minWidth: 200 }}>
              {people.length === 0 && <Typography.Text type="secondary">{t('contacts.nobody')}</Typography.Text>}
              {people.map((c) => (
                <div key={`${c.contactId}-${c.role}`} data-testid={`deal-contact-${c.contactId}-${c.role}`}>
                  <Typography.Text>{c.title ? t('contacts.withTitle', { name: c.name, title: c.title }) : c.name}</Typography.Text>
                  {c.relationshipStage && (
                    <Tag style={{ marginInlineStart: 8 }}>{t(`contacts:stages.${c.relationshipStage}`, { defaultValue: c.relationshipStage })}</Tag>
                  )}
                  {c.support !== null && <Tag>{t(`contacts:supports.${c.support}`, { defaultValue: String(c.support) })}</Tag>}
                  {c.note && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {c.note}
                    </Typography.Text>
                  )}
                </div>
              ))}
            </Flex>
          </Flex>
        );
      })}
      {o.canWrite && (
        <Button icon={<EditOutlined />} style={{ marginTop: 12 }} onClick={() => setEditing(true)} data-testid="deal-contacts-edit">
          {t('contacts.edit')}
        </Button>
      )}
      {editing && <DealContactsDialog o={o} onClose={() => setEditing(false)} />}
    </div>
  );
}

interface ContactRow {
  contactId?: number;
  role?: DealRole;
  note?: string | null;
}

function DealContactsDialog({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { can } = useAuth();
  const options = useContactOptions(o.accountId, can('contact:read'));
  const [form] = Form.useForm<{ contacts: ContactRow[] }>();
  const save = useOpportunityWrite(
    (v: { contacts: ContactRow[] }) =>
      opportunityApi.contacts(o.id, { contacts: (v.contacts ?? []).map((c) => ({ contactId: c.contactId!, role: c.role!, note: c.note?.trim() || null })), version: o.version }),
    { form, onDone: onClose },
  );
  const required = { required: true, message: t('form.required') };
  return (
    <Modal open width={720} title={t('contacts.edit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'deal-contacts-save' } as never}>
      <Form form={form} initialValues={{ contacts: o.contacts.map((c) => ({ contactId: c.contactId, role: c.role, note: c.note })) }} onFinish={(v) => save.mutate(v)}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.noneYet')} />}
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="flex-start">
                  <Form.Item name={[f.name, 'contactId']} rules={[required]} style={{ flex: '2 1 180px', marginBottom: 0 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('contacts.pickContact')}
                      loading={options.isLoading}
                      options={(options.data?.items ?? []).map((c) => ({ value: c.id, label: contactLabel(t, c) }))}
                      data-testid={`deal-contact-pick-${f.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[required]} style={{ flex: '1 1 120px', marginBottom: 0 }}>
                    <Select placeholder={t('contacts.role')} options={DEAL_ROLES.map((r) => ({ value: r, label: t(`pipeline:dealRoles.${r}`) }))} data-testid={`deal-contact-role-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} style={{ flex: '2 1 160px', marginBottom: 0 }}>
                    <Input placeholder={t('fields.note')} maxLength={500} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common:actions.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="deal-contact-add">
                {t('contacts.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 参与人员: who of ours works the project and in which part (客户经理 / 客户总监 / 公司高层). */
export function ParticipantsTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="participants">
      {PARTICIPANT_PARTS.map((part) => {
        const people = o.participants.filter((p) => p.part === part);
        return (
          <Flex key={part} gap={12} wrap style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
            <Typography.Text strong style={{ width: 96 }}>
              {t(`pipeline:parts.${part}`)}
            </Typography.Text>
            <Flex gap={4} wrap style={{ flex: 1 }}>
              {people.length === 0 ? (
                <Typography.Text type="secondary">{t('contacts.nobody')}</Typography.Text>
              ) : (
                people.map((p) => (
                  <Tag key={p.userId} color={p.active ? 'blue' : 'default'} data-testid={`participant-${p.userId}`}>
                    {p.active ? p.name : t('participants.inactive', { name: p.name })}
                  </Tag>
                ))
              )}
            </Flex>
          </Flex>
        );
      })}
      {o.canWrite && (
        <Button icon={<EditOutlined />} style={{ marginTop: 12 }} onClick={() => setEditing(true)} data-testid="participants-edit">
          {t('participants.edit')}
        </Button>
      )}
      {editing && <ParticipantsDialog o={o} onClose={() => setEditing(false)} />}
    </div>
  );
}

function ParticipantsDialog({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const [form] = Form.useForm<{ participants: { userId?: number; part?: ParticipantPart }[] }>();
  const save = useOpportunityWrite(
    (v: { participants: { userId?: number; part?: ParticipantPart }[] }) =>
      opportunityApi.participants(o.id, { participants: (v.participants ?? []).map((p) => ({ userId: p.userId!, part: p.part! })), version: o.version }),
    { form, onDone: onClose },
  );
  const required = { required: true, message: t('form.required') };
  return (
    <Modal open width={600} title={t('participants.edit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'participants-save' } as never}>
      <Form form={form} initialValues={{ participants: o.participants.map((p) => ({ userId: p.userId, part: p.part })) }} onFinish={(v) => save.mutate(v)}>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'userId']} rules={[required]} style={{ flex: 1, marginBottom: 0, minWidth: 0 }}>
                    <UserSelect data-testid={`participant-user-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'part']} rules={[required]} style={{ width: 130, marginBottom: 0 }}>
                    <Select options={PARTICIPANT_PARTS.map((p) => ({ value: p, label: t(`pipeline:parts.${p}`) }))} data-testid={`participant-part-${f.name}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common:actions.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="participant-add">
                {t('form.addParticipant')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
