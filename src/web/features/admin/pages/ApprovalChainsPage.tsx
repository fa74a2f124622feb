import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, EyeOutlined, NodeIndexOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Empty, Flex, Form, Input, Popconfirm, Row, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalChain, ApproverRule } from '../../../../shared/contracts/approvals';
import { POSITIONS, type Position } from '../../../../shared/permissions';
import { api } from '../../../api/client';
import { useDocTypeLabel, useDocTypes } from '../../approvals';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useMoney } from '../../../components/display';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageHeader } from '../../../components/PageHeader';
import { RecordHistory } from '../components/RecordHistory';
import { useDrawerSize, useFormSession } from '../../../components/layout';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { saveByButton } from '../../../components/formSubmit';

interface StepForm {
  name: string;
  approver: { kind: 'position' | 'user'; position?: Position; userId?: number };
  minAmount?: number | null;
}
interface ChainForm {
  name: string;
  unitId?: number | null;
  active: boolean;
  allowRepeatApprover: boolean;
  steps: StepForm[];
}
interface PreviewResult {
  chainId: number | null;
  chainName: string | null;
  steps: { name: string; approverId: number; approverName: string; skipped: boolean }[];
}

const MAX_STEPS = 10;

function toRule(a: StepForm['approver']): ApproverRule {
  return a.kind === 'user' ? { kind: 'user', userId: a.userId! } : { kind: 'position', position: a.position! };
}

