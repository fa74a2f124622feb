import { CheckCircleFilled } from '@ant-design/icons';
import { Descriptions, Divider, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevPlan } from '../../../../shared/contracts/opportunities';
import { STAGE_SUPPORT, STAGES } from '../../../../shared/domain/pipeline';
import { ItemList } from '../../../components/ItemList';
import { MoneyText } from '../../../components/MoneyText';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const paragraph = (text: string | null | undefined): ReactNode => (text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph> : none);
const FORECAST_MONEY = ['sales', 'profit', 'staffCost', 'travelCost', 'operatingCost'] as const;

/**
 * 客户开发方案 as a document: what a plan reads like once it is with the director or decided (or
 * for someone who may not change it) — its sections in the form's order and words, not a greyed-out form.
 */
export function DevPlanDocument({ plan }: { plan: DevPlan }) {
  const { t } = useTranslation('opportunities');
  const supportByStage = STAGES.map((s) => ({ stage: s, items: STAGE_SUPPORT[s].filter((i) => plan.support.includes(i)) })).filter((g) => g.items.length);
  const head: DescriptionsProps['items'] = [
    { key: 'strategy', label: t('plan.strategy'), span: 'filled', children: <span data-testid="plan-doc-strategy">{paragraph(plan.strategy)}</span> },
    {
      key: 'advantages',
      label: t('plan.advantages'),
      span: 'filled',
      children: plan.advantages.length ? (
        <Flex wrap gap={4}>
          {plan.advantages.map((a) => (
            <Tag key={a} style={{ marginInlineEnd: 0 }}>
              {t(`pipeline:advantages.${a}`)}
            </Tag>
          ))}
        </Flex>
      ) : (
        none
      ),
    },
    {
      key: 'support',
      label: t('plan.support'),
      span: 'filled',
      children: supportByStage.length ? (
        <Flex vertical gap={4}>
          {supportByStage.map((g) => (
            <div key={g.stage}>
              <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                {t('stageShort', { stage: g.stage })}
              </Typography.Text>
              {g.items.map((i) => t(`pipeline:support.${i}`)).join(t('plan.listSeparator'))}
            </div>
          ))}
        </Flex>
      ) : (
        none
      ),
    },
    { key: 'resources', label: t('plan.resources'), span: 'filled', children: paragraph(plan.resources) },
    { key: 'budget', label: t('plan.budget'), children: <span data-testid="plan-doc-budget"><MoneyText fen={plan.budget} strong /></span> },
  ];
  const f = plan.forecast;
  const forecast: DescriptionsProps['items'] = [
    ...FORECAST_MONEY.map((k) => ({ key: k, label: t(`plan.forecastFields.${k}`), children: <MoneyText fen={f[k]} /> })),
    { key: 'risk', label: t('plan.forecastFields.riskCoefficient'), children: f.riskCoefficient === null ? none : f.riskCoefficient.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
    { key: 'return', label: t('plan.expectedReturn'), children: f.expectedReturn === null ? <Typography.Text type="secondary">{t('plan.needSales')}</Typography.Text> : <span data-testid="plan-expected-return"><MoneyText fen={f.expectedReturn} strong /></span> },
  ];
  return (
    <div data-testid="plan-document">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={head} styles={{ label: { width: 140 } }} />
      <Divider titlePlacement="start" plain>
        {t('plan.steps')}
      </Divider>
      <ItemList
        items={plan.steps}
        rowKey={(s) => `${s.title}:${s.ownerId}:${s.dueOn ?? ''}`}
        empty={t('plan.noSteps')}
        rowProps={() => ({ 'data-testid': 'plan-doc-step' })}
        renderItem={(s) => (
          <Flex gap={8} wrap align="baseline" justify="space-between" style={{ width: '100%' }}>
            <Typography.Text strong={!s.done}>
              {s.done && <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} aria-label={t('plan.stepDone')} />}
              {s.title}
            </Typography.Text>
            <Typography.Text type="secondary">
              {[s.ownerName, s.dueOn, s.stage ? t('stageShort', { stage: s.stage }) : null].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        )}
      />
      <Divider titlePlacement="start" plain>
        {t('plan.forecast')}
      </Divider>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} items={forecast} />
    </div>
  );
}
