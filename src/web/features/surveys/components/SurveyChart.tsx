import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '../../pipeline';

// the parts the survey charts draw beyond the pipeline's bars: the trend's line and the target's line
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** The pipeline room's chart box with the survey charts' parts registered. */
export function SurveyChart({ option, height, testId }: { option: ChartOption; height?: number; testId?: string }) {
  return <EChart option={option} height={height} testId={testId} />;
}
