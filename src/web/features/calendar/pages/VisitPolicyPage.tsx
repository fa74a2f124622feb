import { Button, Card, Col, Form, Grid, InputNumber, List, Row, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverdueAccount, VisitPolicySettingsBody } from '../../../../shared/contracts/calendar';
import { QUADRANTS } from '../../../../shared/contracts/quadrant';
import { POLICY_GRADES, POLICY_TIERS } from '../../../../shared/domain/visit-policy';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useListState } from '../../../components/useListState';
import { useFeedback } from '../../../components/feedback';
import { useOverdueAccounts, useSaveVisitPolicy, useVisitPolicy } from '../api';

/** Frequencies per tier and grade (empty: not required) and the quadrant switch; only with account:configure. */
function PolicyForm() {
  const { t } = useTranslation('calendar');
  const { t: tp } = useTranslation('portfolio');
  const [form] = Form.useForm<VisitPolicySettingsBody>();
  const { message } = useFeedback();
  const settings = useVisitPolicy(true);
  const save = useSaveVisitPolicy(form, () => void message.success(t('policy.saved')));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const field = (group: 'tiers' | 'grades', key: string) => (
    <Col xs={12} sm={6} key={`${group}.${key}`}>
      <Form.Item name={[group, key]} label={t(`policy.${group}.${key}`)} normalize={(v: number | null) => v ?? null}>
        <InputNumber min={1} max={3650} precision={0} suffix={t('policy.days')} style={{ width: '100%' }} data-testid={`policy-${group}-${key}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card size="small" title={t('policy.settings')} style={{ marginBottom: 16 }}>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      <Typography.Paragraph type="secondary">{t('policy.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ tiers: { ...v.tiers }, grades: { ...v.grades }, byQuadrant: v.byQuadrant ?? true })}>
        <Row gutter={12}>{POLICY_TIERS.map((k) => field('tiers', k))}</Row>
        <Row gutter={12}>{POLICY_GRADES.map((k) => field('grades', k))}</Row>
        <Form.Item name="byQuadrant" valuePropName="checked" label={t('policy.byQuadrant')} extra={t('policy.byQuadrantHelp')}>
          <Switch data-testid="policy-by-quadrant" />
        </Form.Item>
        {settings.data && (
          <Typography.Paragraph type="secondary" data-testid="policy-quadrant-days">
            {QUADRANTS.map((q) => `${tp(`quadrants.${q}`)} ${t('policy.everyDays', { n: settings.data.quadrantDays[q] ?? '—' })}`).join(' · ')}{' '}
            <Link to="/admin/account-settings">{t('policy.editQuadrants')}</Link>
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">{t('policy.save')}</Button>
      </Form>
    </Card>
  );
}

/** /visit-policy — accounts overdue for a visit in my scope; the frequencies for whoever configures accounts. */
export function VisitPolicyPage() {
  const { t } = useTranslation('calendar');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const overdue = useOverdueAccounts();
  // the overdue list's page (no filters), so Back from an account returns to it
  const state = useListState({}, { pageSize: 50 });
  const { t: tp } = useTranslation('portfolio');
  const last = (r: OverdueAccount) => (r.lastVisitAt ? dayjs(r.lastVisitAt).format('YYYY-MM-DD') : t('policy.never'));
  const classOf = (r: OverdueAccount) => [t(`policy.tiers.${r.tier}`), r.grade ? t(`policy.grades.${r.grade}`) : null, r.quadrant ? tp(`quadrants.${r.quadrant}`) : null].filter(Boolean).join(' · ');
  const columns: ColumnsType<OverdueAccount> = [
    { key: 'account', title: t('policy.account'), render: (_, r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link> },
    { key: 'owner', title: t('policy.owner'), width: 110, render: (_, r) => r.ownerName },
    { key: 'class', title: t('policy.class'), width: 170, render: (_, r) => classOf(r) },
    { key: 'frequency', title: t('policy.frequency'), width: 150, align: 'right', render: (_, r) => `${t('policy.everyDays', { n: r.frequencyDays })} · ${t(`policy.sources.${r.frequencySource}`)}` },
    { key: 'last', title: t('policy.lastVisit'), width: 120, render: (_, r) => last(r) },
    { key: 'overdue', title: t('policy.overdueDays'), width: 110, align: 'right', render: (_, r) => <Typography.Text type="danger">{r.overdueDays}</Typography.Text> },
  ];
  return (
    <div>
      <PageHeader title={t('policy.title')} />
      {can('account:configure') && <PolicyForm />}
      {overdue.isError && <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />}
      {phone ? (
        <List
          loading={overdue.isLoading}
          dataSource={overdue.data?.items ?? []}
          locale={{ emptyText: t('policy.none') }}
          renderItem={(r) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>
                <div style={{ fontSize: 13 }}>
                  {r.ownerName} · {t('policy.everyDays', { n: r.frequencyDays })} · {last(r)} · <Typography.Text type="danger">{t('policy.overdueBy', { n: r.overdueDays })}</Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table rowKey="accountId" size="small" loading={overdue.isLoading} columns={columns} dataSource={overdue.data?.items ?? []} locale={{ emptyText: t('policy.none') }} pagination={{ ...state.pagination, hideOnSinglePage: true }} />
      )}
    </div>
  );
}
