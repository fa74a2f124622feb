import type { Kdb } from '../server/db/client';
import { accountsRepo } from '../server/features/accounts/accounts.repo';
import { changeGrade, changeLifecycle, replaceRevenue } from '../server/features/accounts/accounts.changes.service';
import { createAccount } from '../server/features/accounts/accounts.service';
import { changeRelationship, createContact } from '../server/features/contacts/contacts.service';
import {
  accountCreate,
  gradeChange,
  lifecycleChange,
  revenueUpdate,
  type AccountGrade,
  type CreditStanding,
  type LifecycleStage,
} from '../shared/contracts/accounts';
import { contactCreate, relationshipChange, RELATIONSHIP_STAGES, type BuyingRole, type ContactLayer, type KeyRole } from '../shared/contracts/contacts';
import { creditCodeCheckChar, CREDIT_CODE_CHARSET } from '../shared/domain/credit-code';
import { localDate } from '../shared/domain/business-time';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { loadDemoNeedsAndPlans, type DemoPlanAccount } from './demo-needs-plans';
import { calendar } from './demo-fieldwork.data';
import { ARCHIVE_STAMPED, fieldworkSeedRepo, stepper } from './demo-fieldwork.repo';

/**
 * The demo account archive and key people (issue 3 item 11): about 60 fictional accounts over
 * the seeds' industries, with groups, a revenue ledger, lifecycle spread and contacts whose
 * relationship history and coverage gaps are worth looking at. Everything goes through the
 * services so pinyin, completeness, classification, history and audit are the real ones.
 * Names and codes are fictional; the credit codes only carry a valid check character.
 */

type Owner = 'chensiyuan' | 'liuxiaofeng' | 'zhaolei' | 'majun' | 'linxiaoyan';
type Kind = 'bank' | 'post' | 'hotel' | 'mfg' | 'gov' | 'ins';
/** which coverage gap the account's contacts are built to show */
type Pattern = 'healthy' | 'no_dm' | 'single' | 'opponent' | 'cold' | 'competitor';
type Nature = 'soe' | 'jv' | 'private' | 'joint_stock' | 'foreign' | 'institution' | 'government';

export interface DemoAccountSpec {
  key: string;
  name: string;
  short?: string;
  kind: Kind;
  nature: Nature;
  city: keyof typeof CITIES;
  owner: Owner;
  lifecycle: LifecycleStage;
  /** revenue in 万元 for the last three complete years [three years ago, two years ago, last year] — the tier window (seed 004); this year to date follows last year's pace */
  revenue?: [number, number, number];
  pattern: Pattern;
  parent?: string;
  vip?: boolean;
}

const CITIES = {
  南京: { province: '江苏省', area: '320100', postal: '210000', tel: '025' },
  无锡: { province: '江苏省', area: '320200', postal: '214000', tel: '0510' },
  常州: { province: '江苏省', area: '320400', postal: '213000', tel: '0519' },
  苏州: { province: '江苏省', area: '320500', postal: '215000', tel: '0512' },
  南通: { province: '江苏省', area: '320600', postal: '226000', tel: '0513' },
  扬州: { province: '江苏省', area: '321000', postal: '225000', tel: '0514' },
  杭州: { province: '浙江省', area: '330100', postal: '310000', tel: '0571' },
  宁波: { province: '浙江省', area: '330200', postal: '315000', tel: '0574' },
  温州: { province: '浙江省', area: '330300', postal: '325000', tel: '0577' },
  嘉兴: { province: '浙江省', area: '330400', postal: '314000', tel: '0573' },
  湖州: { province: '浙江省', area: '330500', postal: '313000', tel: '0572' },
  上海: { province: '上海市', area: '310000', postal: '200000', tel: '021' },
} as const;

const INDUSTRY: Record<Kind, string> = { bank: '银行', post: '邮政', hotel: '酒店与会所', mfg: '制造业', gov: '政府机关/事业单位', ins: '保险' };

