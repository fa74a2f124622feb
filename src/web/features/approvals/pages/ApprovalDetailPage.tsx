import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseOutlined,
  CommentOutlined,
  FileTextOutlined,
  RollbackOutlined,
  SwapOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Flex, Form, Grid, Input, Modal, Row, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import type { StepsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApprovalDetail, APPROVAL_ACTIONS, STEP_STATUSES } from '../../../../shared/contracts/approvals';
import { api } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useFormSession } from '../../../components/layout';
import { UserSelect } from '../../../components/UserSelect';
import { approvalAmountItems } from '../components/ApprovalAmount';
import { ApprovalStatusTag } from '../components/ApprovalStatusTag';
import { DocumentSummaryView } from '../components/DocumentSummary';
import { useDocTypeLabel } from '../components/docTypes';

type Action = 'approve' | 'reject' | 'return' | 'transfer' | 'withdraw' | 'comment';
type EventAction = (typeof APPROVAL_ACTIONS)[number];
type StepStatus = (typeof STEP_STATUSES)[number];

/** The API requires a comment to reject, return or comment (commentRequiredBody). */
const COMMENT_REQUIRED: Record<Action, boolean> = { approve: false, reject: true, return: true, transfer: false, withdraw: false, comment: true };

const STEP_STATE: Record<StepStatus, NonNullable<StepsProps['status']>> = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  rejected: 'error',
  returned: 'error',
  skipped: 'wait',
  cancelled: 'wait',
};

const EVENT_COLOR: Record<EventAction, string> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
  transfer: 'purple',
  comment: 'gray',
  skip: 'gray',
  delegate: 'purple',
};

