import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { COST_LINES, RECEPTION_EXECUTIONS, RECEPTION_KINDS, RECEPTION_LEVELS, RECEPTION_PURPOSES, type ReceptionDetail, type ReceptionInput } from '../../../../shared/contracts/receptions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { AccountSelect } from '../../accounts';
import { useCreateReception, useReception, useReceptionAction } from '../api';
import { PeopleField } from '../components/PeopleField';
import { saveByButton, useOneSave } from '../../../components/formSubmit';

type Values = Omit<ReceptionInput, 'startsAt' | 'endsAt' | 'tourAreas'> & { startsAt?: Dayjs; endsAt?: Dayjs | null; tourAreas?: string[] };

/** /receptions/new and /receptions/:id/edit — the 客户接待申请表 (seed 003 form 6). */
export function ReceptionFormPage() {
  const { id } = useParams();
  const one = useReception(id ? Number(id) : 0);
  const { t } = useTranslation('receptions');
  if (id && one.isLoading) return <Skeleton active />;
  if (id && !one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  return (
    <div>
      <PageHeader title={t(id ? 'application.edit' : 'application.new')} />
      <ReceptionForm reception={one.data?.reception} />
    </div>
  );
}

function ReceptionForm({ reception }: { reception?: ReceptionDetail }) {
  const { t } = useTranslation('receptions');
  const navigate = useNavigate();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const create = useCreateReception();
  const update = useReceptionAction(reception?.id ?? 0);
  const kind = Form.useWatch('kind', form) ?? 'reception';
  const costs = Form.useWatch('costs', form) as Record<string, number | null> | undefined;
  const total = COST_LINES.reduce((s, l) => s + (costs?.[l] ?? 0), 0);

  const initial: Partial<Values> = reception
    ? {
        accountId: reception.account.id,
        kind: reception.kind,
        startsAt: dayjs(reception.startsAt),
        endsAt: reception.endsAt ? dayjs(reception.endsAt) : null,
        place: reception.place,
        visitors: reception.visitors,
        purposes: reception.purposes,
        level: reception.level,
        execution: reception.execution,
        costs: reception.costs,
        tourRoute: reception.tourRoute,
        tourGuide: reception.tourGuide,
        tourAreas: reception.tourAreas,
        note: reception.note,
      }
    : { kind: 'reception', level: 'medium', execution: 'full', purposes: [], visitors: [{ name: '', title: '' }], costs: { entertainment: 0, meeting: 0, ceremony: 0, gift: 0, other: 0 } };

  // one press of 保存 makes one reception (Enter in a field does not save)
  const submit = useOneSave(async (v: Values) => {
    const body: ReceptionInput = {
      ...v,
      startsAt: v.startsAt ? v.startsAt.toISOString() : '',
      endsAt: v.endsAt ? v.endsAt.toISOString() : null,
      costs: Object.fromEntries(COST_LINES.map((l) => [l, (v.costs as Record<string, number | null> | undefined)?.[l] ?? 0])) as ReceptionInput['costs'],
      visitors: (v.visitors ?? []).filter((p) => p.name),
      tourAreas: v.tourAreas ?? [],
    };
    try {
      if (reception) {
        await update.mutateAsync({ path: '', method: 'put', body: { ...body, version: reception.version } });
        navigate(`/receptions/${reception.id}`);
      } else {
        const res = await create.mutateAsync(body);
        navigate(`/receptions/${res.reception.id}`);
      }
    } catch (err) {
      showError(err, form);
    }
  });

  return (
    <Form form={form} {...saveByButton} layout="vertical" initialValues={initial} onFinish={submit} data-testid="reception-form">
      <Card title={t('application.title')} size="small">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="accountId" label={t('fields.account')} rules={[{ required: true }]}>
              <AccountSelect data-testid="reception-account" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('fields.kind')}>
              <Radio.Group optionType="button" options={RECEPTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startsAt" label={t('fields.startsAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="reception-starts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="endsAt" label={t('fields.endsAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="place" label={t('fields.place')}>
              <Input maxLength={200} data-testid="reception-place" />
            </Form.Item>
          </Col>
        </Row>
        <PeopleField name="visitors" label={t('fields.visitors')} testId="visitor" />
        <Form.Item name="purposes" label={t('fields.purposes')}>
          <Checkbox.Group>
            <Row>
              {RECEPTION_PURPOSES.map((p) => (
                <Col xs={24} md={12} key={p}>
                  <Checkbox value={p} data-testid={`purpose-${p}`}>
                    {t(`purposes.${p}`)}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={t('fields.level')} rules={[{ required: true }]}>
              <Radio.Group>
                {RECEPTION_LEVELS.map((l) => (
                  <Radio key={l} value={l} style={{ display: 'block' }}>
                    {t(`levels.${l}`)} <Typography.Text type="secondary">{t(`levelHints.${l}`)}</Typography.Text>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="execution" label={t('fields.execution')}>
              <Radio.Group options={RECEPTION_EXECUTIONS.map((e) => ({ value: e, label: t(`executions.${e}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'tour' && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="tourRoute" label={t('fields.tourRoute')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="tourGuide" label={t('fields.tourGuide')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="tourAreas" label={t('fields.tourAreas')}>
                <Select mode="tags" open={false} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Typography.Title level={5}>{t('fields.costs')}</Typography.Title>
        <Row gutter={16}>
          {COST_LINES.map((l) => (
            <Col xs={12} md={4} key={l}>
              <Form.Item name={['costs', l]} label={t(`costs.${l}`)}>
                <MoneyInput data-testid={`cost-${l}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Form.Item label={t('costs.total')}>
              <MoneyText fen={total} strong />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="info" showIcon message={t('application.chainHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending || update.isPending} data-testid="reception-save">
          {t('application.save')}
        </Button>
      </Card>
    </Form>
  );
}
