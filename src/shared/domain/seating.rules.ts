/**
 * Banquet seating (SPEC ACT-7) by the precedence rules of 宴会管理制度 (seed 000 §二(四) and seed
 * 001 §三(四)), as pure functions the server proposes with and the web edits with.
 *
 * Geometry. Every table is round with `n` seats numbered 0…n−1. Seat 0 is the table's centre
 * seat — the host's, facing the door (面门为上). Everyone faces the middle of the table, so each
 * person's right hand points the same way round: the seat on the right of seat s is s+1, on its
 * left s−1 (mod n). The seat opposite the host is ⌊n/2⌋.
 *
 * The rules, each its own function below:
 *  1. 以主人的座位为中心 — the highest-ranked host sits at seat 0 of the main table.
 *  2. 近高远低，右上左下 — seats rank by nearness to a centre seat, then right above left.
 *  3. 把主宾安排在主人的右手位置 — the chief guest sits on the host's right.
 *  4. 以主人和女主人为基准 / 第二主人右侧的第二主宾 (seed 001 服务顺序) — the second host sits
 *     opposite the host, with the second guest on the second host's right.
 *  5. 翻译人员安排在主宾右侧 — an interpreter sits on the chief guest's right (seed 001).
 *  6. 主人方面的陪客尽可能与客人相互交叉 — hosts and guests alternate as far as the numbers allow.
 *  7. 桌次以距主桌的远近而定，以主桌为基准右高左低、近高远低 — table order by distance from the
 *     main table, then right above left (seen from the main table's host, facing the door).
 *  8. Each further table is headed by the best-ranked host left for it (主客双方的身份要对等),
 *     and higher ranks go to better tables.
 */

export type Side = 'host' | 'guest';

export interface SeatPerson {
  /** unique within a plan */
  key: string;
  name: string;
  title?: string | null;
  side: Side;
  /** 1 is the highest */
  rank: number;
  /** an interpreter (翻译) — seated on the chief guest's right */
  interpreter?: boolean;
}

export interface SeatTable {
  /** 1 = the main table (主桌); numbers follow rule 7 */
  no: number;
  /** position in the hall relative to the main table: x > 0 is the main host's right (screen left of a door-at-bottom plan), y grows towards the door */
  x: number;
  y: number;
  /** person keys by seat index, null for an empty seat */
  seats: (string | null)[];
}

