import { ArrowLeftOutlined, AuditOutlined, EditOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApprovalDetail } from '../../../../shared/contracts/approvals';
import { REQUEST_CATEGORIES, type FileItem, type GeneralRequest } from '../../../../shared/contracts/requests';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { ApprovalStatusTag } from '../components/ApprovalStatusTag';
import { AttachmentList, AttachmentsUpload, fileToUpload, uploadedIds } from '../components/AttachmentsUpload';

type Category = (typeof REQUEST_CATEGORIES)[number];
interface RequestForm {
  title: string;
  category: Category;
  amount: number | null;
  description?: string;
  attachments?: UploadFile<FileItem>[];
}

const EDITABLE = new Set(['draft', 'returned']);

/** /requests/new and /requests/:id — the form while a draft or returned, otherwise the document with its approval. */
export function RequestFormPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const request = useQuery({
    queryKey: ['general-requests', 'detail', id],
    queryFn: () => api.get<GeneralRequest>(`/api/general-requests/${id}`),
    enabled: !isNew,
  });
  const { me } = useAuth();
  const { t } = useTranslation('approvals');

  if (!isNew && request.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!isNew && (request.isError || !request.data))
    return (
      <div>
        <PageHeader title={t('requests.detailTitle')} />
        <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />
      </div>
    );
  const r = request.data;
  const editable = !r || (EDITABLE.has(r.status) && r.ownerId === me?.id);
  return editable ? <RequestEditor key={r ? `${r.id}:${r.version}` : 'new'} request={r} /> : <RequestView request={r!} />;
}