export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  // 银行
  { key: 'jnbank', name: '江南银行股份有限公司', short: '江南银行', kind: 'bank', nature: 'joint_stock', city: '南京', owner: 'chensiyuan', lifecycle: 'active', revenue: [380, 420, 460], pattern: 'healthy', vip: true },
  { key: 'jnbankNj', name: '江南银行股份有限公司南京分行', short: '江南银行南京分行', kind: 'bank', nature: 'joint_stock', city: '南京', owner: 'chensiyuan', lifecycle: 'maintaining', revenue: [120, 135, 150], pattern: 'opponent', parent: 'jnbank' },
  { key: 'jnbankSz', name: '江南银行股份有限公司苏州分行', short: '江南银行苏州分行', kind: 'bank', nature: 'joint_stock', city: '苏州', owner: 'majun', lifecycle: 'active', revenue: [60, 72, 80], pattern: 'single', parent: 'jnbank' },
  { key: 'jnbankHz', name: '江南银行股份有限公司杭州分行', short: '江南银行杭州分行', kind: 'bank', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'developing', revenue: [0, 10, 25], pattern: 'no_dm', parent: 'jnbank' },
  { key: 'qtrcb', name: '钱塘农村商业银行股份有限公司', short: '钱塘农商行', kind: 'bank', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'active', revenue: [45, 50, 38], pattern: 'healthy' },
  { key: 'xhbank', name: '锡惠银行股份有限公司', short: '锡惠银行', kind: 'bank', nature: 'joint_stock', city: '无锡', owner: 'liuxiaofeng', lifecycle: 'prospect', pattern: 'no_dm' },
  { key: 'hyvb', name: '淮扬村镇银行股份有限公司', short: '淮扬村镇银行', kind: 'bank', nature: 'joint_stock', city: '扬州', owner: 'majun', lifecycle: 'at_risk', revenue: [30, 22, 8], pattern: 'cold' },
  { key: 'yjbank', name: '甬江银行股份有限公司', short: '甬江银行', kind: 'bank', nature: 'joint_stock', city: '宁波', owner: 'linxiaoyan', lifecycle: 'maintaining', revenue: [150, 160, 170], pattern: 'competitor' },
  { key: 'dhbankSh', name: '东海银行股份有限公司上海分行', short: '东海银行上海分行', kind: 'bank', nature: 'joint_stock', city: '上海', owner: 'liuxiaofeng', lifecycle: 'developing', revenue: [0, 0, 15], pattern: 'healthy' },
  { key: 'wzrcb', name: '吴中农村商业银行股份有限公司', short: '吴中农商行', kind: 'bank', nature: 'joint_stock', city: '苏州', owner: 'majun', lifecycle: 'lost', revenue: [40, 12, 0], pattern: 'cold' },
  // 邮政
  { key: 'dwpost', name: '东吴邮政物流集团有限公司', short: '东吴邮政', kind: 'post', nature: 'soe', city: '苏州', owner: 'zhaolei', lifecycle: 'active', revenue: [300, 320, 350], pattern: 'healthy', vip: true },
  { key: 'dwpostNj', name: '东吴邮政物流集团南京寄递有限公司', short: '东吴邮政南京寄递', kind: 'post', nature: 'soe', city: '南京', owner: 'zhaolei', lifecycle: 'active', revenue: [90, 110, 120], pattern: 'opponent', parent: 'dwpost' },
  { key: 'dwpostWx', name: '东吴邮政物流集团无锡寄递有限公司', short: '东吴邮政无锡寄递', kind: 'post', nature: 'soe', city: '无锡', owner: 'zhaolei', lifecycle: 'maintaining', revenue: [40, 45, 30], pattern: 'single', parent: 'dwpost' },
  { key: 'zjexpress', name: '之江邮政速递有限公司', short: '之江速递', kind: 'post', nature: 'soe', city: '杭州', owner: 'linxiaoyan', lifecycle: 'developing', revenue: [0, 5, 20], pattern: 'no_dm' },
  { key: 'jhpost', name: '江海邮政储运有限公司', short: '江海储运', kind: 'post', nature: 'soe', city: '南通', owner: 'majun', lifecycle: 'at_risk', revenue: [55, 40, 15], pattern: 'competitor' },
  { key: 'hzletter', name: '杭州邮政函件服务有限公司', short: '杭州函件', kind: 'post', nature: 'soe', city: '杭州', owner: 'linxiaoyan', lifecycle: 'prospect', pattern: 'single' },
  { key: 'ydpost', name: '运东邮政便民服务有限公司', short: '运东邮政', kind: 'post', nature: 'soe', city: '常州', owner: 'liuxiaofeng', lifecycle: 'active', revenue: [20, 25, 28], pattern: 'healthy' },
  // 酒店与会所
  { key: 'qthotels', name: '钱塘酒店管理集团有限公司', short: '钱塘酒店集团', kind: 'hotel', nature: 'private', city: '杭州', owner: 'linxiaoyan', lifecycle: 'active', revenue: [150, 180, 200], pattern: 'healthy' },
  { key: 'qtgrand', name: '钱塘大酒店有限公司', short: '钱塘大酒店', kind: 'hotel', nature: 'private', city: '杭州', owner: 'linxiaoyan', lifecycle: 'maintaining', revenue: [60, 70, 65], pattern: 'cold', parent: 'qthotels' },
  { key: 'qtlakeside', name: '杭州西湖畔度假酒店有限公司', short: '西湖畔度假酒店', kind: 'hotel', nature: 'private', city: '杭州', owner: 'linxiaoyan', lifecycle: 'developing', revenue: [0, 8, 18], pattern: 'no_dm', parent: 'qthotels' },
  { key: 'jnclub', name: '南京江南会所管理有限公司', short: '江南会所', kind: 'hotel', nature: 'private', city: '南京', owner: 'chensiyuan', lifecycle: 'active', revenue: [90, 110, 130], pattern: 'opponent', vip: true },
  { key: 'zsclub', name: '紫山会所有限公司', short: '紫山会所', kind: 'hotel', nature: 'private', city: '南京', owner: 'liuxiaofeng', lifecycle: 'prospect', pattern: 'single' },
  { key: 'taihuhotel', name: '太湖国际大酒店有限公司', short: '太湖国际大酒店', kind: 'hotel', nature: 'jv', city: '无锡', owner: 'liuxiaofeng', lifecycle: 'active', revenue: [35, 40, 45], pattern: 'healthy' },
  { key: 'qhhotel', name: '秦淮商务酒店有限公司', short: '秦淮商务酒店', kind: 'hotel', nature: 'private', city: '南京', owner: 'chensiyuan', lifecycle: 'lost', revenue: [18, 6, 0], pattern: 'cold' },
  { key: 'gsclub', name: '姑苏雅集会所有限公司', short: '姑苏雅集', kind: 'hotel', nature: 'private', city: '苏州', owner: 'majun', lifecycle: 'maintaining', revenue: [12, 15, 16], pattern: 'competitor' },
  { key: 'nbharbor', name: '宁波港湾大酒店有限公司', short: '港湾大酒店', kind: 'hotel', nature: 'soe', city: '宁波', owner: 'linxiaoyan', lifecycle: 'at_risk', revenue: [40, 30, 10], pattern: 'opponent' },
  { key: 'ydresort', name: '雁荡山度假村有限公司', short: '雁荡山度假村', kind: 'hotel', nature: 'private', city: '温州', owner: 'linxiaoyan', lifecycle: 'developing', pattern: 'healthy' },
  // 制造业
  { key: 'sxgroup', name: '苏锡精密机械集团有限公司', short: '苏锡精机', kind: 'mfg', nature: 'private', city: '苏州', owner: 'chensiyuan', lifecycle: 'active', revenue: [260, 300, 340], pattern: 'healthy' },
  { key: 'sxwuxi', name: '苏锡精密机械（无锡）有限公司', short: '苏锡精机无锡', kind: 'mfg', nature: 'private', city: '无锡', owner: 'chensiyuan', lifecycle: 'active', revenue: [80, 95, 100], pattern: 'competitor', parent: 'sxgroup' },
  { key: 'sxcasting', name: '苏锡精密铸造（常州）有限公司', short: '苏锡铸造', kind: 'mfg', nature: 'private', city: '常州', owner: 'liuxiaofeng', lifecycle: 'developing', revenue: [0, 12, 30], pattern: 'no_dm', parent: 'sxgroup' },
  { key: 'hlauto', name: '恒隆汽车零部件股份有限公司', short: '恒隆汽配', kind: 'mfg', nature: 'joint_stock', city: '宁波', owner: 'linxiaoyan', lifecycle: 'active', revenue: [70, 90, 110], pattern: 'healthy' },
  { key: 'dftextile', name: '东方纺织印染有限公司', short: '东方印染', kind: 'mfg', nature: 'private', city: '嘉兴', owner: 'linxiaoyan', lifecycle: 'maintaining', revenue: [20, 22, 18], pattern: 'single' },
  { key: 'jhchem', name: '江淮化工新材料股份有限公司', short: '江淮新材', kind: 'mfg', nature: 'joint_stock', city: '扬州', owner: 'majun', lifecycle: 'at_risk', revenue: [50, 35, 20], pattern: 'opponent' },
  { key: 'zkelectric', name: '中科电气控制设备有限公司', short: '中科电气', kind: 'mfg', nature: 'private', city: '南京', owner: 'liuxiaofeng', lifecycle: 'active', revenue: [25, 30, 35], pattern: 'healthy' },
  { key: 'xypharma', name: '协元药业股份有限公司', short: '协元药业', kind: 'mfg', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'prospect', pattern: 'no_dm' },
  { key: 'hssteel', name: '华胜特钢有限公司', short: '华胜特钢', kind: 'mfg', nature: 'soe', city: '常州', owner: 'majun', lifecycle: 'active', revenue: [400, 450, 480], pattern: 'competitor', vip: true },
  { key: 'lyequip', name: '龙跃智能装备有限公司', short: '龙跃智能', kind: 'mfg', nature: 'private', city: '无锡', owner: 'zhaolei', lifecycle: 'developing', revenue: [0, 0, 12], pattern: 'healthy' },
  { key: 'tmfood', name: '天目食品有限公司', short: '天目食品', kind: 'mfg', nature: 'private', city: '湖州', owner: 'linxiaoyan', lifecycle: 'lost', revenue: [15, 5, 0], pattern: 'cold' },
  { key: 'jyelec', name: '嘉盈电子科技有限公司', short: '嘉盈电子', kind: 'mfg', nature: 'foreign', city: '苏州', owner: 'majun', lifecycle: 'maintaining', revenue: [45, 50, 52], pattern: 'healthy' },
  // 政府机关 / 事业单位
  { key: 'jndata', name: '南京市江宁区数据资源管理局', kind: 'gov', nature: 'government', city: '南京', owner: 'zhaolei', lifecycle: 'active', revenue: [30, 35, 40], pattern: 'healthy' },
  { key: 'szpubres', name: '苏州市公共资源交易中心', kind: 'gov', nature: 'institution', city: '苏州', owner: 'majun', lifecycle: 'developing', revenue: [0, 10, 15], pattern: 'no_dm' },
  { key: 'hzcitybrain', name: '杭州市城市大脑运营中心', kind: 'gov', nature: 'institution', city: '杭州', owner: 'linxiaoyan', lifecycle: 'active', revenue: [60, 70, 80], pattern: 'opponent' },
  { key: 'jstaxschool', name: '江苏省税务干部进修学校', kind: 'gov', nature: 'institution', city: '南京', owner: 'zhaolei', lifecycle: 'maintaining', revenue: [20, 18, 22], pattern: 'single' },
  { key: 'wxfund', name: '无锡市住房公积金管理中心', kind: 'gov', nature: 'institution', city: '无锡', owner: 'liuxiaofeng', lifecycle: 'active', revenue: [40, 42, 45], pattern: 'cold' },
  { key: 'nbport', name: '宁波市口岸服务中心', kind: 'gov', nature: 'institution', city: '宁波', owner: 'linxiaoyan', lifecycle: 'prospect', pattern: 'no_dm' },
  { key: 'wjapproval', name: '常州市武进区行政审批局', kind: 'gov', nature: 'government', city: '常州', owner: 'majun', lifecycle: 'at_risk', revenue: [15, 10, 5], pattern: 'competitor' },
  { key: 'jxhospital', name: '嘉兴市第二人民医院', kind: 'gov', nature: 'institution', city: '嘉兴', owner: 'linxiaoyan', lifecycle: 'developing', revenue: [0, 0, 30], pattern: 'healthy' },
  { key: 'jlpoly', name: '金陵理工职业学院', kind: 'gov', nature: 'institution', city: '南京', owner: 'chensiyuan', lifecycle: 'active', revenue: [35, 38, 40], pattern: 'healthy' },
  { key: 'yzstats', name: '扬州市统计局', kind: 'gov', nature: 'government', city: '扬州', owner: 'majun', lifecycle: 'prospect', pattern: 'single' },
  { key: 'zjarchive', name: '浙江省档案数字化服务中心', kind: 'gov', nature: 'institution', city: '杭州', owner: 'linxiaoyan', lifecycle: 'maintaining', revenue: [10, 12, 12], pattern: 'competitor' },
  // 保险
  { key: 'cjins', name: '长江财产保险股份有限公司', short: '长江财险', kind: 'ins', nature: 'joint_stock', city: '南京', owner: 'liuxiaofeng', lifecycle: 'active', revenue: [250, 280, 310], pattern: 'healthy', vip: true },
  { key: 'cjinsJs', name: '长江财产保险股份有限公司江苏分公司', short: '长江财险江苏', kind: 'ins', nature: 'joint_stock', city: '南京', owner: 'majun', lifecycle: 'active', revenue: [90, 100, 120], pattern: 'no_dm', parent: 'cjins' },
  { key: 'cjinsZj', name: '长江财产保险股份有限公司浙江分公司', short: '长江财险浙江', kind: 'ins', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'developing', revenue: [0, 20, 35], pattern: 'opponent', parent: 'cjins' },
  { key: 'cjinsSh', name: '长江财产保险股份有限公司上海分公司', short: '长江财险上海', kind: 'ins', nature: 'joint_stock', city: '上海', owner: 'liuxiaofeng', lifecycle: 'maintaining', revenue: [50, 55, 60], pattern: 'cold', parent: 'cjins' },
  { key: 'xhlife', name: '信和人寿保险股份有限公司', short: '信和人寿', kind: 'ins', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'active', revenue: [70, 80, 85], pattern: 'healthy' },
  { key: 'thbroker', name: '泰禾保险经纪有限公司', short: '泰禾经纪', kind: 'ins', nature: 'private', city: '苏州', owner: 'majun', lifecycle: 'prospect', pattern: 'single' },
  { key: 'anhealth', name: '安宁健康保险股份有限公司', short: '安宁健康险', kind: 'ins', nature: 'joint_stock', city: '南京', owner: 'chensiyuan', lifecycle: 'at_risk', revenue: [40, 25, 10], pattern: 'competitor' },
  { key: 'hyagri', name: '华越农业保险股份有限公司', short: '华越农险', kind: 'ins', nature: 'joint_stock', city: '杭州', owner: 'linxiaoyan', lifecycle: 'lost', revenue: [20, 8, 0], pattern: 'cold' },
  { key: 'dhmarine', name: '东海航运保险股份有限公司', short: '东海航运险', kind: 'ins', nature: 'joint_stock', city: '宁波', owner: 'linxiaoyan', lifecycle: 'maintaining', revenue: [35, 38, 40], pattern: 'no_dm' },
  { key: 'mdagency', name: '明德保险代理有限公司', short: '明德保代', kind: 'ins', nature: 'private', city: '常州', owner: 'liuxiaofeng', lifecycle: 'developing', pattern: 'healthy' },
];

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: a small seeded generator, so every run produces the same demo. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** 登记管理部门 + 机构类别: 9 1 enterprise, 1 1 government body, 1 2 public institution. */
function creditCode(spec: DemoAccountSpec): string {
  const r = rng(seedOf(`code:${spec.key}`));
  const kind = spec.nature === 'government' ? '11' : spec.nature === 'institution' ? '12' : '91';
  let org = '';
  for (let i = 0; i < 8; i++) org += r.pick([...CREDIT_CODE_CHARSET.slice(0, 10)]);
  org += r.pick([...CREDIT_CODE_CHARSET]);
  const first17 = kind + CITIES[spec.city].area + org;
  return first17 + creditCodeCheckChar(first17)!;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '胡', '郭', '何', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '董', '潘', '袁', '蔡', '蒋', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '沈', '钱', '顾', '陆', '范', '邵'];
