import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Segmented, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CONTRACT_KINDS, EDITABLE_CONTRACT_STATUSES, type Contract, type ContractKind } from '../../../../shared/contracts/contracts';
import type { FieldIssue } from '../../../../shared/errors';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { dateFieldProps } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { AccountLink, AccountSelect } from '../../accounts';
import { useAccountContacts } from '../../contacts';
import { useContract, useSaveContract } from '../api';
import { LinesEditor, linesBody, type LineValues } from '../components/LinesEditor';
import { instalmentsBody, PlanEditor, type InstalmentValues } from '../components/PlanEditor';
import { ParentSelect } from '../components/ParentSelect';
import { KindTag } from '../components/tags';

interface FormValues {
  kind: ContractKind;
  accountId?: number | null;
  parentId?: number | null;
  ownerId?: number | null;
  unitId?: number | null;
  signatoryContactId?: number | null;
  title: string;
  number?: string;
  amount?: number | null;
  signDate?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  paymentTerms?: string;
  note?: string;
  lines?: LineValues[];
  instalments?: InstalmentValues[];
}

/** /contracts/new (?kind=&accountId=&parentId=) and /contracts/:id/edit (a draft or a rejected one). */
export function ContractFormPage() {
  const id = Number(useParams().id);
  const editing = Number.isInteger(id) && id > 0;
  const one = useContract(editing ? id : 0);
  const { t } = useTranslation('deals');
  if (!editing) return <ContractForm />;
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  if (!EDITABLE_CONTRACT_STATUSES.includes(one.data.status))
    return <Alert type="warning" showIcon message={t('form.notEditable')} action={<Link to={`/contracts/${id}`}>{t('form.backToContract')}</Link>} />;
  return <ContractForm contract={one.data} />;
}

