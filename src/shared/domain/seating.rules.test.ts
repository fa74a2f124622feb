import { describe, expect, it } from 'vitest';
import {
  bestAdjacency,
  checkPlan,
  compareTablePlaces,
  distributeToTables,
  moveTo,
  neighbourSeat,
  oppositeSeat,
  proposeSeating,
  rankByTitles,
  seatPoint,
  seatPrecedence,
  seatTable,
  swapSeats,
  tablePositions,
  titleLevel,
  type SeatPerson,
} from './seating.rules';

const host = (rank: number, extra: Partial<SeatPerson> = {}): SeatPerson => ({ key: `h${rank}`, name: `主${rank}`, side: 'host', rank, ...extra });
const guest = (rank: number, extra: Partial<SeatPerson> = {}): SeatPerson => ({ key: `g${rank}`, name: `宾${rank}`, side: 'guest', rank, ...extra });
const sideAt = (seats: (string | null)[], people: SeatPerson[]) => seats.map((k) => people.find((p) => p.key === k)?.side ?? null);
/** Pairs of neighbouring seats both held by `side` (interpreters and empty seats count for neither). */
const pairs = (seats: (string | null)[], people: SeatPerson[], side: 'host' | 'guest') => {
  const of = seats.map((k) => people.find((p) => p.key === k && !p.interpreter)?.side ?? null);
  return of.filter((s, i) => s === side && of[(i + 1) % of.length] === side).length;
};
const hosts = (n: number, extra: (r: number) => Partial<SeatPerson> = () => ({})) => Array.from({ length: n }, (_, i) => host(i + 1, extra(i + 1)));
const guests = (n: number) => Array.from({ length: n }, (_, i) => guest(i + 1));

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

  it('rule 4 — a host marked second host sits opposite the host, the second guest on their right', () => {
    const seats = seatTable([host(1), host(2, { secondHost: true }), guest(1), guest(2), guest(3)], 10);
    expect(oppositeSeat(10)).toBe(5);
    expect(seats[5]).toBe('h2');
    expect(seats[neighbourSeat(5, 10, true)]).toBe('g2');
    // the third guest takes the next honour: the host's left
    expect(seats[neighbourSeat(0, 10, false)]).toBe('g3');
  });

  it('rule 4 — nobody sits opposite for being second in rank: an unmarked companion sits among the guests', () => {
    const people = [host(1), host(2), guest(1), guest(2), guest(3)];
    const seats = seatTable(people, 10);
    // the five fill the seats nearest the host (8, 9, 0, 1, 2); the opposite seat stays empty
    expect(seats[5]).toBeNull();
    expect(seats.map((k, i) => (k ? i : null)).filter((i) => i !== null)).toEqual([0, 1, 2, 8, 9]);
    expect(seats[neighbourSeat(0, 10, false)]).toBe('g2');
    // 陪客 h2 is not beside the host
    expect(pairs(seats, people, 'host')).toBe(0);
  });

  it('rule 5 — 翻译人员安排在主宾右侧: the interpreter sits on the chief guest’s right', () => {
    const interp: SeatPerson = { key: 'i', name: '翻译', side: 'host', rank: 9, interpreter: true };
    const seats = seatTable([host(1), guest(1), interp, host(2), guest(2)], 10);
    const chief = seats.indexOf('g1');
    expect(seats[neighbourSeat(chief, 10, true)]).toBe('i');
  });

  it('rule 6 — 主客相互交叉: with equal numbers and no second host, hosts and guests alternate all round', () => {
    const people = [...hosts(5), ...guests(5)];
    const sides = sideAt(seatTable(people, 10), people);
    expect(sides).toEqual(['host', 'guest', 'host', 'guest', 'host', 'guest', 'host', 'guest', 'host', 'guest']);
  });

  it('rule 6 — the fewest of ours side by side is what the open seats allow (bestAdjacency)', () => {
    // a table of six with the host at 0 and guests at 1: two hosts and two guests for seats 2…5
    const marks = ['host', 'guest', null, null, null, null] as const;
    expect(bestAdjacency([...marks], new Set([2, 3, 4, 5]), 2)).toBe(0);
    // three hosts for four seats: four of ours and two guests round six seats make two pairs of ours
    // unavoidable (each weighing n + 1 = 7), and no pair of guests
    expect(bestAdjacency([...marks], new Set([2, 3, 4, 5]), 3)).toBe(14);
    // with an empty seat (seat 5 left out) a pair can fall away: hosts at 2 and 4, a guest at 3
    expect(bestAdjacency(['host', 'guest', null, null, null, null], new Set([2, 3, 4]), 2)).toBe(0);
    // numbers that cannot be met
    expect(bestAdjacency([...marks], new Set([2, 3]), 3)).toBe(Number.POSITIVE_INFINITY);
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

describe.each([6, 8, 10])('a table of %i (宴会管理制度 座次)', (n) => {
  const opposite = oppositeSeat(n);
  const left = neighbourSeat(0, n, false);

  it('the host heads it at seat 0 and 主宾 sits on the host’s right; with equal numbers hosts and guests alternate', () => {
    const people = [...hosts(n / 2), ...guests(n / 2)];
    const seats = seatTable(people, n);
    expect(seats[0]).toBe('h1');
    expect(seats[neighbourSeat(0, n, true)]).toBe('g1');
    expect(seats.every((k) => k !== null)).toBe(true);
    expect(sideAt(seats, people).every((side, i) => side === (i % 2 === 0 ? 'host' : 'guest'))).toBe(true);
    expect(pairs(seats, people, 'host')).toBe(0);
    expect(pairs(seats, people, 'guest')).toBe(0);
    // the second guest on the host's left, the second host in rank on the chief guest's right — not opposite
    expect(seats[left]).toBe('g2');
    expect(seats[2]).toBe('h2');
    expect(seats[opposite]).not.toBe('h2');
  });

  it('with more guests than ours, none of ours sits beside another of ours', () => {
    const people = [...hosts(n / 2 - 1), ...guests(n / 2 + 1)];
    const seats = seatTable(people, n);
    expect(seats[0]).toBe('h1');
    expect(seats[1]).toBe('g1');
    expect(pairs(seats, people, 'host')).toBe(0);
    // each of ours has a guest on either hand
    for (const [s, k] of seats.entries()) {
      if (!k?.startsWith('h')) continue;
      expect([seats[neighbourSeat(s, n, true)]!, seats[neighbourSeat(s, n, false)]!].every((x) => x.startsWith('g'))).toBe(true);
    }
  });

  it('a host marked second host (not the second in rank) sits opposite, the second guest on their right', () => {
    const people = [...hosts(n / 2, (r) => ({ secondHost: r === 3 })), ...guests(n / 2)];
    const seats = seatTable(people, n);
    expect(seats[0]).toBe('h1');
    expect(seats[1]).toBe('g1');
    expect(seats[opposite]).toBe('h3');
    expect(seats[neighbourSeat(opposite, n, true)]).toBe('g2');
    // the opposite seat is even on a table of 8, so the sides still alternate; on 6 and 10 it is odd and
    // one pair of ours (and so one of guests) cannot be avoided — never more
    expect(pairs(seats, people, 'host')).toBe(n === 8 ? 0 : 1);
    expect(pairs(seats, people, 'guest')).toBe(n === 8 ? 0 : 1);
  });

  it('with ours outnumbering the guests, every guest sits between two of ours and ours sit together no more than the numbers force', () => {
    const g = n === 10 ? 3 : 2;
    const people = [...hosts(n - g), ...guests(g)];
    const seats = seatTable(people, n);
    expect(seats[0]).toBe('h1');
    expect(seats[1]).toBe('g1');
    expect(seats[left]).toBe('g2');
    expect(pairs(seats, people, 'guest')).toBe(0);
    // on a full round table of h hosts and g guests, the fewest neighbouring pairs of ours is h − g
    expect(pairs(seats, people, 'host')).toBe(n - 2 * g);
    for (const [s, k] of seats.entries()) if (k?.startsWith('g')) expect([seats[neighbourSeat(s, n, true)], seats[neighbourSeat(s, n, false)]].every((x) => x?.startsWith('h'))).toBe(true);
  });

  it('a part-filled table keeps its empty seats at the far end and the people alternating', () => {
    const people = [...hosts(2), ...guests(2)];
    const seats = seatTable(people, n);
    expect(seats.filter((k) => k !== null)).toHaveLength(4);
    // occupied: the host, both neighbours and the chief guest's right
    expect([0, 1, 2, left].every((s) => seats[s] !== null)).toBe(true);
    expect(pairs(seats, people, 'host')).toBe(0);
  });
});

describe('rank from titles (主宾 is the guest of the highest office)', () => {
  it('reads the seed’s levels from the ending of a title, a department in front lowering a head to a department manager', () => {
    expect(titleLevel('董事长')).toBe(1);
    expect(titleLevel('行长')).toBe(1.1);
    expect(titleLevel('副行长')).toBe(2.1);
    expect(titleLevel('生产副总经理')).toBe(2.1);
    expect(titleLevel('科技部总经理')).toBe(3);
    expect(titleLevel('办公室主任')).toBe(3);
    expect(titleLevel('科技部项目经理')).toBe(4);
    expect(titleLevel('网点运营主管')).toBe(4);
    expect(titleLevel('采购专员')).toBe(5);
    expect(titleLevel('副行长（分管科技）')).toBe(2.1);
    expect(titleLevel('顾问')).toBeNull();
    expect(titleLevel(null)).toBeNull();
    // a bank's deputy president outranks its project manager, its department heads and its clerks
    const bank = ['科技部项目经理', '采购专员', '副行长', '运营管理部总经理', '行长'];
    expect([...bank].sort((a, b) => titleLevel(a)! - titleLevel(b)!)).toEqual(['行长', '副行长', '运营管理部总经理', '科技部项目经理', '采购专员']);
  });

  it('ranks each side by title, keeping the listed order within a level and for unknown titles (after the known)', () => {
    const listed: SeatPerson[] = [
      { key: 'g1', name: '李工', title: '科技部项目经理', side: 'guest', rank: 1 },
      { key: 'g2', name: '周顾问', title: null, side: 'guest', rank: 2 },
      { key: 'g3', name: '赵行', title: '副行长', side: 'guest', rank: 3 },
      { key: 'g4', name: '钱主任', title: '办公室主任', side: 'guest', rank: 4 },
      { key: 'g5', name: '孙主任', title: '信息中心主任', side: 'guest', rank: 5 },
      { key: 'h1', name: '陈思远', title: '客户经理', side: 'host', rank: 1 },
      { key: 'h2', name: '王建国', title: '总经理', side: 'host', rank: 2 },
    ];
    const ranked = rankByTitles(listed);
    expect(Object.fromEntries(ranked.map((p) => [p.key, p.rank]))).toEqual({ g3: 1, g4: 2, g5: 3, g1: 4, g2: 5, h2: 1, h1: 2 });
    // the proposal then seats the 副行长 as 主宾 on the general manager's right
    const plan = proposeSeating(ranked, 10);
    expect(plan.tables[0]!.seats.slice(0, 2)).toEqual(['h2', 'g3']);
  });
});

describe('the second host across tables', () => {
  it('a second host ranked low still sits at the main table, opposite its host; only one is seated there as such', () => {
    const people = [...hosts(10, (r) => ({ secondHost: r === 9 })), ...guests(10)];
    const plan = proposeSeating(people, 10);
    expect(plan.tables).toHaveLength(2);
    expect(plan.tables[0]!.seats[0]).toBe('h1');
    expect(plan.tables[0]!.seats[5]).toBe('h9');
    expect(plan.tables[0]!.seats[6]).toBe('g2');
    expect(plan.tables[1]!.seats[0]).toMatch(/^h/);
    expect(checkPlan(plan)).toEqual([]);
  });

  it('a second host who is the only host heads the table', () => {
    const seats = seatTable([host(1, { secondHost: true }), guest(1), guest(2)], 8);
    expect(seats.slice(0, 2)).toEqual(['h1', 'g1']);
    expect(seats[4]).toBeNull();
  });
});