const MALE = ['建华', '志刚', '海涛', '国强', '永明', '文斌', '晓东', '立新', '俊杰', '浩然', '振宇', '卫东', '德胜', '明辉', '宏伟', '家栋', '子轩', '承志'];
const FEMALE = ['秀英', '丽娟', '晓红', '雅琴', '婷婷', '慧敏', '玉兰', '雪梅', '佳怡', '思琪', '静怡', '美玲'];
const personName = (r: Rng, female: boolean) => r.pick(SURNAMES) + r.pick(female ? FEMALE : MALE);

// ---------------------------------------------------------------- account profile

const SCOPE: Record<Kind, string> = {
  bank: '吸收公众存款；发放短期、中期和长期贷款；办理国内外结算；办理票据承兑与贴现；代理收付款项。',
  post: '国内快递（邮政企业专营业务除外）；邮政储蓄代理；仓储服务；普通货物道路运输；报刊发行。',
  hotel: '住宿服务；餐饮服务；会议及展览服务；健身休闲活动；酒店管理。',
  mfg: '机械设备、电气元件、零部件的研发、制造与销售；货物及技术进出口。',
  gov: '承担本地区相关公共服务与行政管理职能，推进政务数字化建设。',
  ins: '财产损失保险、责任保险、信用保险、短期健康保险和意外伤害保险；上述业务的再保险。',
};
const PRODUCTS: Record<Kind, string> = {
  bank: '公司金融、零售金融、交易银行',
  post: '寄递、物流仓储、便民服务',
  hotel: '客房、餐饮宴会、会员会所',
  mfg: '精密零部件、成套设备',
  gov: '政务服务、公共数据服务',
  ins: '车险、企财险、健康险',
};
const BANKS = ['江南银行南京分行营业部', '中国工商银行南京城南支行', '中国建设银行苏州工业园区支行', '招商银行杭州分行营业部'];

