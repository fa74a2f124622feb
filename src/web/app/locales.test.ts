import { describe, expect, it } from 'vitest';
import { load } from '../../../tests/support/locales';

describe('shell locales', () => {
  it('names every navigation area in both languages', () => {
    const zh = load('zh-CN', 'common') as { areas: Record<string, string> };
    expect(zh.areas).toEqual({
      customers: '客户',
      relationships: '客情关系',
      development: '客户开发',
      field: '外勤与接待',
      visits: '拜访与接待',
      expenses: '费用',
      approvals: '审批',
      deals: '合同回款',
      service: '服务',
      performance: '业绩考核',
      reports: '报表',
      system: '系统管理',
    });
    expect(Object.keys((load('en', 'common') as { areas: object }).areas)).toEqual(Object.keys(zh.areas));
  });
});
