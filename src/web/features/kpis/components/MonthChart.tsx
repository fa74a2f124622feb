import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttainmentRow } from '../../../../shared/contracts/kpis';
import type { TargetMetric } from '../../../../shared/contracts/targets';
import { EChart, toWan } from '../../pipeline';
import { monthOption } from '../charts';
import { isMoney, useFigure } from '../helpers';

// the parts this chart draws beyond the pipeline's bars: the target's line
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The total row by month, target against actual (a period of several months). */
export function MonthChart({ row, metric, year, today }: { row: AttainmentRow; metric: TargetMetric; year: number; today: string }) {
  const { t } = useTranslation('kpis');
  const figure = useFigure(metric);
  const money = isMoney(metric);
  const option = useMemo(
    () =>
      monthOption(row, year, today, {
        target: t('chart.target'),
        actual: t('chart.actual'),
        month: (m) => t(`months.${m}`),
        figure,
        axisUnit: money ? t('chart.wan') : undefined,
        scale: money ? toWan : undefined,
      }),
    [row, year, today, t, figure, money],
  );
  return <EChart option={option} height={260} testId="kpis-chart" />;
}
