import dagre from '@dagrejs/dagre';
import { CONTACT_LAYERS, type ContactLayer, type ContactStatus } from '../../../shared/contracts/contacts';

/**
 * The relationship map's graph (REL-4), independent of the drawing library: which lines to draw,
 * where each person sits, and which stored reporting lines form a loop.
 *
 * - Reporting lines run top-down from the manager; the layout is dagre's on "blocks": a person
 *   together with their assistants/secretaries, who sit in the same row to the person's right.
 * - People linked to nobody are not part of any tree; they sit in a grid under the trees so a long
 *   row of strangers does not stretch the chart.
 * - Stored data may hold a reporting loop (imports, older versions); it is drawn, flagged, and cut
 *   at one deterministic place for the layout, never an endless walk.
 */

export interface OrgPerson {
  id: number;
  name: string;
  reportsToId: number | null;
  assistantOfId: number | null;
  status: ContactStatus;
  layer: ContactLayer | null;
}

export type OrgEdgeKind = 'reports' | 'assists';

/** source: the manager (reports) or the person assisted (assists); target: the subordinate or the assistant. */
export interface OrgEdge {
  id: string;
  kind: OrgEdgeKind;
  source: number;
  target: number;
  /** part of a reporting (or assisting) loop in the stored data */
  inLoop: boolean;
  /** an assistant who also reports to the person they assist: one dashed line stands for both */
  alsoReports: boolean;
}

export interface OrgChartOptions {
  showLeft: boolean;
  nodeWidth: number;
  nodeHeight: number;
  /** horizontal gap between blocks and between grid cells */
  nodeGap?: number;
  /** vertical gap between rows */
  rankGap?: number;
  /** gap between a person and their assistant beside them */
  assistantGap?: number;
  /** the loose people's grid is at least this many columns wide */
  minLooseColumns?: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OrgChart {
  /** top-left corner of every visible person */
  positions: Map<number, { x: number; y: number }>;
  edges: OrgEdge[];
  /** the anchors of the trees, left to right */
  roots: number[];
  /** people linked to nobody, in grid order */
  loose: number[];
  /** the grid the loose people sit in, null when there are none */
  looseArea: Rect | null;
  /** each stored reporting loop, its members in order along the line */
  loops: number[][];
  width: number;
  height: number;
}

const LAYER_RANK = new Map<ContactLayer | null, number>([...CONTACT_LAYERS.map((l, i) => [l, i] as const), [null, CONTACT_LAYERS.length]]);
const byName = new Intl.Collator('zh-CN');

/** Decision layer first, then management, operation, unknown; then by name (pinyin order), then id. */
export function comparePeople(a: OrgPerson, b: OrgPerson): number {
  return (LAYER_RANK.get(a.layer) ?? 9) - (LAYER_RANK.get(b.layer) ?? 9) || byName.compare(a.name, b.name) || a.id - b.id;
}

/**
 * Walks a "points to one other person" relation (reportsTo or assistantOf) from `start`.
 * Returns the chain visited and, if the walk came back to a person already on it, that loop.
 */
function walk(start: number, next: (id: number) => number | null): { chain: number[]; loop: number[] | null } {
  const chain: number[] = [];
  const seen = new Map<number, number>();
  let at: number | null = start;
  while (at !== null) {
    const i = seen.get(at);
    if (i !== undefined) return { chain, loop: chain.slice(i) };
    seen.set(at, chain.length);
    chain.push(at);
    at = next(at);
  }
  return { chain, loop: null };
}

/** Everyone below `id` along the reporting lines (loops in stored data end the walk). */
export function descendantsOf(id: number, people: readonly OrgPerson[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of people) {
    if (p.reportsToId !== null && p.reportsToId !== p.id) children.set(p.reportsToId, [...(children.get(p.reportsToId) ?? []), p.id]);
  }
  const out = new Set<number>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    if (c === id || out.has(c)) continue;
    out.add(c);
    stack.push(...(children.get(c) ?? []));
  }
  return out;
}

