import type { TFunction } from 'i18next';
import type { MeasureResultOut } from '../../../shared/contracts/health';
import type { HealthBand } from '../../../shared/domain/health';
import { measureText as sentence, type Translate } from '../../../shared/domain/health-text';

export const BAND_COLOR: Record<HealthBand, string> = { green: 'success', yellow: 'warning', red: 'error' };
export const BAND_HEX: Record<HealthBand, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

/** A measure as a sentence ("近 47 天未拜访，政策为 30 天"), from its raw value and detail; money in the user's unit. */
export function measureText(t: TFunction, m: Pick<MeasureResultOut, 'measure' | 'raw' | 'detail'>, money: (fen: number) => string): string {
  return sentence(t as unknown as Translate, m, money);
}
