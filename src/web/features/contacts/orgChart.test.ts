import { describe, expect, it } from 'vitest';
import { descendantsOf, dropTarget, orgChart, type OrgChart, type OrgPerson } from './orgChart';

const W = 200;
const H = 100;
const opts = { showLeft: true, nodeWidth: W, nodeHeight: H, nodeGap: 40, rankGap: 60, assistantGap: 20 };

function person(id: number, name: string, over: Partial<OrgPerson> = {}): OrgPerson {
  return { id, name, reportsToId: null, assistantOfId: null, status: 'active', layer: null, ...over };
}

const at = (chart: OrgChart, id: number) => {
  const p = chart.positions.get(id);
  if (!p) throw new Error(`no position for ${id}`);
  return p;
};
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < W && Math.abs(a.y - b.y) < H;

function expectNoOverlap(chart: OrgChart) {
  const all = [...chart.positions.entries()];
  for (const [i, [id, p]] of all.entries()) for (const [other, q] of all.slice(i + 1)) expect(overlaps(p, q), `${id} and ${other} overlap`).toBe(false);
}

/** 总经理 with two department heads, one of them with a clerk. */
const company = [
  person(1, '钱振国', { layer: 'decision' }),
  person(2, '孙晓梅', { reportsToId: 1, layer: 'management' }),
  person(3, '李建军', { reportsToId: 1, layer: 'management' }),
  person(4, '周敏', { reportsToId: 3, layer: 'operation' }),
];

describe('orgChart edges', () => {
  it('draws one line per reporting relation, from the manager down', () => {
    const chart = orgChart(company, opts);
    expect(chart.edges.map((e) => [e.kind, e.source, e.target]).sort()).toEqual([
      ['reports', 1, 2],
      ['reports', 1, 3],
      ['reports', 3, 4],
    ]);
    expect(chart.edges.every((e) => !e.inLoop)).toBe(true);
    expect(chart.loops).toEqual([]);
  });

  it('places managers above their people, one row per level', () => {
    const chart = orgChart(company, opts);
    expect(at(chart, 1).y).toBeLessThan(at(chart, 2).y);
    expect(at(chart, 2).y).toBe(at(chart, 3).y);
    expect(at(chart, 3).y).toBeLessThan(at(chart, 4).y);
    expectNoOverlap(chart);
    expect(chart.roots).toEqual([1]);
    expect(chart.loose).toEqual([]);
  });

  it('ignores lines to people not shown, to themselves or to nobody known', () => {
    const people = [
      person(1, '甲', { status: 'left' }),
      person(2, '乙', { reportsToId: 1 }),
      person(3, '丙', { reportsToId: 3 }),
      person(4, '丁', { reportsToId: 99, assistantOfId: 98 }),
    ];
    const hidden = orgChart(people, { ...opts, showLeft: false });
    expect(hidden.edges).toEqual([]);
    expect([...hidden.positions.keys()].sort()).toEqual([2, 3, 4]);
    expect(hidden.loose.sort()).toEqual([2, 3, 4]);
    const shown = orgChart(people, opts);
    expect(shown.edges.map((e) => e.id)).toEqual(['r-1-2']);
  });
});

