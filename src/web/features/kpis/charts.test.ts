import { describe, expect, it } from 'vitest';
import type { AttainmentRow } from '../../../shared/contracts/kpis';
import { monthOption } from './charts';

const row: AttainmentRow = {
  kind: 'unit', id: 2, name: '大客户部', role: 'total', position: null,
  target: { base: 300, stretch: 360, challenge: 450 }, actual: 40, completion: 40 / 300, expected: 200, forecast: 55, status: 'behind',
  months: [{ month: 10, target: 100, actual: 40 }, { month: 11, target: 100, actual: 0 }, { month: 12, target: 100, actual: 0 }],
};
const text = { target: 'T', actual: 'A', month: (m: number) => `${m}月`, figure: (v: number) => `${v} 元`, scale: (v: number) => v / 10 };

describe('the month chart of the total row', () => {
  it('draws the actual as bars and the base target as a line, scaled; a month not begun has no bar', () => {
    const option = monthOption(row, 2026, '2026-11-15', text) as { series: { type: string; data: (number | null)[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['10月', '11月', '12月']);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [4, 0, null] });
    expect(option.series[1]).toMatchObject({ type: 'line', data: [10, 10, 10] });
  });

  it('writes the tooltip in the page’s figures, — for a month not begun', () => {
    const option = monthOption(row, 2026, '2026-11-15', text) as unknown as { tooltip: { formatter: (p: unknown) => string } };
    const html = option.tooltip.formatter([
      { seriesName: 'A', dataIndex: 2, marker: '', name: '12月' },
      { seriesName: 'T', dataIndex: 2, marker: '', name: '12月' },
    ]);
    expect(html).toBe('12月<br/>A: —<br/>T: 100 元');
  });
});
