import type { VisitResult } from '../shared/contracts/visits';
import { businessDate, localDate, zonedInstant } from '../shared/domain/business-time';
import type { DemoAccountSpec } from './demo-accounts';

/**
 * What the field-work demo (demo-fieldwork.ts) is made of: who does the field work, where the
 * check-ins are, what the visit records say, the gift catalogue and claim categories, and the
 * weekday calendar around the load day that every step is dated by.
 */

export const DAY = 86_400_000;
export type Owner = 'chensiyuan' | 'liuxiaofeng' | 'zhaolei' | 'majun' | 'linxiaoyan';
export const OWNERS: Owner[] = ['chensiyuan', 'liuxiaofeng', 'zhaolei', 'majun', 'linxiaoyan'];
export type Kind = DemoAccountSpec['kind'];

/** City centres for the check-ins (WGS-84, as a phone reports them). */
export const CITY_POS: Record<string, [number, number]> = {
  南京: [32.0603, 118.7969],
  无锡: [31.4912, 120.3119],
  常州: [31.8107, 119.9741],
  苏州: [31.299, 120.5853],
  南通: [31.9802, 120.8943],
  扬州: [32.3932, 119.4129],
  杭州: [30.2741, 120.1551],
  宁波: [29.8683, 121.544],
  温州: [27.9943, 120.6994],
  嘉兴: [30.7469, 120.7555],
  湖州: [30.8943, 120.0868],
  上海: [31.2304, 121.4737],
};

export interface Talk {
  situation: string;
  discussed: string;
  concerns: string;
  solved: string;
  toWatch: string;
}

export const TALKS: Record<Kind, Talk[]> = {
  bank: [
    { situation: '辖内网点转型进入第二批，今年预算已批复', discussed: '汇报一期智能柜员机运行数据，交流二期网点选址和设备配置', concerns: '设备故障响应时间、与核心系统的接口改造工作量', solved: '承诺驻场工程师两小时到场，接口由我方免费适配', toWatch: '采购中心计划下月发布询价公告' },
    { situation: '对公条线考核加码，科技部人手紧张', discussed: '演示对公客户营销管理平台，讨论与现有 CRM 的数据迁移', concerns: '数据安全与监管合规要求', solved: '提供同业案例的等保测评材料', toWatch: '分管行长出差，决策要等月底办公会' },
    { situation: '数据中心夜间值守压力大，外包合同明年到期', discussed: '介绍运维外包服务方案与驻场人员配置', concerns: '人员稳定性与交接风险', solved: '说明我方人员梯队和交接流程，承诺核心人员三年不更换', toWatch: '竞争对手报价偏低，需关注评分办法' },
  ],
  post: [
    { situation: '旺季件量翻倍，调度系统压力大', discussed: '交流寄递业务智能调度系统试点效果，商定扩大到两个分拨中心', concerns: '上线期间不能影响日常揽投', solved: '安排夜间切换，并保留原系统并行一周', toWatch: '集团信息部要求统一技术路线' },
    { situation: '便民服务点延长营业时间，人手不足', discussed: '讨论自助寄件终端的布点方案和运维分工', concerns: '终端故障的现场处理', solved: '同意按区县设置备机，四小时内更换', toWatch: '需要确认明年的设备采购预算口径' },
  ],
  hotel: [
    { situation: '集团要求各门店统一会员和房态', discussed: '介绍客房与前台管理系统的多门店方案，约定下周做现场演示', concerns: '切换期间的房态准确性', solved: '提供分店逐步切换计划', toWatch: '财务总监对年费模式有顾虑' },
    { situation: '会所会员续费率下降', discussed: '交流会员积分营销平台的活动玩法与数据看板', concerns: '与现有收银系统对接', solved: '确认收银系统厂商已开放接口', toWatch: '总经理希望先看同类会所的运营数据' },
  ],
  mfg: [
    { situation: '关键设备非计划停机损失大，生产副总很重视', discussed: '汇报预测性维护平台试点产线的预警记录，商量推广到三号车间', concerns: '传感器安装是否影响生产节拍', solved: '安排周末停线安装，每条线不超过四小时', toWatch: '集团技术中心也在评估另一家方案' },
    { situation: '客户审厂要求生产过程可追溯', discussed: '走访车间，梳理 MES 一期需要覆盖的工序和报表', concerns: '一线工人操作习惯与培训', solved: '约定分班组培训并提供操作手册', toWatch: '采购部希望分两期付款' },
    { situation: '原材料涨价，采购希望实时共享库存', discussed: '讨论供应链协同平台与主要供应商的对接范围', concerns: '供应商配合度', solved: '先选五家核心供应商试点', toWatch: '信息中心主任可能调岗' },
  ],
  gov: [
    { situation: '“一网通办”考核要求跨部门数据实时共享', discussed: '交流政务数据共享交换平台的建设进度与下一批接入部门', concerns: '数据安全责任划分', solved: '提交数据分级分类与安全责任清单草稿', toWatch: '年度财政预算评审在下月' },
    { situation: '服务大厅窗口排队时间长', discussed: '现场查看自助服务终端使用情况，收集窗口人员意见', concerns: '老年人使用不便', solved: '增加语音引导和大字版界面', toWatch: '分管领导关注群众满意度测评' },
  ],
  ins: [
    { situation: '车险小额案件多，审单时效达不到总公司要求', discussed: '汇报理赔影像识别系统的识别准确率，讨论扩大到非车险', concerns: '识别错误的责任与人工复核流程', solved: '保留人工复核节点，并按月提供准确率报告', toWatch: '总公司科技部要求统一采购' },
    { situation: '续保提醒和回访量大，客服人力成本高', discussed: '交流客服智能外呼的话术配置和坐席规模', concerns: '外呼合规与客户投诉', solved: '提供合规话术模板和呼叫频次控制', toWatch: '运营中心主任倾向先小规模试用' },
  ],
};
export const RESULTS: VisitResult[] = ['B', 'A', 'C', 'B', 'E', 'B', 'C', 'A', 'D', 'B'];
export const OTHER_NOTES = ['客户提出希望安排一次高层互访', '带去的宣传资料已转交信息部门', '', '对方办公室主任帮忙协调了会议室', ''];

