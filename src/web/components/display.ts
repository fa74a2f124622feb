import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../shared/domain/money';
import { dayjsLocale, formatDateTime } from './DateTime';
import { formatInstant, moneyText } from './format';

/** How this person reads money, and the business time zone times are printed in (both from /api/auth/me). */
export interface Display {
  moneyUnit: MoneyUnit;
  timeZone: string;
}

const DisplayContext = createContext<Display>({ moneyUnit: 'yuan', timeZone: 'Asia/Shanghai' });

/** The app's session provides it (app/auth.tsx); outside a session money reads in 元. */
export const DisplayProvider = DisplayContext.Provider;

export function useDisplay(): Display {
  return useContext(DisplayContext);
}

/** fen → text in the reader's unit and language, for sentences, tooltips and charts (on a page: MoneyText). */
export function useMoney(): (fen: number | null | undefined) => string {
  const { moneyUnit } = useDisplay();
  const { t, i18n } = useTranslation('common');
  return useCallback((fen: number | null | undefined) => moneyText(fen, moneyUnit, t, i18n.language), [moneyUnit, t, i18n.language]);
}

type TimeFormat = 'date' | 'dateTime' | { pattern: string };

/**
 * An instant as text in the business time zone, whatever the browser's (print forms): the
 * language's 'date' or 'dateTime' format, or a form's own pattern; none → ''.
 */
export function useBusinessTime(): (value: string | null | undefined, format?: TimeFormat) => string {
  const { timeZone } = useDisplay();
  const { t, i18n } = useTranslation('common');
  return useCallback(
    (value: string | null | undefined, format: TimeFormat = 'dateTime') => {
      if (!value) return '';
      return typeof format === 'string' ? formatDateTime(value, format, t, i18n.language, timeZone) : formatInstant(value, format.pattern, dayjsLocale(i18n.language), timeZone);
    },
    [timeZone, t, i18n.language],
  );
}