function accountInput(spec: DemoAccountSpec, r: Rng, owners: Record<Owner, number>, parentId: number | undefined) {
  const city = CITIES[spec.city];
  const company = spec.nature !== 'government' && spec.nature !== 'institution';
  // prospects have a thinner file, so completeness differs between accounts
  const rich = spec.lifecycle !== 'prospect' && r.chance(0.75);
  const street = r.pick(['中山路', '人民路', '解放路', '建设路', '新华路', '环湖路', '滨江大道', '科技园路']);
  const revenueYuan = spec.revenue ? spec.revenue[2] : 0;
  return accountCreate.parse({
    name: spec.name,
    shortName: spec.short ?? null,
    creditCode: creditCode(spec),
    nature: spec.nature,
    industry: INDUSTRY[spec.kind],
    industryPosition: r.pick(['leading', 'middle', 'middle', 'trailing'] as const),
    foundedYear: r.int(1985, 2018),
    registeredCapital: company ? r.int(1, 200) * 1_000_000_00 : null,
    employees: r.int(80, 6000),
    address: `${city.province}${spec.city}市${street}${r.int(1, 399)}号`,
    postalCode: city.postal,
    phone: `${city.tel}-${r.int(5000_0000, 8999_9999)}`,
    website: rich && company ? `https://www.${spec.key.toLowerCase()}.example.cn` : null,
    legalRepresentative: personName(r, r.chance(0.25)),
    superiorOrg: !spec.parent && rich && !company ? `${city.province}人民政府` : null,
    businessScope: SCOPE[spec.kind],
    mainProducts: rich ? PRODUCTS[spec.kind] : null,
    annualSales: company && revenueYuan ? r.int(5, 80) * 10_000_000_00 : null,
    bankName: rich ? r.pick(BANKS) : null,
    bankAccount: rich ? `3201${r.int(1000_0000, 9999_9999)}${r.int(1000, 9999)}` : null,
    creditStanding: rich ? r.pick(['good', 'good', 'average'] as const satisfies readonly CreditStanding[]) : null,
    fundStatus: rich ? r.pick(['ample', 'average'] as const) : null,
    paymentAttitude: rich ? r.pick(['prompt', 'average', 'slow'] as const) : null,
    sourceChannel: r.pick(['appointment', 'meeting', 'alliance', 'cultivate', 'poach', 'wait'] as const),
    province: city.province,
    city: `${spec.city}市`,
    parentId,
    vip: spec.vip ?? false,
    ownerId: owners[spec.owner],
    lifecycle: ['maintaining', 'at_risk', 'lost'].includes(spec.lifecycle) ? 'active' : spec.lifecycle,
  });
}

