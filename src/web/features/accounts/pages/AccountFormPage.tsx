import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Switch, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  ACCOUNT_NATURES,
  CREDIT_STANDINGS,
  FUND_STATUSES,
  INDUSTRY_POSITIONS,
  LIFECYCLE_STAGES,
  PAYMENT_ATTITUDES,
  SOURCE_CHANNELS,
  type AccountDetail,
  type LifecycleStage,
} from '../../../../shared/contracts/accounts';
import { creditCodeProblem, normalizeCreditCode } from '../../../../shared/domain/credit-code';
import { api, ApiError } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { accountKeys, useAccount } from '../api';
import { AccountSelect } from '../components/AccountSelect';
import { PROFILE_SECTIONS, type SectionKey } from '../fields';
import { saveByButton } from '../../../components/formSubmit';

type Values = Record<string, unknown> & { ownerId?: number | null; unitId?: number | null; lifecycle?: LifecycleStage };

/** The server's issue keys for a rejected credit code, to the form's own wording of each. */
const CREDIT_CODE_ISSUES: Record<string, string> = {
  'accounts.creditCodeLength': 'length',
  'accounts.creditCodeCharset': 'charset',
  'accounts.creditCodeCheckDigit': 'checkDigit',
};

const TRADE_FIELDS = ['paymentTermDays', 'discountBp'];
/** Create-only fields: later changes go through reassignment and the lifecycle action on the 360 page. */
const CREATE_ONLY = ['ownerId', 'unitId', 'lifecycle'];

/** /accounts/new and /accounts/:id/edit — the 客户档案表 in its sections. */
export function AccountFormPage() {
  const { id } = useParams();
  const accountId = Number(id);
  const isNew = id === undefined;
  const account = useAccount(isNew ? 0 : accountId);
  const { t } = useTranslation('accounts');
  if (!isNew && account.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!isNew && (account.isError || !account.data))
    return (
      <div>
        <PageHeader title={t('form.editTitle')} />
        <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />
      </div>
    );
  return <AccountForm key={account.data ? `${account.data.id}:${account.data.version}` : 'new'} account={account.data} />;
}

