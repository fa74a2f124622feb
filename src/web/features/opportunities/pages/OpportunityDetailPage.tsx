import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Grid, Skeleton, Space, Steps, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { PROCUREMENT_STEPS, STAGES } from '../../../../shared/domain/pipeline';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { AccountLink, GradeTag } from '../../accounts';
import { opportunityApi, useOpportunity, useOpportunityWrite } from '../api';
import { AssessmentTab } from '../components/AssessmentTab';
import { ChecklistTab } from '../components/ChecklistTab';
import { CompetitorsTab } from '../components/CompetitorsTab';
import { DevPlanTab } from '../components/DevPlanTab';
import { DealContactsTab, ParticipantsTab } from '../components/PeopleTabs';
import { StageActions } from '../components/StageActions';
import { DaysInStage, OpportunityStatusTag, OutcomeTag, PlanStatusTag, StageTag } from '../components/tags';

const TABS = ['checklist', 'contacts', 'participants', 'competitors', 'procurement', 'assessment', 'plan', 'history'] as const;
type Tab = (typeof TABS)[number];

/** /opportunities/:id — one development project: where it stands, what is missing, and its work. */
export function OpportunityDetailPage() {
  const { id } = useParams();
  const detail = useOpportunity(Number(id));
  const { t } = useTranslation('opportunities');
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError || !detail.data)
    return (
      <div>
        <PageHeader title={t('detail.title')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  return <Opportunity o={detail.data} />;
}

function Opportunity({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'checklist';
  const setTab = (next: string) => setParams(next === 'checklist' ? {} : { tab: next }, { replace: true });
  const open = o.status === 'open';

  const edit = o.canWrite && (
    <Button icon={<EditOutlined />} onClick={() => navigate(`/opportunities/${o.id}/edit`)} data-testid="opportunity-edit">
      {t('detail.edit')}
    </Button>
  );

  return (
    <div>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="opportunity-title">{o.name}</span>
            <StageTag stage={o.stage} />
            {!open && <OpportunityStatusTag status={o.status} />}
          </Space>
        }
        subtitle={
          <>
            <AccountLink id={o.accountId} data-testid="opportunity-account-link">
              {o.accountName}
            </AccountLink>
            {' · '}
            {t('detail.owner', { owner: o.ownerName, unit: o.unitName })}
          </>
        }
        extra={
          <>
            {!phone && (
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/opportunities')}>
                {t('detail.backToList')}
              </Button>
            )}
            {!phone && edit}
            <StageActions o={o} phone={phone} onEdit={() => navigate(`/opportunities/${o.id}/edit`)} />
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {phone ? (
          <PhoneStage o={o} />
        ) : (
          <Steps
            size="small"
            titlePlacement="vertical"
            current={o.stage - 1}
            status={open ? 'process' : o.status === 'won' ? 'finish' : o.status === 'paused' ? 'wait' : 'error'}
            items={STAGES.map((s) => ({
              title: t(`pipeline:stages.${s}`),
              content: <span style={{ fontSize: 12 }}>{t(`pipeline:stageGoals.${s}`)}</span>,
            }))}
            data-testid="opportunity-steps"
          />
        )}
        {open && o.missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="opportunity-missing"
            title={o.stage < 5 ? t('detail.missingToAdvance', { count: o.missing.length }) : t('detail.missingToWin', { count: o.missing.length })}
            description={
              <Flex gap={4} wrap>
                {o.missing.map((m) => (
                  <Tag key={m} style={{ marginInlineEnd: 0 }} color="warning">
                    {t(`pipeline:items.${m}`)}
                  </Tag>
                ))}
              </Flex>
            }
          />
        )}
        {!open && (
          <Alert
            type={o.status === 'won' ? 'success' : 'warning'}
            showIcon
            style={{ marginTop: 12 }}
            title={t('detail.closed', { status: t(`pipeline:statuses.${o.status}`), reason: o.closeReasonKey ? t(`pipeline:reasons.${o.closeReasonKey}`) : '—' })}
            description={[o.wonByCompetitor ? t('detail.wonBy', { name: o.wonByCompetitor.name }) : null, o.closeNote].filter(Boolean).join(' · ') || undefined}
          />
        )}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="opportunity-figures">
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 2, md: 3, lg: 3, xl: 4, xxl: 5 }}
          items={[
            { key: 'value', label: t('columns.value'), children: <MoneyText fen={o.expectedValue} strong /> },
            { key: 'weighted', label: t('columns.weighted'), children: <MoneyText fen={o.weightedValue} /> },
            { key: 'close', label: t('fields.expectedCloseOn'), children: o.expectedCloseOn ?? '—' },
            { key: 'days', label: t('columns.days'), children: open ? <DaysInStage days={o.daysInStage} stalled={o.stalled} /> : '—' },
            { key: 'grade', label: t('detail.accountGrade'), children: o.accountGrade ? <GradeTag grade={o.accountGrade} /> : '—' },
            { key: 'outcome', label: t('detail.assessment'), children: o.assessmentOutcome ? <OutcomeTag outcome={o.assessmentOutcome} /> : '—' },
            { key: 'plan', label: t('detail.plan'), children: o.planStatus ? <PlanStatusTag status={o.planStatus} /> : '—' },
            { key: 'procurement', label: t('fields.procurementStep'), children: o.procurementStep ? t(`pipeline:procurement.${o.procurementStep}`) : '—' },
            { key: 'products', label: t('fields.products'), span: phone ? 2 : undefined, children: o.products.length ? <Flex gap={4} wrap>{o.products.map((p) => <Tag key={p} style={{ marginInlineEnd: 0 }}>{p}</Tag>)}</Flex> : '—' },
          ]}
        />
        {o.description && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} ellipsis={{ rows: 3, expandable: true }}>
            {o.description}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              size={phone ? 'small' : 'middle'}
              items={[
                { key: 'checklist', label: <span data-testid="tab-checklist">{t('tabs.checklist')}</span>, children: <ChecklistTab key={o.stage} o={o} /> },
                {
                  key: 'contacts',
                  label: (
                    <span data-testid="tab-contacts">
                      {t('tabs.contacts')}
                      {o.missingRoles.length > 0 && <Typography.Text type="warning"> · {o.missingRoles.length}</Typography.Text>}
                    </span>
                  ),
                  children: <DealContactsTab o={o} />,
                },
                { key: 'participants', label: <span data-testid="tab-participants">{t('tabs.participants')}</span>, children: <ParticipantsTab o={o} /> },
                { key: 'competitors', label: <span data-testid="tab-competitors">{t('tabs.competitors', { count: o.competitors.length })}</span>, children: <CompetitorsTab o={o} /> },
                { key: 'procurement', label: <span data-testid="tab-procurement">{t('tabs.procurement')}</span>, children: <ProcurementTab o={o} vertical={phone} /> },
                { key: 'assessment', label: <span data-testid="tab-assessment">{t('tabs.assessment')}</span>, children: <AssessmentTab o={o} /> },
                // mounted only while shown: the plan has its own request
                { key: 'plan', label: <span data-testid="tab-plan">{t('tabs.plan')}</span>, children: tab === 'plan' ? <DevPlanTab o={o} /> : null },
                { key: 'history', label: <span data-testid="tab-history">{t('tabs.history')}</span>, children: <HistoryTab o={o} /> },
              ]}
            />
      </Card>
    </div>
  );
}