const LIFECYCLE_REASON: Partial<Record<LifecycleStage, string>> = {
  maintaining: '首期项目验收完成，转入日常维护',
  at_risk: '近两个季度业务量明显下滑，竞争对手介入',
  lost: '年度招标未中标，合作终止',
};

function gradeOf(spec: DemoAccountSpec): AccountGrade | null {
  if (!spec.revenue) return null;
  const total = spec.revenue.reduce((a, b) => a + b, 0);
  if (spec.vip) return 'A';
  if (total >= 300) return 'B';
  return spec.lifecycle === 'lost' ? 'D' : 'C';
}

// ---------------------------------------------------------------- contacts

const TITLES: Record<Kind, { decision: string[]; management: string[]; operation: string[] }> = {
  bank: { decision: ['行长', '副行长'], management: ['科技部总经理', '运营管理部总经理', '办公室主任', '集中采购中心主任'], operation: ['科技部项目经理', '网点运营主管', '采购专员'] },
  post: { decision: ['总经理', '副总经理'], management: ['寄递事业部经理', '信息技术部经理', '综合办公室主任', '采购部经理'], operation: ['网运调度主管', '采购专员', '客服中心主管'] },
  hotel: { decision: ['董事长', '总经理'], management: ['行政总监', '财务总监', '工程部经理', '采购部经理'], operation: ['前厅经理', '采购主管', '信息主管'] },
  mfg: { decision: ['董事长', '总经理'], management: ['生产副总经理', '信息中心主任', '供应链总监', '财务总监'], operation: ['设备科科长', '采购专员', '车间主任'] },
  gov: { decision: ['局长', '主任'], management: ['副主任', '办公室主任', '信息科科长', '财务科科长'], operation: ['信息科科员', '综合科科员', '财务科科员'] },
  ins: { decision: ['总经理', '副总经理'], management: ['信息技术部总经理', '运营中心主任', '办公室主任', '采购管理部经理'], operation: ['理赔主管', '信息技术经理', '采购专员'] },
};