function RequestEditor({ request }: { request?: GeneralRequest }) {
  const { t } = useTranslation('approvals');
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [form] = Form.useForm<RequestForm>();
  const [intent, setIntent] = useState<'save' | 'submit'>('save');

  const save = useMutation({
    mutationFn: async ({ v, submit }: { v: RequestForm; submit: boolean }) => {
      const body = { title: v.title, category: v.category, amount: v.amount ?? 0, description: v.description ?? '', attachmentIds: uploadedIds(v.attachments) };
      if (!request) return api.post<GeneralRequest>('/api/general-requests', { ...body, submit });
      const saved = await api.patch<GeneralRequest>(`/api/general-requests/${request.id}`, { ...body, version: request.version });
      return submit ? api.post<GeneralRequest>(`/api/general-requests/${saved.id}/submit`, { version: saved.version }) : saved;
    },
    onSuccess: (saved, { submit }) => {
      void message.success(submit ? t('requests.submitted') : t('requests.saved'));
      void qc.invalidateQueries({ queryKey: ['general-requests'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
      navigate(`/requests/${saved.id}`, { replace: true });
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: ['general-requests', 'detail', String(request?.id)] })),
  });

  // The approver's reason for returning it, so the submitter knows what to change.
  const approval = useQuery({
    queryKey: ['approvals', 'detail', String(request?.approvalId)],
    queryFn: () => api.get<ApprovalDetail>(`/api/approvals/${request!.approvalId}`),
    enabled: request?.status === 'returned' && request.approvalId !== null && can('approval:act'),
  });
  const returnComment = [...(approval.data?.events ?? [])].reverse().find((e) => e.action === 'return');

  const uploading = Form.useWatch('attachments', form)?.some((f) => f.status === 'uploading') ?? false;
  const initialValues: Partial<RequestForm> = request
    ? { title: request.title, category: request.category, amount: request.amount, description: request.description, attachments: request.attachments.map(fileToUpload) }
    : { category: 'office_supplies', amount: null, description: '', attachments: [] };

  return (
    <div>
      <PageHeader
        title={
          request ? (
            <Space wrap>
              <span>{t('requests.editTitle')}</span>
              <span data-testid="request-status">
                <ApprovalStatusTag status={request.status} />
              </span>
            </Space>
          ) : (
            t('requests.newTitle')
          )
        }
        subtitle={t('requests.formSubtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
            {t('requests.backToList')}
          </Button>
        }
      />
      {request?.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('requests.returnedHint')}
          description={returnComment ? t('requests.returnedBy', { name: returnComment.actorName ?? '', comment: returnComment.comment ?? '' }) : undefined}
          action={
            request.approvalId && (
              <Link to={`/approvals/${request.approvalId}`}>
                <Button size="small">{t('requests.viewApproval')}</Button>
              </Link>
            )
          }
        />
      )}
      <Card size="small">
        <Form<RequestForm> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate({ v, submit: intent === 'submit' })} style={{ maxWidth: 880 }}>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="title" label={t('requests.title')} rules={[{ required: true, whitespace: true, message: t('requests.titleRequired') }, { max: 200 }]}>
                <Input data-testid="request-title" maxLength={200} placeholder={t('requests.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="category" label={t('requests.category')} rules={[{ required: true, message: t('requests.categoryRequired') }]}>
                <Select data-testid="request-category" options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="amount" label={t('requests.amountYuan')} extra={t('requests.amountHint')} rules={[{ required: true, message: t('requests.amountRequired') }]}>
                <MoneyInput data-testid="request-amount" placeholder="0.00" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('requests.description')} rules={[{ max: 5000 }]}>
                <Input.TextArea data-testid="request-description" autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder={t('requests.descriptionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="attachments" label={t('requests.attachments')} valuePropName="value">
                <AttachmentsUpload />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} wrap>
            <Button
              icon={<SaveOutlined />}
              loading={save.isPending && intent === 'save'}
              disabled={uploading || (save.isPending && intent !== 'save')}
              onClick={() => {
                setIntent('save');
                form.submit();
              }}
              data-testid="request-save"
            >
              {t('requests.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={save.isPending && intent === 'submit'}
              disabled={uploading || (save.isPending && intent !== 'submit')}
              onClick={() => {
                setIntent('submit');
                form.submit();
              }}
              data-testid="request-submit"
            >
              {request?.status === 'returned' ? t('requests.resubmit') : t('requests.submit')}
            </Button>
            {uploading && <Typography.Text type="secondary">{t('requests.waitUpload')}</Typography.Text>}
          </Flex>
        </Form>
      </Card>
    </div>
  );
}

function RequestView({ request: r }: { request: GeneralRequest }) {
  const { t } = useTranslation('approvals');
  const navigate = useNavigate();
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const withdraw = useMutation({
    mutationFn: (id: number) => api.post<GeneralRequest>(`/api/general-requests/${id}/withdraw`, {}),
    onSuccess: () => {
      void message.success(t('requests.withdrawn'));
      void qc.invalidateQueries({ queryKey: ['general-requests'] });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
    onError: (e) => showError(e),
  });

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="request-view-title">{r.title}</span>
            <span data-testid="request-status">
              <ApprovalStatusTag status={r.status} />
            </span>
          </Space>
        }
        subtitle={t('requests.viewSubtitle', { owner: r.ownerName, unit: r.unitName })}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
              {t('requests.backToList')}
            </Button>
            {r.approvalId && (
              <Link to={`/approvals/${r.approvalId}`}>
                <Button type="primary" icon={<AuditOutlined />} data-testid="request-view-approval">
                  {t('requests.viewApproval')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      {r.status === 'pending' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('requests.pendingHint')}
          action={
            r.ownerId === me?.id && (
              <Button size="small" loading={withdraw.isPending} onClick={() => withdraw.mutate(r.id)} data-testid="request-withdraw">
                {t('requests.withdraw')}
              </Button>
            )
          }
        />
      )}
      {(r.status === 'draft' || r.status === 'returned') && r.ownerId !== me?.id && (
        <Alert type="info" showIcon icon={<EditOutlined />} style={{ marginBottom: 16 }} title={t('requests.onlyOwnerEdits')} />
      )}
      <Card size="small" title={t('requests.details')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'category', label: t('requests.category'), children: t(`categories.${r.category}`) },
            { key: 'amount', label: t('requests.amount'), children: <MoneyText fen={r.amount} strong /> },
            { key: 'owner', label: t('requests.owner'), children: r.ownerName },
            { key: 'unit', label: t('requests.unit'), children: r.unitName },
            { key: 'created', label: t('requests.createdAt'), children: <DateTime value={r.createdAt} /> },
            { key: 'submitted', label: t('requests.submittedAt'), children: <DateTime value={r.submittedAt} /> },
            { key: 'decided', label: t('requests.decidedAt'), children: <DateTime value={r.decidedAt} /> },
            { key: 'description', label: t('requests.description'), span: 'filled', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description || '—'}</Typography.Paragraph> },
          ]}
        />
      </Card>
      <Card size="small" title={t('requests.attachments')}>
        <AttachmentList files={r.attachments} />
      </Card>
    </div>
  );
}
