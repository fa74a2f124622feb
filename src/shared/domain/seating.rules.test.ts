import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  compareTablePlaces,
  distributeToTables,
  moveTo,
  neighbourSeat,
  oppositeSeat,
  proposeSeating,
  seatPoint,
  seatPrecedence,
  seatTable,
  swapSeats,
  tablePositions,
  type SeatPerson,
} from './seating.rules';

const host = (rank: number, extra: Partial<SeatPerson> = {}): SeatPerson => ({ key: `h${rank}`, name: `主${rank}`, side: 'host', rank, ...extra });
const guest = (rank: number, extra: Partial<SeatPerson> = {}): SeatPerson => ({ key: `g${rank}`, name: `宾${rank}`, side: 'guest', rank, ...extra });
const sideAt = (seats: (string | null)[], people: SeatPerson[]) => seats.map((k) => people.find((p) => p.key === k)?.side ?? null);

describe('banquet seating rules (宴会管理制度)', () => {
  it('rule 1 — 以主人的座位为中心: the top host sits at seat 0 of the main table, whatever order people come in', () => {
    const people = [guest(1), host(2), host(1), guest(2)];
    const plan = proposeSeating(people, 10);
    expect(plan.tables[0]!.no).toBe(1);
    expect(plan.tables[0]!.seats[0]).toBe('h1');
  });

  it('rule 2 — 近高远低，右上左下: seats rank by nearness to the host, right before left', () => {
    expect(seatPrecedence(8, false)).toEqual([1, 7, 2, 6, 3, 5, 4]);
    // with a second host opposite (seat 5 of 10): host's right, second host's right, host's left, second host's left, …
    expect(seatPrecedence(10, true)).toEqual([1, 6, 9, 4, 2, 7, 8, 3]);
    expect(neighbourSeat(0, 10, true)).toBe(1);
    expect(neighbourSeat(0, 10, false)).toBe(9);
  });

  it('rule 3 — 主宾在主人的右手位置: the chief guest sits on the host’s right', () => {
    const seats = seatTable([host(1), guest(2), guest(1), host(2)], 10);
    expect(seats[neighbourSeat(0, 10, true)]).toBe('g1');
  });

  it('rule 4 — the second host sits opposite the host, the second guest on the second host’s right', () => {
    const seats = seatTable([host(1), host(2), guest(1), guest(2), guest(3)], 10);
    expect(oppositeSeat(10)).toBe(5);
    expect(seats[5]).toBe('h2');
    expect(seats[neighbourSeat(5, 10, true)]).toBe('g2');
    // the third guest takes the next honour: the host's left
    expect(seats[neighbourSeat(0, 10, false)]).toBe('g3');
  });

  it('rule 5 — 翻译人员安排在主宾右侧: the interpreter sits on the chief guest’s right', () => {
    const interp: SeatPerson = { key: 'i', name: '翻译', side: 'host', rank: 9, interpreter: true };
    const seats = seatTable([host(1), guest(1), interp, host(2), guest(2)], 10);
    const chief = seats.indexOf('g1');
    expect(seats[neighbourSeat(chief, 10, true)]).toBe('i');
  });

  it('rule 6 — 主客相互交叉: with equal numbers no two hosts and no two guests sit side by side', () => {
    const people = [host(1), host(2), host(3), host(4), host(5), guest(1), guest(2), guest(3), guest(4), guest(5)];
    const seats = seatTable(people, 10);
    const sides = sideAt(seats, people);
    const sameNeighbours = sides.filter((s, i) => s !== null && s === sides[(i + 1) % 10]).length;
    // hosts at 0 and 5 (opposite, different parity) force exactly two same-side pairs on a table of ten; never more
    expect(sameNeighbours).toBeLessThanOrEqual(2);
    // all hosts seated next to each other would give 8; a table of 8 with 4 + 4 and the host at 0 alternates but for the opposite seat
    const eight = [host(1), host(2), host(3), host(4), guest(1), guest(2), guest(3), guest(4)];
    const s8 = sideAt(seatTable(eight, 8), eight);
    expect(s8.filter((s, i) => s === s8[(i + 1) % 8]).length).toBeLessThanOrEqual(2);
    expect(s8.every((s) => s !== null)).toBe(true);
  });

  it('rule 7 — 桌次以距主桌远近而定，右高左低: nearer tables first, the right before the left', () => {
    const places = tablePositions(5);
    expect(places[0]).toEqual({ no: 1, x: 0, y: 0 });
    expect(places[1]).toMatchObject({ no: 2, x: 1, y: 0 });
    expect(places[2]).toMatchObject({ no: 3, x: -1, y: 0 });
    const d = places.map((p) => Math.hypot(p.x, p.y));
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(compareTablePlaces({ x: 1, y: 1 }, { x: -1, y: 1 })).toBeLessThan(0);
    expect(compareTablePlaces({ x: -1, y: 0 }, { x: 2, y: 0 })).toBeLessThan(0);
  });

  it('rule 8 — the main table takes the top ranks; every table is headed by a host', () => {
    const people = [...[1, 2, 3, 4, 5, 6, 7, 8].map((r) => host(r)), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => guest(r))];
    const tables = distributeToTables(people, 10);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.map((p) => p.key)).toEqual(expect.arrayContaining(['h1', 'h2', 'g1', 'g2']));
    expect(tables.every((t) => t.length <= 10)).toBe(true);
    const plan = proposeSeating(people, 10);
    for (const t of plan.tables) expect(people.find((p) => p.key === t.seats[0])?.side).toBe('host');
    expect(checkPlan(plan)).toEqual([]);
  });

  it('edits — swap and move keep everyone seated once; a broken plan is reported', () => {
    const people = [host(1), guest(1), guest(2), host(2)];
    const plan = proposeSeating(people, 6);
    const swapped = swapSeats(plan, { table: 0, seat: 0 }, { table: 0, seat: 1 });
    expect(swapped.tables[0]!.seats[0]).toBe('g1');
    expect(swapped.tables[0]!.seats[1]).toBe('h1');
    const moved = moveTo(plan, 'g2', { table: 0, seat: 0 });
    expect(moved.tables[0]!.seats[0]).toBe('g2');
    expect(checkPlan({ ...moved, people })).toEqual([]);
    const broken = { ...plan, tables: [{ ...plan.tables[0]!, seats: ['h1', 'h1', 'x', null, null, null] }] };
    expect(checkPlan(broken).map((p) => p.code).sort()).toEqual(['notSeated', 'notSeated', 'notSeated', 'seatedTwice', 'unknownPerson']);
  });

  it('drawing — seat 0 at the top, the host’s right to the screen’s left (door at the bottom)', () => {
    const top = seatPoint(0, 8, 10);
    expect(top.y).toBeCloseTo(-10);
    expect(seatPoint(2, 8, 10).x).toBeCloseTo(-10);
  });
});