interface ContactPlan {
  role: BuyingRole;
  layer: ContactLayer;
  keyRoles: KeyRole[];
  influence: number;
  /** stage index the relationship reaches (0 acquainted … 3 ally) */
  reach: number;
  opponent?: boolean;
  competitorLeaning?: string;
}

const STAGE_BASE: Record<LifecycleStage, number> = { prospect: 0, developing: 1, active: 2, maintaining: 2, at_risk: 1, lost: 1, recovered: 1 };

function planContacts(spec: DemoAccountSpec, r: Rng): ContactPlan[] {
  const base = STAGE_BASE[spec.lifecycle];
  const clamp = (n: number) => Math.max(0, Math.min(3, n));
  if (spec.pattern === 'single') return [{ role: 'buyer', layer: 'management', keyRoles: [], influence: 3, reach: clamp(base) }];
  const dm: ContactPlan =
    spec.pattern === 'no_dm'
      ? { role: 'user', layer: 'management', keyRoles: [], influence: 3, reach: clamp(base) }
      : {
          role: 'decision_maker',
          layer: 'decision',
          keyRoles: spec.pattern === 'healthy' ? ['decider', 'key_person'] : ['decider'],
          influence: 5,
          reach: clamp(base + (spec.pattern === 'healthy' ? 1 : 0)),
          competitorLeaning: spec.pattern === 'competitor' ? '与竞争对手华信科技高层往来密切，倾向其整体方案' : undefined,
        };
  const all: ContactPlan[] = [
    dm,
    { role: 'buyer', layer: 'management', keyRoles: [], influence: 3, reach: clamp(base) },
    { role: 'user', layer: 'operation', keyRoles: spec.pattern === 'no_dm' ? [] : ['insider'], influence: 2, reach: clamp(base + 1) },
    spec.pattern === 'opponent'
      ? { role: 'influencer', layer: 'management', keyRoles: ['key_person'], influence: 5, reach: 0, opponent: true }
      : { role: 'influencer', layer: 'management', keyRoles: ['guide'], influence: 4, reach: clamp(base) },
    { role: 'user', layer: 'operation', keyRoles: [], influence: 2, reach: clamp(base - 1) },
    { role: 'influencer', layer: 'management', keyRoles: [], influence: 3, reach: clamp(base) },
  ];
  const n = r.int(spec.pattern === 'opponent' ? 4 : 2, 6);
  return all.slice(0, n);
}

const EVIDENCE: Record<string, string[]> = {
  interested: ['参加了我方产品交流会并索取方案资料', '主动询问试点方案和报价', '回复技术交流邀约并安排了座谈'],
  trusting: ['在内部评审会上为我方方案发言', '分享了明年的预算安排和采购节奏', '单独约客户经理沟通需求细节'],
  ally: ['主动透露竞争对手报价并建议调整策略', '推动内部立项并邀请我方参与编写需求', '引荐我方认识分管领导'],
};
const COOLING = ['对接部门调整后联系明显减少', '近期多次邀约未获回复'];