/** The candidate a dragged box was dropped on: the one it overlaps most, if by at least `minShare` of its own area. */
export function dropTarget(dragged: Rect, candidates: readonly (Rect & { id: number })[], minShare = 0.2): number | null {
  let best: number | null = null;
  let bestArea = 0;
  for (const c of candidates) {
    const w = Math.min(dragged.x + dragged.width, c.x + c.width) - Math.max(dragged.x, c.x);
    const h = Math.min(dragged.y + dragged.height, c.y + c.height) - Math.max(dragged.y, c.y);
    if (w <= 0 || h <= 0) continue;
    const area = w * h;
    if (area > bestArea) {
      best = c.id;
      bestArea = area;
    }
  }
  return best !== null && bestArea >= minShare * dragged.width * dragged.height ? best : null;
}

export function orgChart(all: readonly OrgPerson[], opts: OrgChartOptions): OrgChart {
  const { nodeWidth: W, nodeHeight: H } = opts;
  const nodeGap = opts.nodeGap ?? 40;
  const rankGap = opts.rankGap ?? 70;
  const assistantGap = opts.assistantGap ?? 24;
  const people = all.filter((p) => opts.showLeft || p.status === 'active').sort(comparePeople);
  const byId = new Map(people.map((p) => [p.id, p]));
  /** a link counts only when it points at someone else who is shown */
  const link = (target: number | null, self: number) => (target !== null && target !== self && byId.has(target) ? target : null);
  const managerOf = (id: number) => link(byId.get(id)!.reportsToId, id);
  const principalOf = (id: number) => link(byId.get(id)!.assistantOfId, id);

  // ---- loops in the stored data
  const loops: number[][] = [];
  const inReportLoop = new Set<number>();
  const inAssistLoop = new Set<number>();
  for (const p of people) {
    if (!inReportLoop.has(p.id)) {
      const { loop } = walk(p.id, managerOf);
      if (loop && !loop.some((id) => inReportLoop.has(id))) {
        loop.forEach((id) => inReportLoop.add(id));
        loops.push(loop);
      }
    }
    if (!inAssistLoop.has(p.id)) walk(p.id, principalOf).loop?.forEach((id) => inAssistLoop.add(id));
  }

  // ---- edges
  const edges: OrgEdge[] = [];
  for (const p of people) {
    const assisted = principalOf(p.id);
    const manager = managerOf(p.id);
    if (assisted !== null) {
      edges.push({ id: `a-${assisted}-${p.id}`, kind: 'assists', source: assisted, target: p.id, inLoop: inAssistLoop.has(p.id), alsoReports: manager === assisted });
    }
    if (manager !== null && manager !== assisted) {
      edges.push({ id: `r-${manager}-${p.id}`, kind: 'reports', source: manager, target: p.id, inLoop: inReportLoop.has(p.id), alsoReports: false });
    }
  }

  // ---- blocks: an anchor and the assistants beside them (an assisting loop places its members on their own)
  const anchorOf = new Map<number, number>();
  const depthOf = new Map<number, number>();
  for (const p of people) {
    const { chain, loop } = walk(p.id, principalOf);
    const anchor = loop ? p.id : chain[chain.length - 1];
    anchorOf.set(p.id, anchor);
    depthOf.set(p.id, loop ? 0 : chain.length - 1);
  }
  const blockOf = new Map<number, number[]>();
  for (const p of people) {
    const a = anchorOf.get(p.id)!;
    blockOf.set(a, [...(blockOf.get(a) ?? []), p.id]);
  }
  for (const members of blockOf.values()) members.sort((x, y) => depthOf.get(x)! - depthOf.get(y)! || comparePeople(byId.get(x)!, byId.get(y)!));

  // ---- block-level reporting graph: children in people order; loops cut by a depth-first walk from the roots
  const blockEdges = new Map<number, number[]>();
  const hasParent = new Set<number>();
  for (const p of people) {
    const m = managerOf(p.id);
    if (m === null) continue;
    const from = anchorOf.get(m)!;
    const to = anchorOf.get(p.id)!;
    if (from === to) continue;
    const list = blockEdges.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    blockEdges.set(from, list);
    hasParent.add(to);
  }
  const anchors = [...blockOf.keys()];
  const linked = (a: number) => blockOf.get(a)!.length > 1 || hasParent.has(a) || (blockEdges.get(a)?.length ?? 0) > 0 || inAssistLoop.has(a);
  const subtreeSize = (root: number) => {
    const seen = new Set<number>();
    const stack = [root];
    let n = 0;
    while (stack.length) {
      const a = stack.pop()!;
      if (seen.has(a)) continue;
      seen.add(a);
      n += blockOf.get(a)!.length;
      stack.push(...(blockEdges.get(a) ?? []));
    }
    return n;
  };
  const rootOrder = (a: number, b: number) =>
    (LAYER_RANK.get(byId.get(a)!.layer) ?? 9) - (LAYER_RANK.get(byId.get(b)!.layer) ?? 9) || subtreeSize(b) - subtreeSize(a) || comparePeople(byId.get(a)!, byId.get(b)!);

  const kept = new Map<number, number[]>();
  const roots: number[] = [];
  const state = new Map<number, 'open' | 'done'>();
  const visit = (a: number) => {
    state.set(a, 'open');
    const keep: number[] = [];
    for (const c of blockEdges.get(a) ?? []) {
      const s = state.get(c);
      if (s === 'open') continue; // the line that closes a loop
      keep.push(c);
      if (s === undefined) visit(c);
    }
    kept.set(a, keep);
    state.set(a, 'done');
  };
  const treeAnchors = anchors.filter(linked);
  for (const a of treeAnchors.filter((x) => !hasParent.has(x)).sort(rootOrder)) {
    roots.push(a);
    visit(a);
  }
  // what is left sits only on loops: enter each at its most senior member
  for (const a of treeAnchors.filter((x) => !state.has(x)).sort((x, y) => comparePeople(byId.get(x)!, byId.get(y)!))) {
    if (state.has(a)) continue;
    roots.push(a);
    visit(a);
  }

  // ---- dagre on the blocks
  const blockWidth = (a: number) => blockOf.get(a)!.length * W + (blockOf.get(a)!.length - 1) * assistantGap;
  const positions = new Map<number, { x: number; y: number }>();
  let width = 0;
  let height = 0;
  if (roots.length) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: nodeGap, ranksep: rankGap, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    const order: number[] = [];
    const add = (a: number) => {
      if (g.hasNode(String(a))) return;
      g.setNode(String(a), { width: blockWidth(a), height: H });
      order.push(a);
      for (const c of kept.get(a) ?? []) add(c);
    };
    roots.forEach(add);
    for (const [a, children] of kept) for (const c of children) g.setEdge(String(a), String(c));
    // keep siblings and roots in the order chosen above; dagre only decides the spacing
    const constraints: { left: string; right: string }[] = [];
    const chain = (list: number[]) => list.slice(1).forEach((c, i) => constraints.push({ left: String(list[i]), right: String(c) }));
    chain(roots);
    const parents = new Map<number, number>();
    for (const children of kept.values()) for (const c of children) parents.set(c, (parents.get(c) ?? 0) + 1);
    for (const children of kept.values()) chain(children.filter((c) => parents.get(c) === 1));
    dagre.layout(g, { constraints });
    for (const a of order) {
      const n = g.node(String(a));
      const left = n.x! - blockWidth(a) / 2;
      blockOf.get(a)!.forEach((id, i) => positions.set(id, { x: left + i * (W + assistantGap), y: n.y! - H / 2 }));
      width = Math.max(width, left + blockWidth(a));
      height = Math.max(height, n.y! + H / 2);
    }
  }

  // ---- the loose grid under the trees
  const loose = anchors.filter((a) => !linked(a)).sort((a, b) => comparePeople(byId.get(a)!, byId.get(b)!));
  let looseArea: Rect | null = null;
  if (loose.length) {
    const columns = Math.max(opts.minLooseColumns ?? 4, Math.floor((width + nodeGap) / (W + nodeGap)));
    const cols = Math.min(columns, loose.length);
    const top = roots.length ? height + rankGap : 0;
    loose.forEach((id, i) => positions.set(id, { x: (i % cols) * (W + nodeGap), y: top + Math.floor(i / cols) * (H + nodeGap / 2) }));
    const rows = Math.ceil(loose.length / cols);
    looseArea = { x: 0, y: top, width: cols * W + (cols - 1) * nodeGap, height: rows * H + (rows - 1) * (nodeGap / 2) };
    width = Math.max(width, looseArea.width);
    height = top + looseArea.height;
  }

  return { positions, edges, roots, loose, looseArea, loops, width, height };
}
