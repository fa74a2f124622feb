import { pinyinKeys } from '../../src/server/features/accounts/accounts.rules';

/**
 * The vocabulary the generator builds the benchmark organisation and archive from. Names are
 * assembled in SQL from segments (city, brand, business, legal form); each segment's pinyin is
 * computed here with the service's own pinyinKeys, so the stored name_pinyin / name_initials are
 * what the service would write as long as no reading changes across a segment boundary. Brand
 * characters have a single reading for that reason, and the generator checks a sample of whole
 * names against pinyinKeys after loading.
 */

export interface ProvinceSpec {
  code: string;
  unit: string;
  province: string;
  /** city → administrative division code (the credit code's characters 3–8) */
  cities: Record<string, string>;
}

export const HQ_CITIES: Record<string, string> = { 北京: '110000', 上海: '310000' };

export const PROVINCES: ProvinceSpec[] = [
  { code: 'JS', unit: '江苏分公司', province: '江苏省', cities: { 南京: '320100', 无锡: '320200', 徐州: '320300', 常州: '320400', 苏州: '320500', 南通: '320600', 扬州: '321000' } },
  { code: 'ZJ', unit: '浙江分公司', province: '浙江省', cities: { 杭州: '330100', 宁波: '330200', 温州: '330300', 嘉兴: '330400', 绍兴: '330600', 金华: '330700', 台州: '331000' } },
  { code: 'GD', unit: '广东分公司', province: '广东省', cities: { 广州: '440100', 深圳: '440300', 珠海: '440400', 佛山: '440600', 惠州: '441300', 东莞: '441900' } },
  { code: 'SD', unit: '山东分公司', province: '山东省', cities: { 济南: '370100', 青岛: '370200', 烟台: '370600', 潍坊: '370700', 临沂: '371300' } },
  { code: 'HA', unit: '河南分公司', province: '河南省', cities: { 郑州: '410100', 洛阳: '410300', 新乡: '410700', 南阳: '411300' } },
  { code: 'SC', unit: '四川分公司', province: '四川省', cities: { 成都: '510100', 德阳: '510600', 绵阳: '510700', 宜宾: '511500' } },
  { code: 'HB', unit: '湖北分公司', province: '湖北省', cities: { 武汉: '420100', 宜昌: '420500', 襄阳: '420600' } },
  { code: 'FJ', unit: '福建分公司', province: '福建省', cities: { 福州: '350100', 厦门: '350200', 泉州: '350500', 漳州: '350600' } },
];

/** Characters with one reading only, combined two by two into brand names (恒华, 鼎盛 …). */
export const BRAND_CHARS = '恒华泰金鑫达宏远瑞丰德隆兴安康嘉永创新通海天博凯润鸿祥旭誉锦中科正邦诚源峰辰航宇星耀晨光明阳昌荣豪威鼎力盈富佳顺益瀚舜帆腾';

export type Nature = 'soe' | 'jv' | 'private' | 'joint_stock' | 'foreign' | 'institution' | 'government';

export interface IndustrySpec {
  industry: string;
  /** share of accounts, in percent */
  weight: number;
  /** [full business word, the word in the short name] */
  businesses: [string, string][];
  forms: string[];
  natures: [Nature, number][];
}