/** On a phone the five stages do not fit across: the current one with its goal, and dots for the rest. */
function PhoneStage({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  return (
    <div data-testid="opportunity-steps">
      <Steps type="dot" size="small" responsive={false} current={o.stage - 1} items={STAGES.map((s) => ({ title: t('stageShort', { stage: s }) }))} />
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        {t('stageLabel', { stage: o.stage, name: t(`pipeline:stages.${o.stage}`) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`pipeline:stageGoals.${o.stage}`)}
      </Typography.Text>
    </div>
  );
}

/** 采购进程: where the customer's procurement stands; a click sets it. */
function ProcurementTab({ o, vertical }: { o: OpportunityDetail; vertical: boolean }) {
  const { t } = useTranslation('opportunities');
  const set = useOpportunityWrite((index: number) => opportunityApi.update(o.id, { procurementStep: PROCUREMENT_STEPS[index], version: o.version }));
  const current = o.procurementStep ? PROCUREMENT_STEPS.indexOf(o.procurementStep) : -1;
  return (
    <div data-testid="procurement">
      <Typography.Paragraph type="secondary">{o.canWrite ? t('procurement.hint') : t('procurement.readOnly')}</Typography.Paragraph>
      <Steps
        size="small"
        orientation={vertical ? 'vertical' : 'horizontal'}
        current={current}
        onChange={o.canWrite && !set.isPending ? (i) => set.mutate(i) : undefined}
        items={PROCUREMENT_STEPS.map((s) => ({ title: <span data-testid={`procurement-${s}`}>{t(`pipeline:procurement.${s}`)}</span> }))}
      />
    </div>
  );
}

/** 历史: each stage and status the project went through, with the days it spent there. */
function HistoryTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  if (o.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="opportunity-history"
      items={[...o.history].reverse().map((h) => ({
        key: h.id,
        color: h.toStatus === 'won' ? 'green' : h.toStatus === 'open' ? (h.fromStage !== null && h.toStage < h.fromStage ? 'orange' : 'blue') : 'gray',
        content: (
          <div data-testid={`history-${h.id}`}>
            <Space size={6} wrap>
              <StageTag stage={h.toStage} />
              {h.toStatus !== 'open' && <OpportunityStatusTag status={h.toStatus} />}
              <Typography.Text type="secondary">{t('history.days', { count: h.days })}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.fromStage === null ? t('history.created') : h.fromStatus !== h.toStatus ? t('history.statusChange', { from: t(`pipeline:statuses.${h.fromStatus ?? 'open'}`), to: t(`pipeline:statuses.${h.toStatus}`) }) : t('history.moved', { from: h.fromStage, to: h.toStage })}
                {' · '}
                {h.actor?.name ?? t('history.system')} · <DateTime value={h.at} type="secondary" />
              </Typography.Text>
            </div>
            {h.reason && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{h.reason}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
