import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardKind } from '../../../../shared/contracts/scorecards';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { EChart } from '../../pipeline';
import { useScorecardTrend } from '../api';
import { trendOption } from '../charts';

// the parts this chart draws beyond the pipeline's bars: the line and the threshold's mark
use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** 近 12 期得分: a person's totals of a kind, the threshold as a dashed line. */
export function TrendChart({ userId, kind }: { userId: number; kind: ScorecardKind }) {
  const { t } = useTranslation('scorecards');
  const q = useScorecardTrend(userId, kind);
  const option = useMemo(() => (q.data ? trendOption(q.data, { total: t('card.total'), threshold: t('card.thresholdShort'), period: (k) => k }) : null), [q.data, t]);
  return (
    <Card size="small" title={t('card.trend')} className="scorecard-no-print">
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!q.data && !q.isError && <Skeleton active paragraph={{ rows: 3 }} />}
      {q.data && q.data.points.length === 0 && <Empty description={t('card.noTrend')} />}
      {option && q.data && q.data.points.length > 0 && <EChart option={option} height={240} testId="scorecard-trend" />}
    </Card>
  );
}