describe('orgChart assistants', () => {
  it('puts a secretary in the same row right beside the person assisted, with a dashed line only', () => {
    const people = [...company, person(5, '王秘书', { reportsToId: 1, assistantOfId: 1, layer: 'operation' })];
    const chart = orgChart(people, opts);
    expect(at(chart, 5).y).toBe(at(chart, 1).y);
    expect(at(chart, 5).x).toBe(at(chart, 1).x + W + opts.assistantGap);
    const lines = chart.edges.filter((e) => e.target === 5);
    expect(lines).toEqual([{ id: 'a-1-5', kind: 'assists', source: 1, target: 5, inLoop: false, alsoReports: true }]);
    expectNoOverlap(chart);
  });

  it('keeps an assistant who reports elsewhere beside the person assisted and draws both lines', () => {
    const people = [...company, person(5, '王秘书', { reportsToId: 2, assistantOfId: 3 })];
    const chart = orgChart(people, opts);
    expect(at(chart, 5).y).toBe(at(chart, 3).y);
    expect(at(chart, 5).x).toBe(at(chart, 3).x + W + opts.assistantGap);
    expect(chart.edges.filter((e) => e.target === 5).map((e) => e.id).sort()).toEqual(['a-3-5', 'r-2-5']);
    expectNoOverlap(chart);
  });

  it('lines up an assistant of an assistant after them', () => {
    const people = [person(1, '总'), person(2, '助理', { assistantOfId: 1 }), person(3, '助理的助理', { assistantOfId: 2 })];
    const chart = orgChart(people, opts);
    expect([at(chart, 1).y, at(chart, 2).y, at(chart, 3).y]).toEqual([0, 0, 0]);
    expect(at(chart, 1).x).toBeLessThan(at(chart, 2).x);
    expect(at(chart, 2).x).toBeLessThan(at(chart, 3).x);
    expect(chart.roots).toEqual([1]);
    expect(chart.loose).toEqual([]);
  });

  it('places people who assist each other in a loop on their own and flags the loop', () => {
    const people = [person(1, '甲', { assistantOfId: 2 }), person(2, '乙', { assistantOfId: 1 })];
    const chart = orgChart(people, opts);
    expect(chart.positions.size).toBe(2);
    expect(chart.edges.every((e) => e.kind === 'assists' && e.inLoop)).toBe(true);
    expect(chart.loose).toEqual([]);
    expect(chart.roots.sort()).toEqual([1, 2]);
    expectNoOverlap(chart);
  });

  it('an assistant whose principal left (and is hidden) stands alone', () => {
    const people = [person(1, '甲', { status: 'left' }), person(2, '乙', { assistantOfId: 1 })];
    const chart = orgChart(people, { ...opts, showLeft: false });
    expect(chart.edges).toEqual([]);
    expect(chart.loose).toEqual([2]);
  });
});