/** Companies by industry (the seeds' industries first); shares add up to 88, government takes the rest. */
export const INDUSTRIES: IndustrySpec[] = [
  { industry: '银行', weight: 6, businesses: [['银行', '银行'], ['农村商业银行', '农商行'], ['村镇银行', '村镇银行']], forms: ['股份有限公司'], natures: [['joint_stock', 70], ['soe', 30]] },
  { industry: '保险', weight: 5, businesses: [['人寿保险', '人寿'], ['财产保险', '财险'], ['保险经纪', '保险经纪']], forms: ['股份有限公司', '有限公司'], natures: [['joint_stock', 60], ['soe', 25], ['foreign', 15]] },
  { industry: '邮政', weight: 3, businesses: [['邮政物流', '邮政'], ['邮政速递', '速递'], ['寄递服务', '寄递']], forms: ['有限公司', '集团有限公司'], natures: [['soe', 100]] },
  { industry: '酒店与会所', weight: 7, businesses: [['大酒店', '大酒店'], ['酒店管理', '酒店'], ['会所管理', '会所'], ['度假村', '度假村'], ['国际大酒店', '国际酒店']], forms: ['有限公司', '集团有限公司'], natures: [['private', 70], ['soe', 15], ['jv', 15]] },
  {
    industry: '制造业',
    weight: 30,
    businesses: [['精密机械', '精机'], ['电子科技', '电子'], ['新材料', '新材'], ['汽车零部件', '汽配'], ['智能装备', '智能'], ['纺织印染', '印染'], ['化工', '化工'], ['电气设备', '电气'], ['食品', '食品'], ['药业', '药业'], ['特钢', '特钢'], ['家居', '家居']],
    forms: ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'],
    natures: [['private', 55], ['joint_stock', 20], ['soe', 10], ['foreign', 10], ['jv', 5]],
  },
  { industry: '电力能源', weight: 6, businesses: [['电力', '电力'], ['能源', '能源'], ['新能源', '新能源'], ['燃气', '燃气'], ['热电', '热电']], forms: ['有限公司', '股份有限公司', '集团有限公司'], natures: [['soe', 60], ['private', 20], ['joint_stock', 20]] },
  { industry: '通信与信息技术', weight: 10, businesses: [['信息技术', '信息'], ['通信技术', '通信'], ['软件', '软件'], ['数据科技', '数据'], ['网络科技', '网络']], forms: ['有限公司', '股份有限公司'], natures: [['private', 70], ['joint_stock', 20], ['foreign', 10]] },
  { industry: '交通物流', weight: 7, businesses: [['物流', '物流'], ['供应链管理', '供应链'], ['运输', '运输'], ['港务', '港务'], ['航运', '航运']], forms: ['有限公司', '集团有限公司'], natures: [['private', 50], ['soe', 40], ['jv', 10]] },
  { industry: '医疗健康', weight: 6, businesses: [['医疗器械', '医械'], ['医药连锁', '医药'], ['健康管理', '健康'], ['生物科技', '生物']], forms: ['有限公司', '股份有限公司'], natures: [['private', 65], ['joint_stock', 25], ['foreign', 10]] },
  { industry: '房地产与建筑', weight: 5, businesses: [['置业', '置业'], ['房地产开发', '地产'], ['建设工程', '建设'], ['建筑装饰', '装饰']], forms: ['有限公司', '集团有限公司'], natures: [['private', 60], ['soe', 40]] },
  { industry: '批发零售', weight: 3, businesses: [['商贸', '商贸'], ['超市连锁', '超市'], ['百货', '百货'], ['贸易', '贸易']], forms: ['有限公司'], natures: [['private', 90], ['jv', 10]] },
];

export const GOVERNMENT_INDUSTRY = '政府机关/事业单位';
export const GOVERNMENT_WEIGHT = 12;
export const GOVERNMENT_DISTRICTS = ['', '', '', '高新区', '经济开发区', '新区', '城东区', '城西区', '城南区', '城北区', '滨江区', '开发区'];
/** [name, nature]: bureaus are government organs, hospitals, schools and centres public institutions */
export const GOVERNMENT_BODIES: [string, Nature][] = [
  ['数据资源管理局', 'government'],
  ['行政审批局', 'government'],
  ['税务局', 'government'],
  ['交通运输局', 'government'],
  ['教育局', 'government'],
  ['卫生健康委员会', 'government'],
  ['城市管理局', 'government'],
  ['市场监督管理局', 'government'],
  ['财政局', 'government'],
  ['统计局', 'government'],
  ['公共资源交易中心', 'institution'],
  ['住房公积金管理中心', 'institution'],
  ['政务服务中心', 'institution'],
  ['人民医院', 'institution'],
  ['第一人民医院', 'institution'],
  ['中心医院', 'institution'],
  ['妇幼保健院', 'institution'],
  ['职业技术学院', 'institution'],
  ['广播电视台', 'institution'],
  ['大数据中心', 'institution'],
];

/** Surnames and given-name characters for people (users, legal representatives, contacts). */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤';
export const GIVEN_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉鹏飞斌宇浩凯健俊帆帅旭宁志国峰海波林雪琳晨颖欣怡佳婷雯蕾';

/** A segment with the pinyin the service would store for it. */
export interface Segment {
  text: string;
  full: string;
  initials: string;
}

export function segment(text: string): Segment {
  const p = pinyinKeys(text);
  return { text, full: p.full, initials: p.initials };
}
