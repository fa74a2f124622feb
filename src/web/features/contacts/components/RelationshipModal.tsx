import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Divider, Empty, Form, Input, Modal, Row, Select, Skeleton, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_STAGES, type ContactDetail, type ContactListItem, type RelationshipChange, type RelationshipHistoryItem, type RelationshipStage } from '../../../../shared/contracts/contacts';
import type { UserItem } from '../../../../shared/contracts/org';
import { api } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { UserSelect } from '../../../components/UserSelect';
import { contactKeys, useContact, useContactHistory } from '../api';
import { SUPPORT_LEVELS, SupportTag } from './ContactTags';

interface Values {
  support: number;
  closeness: number;
  expertise: number | null;
  stage: RelationshipStage;
  competitorLeaning: string | null;
  ownerId: number | null;
  evidence: string;
  occurredOn: string | null;
}

const initialValues = (c: ContactDetail): Values => ({
  support: c.support,
  closeness: c.closeness,
  expertise: c.expertise,
  stage: c.stage,
  competitorLeaning: c.competitorLeaning,
  ownerId: c.ownerId,
  evidence: '',
  occurredOn: null,
});
const FIVE = [1, 2, 3, 4, 5];

/** A submit that changes no state field: nothing to record, so nothing is sent. */
class NothingChanged extends Error {}

/** Changes a contact's relationship state (REL-3) with the evidence the history keeps, and shows that history. */
export function RelationshipModal({ contact: picked, onClose }: { contact: ContactListItem | null; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  // The list row may predate the last change; the state and version come from a fresh read.
  const detail = useContact(picked?.id ?? null);
  const contact = picked && detail.data?.id === picked.id ? detail.data : null;
  const [form] = Form.useForm<Values>();
  // The form instance outlives the dialog, and a remounted Form keeps the instance's old values over
  // its initialValues; load the current state explicitly whenever a contact (or a newer version) shows.
  useEffect(() => {
    if (contact) form.setFieldsValue(initialValues(contact));
  }, [contact, form]);
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!contact) throw new Error('no contact');
      // Only what changed is sent: the server records one history row per changed field.
      const body: RelationshipChange = { version: contact.version };
      if (v.support !== contact.support) body.support = v.support;
      if (v.closeness !== contact.closeness) body.closeness = v.closeness;
      if ((v.expertise ?? null) !== contact.expertise) body.expertise = v.expertise ?? null;
      if (v.stage !== contact.stage) body.stage = v.stage;
      if ((v.competitorLeaning || null) !== contact.competitorLeaning) body.competitorLeaning = v.competitorLeaning ?? '';
      if ((v.ownerId ?? null) !== contact.ownerId) body.ownerId = v.ownerId ?? null;
      if (v.evidence.trim()) body.evidence = v.evidence;
      if (v.occurredOn) body.occurredOn = v.occurredOn;
      if (Object.keys(body).every((k) => k === 'version' || k === 'evidence' || k === 'occurredOn')) throw new NothingChanged();
      return api.post<ContactDetail>(`/api/contacts/${contact.id}/relationship`, body);
    },
    onSuccess: (updated) => {
      qc.setQueryData(contactKeys.detail(updated.id), updated);
      void message.success(t('relationship.saved'));
      void qc.invalidateQueries({ queryKey: contactKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (err) => (err instanceof NothingChanged ? void message.info(t('relationship.noChange')) : showError(err, form, () => void qc.invalidateQueries({ queryKey: contactKeys.all }))),
  });

  return (
    <Modal
      open={picked !== null}
      title={picked ? t('relationship.title', { name: picked.name }) : undefined}
      okText={t('relationship.ok')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'relationship-save' } as never}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      width={720}
      destroyOnHidden
    >
      {picked && detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {picked && !contact && !detail.isError && <Skeleton active />}
      {contact && (
        <Form<Values>
          key={contact.version}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initialValues(contact)}
          onFinish={(v) => save.mutate(v)}
          data-testid="relationship-form"
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="support" label={t('fields.support')}>
                <Select options={SUPPORT_LEVELS.map((s) => ({ value: s, label: <SupportTag support={s} /> }))} data-testid="relationship-support" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="stage" label={t('fields.stage')}>
                <Select options={RELATIONSHIP_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))} data-testid="relationship-stage" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12}>
              <Form.Item name="closeness" label={t('fields.closeness')}>
                <Select options={FIVE.map((n) => ({ value: n, label: String(n) }))} data-testid="relationship-closeness" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12}>
              <Form.Item name="expertise" label={t('fields.expertise')}>
                <Select allowClear options={FIVE.map((n) => ({ value: n, label: String(n) }))} data-testid="relationship-expertise" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="competitorLeaning" label={t('fields.competitorLeaning')} rules={[{ max: 500 }]}>
                <Input data-testid="relationship-competitor" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="ownerId" label={t('fields.ownerId')}>
                <UserSelect data-testid="relationship-owner" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="occurredOn"
                label={t('fields.occurredOn')}
                getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
                normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="relationship-occurred-on" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="evidence"
            label={t('fields.evidence')}
            extra={t('relationship.evidenceHint')}
            rules={[{ required: true, whitespace: true, message: t('relationship.evidenceRequired') }, { max: 2000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} data-testid="relationship-evidence" />
          </Form.Item>
        </Form>
      )}
      {contact && (
        <>
          <Divider titlePlacement="start">{t('relationship.historyTitle', { name: contact.name })}</Divider>
          <RelationshipHistory contactId={contact.id} />
        </>
      )}
    </Modal>
  );
}

/** The contact's relationship history, newest first: field, from → to, author, date and evidence. */
export function RelationshipHistory({ contactId }: { contactId: number }) {
  const { t } = useTranslation('contacts');
  const history = useContactHistory(contactId);
  if (history.isLoading) return <Skeleton active />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('relationship.historyEmpty')} />;
  return (
    <Timeline
      data-testid="relationship-history"
      items={items.map((h) => ({
        key: h.id,
        content: (
          <div>
            <Typography.Text strong>{t(`relationship.fields.${h.field}`)}</Typography.Text> <HistoryValue item={h} value={h.from} /> → <HistoryValue item={h} value={h.to} />
            <div>
              <Typography.Text type="secondary">
                {h.actorName ?? t('relationship.system')} · <DateTime value={h.occurredOn} mode="date" />
              </Typography.Text>
            </div>
            {h.evidence && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{h.evidence}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

function HistoryValue({ item, value }: { item: RelationshipHistoryItem; value: string | null }) {
  const { t } = useTranslation('contacts');
  if (value === null || value === '') return <Typography.Text type="secondary">{t('relationship.empty')}</Typography.Text>;
  if (item.field === 'support') return <SupportTag support={Number(value)} />;
  if (item.field === 'stage') return <Typography.Text>{t(`stages.${value}`)}</Typography.Text>;
  if (item.field === 'owner') return <OwnerName id={Number(value)} />;
  return <Typography.Text>{value}</Typography.Text>;
}

function OwnerName({ id }: { id: number }) {
  const { t } = useTranslation('contacts');
  // Same cache key as UserSelect's lookup of one user, so a name resolves once.
  const user = useQuery({ queryKey: ['users', 'one', id], queryFn: () => api.get<UserItem>(`/api/users/${id}`), staleTime: 60_000 });
  return <Typography.Text>{user.data?.name ?? t('relationship.userId', { id })}</Typography.Text>;
}
