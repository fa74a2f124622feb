import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TICKET_KINDS, TICKET_SEVERITIES, TICKET_TIERS, type SlaPolicy, type TicketSettings } from '../../../../shared/contracts/tickets';
import { workingMinutesPerDay } from '../../../../shared/domain/workdays';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveTicketSettings, useTicketSettings } from '../api';
import { EscalationRunButton } from '../components/EscalationRunButton';
import { workSpan } from '../helpers';

interface Values {
  policies: SlaPolicy[];
  warnPercent: number;
  gmAfterMinutes: number;
}

/** /tickets/settings — 服务时限 (ticket:manage): the policies by kind × severity (and tiers set apart), the warning share, the GM's delay; run the check now. */
export function TicketSettingsPage() {
  const s = useTicketSettings();
  if (s.error) return <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />;
  if (!s.data) return <Skeleton active />;
  return <SettingsForm settings={s.data} key={s.data.version} />;
}

/** The policies sorted as the table shows them: kind, severity, then the tier (all tiers first). */
function ordered(policies: readonly SlaPolicy[]): SlaPolicy[] {
  const rank = (p: SlaPolicy) => [TICKET_KINDS.indexOf(p.kind), TICKET_SEVERITIES.indexOf(p.severity), p.tier === null ? -1 : TICKET_TIERS.indexOf(p.tier)];
  return [...policies].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}

/** A form value kept as it is, shown elsewhere (the policies: their table edits each one's minutes). */
const Kept = (_: { value?: unknown }) => null;

function SettingsForm({ settings }: { settings: TicketSettings }) {
  const { t } = useTranslation(['tickets', 'accounts', 'workdays']);
  const { can } = useAuth();
  const save = useSaveTicketSettings();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState<{ kind: SlaPolicy['kind']; severity: SlaPolicy['severity']; tier: NonNullable<SlaPolicy['tier']> }>({ kind: 'complaint', severity: 'critical', tier: 'heavy' });
  const initial = useMemo(() => ({ policies: ordered(settings.policies), warnPercent: settings.warnPercent, gmAfterMinutes: settings.gmAfterMinutes }), [settings]);
  const policies = (Form.useWatch('policies', form) as SlaPolicy[] | undefined) ?? initial.policies;
  const submit = useOneSave(async (v: Values) => {
    try {
      await save.mutateAsync({ ...v, policies: policies.map((p, i) => ({ ...p, ...v.policies[i] })), version: settings.version });
      void message.success(t('settings.saved'));
    } catch (err) {
      showError(err, form);
    }
  });
  const h = settings.workingHours;
  const perDay = workingMinutesPerDay(h);
  const exists = policies.some((p) => p.kind === adding.kind && p.severity === adding.severity && p.tier === adding.tier);
  const add = () => form.setFieldValue('policies', ordered([...policies, { ...adding, ...(policies.find((p) => p.kind === adding.kind && p.severity === adding.severity && p.tier === null) ?? { respondMinutes: 60, resolveMinutes: 480 }), tier: adding.tier }]));
  const remove = (i: number) => form.setFieldValue('policies', policies.filter((_, j) => j !== i));

  return (
    <div>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} extra={<EscalationRunButton />} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={h.breakStart && h.breakEnd ? t('settings.workingHours', { ...h, minutes: perDay }) : t('settings.workingHoursNoBreak', { ...h, minutes: perDay })}
        action={can('workdays:manage') ? <Link to="/admin/work-calendar">{t('workdays:menu.calendar')}</Link> : undefined}
        data-testid="ticket-settings-hours"
      />
      <Form<Values> form={form} {...saveByButton} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="ticket-settings-form">
        <Card size="small">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="warnPercent" label={t('settings.warnPercent')} extra={t('settings.warnPercentHint')} rules={[{ required: true }]}>
                <InputNumber min={10} max={99} precision={0} style={{ width: '100%' }} data-testid="ticket-settings-warn" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="gmAfterMinutes" label={t('settings.gmAfter')} extra={t('settings.gmAfterHint')} rules={[{ required: true }]}>
                <InputNumber min={1} max={86400} precision={0} style={{ width: '100%' }} data-testid="ticket-settings-gm" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="policies" hidden>
            <Kept />
          </Form.Item>
          <Table<SlaPolicy & { index: number }>
            rowKey={(p) => `${p.kind}-${p.severity}-${p.tier ?? ''}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={policies.map((p, index) => ({ ...p, index }))}
            data-testid="ticket-settings-policies"
            columns={[
              { title: t('fields.kind'), dataIndex: 'kind', width: 90, render: (v: string) => t(`kinds.${v}`) },
              { title: t('fields.severity'), dataIndex: 'severity', width: 80, render: (v: string) => t(`severities.${v}`) },
              { title: t('settings.tier'), dataIndex: 'tier', width: 100, render: (v: string | null) => (v ? t(`accounts:tiers.${v}`) : <Typography.Text type="secondary">{t('settings.allTiers')}</Typography.Text>) },
              ...(['respondMinutes', 'resolveMinutes'] as const).map((field) => ({
                title: t(field === 'respondMinutes' ? 'settings.respond' : 'settings.resolve'),
                key: field,
                width: 190,
                render: (_: unknown, p: SlaPolicy & { index: number }) => (
                  <Flex gap={8} align="center">
                    <Form.Item name={['policies', p.index, field]} noStyle rules={[{ required: true }]}>
                      <InputNumber min={1} max={86400} precision={0} style={{ width: 100 }} data-testid={`policy-${p.kind}-${p.severity}-${p.tier ?? 'all'}-${field}`} />
                    </Form.Item>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {workSpan(p[field], t)}
                    </Typography.Text>
                  </Flex>
                ),
              })),
              { title: '', key: 'remove', width: 48, render: (_: unknown, p) => (p.tier ? <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('settings.remove')} onClick={() => remove(p.index)} /> : null) },
            ]}
          />
          <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
            <Select value={adding.kind} onChange={(kind) => setAdding({ ...adding, kind })} options={TICKET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} style={{ width: 100 }} />
            <Select value={adding.severity} onChange={(severity) => setAdding({ ...adding, severity })} options={TICKET_SEVERITIES.map((k) => ({ value: k, label: t(`severities.${k}`) }))} style={{ width: 90 }} />
            <Select value={adding.tier} onChange={(tier) => setAdding({ ...adding, tier })} options={TICKET_TIERS.map((k) => ({ value: k, label: t(`accounts:tiers.${k}`) }))} style={{ width: 110 }} />
            <Button icon={<PlusOutlined />} disabled={exists} onClick={add} data-testid="ticket-settings-add">
              {t('settings.addTierPolicy')}
            </Button>
          </Flex>
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ticket-settings-save">
              {t('settings.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
    </div>
  );
}