describe('orgChart order', () => {
  it('orders trees by layer, then size, then name; and siblings by layer, then name', () => {
    const people = [
      person(10, '赵运营', { layer: 'operation' }),
      person(11, '部下', { reportsToId: 10 }),
      person(20, '小组长', { layer: 'management' }),
      person(21, '组员甲', { reportsToId: 20 }),
      person(30, '大部门', { layer: 'management' }),
      person(31, '乙', { reportsToId: 30 }),
      person(32, '丙', { reportsToId: 30, layer: 'operation' }),
      person(33, '甲', { reportsToId: 30, layer: 'management' }),
      person(40, '董事长', { layer: 'decision' }),
      person(41, '副总', { reportsToId: 40 }),
    ];
    const chart = orgChart(people, opts);
    expect(chart.roots).toEqual([40, 30, 20, 10]);
    const xs = chart.roots.map((id) => at(chart, id).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // management (甲) before operation (丙) before no layer (乙)
    expect(at(chart, 33).x).toBeLessThan(at(chart, 32).x);
    expect(at(chart, 32).x).toBeLessThan(at(chart, 31).x);
    expectNoOverlap(chart);
  });

  it('puts people linked to nobody in a grid under the trees, in name order', () => {
    const lonely = ['张', '李', '王', '陈', '刘', '杨'].map((n, i) => person(100 + i, n));
    const chart = orgChart([...company, ...lonely], { ...opts, minLooseColumns: 4 });
    const treeBottom = Math.max(...company.map((p) => at(chart, p.id).y)) + H;
    expect(chart.looseArea).not.toBeNull();
    expect(chart.looseArea!.y).toBeGreaterThan(treeBottom);
    for (const id of chart.loose) expect(at(chart, id).y).toBeGreaterThanOrEqual(chart.looseArea!.y);
    expect(chart.loose).toEqual([...chart.loose].sort((a, b) => new Intl.Collator('zh-CN').compare(lonely.find((p) => p.id === a)!.name, lonely.find((p) => p.id === b)!.name)));
    // the grid is as wide as the trees allow (at least 4), so six people take two rows
    const rows = new Set(chart.loose.map((id) => at(chart, id).y));
    expect(rows.size).toBe(2);
    expectNoOverlap(chart);
    expect(chart.width).toBeGreaterThanOrEqual(chart.looseArea!.width);
    expect(chart.height).toBe(chart.looseArea!.y + chart.looseArea!.height);
  });

  it('lays out nothing for nobody', () => {
    const chart = orgChart([], opts);
    expect(chart).toMatchObject({ edges: [], roots: [], loose: [], looseArea: null, loops: [], width: 0, height: 0 });
  });
});

describe('orgChart loops in stored data', () => {
  it('draws and flags a reporting loop, cuts it at its most senior member and still places everyone', () => {
    const people = [
      person(1, '甲', { reportsToId: 3, layer: 'management' }),
      person(2, '乙', { reportsToId: 1, layer: 'operation' }),
      person(3, '丙', { reportsToId: 2, layer: 'decision' }),
      person(4, '丁', { reportsToId: 2 }),
    ];
    const chart = orgChart(people, opts);
    expect(chart.loops).toHaveLength(1);
    expect([...chart.loops[0]].sort()).toEqual([1, 2, 3]);
    expect(chart.edges.filter((e) => e.inLoop).map((e) => e.id).sort()).toEqual(['r-1-2', 'r-2-3', 'r-3-1']);
    expect(chart.edges.find((e) => e.id === 'r-2-4')?.inLoop).toBe(false);
    expect(chart.roots).toEqual([3]);
    expect(at(chart, 3).y).toBeLessThan(at(chart, 1).y);
    expect(at(chart, 1).y).toBeLessThan(at(chart, 2).y);
    expect(chart.positions.size).toBe(4);
    expectNoOverlap(chart);
  });

  it('copes with a manager sitting beside the person they manage as an assistant', () => {
    // 秘书 assists 总 but reports to 主任, who reports to 总: the block of 总 feeds back into itself
    const people = [person(1, '总', { layer: 'decision' }), person(2, '主任', { reportsToId: 1 }), person(3, '秘书', { assistantOfId: 1, reportsToId: 2 })];
    const chart = orgChart(people, opts);
    expect(chart.loops).toEqual([]);
    expect(at(chart, 3).y).toBe(at(chart, 1).y);
    expect(at(chart, 2).y).toBeGreaterThan(at(chart, 1).y);
    expectNoOverlap(chart);
  });
});

describe('descendantsOf', () => {
  it('finds everyone below, and stops on a stored loop', () => {
    expect([...descendantsOf(1, company)].sort()).toEqual([2, 3, 4]);
    expect([...descendantsOf(3, company)]).toEqual([4]);
    expect(descendantsOf(4, company).size).toBe(0);
    const loop = [person(1, '甲', { reportsToId: 2 }), person(2, '乙', { reportsToId: 1 })];
    expect([...descendantsOf(1, loop)]).toEqual([2]);
  });
});

describe('dropTarget', () => {
  const box = (id: number, x: number, y: number) => ({ id, x, y, width: W, height: H });
  it('picks the person overlapped most, if enough', () => {
    const dragged = { x: 150, y: 10, width: W, height: H };
    expect(dropTarget(dragged, [box(1, 0, 0), box(2, 260, 0)])).toBe(2);
    expect(dropTarget(dragged, [box(1, 0, 0)])).toBe(1);
    expect(dropTarget({ x: 190, y: 90, width: W, height: H }, [box(1, 0, 0)])).toBeNull();
    expect(dropTarget(dragged, [])).toBeNull();
  });
});
