import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { PARTICIPANT_PARTS, PROCUREMENT_STEPS, type ParticipantPart, type ProcurementStep } from '../../../../shared/domain/pipeline';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { dateFieldProps } from '../../../components/formDate';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { UserSelect } from '../../../components/UserSelect';
import { AccountSelect } from '../../accounts';
import { opportunityApi, useOpportunity, useOpportunityWrite } from '../api';
import { saveByButton } from '../../../components/formSubmit';

interface Values {
  accountId?: number;
  name?: string;
  expectedValue?: number | null;
  products?: string[];
  expectedCloseOn?: string | null;
  ownerId?: number | null;
  participants?: { userId?: number; part?: ParticipantPart }[];
  procurementStep?: ProcurementStep | null;
  description?: string | null;
}

/** /opportunities/new (?accountId= presets the account) and /opportunities/:id/edit. */
export function OpportunityFormPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const detail = useOpportunity(isNew ? 0 : Number(id));
  const { t } = useTranslation('opportunities');
  if (!isNew && detail.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!isNew && (detail.isError || !detail.data))
    return (
      <div>
        <PageHeader title={t('form.editTitle')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  return <OpportunityForm key={detail.data ? `${detail.data.id}:${detail.data.version}` : 'new'} opportunity={detail.data} />;
}

function OpportunityForm({ opportunity: o }: { opportunity?: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const presetAccount = Number(params.get('accountId'));

  const initialValues: Values = o
    ? { ...o, description: o.description ?? undefined }
    : { accountId: Number.isInteger(presetAccount) && presetAccount > 0 ? presetAccount : undefined, ownerId: me?.id, products: [], participants: [] };

  const save = useOpportunityWrite(
    (v: Values) => {
      const common = {
        name: v.name ?? '',
        expectedValue: v.expectedValue ?? 0,
        products: v.products ?? [],
        expectedCloseOn: v.expectedCloseOn ?? null,
        ownerId: v.ownerId ?? undefined,
        procurementStep: v.procurementStep ?? null,
        description: v.description ?? null,
      };
      if (o) return opportunityApi.update(o.id, { ...common, ownerId: v.ownerId ?? o.ownerId, version: o.version });
      return opportunityApi.create({
        ...common,
        accountId: v.accountId ?? 0,
        participants: (v.participants ?? []).filter((p) => p.userId && p.part).map((p) => ({ userId: p.userId!, part: p.part! })),
      });
    },
    {
      form,
      onDone: (r) => {
        void message.success(t('form.saved'));
        navigate(`/opportunities/${r.id}`, { replace: !!o });
      },
    },
  );

  const required = { required: true, message: t('form.required') };
  return (
    <div>
      <PageHeader
        title={o ? t('form.editTitle') : t('form.newTitle')}
        subtitle={o ? o.name : t('form.newSubtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common:actions.back')}
          </Button>
        }
      />
      <Card size="small">
        <Form<Values> form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError style={{ maxWidth: 880 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="accountId" label={t('fields.account')} rules={[required]}>
                <AccountSelect disabled={!!o} data-testid="opportunity-account" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('fields.name')} rules={[required, { max: 200, message: t('form.tooLong', { max: 200 }) }]}>
                <Input placeholder={t('form.namePlaceholder')} data-testid="opportunity-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="expectedValue" label={t('fields.expectedValue')} rules={[required]}>
                <MoneyInput data-testid="opportunity-value" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="expectedCloseOn" label={t('fields.expectedCloseOn')} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-on" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="products" label={t('fields.products')} extra={t('form.productsHint')}>
                <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} suffixIcon={null} placeholder={t('form.productsPlaceholder')} data-testid="opportunity-products" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ownerId" label={t('fields.owner')} rules={[required]}>
                <UserSelect allowClear={false} data-testid="opportunity-owner" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="procurementStep" label={t('fields.procurementStep')}>
                <Select allowClear options={PROCUREMENT_STEPS.map((s) => ({ value: s, label: t(`pipeline:procurement.${s}`) }))} data-testid="opportunity-procurement" />
              </Form.Item>
            </Col>
          </Row>
          {!o && (
            <Form.Item label={t('fields.participants')} extra={t('form.participantsHint')}>
              <Form.List name="participants">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={8} align="flex-start" wrap={false}>
                        <Form.Item name={[f.name, 'userId']} rules={[required]} style={{ flex: 1, marginBottom: 0, minWidth: 0 }}>
                          <UserSelect data-testid={`opportunity-participant-user-${f.name}`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'part']} rules={[required]} style={{ width: 140, marginBottom: 0 }}>
                          <Select placeholder={t('fields.part')} options={PARTICIPANT_PARTS.map((p) => ({ value: p, label: t(`pipeline:parts.${p}`) }))} data-testid={`opportunity-participant-part-${f.name}`} />
                        </Form.Item>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common:actions.delete')} />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="opportunity-participant-add">
                      {t('form.addParticipant')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          )}
          <Form.Item name="description" label={t('fields.description')} rules={[{ max: 4000, message: t('form.tooLong', { max: 4000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="opportunity-description" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="opportunity-save">
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