export interface SeatingPlan {
  seatsPerTable: number;
  people: SeatPerson[];
  tables: SeatTable[];
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** Rule 4 — the seat opposite the centre seat. */
export function oppositeSeat(n: number): number {
  return Math.floor(n / 2);
}

/** The seat on the right (right = true) or left of seat s, as its occupant sees it (everyone faces the middle). */
export function neighbourSeat(s: number, n: number, right: boolean): number {
  return mod(s + (right ? 1 : -1), n);
}

/**
 * Rule 2 — the seats of a table from most to least honoured, given its centre seats (the host's at
 * 0 and, with a second host, the opposite one): nearer a centre seat first; at equal distance the
 * right before left, then
 * the host's seats before the second host's (主宾 host's right, 第二主宾 second host's right, then the lefts).
 */
export function seatPrecedence(n: number, withSecondHost: boolean): number[] {
  const centres = withSecondHost ? [0, oppositeSeat(n)] : [0];
  const order: number[] = [];
  const seen = new Set<number>(centres);
  for (let d = 1; d < n; d++) {
    for (const right of [true, false]) {
      for (const c of centres) {
        const s = mod(c + (right ? d : -d), n);
        if (!seen.has(s)) {
          seen.add(s);
          order.push(s);
        }
      }
    }
  }
  return order;
}

/** Hosts and guests each ordered by rank (then name, for a stable result); interpreters apart. */
export function byRank(people: readonly SeatPerson[]): { hosts: SeatPerson[]; guests: SeatPerson[]; interpreters: SeatPerson[] } {
  const sorted = [...people].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
  return {
    hosts: sorted.filter((p) => p.side === 'host' && !p.interpreter),
    guests: sorted.filter((p) => p.side === 'guest' && !p.interpreter),
    interpreters: sorted.filter((p) => p.interpreter),
  };
}

/**
 * Rule 7 — hall positions of `count` tables: the main table at (0, 0), then the free slots of a
 * grid around it by distance from it, right (x > 0) above left at equal distance, front row
 * (nearer the main table's row) first.
 */
export function tablePositions(count: number): { no: number; x: number; y: number }[] {
  const slots: { x: number; y: number }[] = [];
  const span = Math.max(1, Math.ceil(Math.sqrt(count)));
  for (let y = 0; y <= span; y++) for (let x = -span; x <= span; x++) if (x !== 0 || y !== 0) slots.push({ x, y });
  slots.sort(compareTablePlaces);
  return [{ no: 1, x: 0, y: 0 }, ...slots.slice(0, Math.max(0, count - 1)).map((s, i) => ({ no: i + 2, ...s }))];
}

/** Rule 7's order of two places in the hall: nearer the main table first, then the main table's row, then right before left. */
export function compareTablePlaces(a: { x: number; y: number }, b: { x: number; y: number }): number {
  const da = Math.hypot(a.x, a.y);
  const db = Math.hypot(b.x, b.y);
  if (Math.abs(da - db) > 1e-9) return da - db;
  const side = (p: { x: number }) => (p.x > 0 ? 0 : p.x === 0 ? 1 : 2);
  return a.y - b.y || side(a) - side(b);
}

/**
 * Rule 8 — splits people into tables of n seats: the main table takes the top ranks, each table
 * takes hosts and guests in the proportion left to seat and at least one host to head it.
 * Interpreters go to the main table (they serve the chief guest).
 */
export function distributeToTables(people: readonly SeatPerson[], n: number): SeatPerson[][] {
  const { hosts, guests, interpreters } = byRank(people);
  const total = people.length;
  const count = Math.max(1, Math.ceil(total / n));
  const out: SeatPerson[][] = [];
  const h = [...hosts];
  const g = [...guests];
  for (let t = 0; t < count; t++) {
    const table: SeatPerson[] = [];
    if (t === 0) table.push(...interpreters.slice(0, n - 2));
    const left = h.length + g.length;
    const tablesLeft = count - t;
    const capacity = Math.min(n - table.length, Math.ceil(left / tablesLeft));
    let hostShare = left ? Math.round((h.length * capacity) / left) : 0;
    if (h.length && hostShare === 0) hostShare = 1;
    hostShare = Math.min(hostShare, h.length, capacity);
    const guestShare = Math.min(g.length, capacity - hostShare);
    table.push(...h.splice(0, hostShare + Math.max(0, capacity - hostShare - guestShare)), ...g.splice(0, guestShare));
    out.push(table);
  }
  // extra interpreters beyond the main table, and anyone the rounding left over, to the last tables with room
  const rest = [...interpreters.slice(n - 2), ...h, ...g];
  for (const p of rest) {
    const room = out.find((tb) => tb.length < n);
    if (room) room.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * Rules 1, 3, 4, 5, 6 on one table: host at 0; chief guest on their right; interpreter on the
 * chief guest's right; second host opposite with the second guest on their right; the other
 * seats in precedence order (rule 2), each given to the side its seated neighbours are not
 * (guests first when both or neither), best rank first.
 */
export function seatTable(people: readonly SeatPerson[], n: number): (string | null)[] {
  const seats: (string | null)[] = Array.from({ length: n }, () => null);
  const { hosts, guests, interpreters } = byRank(people);
  const sideOf = new Map(people.map((p) => [p.key, p.interpreter ? null : p.side]));
  const take = (s: number, p: SeatPerson | undefined) => {
    if (p && seats[s] === null) seats[s] = p.key;
    return Boolean(p);
  };
  const host = hosts.shift();
  if (host) take(0, host);
  else {
    const g = guests.shift();
    if (g) take(0, g);
  }
  const chief = guests.shift();
  if (chief) take(neighbourSeat(0, n, true), chief);
  const interp = interpreters.shift();
  if (interp && chief) take(neighbourSeat(1, n, true), interp);
  else if (interp) interpreters.unshift(interp);
  const withSecond = hosts.length > 0 && n >= 4;
  if (withSecond) {
    const opposite = oppositeSeat(n);
    take(opposite, hosts.shift());
    const secondGuest = guests[0];
    if (secondGuest && seats[neighbourSeat(opposite, n, true)] === null) take(neighbourSeat(opposite, n, true), guests.shift());
  }
  for (const s of seatPrecedence(n, withSecond)) {
    if (seats[s] !== null) continue;
    const near = [seats[neighbourSeat(s, n, true)], seats[neighbourSeat(s, n, false)]].map((k) => (k ? sideOf.get(k) ?? null : null));
    const hasGuest = near.includes('guest');
    const hasHost = near.includes('host');
    const prefer: Side = hasGuest && !hasHost ? 'host' : 'guest';
    const first = prefer === 'guest' ? guests : hosts;
    const second = prefer === 'guest' ? hosts : guests;
    const p = first.shift() ?? second.shift() ?? interpreters.shift();
    if (!p) break;
    take(s, p);
  }
  return seats;
}

/** The whole proposal: tables by rule 8, placed by rule 7, seated by rules 1–6. */
export function proposeSeating(people: readonly SeatPerson[], seatsPerTable: number): SeatingPlan {
  const groups = distributeToTables(people, seatsPerTable);
  const places = tablePositions(groups.length);
  return {
    seatsPerTable,
    people: [...people],
    tables: groups.map((group, i) => ({ ...places[i]!, seats: seatTable(group, seatsPerTable) })),
  };
}

/** Where a person sits: table index and seat, or null. */
export function findSeat(plan: Pick<SeatingPlan, 'tables'>, key: string): { table: number; seat: number } | null {
  for (let t = 0; t < plan.tables.length; t++) {
    const s = plan.tables[t]!.seats.indexOf(key);
    if (s >= 0) return { table: t, seat: s };
  }
  return null;
}

/** An edit: exchange the occupants of two seats (either may be empty). */
export function swapSeats<P extends Pick<SeatingPlan, 'tables'>>(plan: P, a: { table: number; seat: number }, b: { table: number; seat: number }): P {
  const tables = plan.tables.map((t) => ({ ...t, seats: [...t.seats] }));
  const ta = tables[a.table];
  const tb = tables[b.table];
  if (!ta || !tb || a.seat >= ta.seats.length || b.seat >= tb.seats.length) return plan;
  const x = ta.seats[a.seat] ?? null;
  ta.seats[a.seat] = tb.seats[b.seat] ?? null;
  tb.seats[b.seat] = x;
  return { ...plan, tables };
}

/** An edit: move a person to a seat; whoever sat there takes the person's old seat. */
export function moveTo<P extends Pick<SeatingPlan, 'tables'>>(plan: P, key: string, to: { table: number; seat: number }): P {
  const from = findSeat(plan, key);
  if (!from) return plan;
  return swapSeats(plan, from, to);
}

export type SeatingProblem =
  | { code: 'unknownPerson'; table: number; seat: number; key: string }
  | { code: 'seatedTwice'; table: number; seat: number; key: string }
  | { code: 'notSeated'; key: string }
  | { code: 'duplicateKey'; key: string }
  | { code: 'tableSize'; table: number };

/** A saved plan must seat every person exactly once, on tables of the plan's size. */
export function checkPlan(plan: SeatingPlan): SeatingProblem[] {
  const problems: SeatingProblem[] = [];
  const keys = new Set<string>();
  for (const p of plan.people) {
    if (keys.has(p.key)) problems.push({ code: 'duplicateKey', key: p.key });
    keys.add(p.key);
  }
  const seen = new Set<string>();
  plan.tables.forEach((t, ti) => {
    if (t.seats.length !== plan.seatsPerTable) problems.push({ code: 'tableSize', table: ti });
    t.seats.forEach((k, si) => {
      if (k === null) return;
      if (!keys.has(k)) problems.push({ code: 'unknownPerson', table: ti, seat: si, key: k });
      else if (seen.has(k)) problems.push({ code: 'seatedTwice', table: ti, seat: si, key: k });
      seen.add(k);
    });
  });
  for (const k of keys) if (!seen.has(k)) problems.push({ code: 'notSeated', key: k });
  return problems;
}

/** Screen position of a seat around a table drawn with the door at the bottom: seat 0 at the top, the host's right to the screen's left. */
export function seatPoint(seat: number, n: number, radius: number): { x: number; y: number } {
  const a = (2 * Math.PI * seat) / n;
  return { x: -Math.sin(a) * radius, y: -Math.cos(a) * radius };
}
