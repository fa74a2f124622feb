import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecoveryState } from '../../../shared/contracts/recovery';
import type { HealthBand, MeasureResult } from '../../../shared/domain/health';
import { measureText, type Translate } from '../../../shared/domain/health-text';
import { useMoney } from '../../components/display';

export const STATE_COLOR: Record<RecoveryState, string> = { open: 'orange', in_progress: 'processing', won_back: 'success', lost: 'default' };
const BAND_COLOR: Record<HealthBand, string> = { green: 'success', yellow: 'warning', red: 'error' };

export function StateTag({ state }: { state: RecoveryState }) {
  const { t } = useTranslation('recovery');
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid="recovery-state" data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** A health score with its band's colour ("38 · 红"), or — before any recompute. */
export function ScoreTag({ score, band }: { score: number | null; band: HealthBand | null }) {
  const { t } = useTranslation('health');
  if (score === null || band === null) return <Tag style={{ marginInlineEnd: 0 }}>—</Tag>;
  return (
    <Tag color={BAND_COLOR[band]} style={{ marginInlineEnd: 0 }}>
      {score} · {t(`bands.${band}`)}
    </Tag>
  );
}

/** The drivers as sentences in the reader's language and money unit. */
export function useDriverTexts() {
  const { t } = useTranslation('health');
  const money = useMoney();
  return (drivers: readonly MeasureResult[]) => drivers.map((d) => measureText(t as unknown as Translate, d, money));
}
