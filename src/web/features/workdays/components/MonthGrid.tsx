import { Card, Flex, theme, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/domain/workdays';
import { dayKind, monthKey, monthWeeks, namedRuns, type DayKind } from '../rules';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The colours of a kind of day (the legend uses them too). */
export function useDayStyle() {
  const { token } = theme.useToken();
  return (kind: DayKind, edited = false): CSSProperties => ({
    background: kind === 'off' ? token.colorErrorBg : kind === 'worked' ? token.colorInfoBg : 'transparent',
    color: kind === 'off' ? token.colorError : kind === 'worked' ? token.colorInfo : kind === 'weekend' ? token.colorTextTertiary : token.colorText,
    outline: edited ? `2px dashed ${token.colorWarning}` : undefined,
    outlineOffset: -2,
  });
}

interface Props {
  year: number;
  month: number;
  /** the year's days with the unsaved edits applied, by date */
  listed: ReadonlyMap<string, CalendarDay>;
  days: readonly CalendarDay[];
  edited: ReadonlySet<string>;
  onPick: (date: string) => void;
}

/**
 * One month as a small grid, Monday first: holidays (休) and make-up days (班) coloured and named (the cell's
 * title, and the month's runs of named days below the grid); a day with an unsaved change is outlined.
 */
export function MonthGrid({ year, month, listed, days, edited, onPick }: Props) {
  const { t } = useTranslation('workdays');
  const { token } = theme.useToken();
  const style = useDayStyle();
  const key = monthKey(year, month);
  const cell: CSSProperties = { height: 34, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', borderRadius: token.borderRadiusSM, fontSize: 13, lineHeight: 1.1 };
  return (
    <Card size="small" title={t(`months.${month}`)} data-testid={`month-${key}`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEKDAY_KEYS.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            {t(`weekdays.${w}`)}
          </Typography.Text>
        ))}
        {monthWeeks(year, month)
          .flat()
          .map((date, i) => {
            if (!date) return <span key={`blank-${i}`} />;
            const kind = dayKind(date, listed);
            const named = listed.get(date);
            const label = [date, named?.name, t(`kinds.${kind}`)].filter(Boolean).join(' ');
            return (
              <button
                key={date}
                type="button"
                title={label}
                aria-label={label}
                data-testid={`day-${date}`}
                data-kind={kind}
                onClick={() => onPick(date)}
                style={{ ...cell, ...style(kind, edited.has(date)), border: 'none', cursor: 'pointer', padding: 0, fontFamily: 'inherit' }}
              >
                <span>{Number(date.slice(8))}</span>
                {(kind === 'off' || kind === 'worked') && <span style={{ fontSize: 10 }}>{t(`kinds.${kind}`)}</span>}
              </button>
            );
          })}
      </div>
      <Flex vertical gap={2} style={{ marginTop: 6, minHeight: 20 }}>
        {namedRuns(days, key).map((r) => (
          <Typography.Text key={r.from} style={{ fontSize: 12, color: r.off ? token.colorError : token.colorInfo }} data-testid={`run-${r.from}`}>
            {r.name} {t(`kinds.${r.off ? 'off' : 'worked'}`)} {r.from === r.to ? t('runDay', { day: Number(r.from.slice(8)) }) : t('runRange', { from: Number(r.from.slice(8)), to: Number(r.to.slice(8)) })}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}
