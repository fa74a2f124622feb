import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GIFT_APPLICATION_STATUSES, GIFT_MOVEMENT_KINDS } from '../../../shared/contracts/gifts';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;

describe('gifts locales', () => {
  it('zh-CN and en have the same keys, none empty, every status and movement kind labelled', () => {
    const zh = load('zh-CN', 'gifts');
    const en = load('en', 'gifts');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [zh, en]) {
      expect(keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Tree)[p], tree) === '')).toEqual([]);
      expect(Object.keys(tree.statuses as Tree).sort()).toEqual([...GIFT_APPLICATION_STATUSES].sort());
      expect(Object.keys(tree.movementKinds as Tree).sort()).toEqual([...GIFT_MOVEMENT_KINDS].sort());
    }
  });

  it('the print view uses the seed’s names of 礼品馈赠申请表 in zh-CN', () => {
    const print = load('zh-CN', 'gifts').print as Tree;
    expect([print.applyDept, print.managingDept, print.quantity, print.giftOn, print.account, print.contact, print.item, print.value, print.remark]).toEqual([
      '礼品馈赠申请部门',
      '礼品管理部门',
      '数量',
      '馈赠日期',
      '馈赠对象',
      '礼品收受人员',
      '礼品名称',
      '价值(元)',
      '备注',
    ]);
    expect([print.filledBy, print.signDept, print.signGiftAdmin, print.signOffice, print.signDeputy]).toEqual(['填表人', '部门', '礼品管理员', '办公室', '副总经理']);
  });
});