export function ApprovalDetailPage() {
  const { t } = useTranslation('approvals');
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const screens = Grid.useBreakpoint();
  const docTypeLabel = useDocTypeLabel();
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<{ comment?: string; toUserId?: number }>();

  const detail = useQuery({ queryKey: ['approvals', 'detail', id], queryFn: () => api.get<ApprovalDetail>(`/api/approvals/${id}`) });
  const a = detail.data;

  const act = useMutation({
    mutationFn: (v: { comment?: string; toUserId?: number }) => {
      const comment = v.comment?.trim() || undefined;
      const body = action === 'transfer' ? { toUserId: v.toUserId, comment } : { comment };
      return api.post<ApprovalDetail>(`/api/approvals/${id}/${action}`, body);
    },
    onSuccess: () => {
      void message.success(t(`actions.done.${action}`));
      setAction(null);
      void qc.invalidateQueries({ queryKey: ['approvals'] });
      void qc.invalidateQueries({ queryKey: ['general-requests'] });
    },
    onError: (err) => {
      showError(err, form, () => setAction(null));
      // Someone else may have acted meanwhile; show the current state rather than the stale one.
      void qc.invalidateQueries({ queryKey: ['approvals', 'detail', id] });
    },
  });

  const open = (next: Action) => setAction(next);
  useFormSession(form, action, () => undefined);

  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError || !a)
    return (
      <div>
        <PageHeader title={t('detail.title')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );

  const currentIndex = Math.max(
    0,
    a.steps.findIndex((s) => s.status === 'pending'),
  );
  const steps: StepsProps['items'] = a.steps.map((s) => ({
    title: s.name,
    status: STEP_STATE[s.status],
    subTitle: s.status === 'skipped' ? <Tag>{t('stepStatus.skipped')}</Tag> : undefined,
    content: (
      <div data-testid={`approval-step-${s.seq}`}>
        <div>
          {s.approverName}
          {s.originalApproverName && s.originalApproverId !== s.approverId && (
            <Typography.Text type="secondary"> {t(s.via === 'transfer' ? 'detail.transferredFrom' : 'detail.onBehalfOf', { name: s.originalApproverName })}</Typography.Text>
          )}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`stepStatus.${s.status}`)}
          {s.actedAt && (
            <>
              {' · '}
              <DateTime value={s.actedAt} type="secondary" />
            </>
          )}
        </Typography.Text>
        {s.comment && (
          <div>
            <Typography.Text italic style={{ fontSize: 12 }}>
              “{s.comment}”
            </Typography.Text>
          </div>
        )}
      </div>
    ),
  }));

  const events = [...a.events].sort((x, y) => x.at.localeCompare(y.at) || x.id - y.id);
  const timeline = events.map((e) => ({
    color: EVENT_COLOR[e.action],
    title: <DateTime value={e.at} type="secondary" />,
    content: (
      <div data-testid={`approval-event-${e.id}`}>
        <Typography.Text strong>{e.actorName ?? t('detail.system')}</Typography.Text> {t(`events.${e.action}`, { to: e.toUserName ?? '', step: e.stepSeq ?? '' })}
        {e.comment && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.comment}</Typography.Paragraph>}
      </div>
    ),
  }));

  const buttons: { key: Action; icon: ReactNode; show: boolean; primary?: boolean; danger?: boolean }[] = [
    { key: 'approve', icon: <CheckOutlined />, show: a.canAct, primary: true },
    { key: 'reject', icon: <CloseOutlined />, show: a.canAct, danger: true },
    { key: 'return', icon: <RollbackOutlined />, show: a.canAct },
    { key: 'transfer', icon: <SwapOutlined />, show: a.canAct },
    { key: 'withdraw', icon: <UndoOutlined />, show: a.canWithdraw },
    { key: 'comment', icon: <CommentOutlined />, show: true },
  ];

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="approval-title">{a.title}</span>
            <span data-testid="approval-status"><ApprovalStatusTag status={a.status} /></span>
          </Space>
        }
        subtitle={t('detail.subtitle', { docType: docTypeLabel(a.docType), submitter: a.submitterName })}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common:actions.back')}
            </Button>
            <Link to={a.link}>
              <Button icon={<FileTextOutlined />} data-testid="approval-open-document">
                {t('detail.openDocument')}
              </Button>
            </Link>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('detail.summary')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'docType', label: t('list.docType'), children: docTypeLabel(a.docType) },
                ...approvalAmountItems(a, t),
                { key: 'submitter', label: t('list.submitter'), children: a.submitterName },
                { key: 'unit', label: t('list.unit'), children: a.unitName },
                { key: 'created', label: t('detail.submittedAt'), children: <DateTime value={a.createdAt} /> },
                { key: 'finished', label: t('detail.finishedAt'), children: <DateTime value={a.finishedAt} /> },
                {
                  key: 'current',
                  label: t('list.currentStep'),
                  children: a.status === 'pending' ? `${a.currentStepName ?? '—'}${a.currentApproverNames.length ? ` · ${a.currentApproverNames.join(t('list.nameSeparator'))}` : ''}` : '—',
                },
              ]}
            />
          </Card>
          {a.document && (
            <Card size="small" title={t('detail.document', { docType: docTypeLabel(a.docType) })} style={{ marginBottom: 16 }}>
              {/* the document itself, so the approver decides here without opening it */}
              <DocumentSummaryView document={a.document} />
            </Card>
          )}
          <Card size="small" title={t('detail.flow')} style={{ marginBottom: 16 }}>
            {a.steps.length ? (
              <Steps orientation={screens.md ? 'horizontal' : 'vertical'} size="small" current={currentIndex} items={steps} data-testid="approval-steps" />
            ) : (
              <Empty description={t('detail.noSteps')} />
            )}
          </Card>
          <Card size="small" title={t('detail.actions')}>
            {!a.canAct && !a.canWithdraw && a.status === 'pending' && (
              <Typography.Paragraph type="secondary">{t('detail.notYourTurn')}</Typography.Paragraph>
            )}
            <Flex wrap gap={8}>
              {buttons
                .filter((b) => b.show)
                .map((b) => (
                  <Button key={b.key} type={b.primary ? 'primary' : 'default'} danger={b.danger} icon={b.icon} onClick={() => open(b.key)} data-testid={`approval-${b.key}`}>
                    {t(`actions.${b.key}`)}
                  </Button>
                ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('detail.history')}>
            {timeline.length ? <Timeline items={timeline} data-testid="approval-timeline" /> : <Empty description={t('detail.noEvents')} />}
          </Card>
        </Col>
      </Row>

      <Modal
        open={action !== null}
        title={action ? t(`actions.modalTitle.${action}`) : undefined}
        okText={action ? t(`actions.confirm.${action}`) : undefined}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ danger: action === 'reject', 'data-testid': 'approval-confirm' }}
        confirmLoading={act.isPending}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
            {action === 'transfer' && (
              <Form.Item name="toUserId" label={t('actions.transferTo')} rules={[{ required: true, message: t('actions.transferToRequired') }]}>
                <UserSelect data-testid="approval-transfer-user" excludeIds={[a.submitterId, ...a.steps.filter((s) => s.status === 'pending').map((s) => s.approverId)]} />
              </Form.Item>
            )}
            <Form.Item
              name="comment"
              label={action && COMMENT_REQUIRED[action] ? t('actions.commentRequiredLabel') : t('actions.commentLabel')}
              rules={[{ required: !!action && COMMENT_REQUIRED[action], whitespace: true, message: t('actions.commentRequired') }, { max: 1000 }]}
            >
              <Input.TextArea data-testid="approval-comment-input" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder={action ? t(`actions.placeholder.${action}`) : undefined} />
            </Form.Item>
          </Form>
      </Modal>
    </div>
  );
}

