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
 *  3. 把主宾安排在主人的右手位置 — the chief guest (the best-ranked guest) sits on the host's right.
 *  4. 如果女主人参加时，则以主人和女主人为基准 / 主宾夫人安排在女主人右手位置 — only a host marked as
 *     the second host (女主人 / 副主人, `secondHost`) sits opposite the host, with the second guest
 *     on their right; an ordinary companion (陪客) is never put there for being second in rank.
 *  5. 翻译人员安排在主宾右侧 — an interpreter sits on the chief guest's right (seed 001).
 *  6. 主人方面的陪客，尽可能与客人相互交叉…要避免自己人坐在一起 — as few of ours side by side as the
 *     numbers allow (none while guests are at least as many), then as few guests side by side.
 *  7. 桌次以距主桌的远近而定，以主桌为基准右高左低、近高远低 — table order by distance from the
 *     main table, then right above left (seen from the main table's host, facing the door).
 *  8. Each further table is headed by the best-ranked host left for it (主客双方的身份要对等),
 *     and higher ranks go to better tables.
 *
 * Rank (位次) is 1 for the highest; `rankByTitles` proposes it from the titles (职务), so that 主宾
 * is the guest of the highest office — a bank's 副行长 before its 项目经理.
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
  /** the second host (女主人 / 副主人), a host marked as such — seated opposite the host (rule 4); at most one */
  secondHost?: boolean;
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

// ---------------------------------------------------------------- rank from titles

/**
 * The levels of a customer's organisation on seed 003's 客户关系强化表 (总经理, 副总经理, 部门经理,
 * 部门主管, 部门员工), as the ending of a title reads: [level without, level with a department in
 * front]. A head's title after a department (科技部总经理, 办公室主任) is a department manager's; a
 * deputy's (科技部副总经理) a section head's. Finer steps inside a level (董事长 before 总经理) are tenths.
 */
const TITLE_ENDINGS: [string, number, number][] = [
  ['董事长', 1, 3],
  ...['总裁', '行长', '总经理', '局长', '厅长', '院长', '校长', '主席', '书记', '市长', '县长', '区长'].map((t): [string, number, number] => [t, 1.1, 3]),
  ['主任', 1.2, 3],
  ['副董事长', 2, 4],
  ...['副总裁', '副行长', '副总经理', '副局长', '副厅长', '副院长', '副校长', '副主席', '副书记', '副市长', '副县长', '副区长', '副总'].map((t): [string, number, number] => [t, 2.1, 4]),
  ['副主任', 2.2, 4],
  ...['总监', '部长', '处长', '经理', '行长助理', '总经理助理'].map((t): [string, number, number] => [t, 3, 3]),
  ...['副总监', '副部长', '副处长', '副经理', '科长', '主管', '项目经理', '客户经理', '产品经理', '组长', '站长', '所长', '队长', '领班'].map((t): [string, number, number] => [t, 4, 4]),
  ['副科长', 4.5, 4.5],
  ...['专员', '科员', '工程师', '职员', '助理', '秘书', '文员', '干事', '业务员', '员'].map((t): [string, number, number] => [t, 5, 5]),
];
/** What names a department (or a unit below the organisation) when it stands before a head's title. */
const DEPARTMENT = /(部|中心|室|处|科|所|车间|办|组|队)$/;

/**
 * The level 1 (head of the organisation) … 5 (staff) a title reads as, or null when the title
 * names no known office. Lower is higher in rank.
 */
export function titleLevel(title: string | null | undefined): number | null {
  const t = (title ?? '').replace(/[（(][^）)]*[）)]/g, '').replace(/\s/g, '');
  let best: [string, number, number] | undefined;
  for (const e of TITLE_ENDINGS) if (t.endsWith(e[0]) && (!best || e[0].length > best[0].length)) best = e;
  if (!best) return null;
  const prefix = t.slice(0, t.length - best[0].length);
  return prefix && DEPARTMENT.test(prefix) ? best[2] : best[1];
}