const DAY_MS = 86_400_000;

export interface DemoAccountsResult {
  accounts: number;
  contacts: number;
  relationshipChanges: number;
  needs: number;
  countermeasures: number;
  planItems: number;
}

/**
 * How long ago the demo account at `index` was opened: one to three years (so the visit policy and
 * the monthly plans' expansions read them as old accounts), from 368 days because a Saturday or
 * Sunday moves on to Monday and every account must stay over a year old; a branch is opened after
 * its head office.
 */
export function openedDaysAgo(index: number): number {
  const own = 368 + ((index * 53) % 700);
  const parent = DEMO_ACCOUNTS[index]?.parent;
  const head = parent ? DEMO_ACCOUNTS.findIndex((a) => a.key === parent) : -1;
  return head >= 0 ? Math.min(own, Math.max(368, openedDaysAgo(head) - 30)) : own;
}

/** Loads the demo accounts once; accounts already there (by credit code) are left alone. */
export async function loadDemoAccounts(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoAccountsResult> {
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const year = localDate(now, tz).year;
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
  // the archive's history is dated back: each step through the services is stamped with the moment
  // it is meant to have happened, so the timeline reads in the order things happened
  const cal = calendar(now, tz);
  const step = stepper(db, now, ARCHIVE_STAMPED);
  const contactIds: number[] = [];
  /** a weekday about `days` back (a Saturday or Sunday moves on to Monday) at a local time */
  const workday = (days: number, hh: number, mm = 0) => cal.at(cal.weekdayFrom(daysAgo(days)), hh, mm);

  const { byId: actorOf } = demoActors(db, org, 'accounts');
  const owners = Object.fromEntries((['chensiyuan', 'liuxiaofeng', 'zhaolei', 'majun', 'linxiaoyan'] as const).map((u) => [u, org.users[u]!])) as Record<Owner, number>;
  const gm = await actorOf(org.users.wangjianguo!);

  const ids = new Map<string, number>();
  const result: DemoAccountsResult = { accounts: 0, contacts: 0, relationshipChanges: 0, needs: 0, countermeasures: 0, planItems: 0 };
  const created: DemoPlanAccount[] = [];
  for (const [index, spec] of DEMO_ACCOUNTS.entries()) {
    const code = creditCode(spec);
    const existing = await accountsRepo.findByCreditCode(db, code);
    if (existing) {
      ids.set(spec.key, existing.id);
      continue;
    }
    const r = rng(seedOf(spec.key));
    const ownerActor = await actorOf(owners[spec.owner]);
    const parentId = spec.parent ? ids.get(spec.parent) : undefined;
    const parentSpec = spec.parent ? DEMO_ACCOUNTS.find((a) => a.key === spec.parent) : undefined;
    // a branch under someone else's head office is set up by management, who sees both
    const creator = parentSpec && parentSpec.owner !== spec.owner ? gm : ownerActor;
    // opened one to three years back, a branch after its head office (its group change reads then too)
    const id = await step(cal.at(cal.weekdayFrom(daysAgo(openedDaysAgo(index))), 10, spec.parent ? 30 : 0), () => createAccount(db, creator, accountInput(spec, r, owners, parentId), tz));
    ids.set(spec.key, id);
    result.accounts++;
    created.push({ id, spec, owner: ownerActor, r: rng(seedOf(`needs:${spec.key}`)) });
    const current = async () => (await accountsRepo.find(db, id))!.version;
    let version = await current();
    // spreads the accounts' dates over a month, the same on every load
    const jitter = seedOf(`dates:${spec.key}`) % 30;

    if (spec.revenue) {
      const ytd = Math.round((spec.revenue[2] * localDate(now, tz).month0) / 12);
      const rows = [...spec.revenue, ytd]
        .map((wan, i) => ({ year: year - 3 + i, source: i < 2 ? ('import' as const) : ('contract' as const), amount: wan * 10_000_00, note: i < 2 ? '财务系统导入' : '合同台账' }))
        .filter((row) => row.amount > 0);
      await step(workday(360 - jitter, 10, 30), () => replaceRevenue(db, ownerActor, id, revenueUpdate.parse({ rows, version }), tz));
      version = await current();
    }
    const reason = LIFECYCLE_REASON[spec.lifecycle];
    if (reason) {
      await step(workday(40 + jitter, 15, 0), () => changeLifecycle(db, ownerActor, id, lifecycleChange.parse({ to: spec.lifecycle, reason, version }), tz));
      version = await current();
    }
    const grade = gradeOf(spec);
    if (grade) await step(workday(340 - jitter, 11, 0), () => changeGrade(db, gm, id, gradeChange.parse({ grade, reason: '年度客户分级评定', version })));

    const titles = TITLES[spec.kind];
    const used = new Set<string>();
    // A plain hierarchy for the relationship map: management reports to the first decision-layer
    // person, operation to the first manager (the plans list the layers top-down).
    const firstOf = new Map<ContactLayer, number>();
    const managerLayer: Partial<Record<ContactLayer, ContactLayer>> = { management: 'decision', operation: 'management' };
    for (const [i, plan] of planContacts(spec, r).entries()) {
      const female = r.chance(0.35);
      let name = personName(r, female);
      while (used.has(name)) name = personName(r, female);
      used.add(name);
      const cold = spec.pattern === 'cold';
      const lastContact = cold ? daysAgo(120 + i * 17) : daysAgo(3 + i * 4);
      // the relationship's steps spread over the last year, oldest first, ending before the last contact;
      // the contact was entered a week before the first
      const end = Math.round((now.getTime() - lastContact.getTime()) / DAY_MS) + 5;
      const start = Math.max(end + 30, 330 - i * 10);
      const contactId = await step(workday(start + 7, 9, 30 + i), () => createContact(
        db,
        ownerActor,
        contactCreate.parse({
          accountId: id,
          name,
          gender: female ? 'female' : 'male',
          title: r.pick(titles[plan.layer]),
          mobile: `1${r.pick(['39', '38', '37', '58', '86'])}${r.int(1000_0000, 9999_9999)}`,
          nativePlace: r.pick(['江苏南京', '江苏苏州', '浙江杭州', '浙江宁波', '安徽合肥', '山东济南', '江苏扬州']),
          education: r.pick(['本科', '硕士研究生', '本科', 'MBA']),
          influence: plan.influence,
          buyingRole: plan.role,
          keyRoles: plan.keyRoles,
          layer: plan.layer,
          right: plan.role === 'decision_maker' ? 'decide' : plan.opponent ? 'veto' : plan.role === 'influencer' ? 'suggest' : 'recommend',
          personalityType: r.pick(['eagle', 'fox', 'sheep', 'donkey'] as const),
          hobbies: plan.layer === 'decision' ? r.pick(['高尔夫', '书法', '钓鱼', '茶道', '长跑']) : null,
          lastContactAt: lastContact.toISOString(),
          support: 0,
          closeness: 1,
          stage: 'acquainted',
          competitorLeaning: plan.competitorLeaning ?? null,
          reportsToId: managerLayer[plan.layer] ? (firstOf.get(managerLayer[plan.layer]!) ?? null) : null,
        }),
        tz,
      ));
      contactIds.push(contactId);
      if (!firstOf.has(plan.layer)) firstOf.set(plan.layer, contactId);
      result.contacts++;
      const changes = historyOf(plan, spec, r);
      let contactVersion = 1;
      for (const [k, change] of changes.entries()) {
        // recorded on the day it happened, late in the afternoon
        const day = cal.weekdayFrom(daysAgo(Math.round(start - ((start - end) * k) / Math.max(1, changes.length - 1))));
        await step(cal.at(day, 16, 30), () => changeRelationship(db, ownerActor, contactId, relationshipChange.parse({ ...change, occurredOn: day, version: contactVersion }), tz));
        contactVersion++;
        result.relationshipChanges++;
      }
    }
  }
  Object.assign(result, await loadDemoNeedsAndPlans(db, created, { tz, now, cities: CITIES, step, workday, closeAt: (date) => cal.at(date, 17, 0) }));
  await fieldworkSeedRepo.alignStartingStates(db, contactIds, tz);
  opts.log(
    result.accounts
      ? `Demo data: created ${result.accounts} accounts with ${result.contacts} contacts and ${result.relationshipChanges} relationship changes; ${result.needs} needs, ${result.countermeasures} countermeasures and ${result.planItems} strengthening-plan items.`
      : 'Demo data: the demo accounts are already there; nothing to do.',
  );
  return result;
}

type Change = { stage?: (typeof RELATIONSHIP_STAGES)[number]; support?: number; closeness?: number; evidence: string };

/** 1–4 steps of the relationship: up the stages to the planned reach, then an opponent's or a cooling turn. */
function historyOf(plan: ContactPlan, spec: DemoAccountSpec, r: Rng): Change[] {
  if (plan.opponent) {
    return [
      { support: -1, closeness: 2, evidence: '在需求评审会上质疑我方方案的成熟度' },
      { support: -2, evidence: '公开表示支持竞争对手方案，并提议重新招标' },
    ];
  }
  const out: Change[] = [];
  for (let s = 1; s <= plan.reach; s++) {
    const stage = RELATIONSHIP_STAGES[s]!;
    out.push({ stage, support: Math.min(2, s), closeness: s + 1 + (s === 3 ? 1 : 0), evidence: r.pick(EVIDENCE[stage]!) });
  }
  if (!out.length) out.push({ closeness: 2, evidence: '首次拜访，交换名片并了解了组织架构' });
  if (spec.lifecycle === 'at_risk' || spec.lifecycle === 'lost' || spec.pattern === 'cold') {
    const last = out[out.length - 1]!;
    out.push({ support: Math.max(-1, (last.support ?? 0) - 1), closeness: Math.max(1, (last.closeness ?? 2) - 1), evidence: r.pick(COOLING) });
  }
  return out;
}
