import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PLAN_ITEM_KINDS, type MonthlyPlanDetail } from '../../../../shared/contracts/work-plans';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../components/errors';
import { ItemList } from '../../../components/ItemList';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';
import { useMonthlyPlan, usePlanWrite } from '../api';
import { PlanStatus } from '../components/PlanStatus';
import { RateBar } from '../components/RateBar';
import { AccountLink } from '../../accounts';

const METRIC_OF = { visit: 'visits', expansion: 'expansions', deal: 'deals' } as const;

/** /monthly-plans/:id — the plan, its named targets and planned vs actual with the 完成率. */
export function MonthlyPlanDetailPage() {
  const { id } = useParams();
  const plan = useMonthlyPlan(Number(id));
  if (!plan.data) return plan.error ? <ErrorAlert error={plan.error} /> : <Skeleton active />;
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan: p }: { plan: MonthlyPlanDetail }) {
  const { t } = useTranslation('workPlans');
  const { me, can } = useAuth();
  const { message } = useFeedback();
  const submit = usePlanWrite(p.id, 'submit');
  const mine = me?.id === p.owner.id && can('visit:write');
  const draft = p.status === 'draft';

  const onSubmit = async () => {
    try {
      await submit.mutateAsync({ version: p.version });
      void message.success(t('plans.submitted'));
    } catch (err) {
      void message.error(errorMessage(err, t));
    }
  };

  return (
    <div style={{ maxWidth: 1000 }}>
      <PageHeader
        title={t('plans.detailTitle', { month: p.month, name: p.owner.name })}
        subtitle={<PlanStatus plan={p} />}
        extra={
          mine &&
          draft && (
            <>
              <Link to={`/monthly-plans/${p.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="plan-edit">
                  {t('actions.edit')}
                </Button>
              </Link>
              <Popconfirm title={t('plans.submitConfirm', { date: p.dueOn })} onConfirm={onSubmit}>
                <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="plan-submit">
                  {t('plans.submit')}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('plans.owner')}>{`${p.owner.name} · ${p.unitName}`}</Descriptions.Item>
            <Descriptions.Item label={t('plans.due')}>{p.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('plans.submittedAt')}>{p.submittedAt ? <DateTime value={p.submittedAt} mode="dateTime" /> : '—'}</Descriptions.Item>
            {p.note && (
              <Descriptions.Item label={t('plans.fields.note')} span="filled">
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card size="small" title={t('plans.vsActual')}>
          <Row gutter={[24, 12]}>
            {(['visits', 'expansions', 'deals'] as const).map((m) => (
              <Col xs={24} md={8} key={m}>
                <RateBar label={t(`plans.metrics.${m}`)} value={p.actuals[m]} testId={`plan-rate-${m}`} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`plans.actualMeans.${m}`)}
                </Typography.Text>
              </Col>
            ))}
          </Row>
        </Card>
        {PLAN_ITEM_KINDS.map((kind) => {
          const items = p.items.filter((i) => i.kind === kind);
          if (!items.length) return null;
          return (
            <Card key={kind} size="small" title={`${t(`plans.kinds.${kind}`)}（${items.length}）`}>
              <ItemList
                items={items}
                rowKey={(i) => i.id}
                empty={null}
                rowStyle={{ padding: '8px 0' }}
                renderItem={(i) => (
                  <Flex justify="space-between" align="start" gap={8} wrap>
                    <span style={{ minWidth: 0 }}>
                      {i.account ? <AccountLink id={i.account.id}>{i.account.name}</AccountLink> : i.targetName}
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                        {[i.plannedOn, i.note].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </span>
                    {i.done === null ? (
                      <Tag style={{ marginInlineEnd: 0 }}>{t('plans.notLinked')}</Tag>
                    ) : (
                      <Tag color={i.done ? 'success' : 'default'} style={{ marginInlineEnd: 0 }} data-testid={`plan-item-done-${i.id}`}>
                        {t(`plans.done.${METRIC_OF[kind]}.${i.done ? 'yes' : 'no'}`)}
                      </Tag>
                    )}
                  </Flex>
                )}
              />
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}