export function ApprovalChainsPage() {
  const { t } = useTranslation('admin');
  const money = useMoney();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const drawerSize = useDrawerSize(720);
  const docTypes = useDocTypes();
  const docTypeLabel = useDocTypeLabel();
  const [docType, setDocType] = useState<string | undefined>();
  const [editing, setEditing] = useState<ApprovalChain | 'new' | null>(null);
  const [form] = Form.useForm<ChainForm>();
  const [previewForm] = Form.useForm<{ submitterId?: number; amount?: number | null }>();
  const [preview, setPreview] = useState<PreviewResult | null>(null);

  useEffect(() => {
    if (!docType && docTypes.data?.length) setDocType(docTypes.data[0].type);
  }, [docType, docTypes.data]);

  const chains = useQuery({
    queryKey: ['approval-chains', docType],
    queryFn: () => api.get<{ items: ApprovalChain[] }>('/api/approval-chains', { docType }).then((r) => r.items.filter((c) => c.docType === docType)),
    enabled: !!docType,
  });

  const save = useMutation({
    mutationFn: (v: ChainForm) => {
      const steps = v.steps.map((s) => ({ name: s.name, approver: toRule(s.approver), minAmount: s.minAmount ?? null }));
      const body = { name: v.name, unitId: v.unitId ?? null, active: v.active, allowRepeatApprover: v.allowRepeatApprover ?? false, steps };
      if (editing === 'new') return api.post<ApprovalChain>('/api/approval-chains', { ...body, docType });
      const c = editing as ApprovalChain;
      return api.patch<ApprovalChain>(`/api/approval-chains/${c.id}`, { ...body, version: c.version });
    },
    onSuccess: () => {
      void message.success(editing === 'new' ? t('chains.created') : t('chains.saved'));
      setEditing(null);
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['approval-chains'] });
    },
    onError: (err) =>
      showError(err, form, () => {
        setEditing(null);
        void qc.invalidateQueries({ queryKey: ['approval-chains'] });
      }),
  });

  const remove = useMutation({
    mutationFn: (c: ApprovalChain) => api.delete(`/api/approval-chains/${c.id}`),
    onSuccess: () => {
      void message.success(t('chains.deactivated'));
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['approval-chains'] });
    },
    onError: (err) => showError(err),
  });

  const runPreview = useMutation({
    mutationFn: (v: { submitterId?: number; amount?: number | null }) => api.post<PreviewResult>('/api/approval-chains/preview', { docType, submitterId: v.submitterId, amount: v.amount ?? null }),
    onSuccess: setPreview,
    onError: (err) => showError(err, previewForm),
  });

  const describeRule = (r: ApproverRule) => (r.kind === 'position' ? t('chains.byPosition', { position: t(`positions.${r.position}`) }) : t('chains.byUser'));

  const columns: TableColumnsType<ApprovalChain> = [
    { title: t('chains.name'), dataIndex: 'name', width: 180 },
    { title: t('chains.unit'), dataIndex: 'unitName', width: 150, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('chains.allUnits')}</Typography.Text> },
    {
      title: t('chains.steps'),
      dataIndex: 'steps',
      render: (steps: ApprovalChain['steps']) => (
        <Space size={[4, 4]} wrap>
          {steps.map((s, i) => (
            <Tag key={i} color={s.minAmount !== null ? 'gold' : undefined}>
              {i + 1}. {s.name}
              {describeRule(s.approver) !== s.name ? ` · ${describeRule(s.approver)}` : ''}
              {s.minAmount !== null ? ` ${t('chains.aboveShort', { amount: money(s.minAmount) })}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('chains.status'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">{t('chains.active')}</Tag> : <Tag>{t('chains.inactive')}</Tag>) },
    {
      title: t('shared.actions'),
      key: 'actions',
      width: 160,
      render: (_, c) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} data-testid={`chain-edit-${c.id}`} onClick={() => setEditing(c)}>
            {t('shared.edit')}
          </Button>
          {c.active && (
            <Popconfirm
              title={t('chains.deactivateConfirm', { name: c.name })}
              description={t('chains.deactivateHint')}
              okText={t('chains.deactivate')}
              cancelText={t('shared.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'chain-deactivate-confirm' }}
              onConfirm={() => remove.mutateAsync(c).catch(() => undefined)}
            >
              <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`chain-deactivate-${c.id}`}>
                {t('chains.deactivate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const current = editing !== null && editing !== 'new' ? editing : null;
  const initialValues: Partial<ChainForm> = current
    ? {
        name: current.name,
        unitId: current.unitId,
        active: current.active,
        allowRepeatApprover: current.allowRepeatApprover,
        steps: current.steps.map((s) => ({
          name: s.name,
          minAmount: s.minAmount,
          approver: s.approver.kind === 'user' ? { kind: 'user', userId: s.approver.userId } : { kind: 'position', position: s.approver.position },
        })),
      }
    : { active: true, allowRepeatApprover: false, unitId: null, steps: [{ name: '', approver: { kind: 'position' }, minAmount: null }] };

  useFormSession(form, editing, () => initialValues);

  return (
    <div>
      <PageHeader
        title={t('chains.title')}
        subtitle={t('chains.subtitle')}
        extra={
          <>
            <Select
              style={{ minWidth: 180 }}
              value={docType}
              loading={docTypes.isLoading}
              onChange={(v: string) => {
                setDocType(v);
                setPreview(null);
              }}
              options={(docTypes.data ?? []).map((d) => ({ value: d.type, label: docTypeLabel(d.type) }))}
              data-testid="chain-doc-type"
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!docType} data-testid="chain-create" onClick={() => setEditing('new')}>
              {t('chains.create')}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('chains.resolutionHint')} />
      <Card size="small" title={docType ? docTypeLabel(docType) : undefined} style={{ marginBottom: 16 }}>
        <Table<ApprovalChain>
          rowKey="id"
          size="middle"
          loading={chains.isLoading || docTypes.isLoading}
          columns={columns}
          dataSource={chains.data}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty image={<NodeIndexOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={chains.isError ? t('shared.loadFailed') : t('chains.empty')} /> }}
        />
      </Card>

      <Card size="small" title={t('chains.previewTitle')}>
        <Form form={previewForm} layout="vertical" onFinish={(v) => runPreview.mutate(v)}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={10}>
              <Form.Item name="submitterId" label={t('chains.previewSubmitter')} rules={[{ required: true, message: t('chains.previewSubmitterRequired') }]}>
                <UserSelect data-testid="chain-preview-submitter" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="amount" label={t('chains.previewAmount')}>
                <MoneyInput data-testid="chain-preview-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item>
                <Button icon={<EyeOutlined />} htmlType="submit" loading={runPreview.isPending} disabled={!docType} data-testid="chain-preview" block>
                  {t('chains.preview')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {preview &&
          (preview.chainId === null ? (
            <Alert type="warning" showIcon title={t('chains.previewNoChain')} data-testid="chain-preview-result" />
          ) : (
            <div data-testid="chain-preview-result">
              <Typography.Paragraph>{t('chains.previewUses', { name: preview.chainName })}</Typography.Paragraph>
              {preview.steps.length === 0 ? (
                <Typography.Text type="secondary">{t('chains.previewEmpty')}</Typography.Text>
              ) : (
                <Steps
                  orientation="vertical"
                  size="small"
                  current={preview.steps.length}
                  items={preview.steps.map((s) => ({
                    title: s.name,
                    status: s.skipped ? 'wait' : 'finish',
                    content: (
                      <Space size={4} wrap>
                        <Typography.Text type="secondary">{s.approverName}</Typography.Text>
                        {s.skipped && <Tag>{t('chains.skipped')}</Tag>}
                      </Space>
                    ),
                  }))}
                />
              )}
            </div>
          ))}
      </Card>

      <Drawer
        open={editing !== null}
        size={drawerSize}
        title={current ? t('chains.editTitle', { name: current.name }) : t('chains.createTitle', { docType: docType ? docTypeLabel(docType) : '' })}
        onClose={() => setEditing(null)}
        destroyOnHidden
        footer={
          <Flex justify="end" gap={8} wrap>
            <Button onClick={() => setEditing(null)}>{t('shared.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="chain-save">
              {t('shared.save')}
            </Button>
          </Flex>
        }
      >
        <Form<ChainForm> form={form} {...saveByButton} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="name" label={t('chains.name')} rules={[{ required: true, whitespace: true, message: t('chains.nameRequired') }, { max: 100 }]}>
                <Input data-testid="chain-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="unitId" label={t('chains.unit')} extra={t('chains.unitHint')}>
                <UnitTreeSelect data-testid="chain-unit" placeholder={t('chains.allUnits')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="active" label={t('chains.status')} valuePropName="checked">
                <Switch data-testid="chain-active" checkedChildren={t('chains.active')} unCheckedChildren={t('chains.inactive')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="allowRepeatApprover" label={t('chains.allowRepeatApprover')} valuePropName="checked" extra={t('chains.allowRepeatApproverHint')}>
                <Switch data-testid="chain-allow-repeat" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('chains.steps')}</Typography.Title>
          <Form.List
            name="steps"
            rules={[{ validator: (_, steps?: unknown[]) => (steps && steps.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('chains.stepsRequired')))) }]}
          >
            {(fields, { add, remove: removeStep, move }, { errors }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('chains.stepN', { n: index + 1 })}
                    extra={
                      <Space size={0}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('chains.moveUp')} data-testid={`chain-step-up-${index}`} />
                        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('chains.moveDown')} data-testid={`chain-step-down-${index}`} />
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => removeStep(index)} aria-label={t('chains.removeStep')} data-testid={`chain-step-remove-${index}`} />
                      </Space>
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} sm={12}>
                        <Form.Item name={[field.name, 'name']} label={t('chains.stepName')} rules={[{ required: true, whitespace: true, message: t('chains.stepNameRequired') }, { max: 50 }]}>
                          <Input data-testid={`chain-step-name-${index}`} placeholder={t('chains.stepNamePlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item name={[field.name, 'minAmount']} label={t('chains.minAmount')} extra={t('chains.minAmountHint')}>
                          <MoneyInput data-testid={`chain-step-min-${index}`} placeholder={t('chains.always')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[field.name, 'approver', 'kind']} label={t('chains.approverKind')} rules={[{ required: true }]}>
                          <Select
                            data-testid={`chain-step-kind-${index}`}
                            options={[
                              { value: 'position', label: t('chains.kindPosition') },
                              { value: 'user', label: t('chains.kindUser') },
                            ]}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={16}>
                        <Form.Item noStyle shouldUpdate>
                          {() =>
                            form.getFieldValue(['steps', field.name, 'approver', 'kind']) === 'user' ? (
                              <Form.Item name={[field.name, 'approver', 'userId']} label={t('chains.approverUser')} rules={[{ required: true, message: t('chains.approverRequired') }]}>
                                <UserSelect data-testid={`chain-step-user-${index}`} />
                              </Form.Item>
                            ) : (
                              <Form.Item name={[field.name, 'approver', 'position']} label={t('chains.approverPosition')} extra={t('chains.positionHint')} rules={[{ required: true, message: t('chains.approverRequired') }]}>
                                <Select data-testid={`chain-step-position-${index}`} options={POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) }))} />
                              </Form.Item>
                            )
                          }
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= MAX_STEPS} onClick={() => add({ name: '', approver: { kind: 'position' }, minAmount: null })} data-testid="chain-step-add">
                  {t('chains.addStep', { max: MAX_STEPS })}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
        {current && <RecordHistory entity="approval_chain" entityId={current.id} />}
      </Drawer>
    </div>
  );
}
