import { describe, expect, it } from 'vitest';
import { load, type Tree } from '../../../../tests/support/locales';
import { GIFT_APPLICATION_STATUSES, GIFT_MOVEMENT_KINDS } from '../../../shared/contracts/gifts';


describe('gifts locales', () => {
  it('labels every status and movement kind', () => {
    const zh = load('zh-CN', 'gifts');
    const en = load('en', 'gifts');
    for (const tree of [zh, en]) {
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