/**
 * Ranks 1…n on each side by title level (rule 3's 主宾 is the best-ranked guest); people of the
 * same level, and those whose title names no office, keep the order they were listed in (the
 * latter after all the others). Interpreters are ranked with their side.
 */
export function rankByTitles<P extends Pick<SeatPerson, 'side' | 'title' | 'rank'>>(people: readonly P[]): P[] {
  const rank = new Map<P, number>();
  for (const side of ['host', 'guest'] as const) {
    const ordered = people
      .map((p, i) => ({ p, i, level: titleLevel(p.title) ?? Number.POSITIVE_INFINITY }))
      .filter((x) => x.p.side === side)
      .sort((a, b) => a.level - b.level || a.i - b.i);
    ordered.forEach((x, r) => rank.set(x.p, r + 1));
  }
  return people.map((p) => ({ ...p, rank: rank.get(p) ?? p.rank }));
}

// ---------------------------------------------------------------- geometry and precedence

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
 * Rules 1 and 4 — of hosts in rank order: the one who heads the table (the best-ranked host not
 * marked second host), the second host (the best-ranked host marked so, when someone else heads
 * the table), and the rest in rank order.
 */
export function tableHosts(hosts: readonly SeatPerson[]): { head: SeatPerson | undefined; second: SeatPerson | undefined; rest: SeatPerson[] } {
  const head = hosts.find((p) => !p.secondHost) ?? hosts[0];
  const second = hosts.find((p) => p.secondHost && p !== head);
  return { head, second, rest: hosts.filter((p) => p !== head && p !== second) };
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
 * Rule 8 — splits people into tables of n seats: the main table takes the top ranks (and the
 * second host, if one is marked), each table takes hosts and guests in the proportion left to
 * seat and at least one host to head it. Interpreters go to the main table (they serve the chief guest).
 */
export function distributeToTables(people: readonly SeatPerson[], n: number): SeatPerson[][] {
  const { hosts, guests, interpreters } = byRank(people);
  const { head, second, rest } = tableHosts(hosts);
  const total = people.length;
  const count = Math.max(1, Math.ceil(total / n));
  const out: SeatPerson[][] = [];
  const h = [head, second, ...rest].filter((p): p is SeatPerson => p !== undefined);
  const g = [...guests];
  for (let t = 0; t < count; t++) {
    const table: SeatPerson[] = [];
    if (t === 0) table.push(...interpreters.slice(0, n - 2));
    const left = h.length + g.length;
    const tablesLeft = count - t;
    const capacity = Math.min(n - table.length, Math.ceil(left / tablesLeft));
    let hostShare = left ? Math.round((h.length * capacity) / left) : 0;
    if (h.length && hostShare === 0) hostShare = 1;
    // the second host sits at the main table, opposite its host
    if (t === 0 && second) hostShare = Math.max(hostShare, 2);
    hostShare = Math.min(hostShare, h.length, capacity);
    const guestShare = Math.min(g.length, capacity - hostShare);
    table.push(...h.splice(0, hostShare + Math.max(0, capacity - hostShare - guestShare)), ...g.splice(0, guestShare));
    out.push(table);
  }
  // extra interpreters beyond the main table, and anyone the rounding left over, to the last tables with room
  const restOver = [...interpreters.slice(n - 2), ...h, ...g];
  for (const p of restOver) {
    const room = out.find((tb) => tb.length < n);
    if (room) room.push(p);
    else out.push([p]);
  }
  return out;
}

// ---------------------------------------------------------------- one table

type Mark = 'host' | 'guest' | 'other' | null;

/**
 * Rule 6's measure of a table whose seats are marked host / guest / other (interpreter) / empty,
 * some still open: the fewest pairs of hosts side by side, then of guests side by side, that
 * the open seats can reach when `hosts` of them take hosts and the rest guests — as
 * hostPairs × (n + 1) + guestPairs, or Infinity when the numbers cannot be met.
 */
export function bestAdjacency(marks: readonly Mark[], open: ReadonlySet<number>, hosts: number): number {
  const n = marks.length;
  const weight = (a: Mark, b: Mark) => (a === 'host' && b === 'host' ? n + 1 : a === 'guest' && b === 'guest' ? 1 : 0);
  // dp over the seats in order: key `${hostsUsed}|${first}|${last}` → least cost so far
  let dp = new Map<string, { used: number; first: Mark; last: Mark; cost: number }>([['start', { used: 0, first: null, last: null, cost: 0 }]]);
  for (let s = 0; s < n; s++) {
    const next = new Map<string, { used: number; first: Mark; last: Mark; cost: number }>();
    const choices: Mark[] = open.has(s) ? ['host', 'guest'] : [marks[s] ?? null];
    for (const st of dp.values()) {
      for (const m of choices) {
        const used = st.used + (open.has(s) && m === 'host' ? 1 : 0);
        if (used > hosts) continue;
        const cost = st.cost + (s > 0 ? weight(st.last, m) : 0);
        const first = s === 0 ? m : st.first;
        const key = `${used}|${first}|${m}`;
        const seen = next.get(key);
        if (!seen || seen.cost > cost) next.set(key, { used, first, last: m, cost });
      }
    }
    dp = next;
  }
  let best = Number.POSITIVE_INFINITY;
  for (const st of dp.values()) if (st.used === hosts) best = Math.min(best, st.cost + (n > 1 ? weight(st.last, st.first) : 0));
  return best;
}

/**
 * Rules 1–6 on one table: the host at 0; the chief guest on their right; a marked second host
 * opposite with the second guest on their right; the interpreter on the chief guest's right;
 * the others on the next most honoured seats (rule 2, empty seats left at the far end), sides
 * chosen so that as few of ours as the numbers allow sit side by side — then as few guests —
 * and, where that leaves a choice, a guest before a host on the more honoured seat; each side
 * takes its seats best rank first.
 */
export function seatTable(people: readonly SeatPerson[], n: number): (string | null)[] {
  const seats: (string | null)[] = Array.from({ length: n }, () => null);
  const marks: Mark[] = Array.from({ length: n }, () => null);
  const { hosts, guests, interpreters } = byRank(people);
  const { head, second, rest: companions } = tableHosts(hosts);
  const put = (s: number, p: SeatPerson, mark: Mark) => {
    seats[s] = p.key;
    marks[s] = mark;
  };
  const top = head ?? guests.shift();
  if (top) put(0, top, top.side === 'host' ? 'host' : 'guest');
  const chief = guests.shift();
  if (chief && n > 1) put(neighbourSeat(0, n, true), chief, 'guest');
  const withSecond = Boolean(second) && n >= 4;
  if (second && withSecond) {
    const opposite = oppositeSeat(n);
    put(opposite, second, 'host');
    const spouse = neighbourSeat(opposite, n, true);
    if (guests.length && seats[spouse] === null) put(spouse, guests.shift()!, 'guest');
  } else if (second) companions.unshift(second);
  const order = seatPrecedence(n, withSecond);
  const interp = interpreters.shift();
  if (interp) {
    const beside = chief ? neighbourSeat(neighbourSeat(0, n, true), n, true) : -1;
    const s = beside >= 0 && seats[beside] === null ? beside : order.find((x) => seats[x] === null);
    if (s !== undefined) put(s, interp, 'other');
  }
  // the seats the rest take: the most honoured free ones; further interpreters on the last of them
  const free = order.filter((s) => seats[s] === null).slice(0, companions.length + guests.length + interpreters.length);
  for (const p of interpreters) put(free.pop()!, p, 'other');
  const open = new Set(free);
  let hostsLeft = companions.length;
  const best = bestAdjacency(marks, open, hostsLeft);
  for (const s of free) {
    open.delete(s);
    const guestsLeft = open.size + 1 - hostsLeft;
    marks[s] = 'guest';
    if (guestsLeft <= 0 || (hostsLeft > 0 && bestAdjacency(marks, open, hostsLeft) > best)) {
      marks[s] = 'host';
      hostsLeft--;
    }
  }
  for (const s of free) {
    const p = marks[s] === 'host' ? companions.shift() : guests.shift();
    if (p) seats[s] = p.key;
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