function ContractForm({ contract }: { contract?: Contract }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveContract();
  const money = useMoney();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  // ORG-4: prices are the holders' of contract:prices; a write with lines from anyone else is refused
  const withPrices = can('contract:prices') && !contract?.pricesHidden;

  const queryKind = CONTRACT_KINDS.find((k) => k === params.get('kind'));
  const queryId = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const kind = (Form.useWatch('kind', form) as ContractKind | undefined) ?? contract?.kind ?? queryKind ?? 'sales';
  const accountId = (Form.useWatch('accountId', form) as number | null | undefined) ?? contract?.accountId;
  const amount = Form.useWatch('amount', form) as number | null | undefined;
  const contacts = useAccountContacts(can('contact:read') ? accountId : null);

  const initialValues: Partial<FormValues> = contract
    ? {
        kind: contract.kind,
        ownerId: contract.ownerId,
        unitId: contract.unitId,
        signatoryContactId: contract.signatory?.id ?? null,
        title: contract.title,
        number: contract.number,
        amount: contract.amount,
        signDate: contract.signDate,
        startDate: contract.startDate,
        endDate: contract.endDate,
        paymentTerms: contract.paymentTerms,
        note: contract.note,
        lines: contract.lines.map((l) => ({ product: l.product, spec: l.spec, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount })),
        instalments: contract.instalments.map((x) => ({ milestone: x.milestone, dueDate: x.dueDate, amount: x.amount })),
      }
    : { kind: queryKind ?? 'sales', accountId: queryId('accountId'), parentId: queryId('parentId'), ownerId: me?.id, lines: [], instalments: [] };

  /** the server words a plan's sums in fen; the form says them in the reader's money */
  const planIssue = (issue: FieldIssue) => {
    const p = (issue.params ?? {}) as { sum?: number; amount?: number };
    if (issue.key === 'contracts.planSum') return t('plan.serverSum', { sum: money(p.sum ?? 0), amount: money(p.amount ?? 0) });
    if (issue.key === 'contracts.planMissing') return t('plan.serverMissing', { amount: money(p.amount ?? 0) });
    return undefined;
  };
  const submit = useOneSave(async (v: FormValues) => {
    setUnplaced(null);
    const fields = {
      number: v.number?.trim() || undefined,
      ownerId: v.ownerId ?? undefined,
      unitId: v.unitId ?? undefined,
      signatoryContactId: v.signatoryContactId ?? null,
      title: v.title,
      amount: v.amount ?? 0,
      signDate: v.signDate ?? null,
      startDate: v.startDate ?? null,
      endDate: v.endDate ?? null,
      paymentTerms: v.paymentTerms ?? '',
      note: v.note ?? '',
      ...(withPrices ? { lines: linesBody(v.lines) } : {}),
      ...(kind === 'framework' ? {} : { instalments: instalmentsBody(v.instalments) }),
    };
    try {
      const saved = contract
        ? await save.mutateAsync({ id: contract.id, body: { ...fields, version: contract.version } })
        : await save.mutateAsync({ body: { ...fields, kind: v.kind, accountId: v.accountId ?? 0, parentId: kind === 'framework' ? null : (v.parentId ?? null) } });
      void navigate(`/contracts/${saved.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err, planIssue)) setUnplaced(err);
      else {
        const first = form.getFieldsError().find((f) => f.errors.length);
        if (first) form.scrollToField(first.name, { block: 'center' });
      }
    }
  });

  const col = { xs: 24, md: 12 };
  return (
    <>
      <PageHeader title={contract ? t('form.editTitle', { number: contract.number }) : t('form.newTitle')} subtitle={t('form.subtitle')} />
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      {contract?.status === 'rejected' && contract.statusReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('form.rejected', { reason: contract.statusReason })} />}
      <Form<FormValues> form={form} {...saveByButton} layout="vertical" scrollToFirstError initialValues={initialValues} onFinish={(v) => void submit(v)} style={{ maxWidth: 1080 }} data-testid="contract-form">
        <Flex vertical gap={16}>
          <Card size="small" title={t('form.basics')}>
            {contract ? (
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('contracts:fields.kind')}>
                  <KindTag kind={contract.kind} revision={contract.revision} />
                </Descriptions.Item>
                <Descriptions.Item label={t('contracts:fields.account')}>
                  <AccountLink id={contract.accountId}>{contract.accountName}</AccountLink>
                </Descriptions.Item>
                {contract.parentNumber && (
                  <Descriptions.Item label={t('contracts:fields.parent')}>
                    <Link to={`/contracts/${contract.parentId}`}>{contract.parentNumber}</Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
            ) : (
              <Row gutter={16}>
                <Col xs={24}>
                  <Form.Item name="kind" label={t('contracts:fields.kind')} rules={[{ required: true }]}>
                    <Segmented<ContractKind>
                      options={CONTRACT_KINDS.map((k) => ({ value: k, label: <span data-testid={`contract-kind-${k}`}>{t(`contracts:kinds.${k}`)}</span> }))}
                      onChange={() => form.setFieldValue('parentId', null)}
                    />
                  </Form.Item>
                </Col>
                <Col {...col}>
                  <Form.Item name="accountId" label={t('contracts:fields.account')} rules={[{ required: true, message: t('form.accountRequired') }]}>
                    <AccountSelect
                      data-testid="contract-form-account"
                      onChange={() => {
                        form.setFieldValue('parentId', null);
                        form.setFieldValue('signatoryContactId', null);
                      }}
                    />
                  </Form.Item>
                </Col>
                {kind !== 'framework' && (
                  <Col {...col}>
                    <Form.Item
                      name="parentId"
                      label={kind === 'sales' ? t('form.parentFramework') : t('form.parentSales')}
                      rules={kind === 'supplement' ? [{ required: true, message: t('form.parentRequired') }] : []}
                      extra={kind === 'sales' ? t('form.parentFrameworkHint') : t('form.parentSalesHint')}
                    >
                      <ParentSelect kind={kind === 'sales' ? 'framework' : 'sales'} accountId={accountId} disabled={!accountId} data-testid="contract-form-parent" />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            )}
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name="title" label={t('contracts:fields.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }, { max: 200 }]}>
                  <Input data-testid="contract-form-title" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="number" label={t('contracts:fields.number')} rules={[{ max: 60 }]}>
                  <Input placeholder={t('form.numberPlaceholder')} data-testid="contract-form-number" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item
                  name="amount"
                  label={kind === 'framework' ? t('contracts:fields.committed') : kind === 'supplement' ? t('form.supplementAmount') : t('contracts:fields.amount')}
                  rules={[{ required: true, message: t('form.amountRequired') }]}
                  extra={kind === 'framework' ? t('form.frameworkAmountHint') : kind === 'supplement' ? t('form.supplementAmountHint') : undefined}
                >
                  <MoneyInput data-testid="contract-form-amount" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="signatoryContactId" label={t('contracts:fields.signatory')}>
                  <Select
                    allowClear
                    disabled={!accountId || !can('contact:read')}
                    loading={contacts.isLoading}
                    placeholder={can('contact:read') ? t('form.pickSignatory') : t('form.noContactAccess')}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(contacts.data?.items ?? []).filter((c) => c.status === 'active' || c.id === contract?.signatory?.id).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                    data-testid="contract-form-signatory"
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="ownerId" label={t('contracts:fields.owner')} rules={[{ required: true, message: t('form.ownerRequired') }]}>
                  <UserSelect data-testid="contract-form-owner" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="unitId" label={t('contracts:fields.unit')} extra={t('form.unitHint')}>
                  <UnitTreeSelect data-testid="contract-form-unit" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="signDate" label={t('contracts:fields.signDate')} {...dateFieldProps}>
                  <DatePicker style={{ width: '100%' }} data-testid="contract-form-sign-date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="startDate" label={kind === 'framework' ? t('form.validFrom') : t('contracts:fields.startDate')} {...dateFieldProps}>
                  <DatePicker style={{ width: '100%' }} data-testid="contract-form-start-date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="endDate" label={kind === 'framework' ? t('form.validTo') : t('contracts:fields.endDate')} {...dateFieldProps}>
                  <DatePicker style={{ width: '100%' }} data-testid="contract-form-end-date" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="paymentTerms" label={t('contracts:fields.paymentTerms')} rules={[{ max: 2000 }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.paymentTermsPlaceholder')} data-testid="contract-form-terms" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="note" label={t('contracts:fields.note')} rules={[{ max: 4000 }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="contract-form-note" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          {withPrices ? (
            <Card size="small" title={t('contracts:fields.lines')}>
              <LinesEditor form={form} />
            </Card>
          ) : (
            <Alert type="info" showIcon message={t('form.pricesHidden')} data-testid="contract-form-prices-hidden" />
          )}

          {kind === 'framework' ? (
            <Alert type="info" showIcon message={t('form.frameworkNoPlan')} />
          ) : (
            <Card size="small" title={t('contracts:fields.plan')} extra={t('form.planHint')}>
              <PlanEditor form={form} amount={amount} />
            </Card>
          )}

          <Flex gap={8} justify="flex-end">
            <Button onClick={() => void navigate(contract ? `/contracts/${contract.id}` : '/contracts')}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contract-form-save">
              {t('form.save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