function AccountForm({ account }: { account?: AccountDetail }) {
  const { t } = useTranslation('accounts');
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const tradeTerms = can('account:trade-terms');
  const canAssign = can('account:assign');

  // A missing-field link on the 360 page lands here with ?field=…; bring that field into view.
  const focusField = params.get('field');
  useEffect(() => {
    if (!focusField) return;
    const timer = setTimeout(() => {
      form.scrollToField(focusField, { block: 'center', focus: true });
    }, 100);
    return () => clearTimeout(timer);
  }, [focusField, form]);

  const initialValues: Values = account ? { ...account } : { lifecycle: 'prospect', vip: false, ownerId: me?.id };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = {};
      for (const s of PROFILE_SECTIONS)
        for (const f of s.fields) {
          if (CREATE_ONLY.includes(f) || (TRADE_FIELDS.includes(f) && !tradeTerms)) continue;
          if (v[f] !== undefined) body[f] = v[f];
        }
      if (typeof body.creditCode === 'string') body.creditCode = normalizeCreditCode(body.creditCode);
      if (!account) return api.post<AccountDetail>('/api/accounts', { ...body, ownerId: v.ownerId ?? undefined, unitId: v.unitId ?? undefined, lifecycle: v.lifecycle });
      return api.patch<AccountDetail>(`/api/accounts/${account.id}`, { ...body, version: account.version });
    },
    onSuccess: (saved) => {
      void message.success(account ? t('form.saved') : t('form.created'));
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      navigate(`/accounts/${saved.id}`, { replace: !!account });
    },
    onError: (err) => {
      const onField = applyFormErrors(form, err, (issue) => (issue.path === 'creditCode' ? t(`form.creditCode.${CREDIT_CODE_ISSUES[issue.key ?? ''] ?? 'rejected'}`) : undefined));
      if (onField && err instanceof ApiError) {
        form.scrollToField(err.issues[0].path.split('.')[0], { block: 'center' });
        return;
      }
      // A duplicate credit code is a 409 naming the field and the account that already has it.
      const details = err instanceof ApiError ? (err.details as { path?: string; existing?: { name: string } } | undefined) : undefined;
      if (err instanceof ApiError && err.code === 'CONFLICT' && details?.path === 'creditCode') {
        form.setFields([{ name: 'creditCode', errors: [details.existing ? t('form.creditCode.takenBy', { name: details.existing.name }) : t('form.creditCode.taken')] }]);
        form.scrollToField('creditCode', { block: 'center' });
        return;
      }
      showError(err, form, () => void qc.invalidateQueries({ queryKey: accountKeys.detail(account?.id ?? 0) }));
    },
  });

  const creditCodeRule: FormRule = {
    validator: (_r, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
      const problem = creditCodeProblem(normalizeCreditCode(value));
      return problem ? Promise.reject(new Error(t(`form.creditCode.${problem}`))) : Promise.resolve();
    },
  };

  const options = (values: readonly string[], labels: string) => values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }));
  const label = (f: string) => t(`fields.${f}`);
  const text = (f: string, max: number, testId?: string) => (
    <Form.Item name={f} label={label(f)} rules={[{ max, message: t('form.tooLong', { max }) }]}>
      <Input maxLength={max} data-testid={testId ?? `account-${f}`} />
    </Form.Item>
  );
  const area = (f: string, max: number) => (
    <Form.Item name={f} label={label(f)} rules={[{ max, message: t('form.tooLong', { max }) }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={max} data-testid={`account-${f}`} />
    </Form.Item>
  );
  const select = (f: string, values: readonly string[], labels: string) => (
    <Form.Item name={f} label={label(f)}>
      <Select allowClear options={options(values, labels)} placeholder={t('form.choose')} data-testid={`account-${f}`} />
    </Form.Item>
  );
  const half = (node: ReactNode) => (
    <Col xs={24} md={12}>
      {node}
    </Col>
  );
  const full = (node: ReactNode) => <Col span={24}>{node}</Col>;

  const sections: Record<SectionKey, ReactNode> = {
    basic: (
      <>
        {half(
          <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }, { max: 200 }]}>
            <Input maxLength={200} data-testid="account-name" />
          </Form.Item>,
        )}
        {half(text('shortName', 100, 'account-short-name'))}
        {half(
          <Form.Item name="creditCode" label={label('creditCode')} extra={t('form.creditCodeHint')} rules={[creditCodeRule]} normalize={(v: string) => v.toUpperCase()}>
            <Input maxLength={22} data-testid="account-credit-code" style={{ fontFamily: 'monospace' }} />
          </Form.Item>,
        )}
        {half(select('nature', ACCOUNT_NATURES, 'natures'))}
        {half(text('industry', 100))}
        {half(select('industryPosition', INDUSTRY_POSITIONS, 'industryPositions'))}
        {half(
          <Form.Item name="foundedYear" label={label('foundedYear')}>
            <InputNumber min={1800} max={2200} precision={0} style={{ width: '100%' }} data-testid="account-foundedYear" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="registeredCapital" label={label('registeredCapital')}>
            <MoneyInput data-testid="account-registeredCapital" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="employees" label={label('employees')}>
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} data-testid="account-employees" />
          </Form.Item>,
        )}
        {half(text('superiorOrg', 200))}
        {half(
          <Form.Item name="parentId" label={label('parentId')} extra={t('form.parentHint')}>
            <AccountSelect excludeId={account?.id} data-testid="account-parent" />
          </Form.Item>,
        )}
      </>
    ),
    contact: (
      <>
        {full(text('address', 300))}
        {half(
          <Form.Item name="postalCode" label={label('postalCode')} rules={[{ pattern: /^\d{6}$/, message: t('form.postalCode') }]}>
            <Input maxLength={6} inputMode="numeric" data-testid="account-postalCode" />
          </Form.Item>,
        )}
        {half(text('phone', 50))}
        {half(text('fax', 50))}
        {half(text('website', 300))}
        {half(
          <Form.Item name="email" label={label('email')} rules={[{ type: 'email', message: t('form.email') }, { max: 200 }]}>
            <Input maxLength={200} inputMode="email" data-testid="account-email" />
          </Form.Item>,
        )}
        {half(text('legalRepresentative', 100))}
      </>
    ),
    business: (
      <>
        {full(area('businessScope', 5000))}
        {full(area('developmentPlans', 5000))}
        {full(area('mainProducts', 2000))}
        {half(text('marketShare', 200))}
        {half(
          <Form.Item name="annualSales" label={label('annualSales')}>
            <MoneyInput data-testid="account-annualSales" />
          </Form.Item>,
        )}
      </>
    ),
    finance: (
      <>
        {half(text('bankName', 200))}
        {half(text('bankAccount', 100))}
        {half(select('creditStanding', CREDIT_STANDINGS, 'creditStandings'))}
        {half(select('fundStatus', FUND_STATUSES, 'fundStatuses'))}
        {half(select('paymentAttitude', PAYMENT_ATTITUDES, 'paymentAttitudes'))}
      </>
    ),
    trade: (
      <>
        {half(
          <Form.Item name="paymentTermDays" label={label('paymentTermDays')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} suffix={t('units.days')} data-testid="account-paymentTermDays" />
          </Form.Item>,
        )}
        {half(
          // Stored in basis points; people think of it as a percentage off list price (10 % = 九折).
          <Form.Item
            name="discountBp"
            label={label('discountBp')}
            extra={t('form.discountHint')}
            getValueProps={(v: number | null | undefined) => ({ value: v === null || v === undefined ? null : v / 100 })}
            normalize={(v: number | null) => (v === null || v === undefined ? null : Math.round(v * 100))}
          >
            <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: '100%' }} suffix="%" data-testid="account-discount" />
          </Form.Item>,
        )}
      </>
    ),
    strategy: (
      <>
        {full(area('targetMarket', 2000))}
        {full(area('customerStrategy', 5000))}
        {half(select('sourceChannel', SOURCE_CHANNELS, 'sourceChannels'))}
      </>
    ),
    ownership: (
      <>
        {account ? (
          full(<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('form.ownerOnDetail', { owner: account.ownerName, unit: account.unitName })} />)
        ) : (
          <>
            {half(
              <Form.Item name="ownerId" label={label('ownerId')} extra={canAssign ? undefined : t('form.ownerSelf')}>
                <UserSelect disabled={!canAssign} allowClear={false} data-testid="account-owner" />
              </Form.Item>,
            )}
            {half(
              <Form.Item name="unitId" label={label('unitId')} extra={t('form.unitHint')}>
                <UnitTreeSelect data-testid="account-unit" />
              </Form.Item>,
            )}
            {half(select('lifecycle', LIFECYCLE_STAGES, 'lifecycles'))}
          </>
        )}
        {half(text('province', 50))}
        {half(text('city', 50))}
        {half(
          <Form.Item name="vip" label={label('vip')} valuePropName="checked" extra={t('form.vipHint')}>
            <Switch data-testid="account-vip" />
          </Form.Item>,
        )}
      </>
    ),
  };

  const visibleSections = PROFILE_SECTIONS.filter((s) => s.key !== 'trade' || tradeTerms);

  return (
    <div>
      <PageHeader
        title={account ? t('form.editTitle') : t('form.newTitle')}
        subtitle={account ? account.name : t('form.newSubtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(account ? `/accounts/${account.id}` : '/accounts')}>
            {t('back')}
          </Button>
        }
      />
      <Form<Values> form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError={{ block: 'center' }} style={{ maxWidth: 980 }}>
        {visibleSections.map((s) => (
          <Card key={s.key} size="small" title={t(`sections.${s.key}`)} style={{ marginBottom: 16 }} id={`section-${s.key}`}>
            <Row gutter={16}>{sections[s.key]}</Row>
          </Card>
        ))}
        <Flex gap={8} wrap align="center" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)', zIndex: 2 }}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="account-save">
            {account ? t('form.save') : t('form.create')}
          </Button>
          <Button onClick={() => navigate(account ? `/accounts/${account.id}` : '/accounts')}>{t('cancel')}</Button>
          {!tradeTerms && <Typography.Text type="secondary">{t('form.tradeTermsHidden')}</Typography.Text>}
        </Flex>
      </Form>
    </div>
  );
}