// ---------------------------------------------------------------- time

/** Weekday business dates around `now` in the business time zone. */
export function calendar(now: Date, tz: string) {
  const today = localDate(now, tz);
  const dayAt = (offset: number) => {
    const d = new Date(Date.UTC(today.year, today.month0, today.day + offset));
    return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay(), y: d.getUTCFullYear(), m0: d.getUTCMonth(), d: d.getUTCDate() };
  };
  const past: string[] = [];
  for (let o = -40; o < 0; o++) {
    const d = dayAt(o);
    if (d.weekday !== 0 && d.weekday !== 6) past.push(d.date);
  }
  const future: string[] = [];
  for (let o = 1; future.length < 6; o++) {
    const d = dayAt(o);
    if (d.weekday !== 0 && d.weekday !== 6) future.push(d.date);
  }
  /** an instant on a business date at a local time */
  const at = (date: string, hh: number, mm = 0) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedInstant(tz, y, m - 1, d, hh, mm);
  };
  const thirtyAgo = businessDate(new Date(now.getTime() - 30 * DAY), tz);
  /** the kth past weekday before a date (counted from today for a date ahead) */
  const before = (date: string, k: number) => {
    const i = past.indexOf(date);
    return past[Math.max(0, (i < 0 ? past.length : i) - k)]!;
  };
  /** the kth weekday after a past date, at most the last past weekday */
  const after = (date: string, k: number) => past[Math.min(past.length - 1, past.indexOf(date) + k)]!;
  /** a weekday on or after an instant's business date */
  const weekdayFrom = (instant: Date) => {
    const d = localDate(instant, tz);
    const shift = d.weekday === 6 ? 2 : d.weekday === 0 ? 1 : 0;
    return businessDate(new Date(instant.getTime() + shift * DAY), tz);
  };
  return { past, recent: past.filter((d) => d >= thirtyAgo), future, at, before, after, weekdayFrom, today: businessDate(now, tz) };
}

/** Prospects the field staff mean to open up (拓展) next. */
export const EXPANSION_TARGETS = ['苏州工业园区管委会', '常州天宁农商银行', '杭州城投集团', '宁波港集团', '扬州市公共资源交易中心'];

/** The claim categories the budgets are set for. */
export const CATEGORIES = ['交通费', '餐费', '招待费', '住宿费', '礼品费'];

export const GIFT_ITEMS = [
  { key: 'tea', name: '定制茶礼礼盒', spec: '明前龙井 250g×2', unit: '盒', unitValue: 38_000, stock: 40 },
  { key: 'silk', name: '苏绣真丝围巾', spec: '60×180cm，手工刺绣', unit: '条', unitValue: 26_000, stock: 30 },
  { key: 'teaset', name: '宜兴紫砂茶具套装', spec: '一壶四杯，含证书', unit: '套', unitValue: 68_000, stock: 12 },
  { key: 'notebook', name: '企业定制笔记本礼盒', spec: '笔记本 + 签字笔，烫印 logo', unit: '套', unitValue: 12_000, stock: 100 },
] as const;
export type GiftKey = (typeof GIFT_ITEMS)[number]['key'];