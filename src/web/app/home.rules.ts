import type { HomeAudience } from './types';

/** The audiences a person's positions put them in (a person may hold several). */
export function audiencesOf(positions: readonly string[]): HomeAudience[] {
  const by: Record<string, HomeAudience> = {
    gm: 'gm',
    deputy_gm: 'gm',
    ka_director: 'director',
    account_manager: 'manager',
    field_specialist: 'specialist',
    office_specialist: 'specialist',
    finance_manager: 'finance',
    sys_admin: 'admin',
  };
  return [...new Set(positions.flatMap((p) => (by[p] ? [by[p]] : [])))];
}

interface Placeable {
  key: string;
  order: number;
  rank?: Partial<Record<HomeAudience, number>>;
  only?: readonly HomeAudience[];
}

/** Whether a widget is for a person of these positions (one meant only for some audiences needs one of them). */
export function isFor(w: Pick<Placeable, 'only'>, positions: readonly string[]): boolean {
  if (!w.only) return true;
  const mine = audiencesOf(positions);
  return w.only.some((a) => mine.includes(a));
}

/** A widget's default place for these audiences: its best rank among them, else after every ranked one by order. */
function placeOf(w: Placeable, audiences: readonly HomeAudience[]): [number, number] {
  const ranks = audiences.flatMap((a) => (w.rank?.[a] === undefined ? [] : [w.rank[a]!]));
  return ranks.length ? [0, Math.min(...ranks)] : [1, w.order];
}

/**
 * The home page's widgets for a person: those they may see (already filtered by permission) and that are for
 * their positions, in the order their positions
 * give, then as their own layout moved or hid them — the widgets it names in its order, the ones it does not
 * name (new since) after them in the default order. Returns every widget in that order, and the shown and
 * the hidden ones.
 */
export function arrange<W extends Placeable>(widgets: readonly W[], positions: readonly string[], layout: readonly { key: string; hidden: boolean }[]): { all: W[]; shown: W[]; hidden: W[] } {
  const audiences = audiencesOf(positions);
  const byDefault = widgets.filter((w) => isFor(w, positions)).sort((a, b) => {
    const [pa, qa] = placeOf(a, audiences);
    const [pb, qb] = placeOf(b, audiences);
    return pa - pb || qa - qb || a.order - b.order || a.key.localeCompare(b.key);
  });
  const saved = new Map(layout.map((l, i) => [l.key, { i, hidden: l.hidden }]));
  const named = byDefault.filter((w) => saved.has(w.key)).sort((a, b) => saved.get(a.key)!.i - saved.get(b.key)!.i);
  const all = [...named, ...byDefault.filter((w) => !saved.has(w.key))];
  return { all, shown: all.filter((w) => !saved.get(w.key)?.hidden), hidden: all.filter((w) => saved.get(w.key)?.hidden) };
}

/**
 * A layout with one widget moved a place up or down past its neighbour among `among` (its kind: a figure moves
 * among the figures), every widget named and the hidden flags kept; not past either end.
 */
export function moved(order: readonly { key: string; hidden: boolean }[], key: string, by: -1 | 1, among?: ReadonlySet<string>): { key: string; hidden: boolean }[] {
  const list = [...order];
  const i = list.findIndex((w) => w.key === key);
  if (i < 0) return list;
  let j = i + by;
  while (j >= 0 && j < list.length && among && !among.has(list[j]!.key)) j += by;
  if (j < 0 || j >= list.length) return list;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return list;
}
