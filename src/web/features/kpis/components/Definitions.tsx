import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { KPI_DEFINITIONS } from '../../../../shared/contracts/kpis';
import type { TargetMetric } from '../../../../shared/contracts/targets';
import { DefinitionItem } from './KpiDefinition';

/** 计算口径: how the metric is computed (formula, source, date rule) and how completion, the expected part, the forecast and the status follow. */
export function Definitions({ metric }: { metric: TargetMetric }) {
  const { t } = useTranslation('kpis');
  const def = KPI_DEFINITIONS[metric];
  const item = (label: string, text: string, testId?: string) => <DefinitionItem label={label} text={text} testId={testId} />;
  const content = (
    <div style={{ width: 'min(420px, calc(100vw - 48px))' }} data-testid="kpis-definitions">
      {item(t('definitions.formula'), t(def.formula), 'kpis-def-formula')}
      {item(t('definitions.source'), t(def.source))}
      {item(t('definitions.date'), t(def.date))}
      {item(t('definitions.pace'), t('definitions.paceText'))}
      {item(t('definitions.statuses'), t('definitions.statusesText'))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('definitions.targets')}
      </Typography.Text>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('definitions.title', { metric: t(`metrics.${metric}`) })} content={content}>
      <Button icon={<QuestionCircleOutlined />} data-testid="kpis-definitions-open">
        {t('definitions.button')}
      </Button>
    </Popover>
  );
}
