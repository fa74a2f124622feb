import { describe, expect, it } from 'vitest';
import { KPI_KEYS, KPI_LIBRARY } from '../../../shared/contracts/kpis';
import { boardPath, groupsOf, KPI_GROUP_KEYS, KPI_GROUPS, KPI_PARTS, kpiText, partNumber, subjectPath, targetUnit } from './library';

const f = { money: (fen: number) => `¥${fen / 100}`, locale: 'zh-CN' };

describe('the KPI library on the web', () => {
  it('puts every KPI in exactly one group', () => {
    const grouped = KPI_GROUP_KEYS.flatMap((g) => KPI_GROUPS[g]);
    expect([...grouped].sort()).toEqual([...KPI_KEYS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('lists the groups in the library’s order with the KPIs held, leaving out a group with none', () => {
    expect(groupsOf(['archive_timeliness', 'visits', 'sales', 'projects_won'])).toEqual([
      { group: 'sales', keys: ['sales'] },
      { group: 'development', keys: ['visits', 'projects_won'] },
      { group: 'archive', keys: ['archive_timeliness'] },
    ]);
    expect(groupsOf([])).toEqual([]);
  });

  it('writes a percent to one decimal, money through the money format, a count whole, none as —', () => {
    expect(kpiText(87.345, 'percent', f)).toBe('87.3%');
    expect(kpiText(100, 'percent', f)).toBe('100.0%');
    expect(kpiText(1234.56, 'percent', f)).toBe('1,234.6%');
    expect(kpiText(-12.05, 'percent', f)).toBe('-12.1%');
    expect(kpiText(123456, 'amount', f)).toBe('¥1234.56');
    expect(kpiText(0, 'amount', f)).toBe('¥0');
    expect(kpiText(12345, 'count', f)).toBe('12,345');
    expect(kpiText(0, 'count', f)).toBe('0');
    for (const unit of ['percent', 'amount', 'count'] as const) {
      expect(kpiText(null, unit, f)).toBe('—');
      expect(kpiText(undefined, unit, f)).toBe('—');
    }
    expect(kpiText(87.3, 'percent', { ...f, locale: 'en' })).toBe('87.3%');
  });

  it('counts a ratio’s parts whole, completeness points to at most one decimal', () => {
    expect(partNumber(1200, 'visits', 'zh-CN')).toBe('1,200');
    expect(partNumber(7, 'accounts', 'en')).toBe('7');
    expect(partNumber(1234.56, 'points', 'zh-CN')).toBe('1,234.6');
    expect(partNumber(8500, 'points', 'zh-CN')).toBe('8,500');
  });

  it('gives a ratio both parts and a sum or count none (the contract’s null denominator)', () => {
    for (const key of KPI_KEYS) expect(KPI_PARTS[key].denominator === null, key).toBe(KPI_LIBRARY[key].unit !== 'percent');
    // an amount's or count's numerator is the value itself: money for amounts, a thing for counts
    for (const key of KPI_KEYS.filter((k) => KPI_LIBRARY[k].unit !== 'percent')) expect(KPI_PARTS[key].numerator === 'amount', key).toBe(KPI_LIBRARY[key].unit === 'amount');
  });

  it('measures a target in its metric’s unit: money for 签约额, a count for visits, none without a metric or for a ratio', () => {
    expect(targetUnit('sales')).toBe('amount');
    // its target is its denominator already
    expect(targetUnit('sales_completion')).toBeNull();
    expect(targetUnit('collections')).toBe('amount');
    expect(targetUnit('visits')).toBe('count');
    expect(targetUnit('new_accounts')).toBe('count');
    expect(targetUnit('churn_rate')).toBeNull();
  });

  it('links a subject’s page and a unit’s board for a period', () => {
    expect(subjectPath({ kind: 'user', id: 12 }, '2026-Q4')).toBe('/kpis/subject/user:12?period=2026-Q4');
    expect(subjectPath({ kind: 'unit', id: 3 })).toBe('/kpis/subject/unit:3');
    expect(boardPath(undefined, '2026-03..2026-08')).toBe('/kpis?period=2026-03..2026-08');
    expect(boardPath(5, '2026')).toBe('/kpis?unitId=5&period=2026');
  });
});
