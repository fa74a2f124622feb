import { QuestionCircleOutlined } from '@ant-design/icons';
import { Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiKey } from '../../../../shared/contracts/kpis';

/** One line of a 计算口径: its label in bold over its text. */
export function DefinitionItem({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong style={{ display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text data-testid={testId}>{text}</Typography.Text>
    </div>
  );
}

/** 计算口径 of one KPI of the library: its formula, data source and date rule (the kpis words `library.<key>`). */
export function KpiDefinition({ kpi }: { kpi: KpiKey }) {
  const { t } = useTranslation('kpis');
  return (
    <div data-testid={`kpis-def-${kpi}`}>
      <DefinitionItem label={t('definitions.formula')} text={t(`library.${kpi}.formula`)} testId={`kpis-def-formula-${kpi}`} />
      <DefinitionItem label={t('definitions.source')} text={t(`library.${kpi}.source`)} />
      <DefinitionItem label={t('definitions.date')} text={t(`library.${kpi}.date`)} />
    </div>
  );
}

/** A KPI's name as a column heading: pointing at it shows its 计算口径. */
export function KpiTitle({ kpi, children }: { kpi: KpiKey; children?: ReactNode }) {
  const { t } = useTranslation('kpis');
  return (
    <Popover
      title={t('definitions.kpiTitle', { name: t(`library.${kpi}.name`) })}
      content={
        <div style={{ width: 'min(360px, calc(100vw - 48px))', whiteSpace: 'normal', fontWeight: 'normal', textAlign: 'start' }}>
          <KpiDefinition kpi={kpi} />
        </div>
      }
    >
      <span style={{ cursor: 'help', whiteSpace: 'nowrap' }} data-testid={`kpis-col-${kpi}`}>
        {children ?? t(`library.${kpi}.name`)} <QuestionCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
      </span>
    </Popover>
  );
}
