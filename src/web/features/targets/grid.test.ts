import { describe, expect, it } from 'vitest';
import type { TargetCell, TargetRow } from '../../../shared/contracts/targets';
import { emptyMonths } from '../../../shared/domain/targets';
import { applyEdits, changeLines, editCount, editedCells, editRow, fillRow, fromInput, hasSeason, issueCell, monthRange, peerAverages, toInput, unallocatedOf, withLevel } from './grid';

const cell = (base: number, stretch: number | null = null, challenge: number | null = null): TargetCell => ({ base, stretch, challenge });
const row = (kind: TargetRow['kind'], id: number, role: TargetRow['role'], over: Partial<TargetRow> = {}): TargetRow => ({
  kind,
  id,
  name: `${kind}${id}`,
  role,
  position: null,
  months: emptyMonths(),
  ownAverage: Array<number>(12).fill(0),
  lastYear: Array<number>(12).fill(0),
  editable: true,
  changeable: false,
  ...over,
});
const flat = (v: number) => Array<number>(12).fill(v);

describe('target grid', () => {
  it('keeps only the cells that differ from the server, and sends them in row and month order', () => {
    const total = row('unit', 1, 'total');
    const chen = row('user', 7, 'child');
    let edits = editRow({}, chen, chen.months.map((c, m) => (m === 8 ? cell(500) : m === 6 ? cell(100) : c)));
    edits = editRow(edits, total, total.months.map((c, m) => (m === 0 ? cell(1, 2, 3) : c)));
    expect(editCount(edits)).toBe(3);
    expect(editedCells([total, chen], edits)).toEqual([
      { kind: 'unit', id: 1, month: 1, base: 1, stretch: 2, challenge: 3 },
      { kind: 'user', id: 7, month: 7, base: 100, stretch: null, challenge: null },
      { kind: 'user', id: 7, month: 9, base: 500, stretch: null, challenge: null },
    ]);
    expect(applyEdits([total, chen], edits)[1]!.months[8]).toEqual(cell(500));
    // typed back to what the server has: nothing left to save for that row
    edits = editRow(edits, chen, chen.months);
    expect(editCount(edits)).toBe(1);
    expect(Object.keys(edits)).toEqual(['unit:1']);
  });

  it('sets one level: an empty base is 0, an empty stretch or challenge unset', () => {
    expect(withLevel(cell(5, 6, 7), 'base', null)).toEqual(cell(0, 6, 7));
    expect(withLevel(cell(5, 6, 7), 'stretch', null)).toEqual(cell(5, null, 7));
    expect(withLevel(cell(5), 'challenge', 9)).toEqual(cell(5, null, 9));
  });

  it('averages the peers of a row: the other rows of its kind, none for the total', () => {
    const rows = [
      row('unit', 1, 'total', { ownAverage: flat(1000) }),
      row('unit', 2, 'child', { ownAverage: flat(40) }),
      row('user', 7, 'child', { ownAverage: flat(100) }),
      row('user', 8, 'child', { ownAverage: flat(200) }),
      row('user', 9, 'child', { ownAverage: flat(600) }),
    ];
    const peers = peerAverages(rows);
    expect(peers[0]).toBeNull();
    expect(peers[1]).toBeNull();
    expect(peers[2]![0]).toBe(400);
    expect(peers[4]![11]).toBe(150);
  });

  it('counts the hidden colleagues into the unallocated rest, per level', () => {
    const total = row('unit', 1, 'total', { months: emptyMonths().map(() => cell(100, 150)) });
    const me = row('user', 7, 'child', { months: emptyMonths().map(() => cell(30)) });
    const hiddenSum = emptyMonths().map(() => cell(50, 80));
    expect(unallocatedOf([total, me], { hiddenRows: 0, hiddenSum }, 'base')[0]).toBe(70);
    expect(unallocatedOf([total, me], { hiddenRows: 2, hiddenSum }, 'base')[0]).toBe(20);
    // stretch: the total's 150 less my 30 (my stretch reads as my base) and the colleagues' 80
    expect(unallocatedOf([total, me], { hiddenRows: 2, hiddenSum }, 'stretch')[5]).toBe(40);
    expect(unallocatedOf([me], { hiddenRows: 0, hiddenSum }, 'base')).toEqual(flat(0));
  });

  it('fills a row evenly or by last year over a range of months, leaving the others', () => {
    const r = row('user', 7, 'child', { months: emptyMonths().map(() => cell(9)), lastYear: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 5, ] });
    const h2 = monthRange(7, 12);
    expect(h2).toEqual([6, 7, 8, 9, 10, 11]);
    expect(monthRange(12, 10)).toEqual([9, 10, 11]);
    const even = fillRow(r, 'base', 30_000_000, h2, 'even');
    expect(even.map((c) => c.base)).toEqual([9, 9, 9, 9, 9, 9, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 5_000_000]);
    const season = fillRow(r, 'stretch', 1000, h2, 'season');
    expect(season.slice(6).map((c) => c.stretch)).toEqual([100, 100, 100, 100, 100, 500]);
    expect(season[0]).toEqual(cell(9));
    // an odd amount still adds up
    expect(fillRow(r, 'base', 100, monthRange(1, 3), 'even').slice(0, 3).map((c) => c.base)).toEqual([34, 33, 33]);
    expect(hasSeason(r, monthRange(1, 6))).toBe(false);
    expect(hasSeason(r, h2)).toBe(true);
  });

  it('reads money in 元 (stored fen) and counts as whole numbers', () => {
    expect(toInput('sales', 5_000_000)).toBe(50_000);
    expect(fromInput('sales', 50_000.456)).toBe(5_000_046);
    expect(fromInput('collections', null)).toBeNull();
    expect(toInput('visits', 12)).toBe(12);
    expect(fromInput('visits', 12.6)).toBe(13);
    expect(fromInput('visits', -3)).toBe(0);
  });

  it('finds the cell a 400 names by the index of the cells sent', () => {
    const sent = [
      { kind: 'unit' as const, id: 1, month: 3, base: 5, stretch: 4, challenge: null },
      { kind: 'user' as const, id: 7, month: 9, base: 5, stretch: null, challenge: null },
    ];
    expect(issueCell('cells.0.stretch', sent)).toEqual({ key: 'unit:1', month: 2, level: 'stretch' });
    expect(issueCell('cells.1', sent)).toEqual({ key: 'user:7', month: 8, level: null });
    expect(issueCell('cells.5.base', sent)).toBeNull();
    expect(issueCell('version', sent)).toBeNull();
  });

  it('asks to change only the months whose value at the level moves', () => {
    const r = row('user', 8, 'child', { months: emptyMonths().map(() => cell(5_000_000)) });
    expect(changeLines(r, 'base', { 8: 4_000_000, 9: 5_000_000, 10: null })).toEqual([{ kind: 'user', id: 8, month: 9, level: 'base', value: 4_000_000 }]);
    // an unset stretch reads as the base: the same value is no change
    expect(changeLines(r, 'stretch', { 0: 5_000_000, 1: 6_000_000 })).toEqual([{ kind: 'user', id: 8, month: 2, level: 'stretch', value: 6_000_000 }]);
  });
});
