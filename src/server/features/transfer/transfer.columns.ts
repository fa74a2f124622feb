import zhAccounts from '../../../shared/locales/zh-CN/accounts.json';
import enAccounts from '../../../shared/locales/en/accounts.json';
import zhContacts from '../../../shared/locales/zh-CN/contacts.json';
import enContacts from '../../../shared/locales/en/contacts.json';
import zhPortfolio from '../../../shared/locales/zh-CN/portfolio.json';
import zhContracts from '../../../shared/locales/zh-CN/contracts.json';
import enContracts from '../../../shared/locales/en/contracts.json';
import zhCollections from '../../../shared/locales/zh-CN/collections.json';
import enCollections from '../../../shared/locales/en/collections.json';
import { CONTRACT_KINDS } from '../../../shared/contracts/contracts';
import { RECEIPT_METHODS } from '../../../shared/contracts/collections';
import enPortfolio from '../../../shared/locales/en/portfolio.json';
import { QUADRANTS } from '../../../shared/contracts/quadrant';
import {
  ACCOUNT_CATEGORIES,
  ACCOUNT_GRADES,
  ACCOUNT_NATURES,
  ACCOUNT_TIERS,
  CREDIT_STANDINGS,
  FUND_STATUSES,
  INDUSTRY_POSITIONS,
  LIFECYCLE_STAGES,
  PAYMENT_ATTITUDES,
  SOURCE_CHANNELS,
} from '../../../shared/contracts/accounts';
import {
  BUYING_ROLES,
  CONTACT_LAYERS,
  CONTACT_RIGHTS,
  CONTACT_STATUSES,
  GENDERS,
  KEY_ROLES,
  PERSONALITY_TYPES,
  RELATIONSHIP_STAGES,
  THINKING_STYLES,
} from '../../../shared/contracts/contacts';
import type { FileLanguage, ImportKind } from '../../../shared/contracts/transfer';
import type { SheetKind } from '../../platform/spreadsheet';
import { numberText, textOfCell } from './cells.rules';

/**
 * The one definition of the import/export file formats (ACC-6): for every kind, its columns with
 * the header in Chinese (as the seed's 客户档案表 names them) and English, how a cell is read and
 * how a value is written. Imports read it, exports and templates write it, so an exported file
 * imports again unchanged. A column answers to its Chinese header, its English header, its API
 * field name and a few aliases; parenthesised units ("（元）"), spaces, case and a required-marker
 * "*" do not matter. Enumerations read and write the labels of the locale files, so a file says
 * 国企 where the screen does, and the code (soe) is accepted too.
 */

/** A cell as a reader yields it: text from CSV; text, number, boolean or date from XLSX. */
export type Cell = string | number | boolean | Date | null | undefined;
/** A value as a writer takes it: numbers stay numbers in XLSX. */
export type OutCell = string | number | null;

export interface CellProblem {
  key: string;
  message: string;
  params?: Record<string, unknown>;
}
/** `value` undefined: the cell is empty. */
export type Parsed = { ok: true; value: unknown } | { ok: false; problem: CellProblem };

export interface ValueType {
  parse(cell: Cell): Parsed;
  format(value: unknown, lang: FileLanguage): OutCell;
  /** how an XLSX export writes it (text when absent): money, dates and percentages as typed cells */
  kind?: SheetKind;
  /** the template's note on the header: unit or format */
  hint?: Partial<Record<FileLanguage, string>>;
  /** the labels one cell may hold, for the template's note and drop-down */
  choices?(lang: FileLanguage): string[];
}

export interface ColumnDef {
  /** the API field name; for references and owners a name of its own (ownerUsername, accountName…) */
  field: string;
  header: Record<FileLanguage, string>;
  aliases?: readonly string[];
  type: ValueType;
  required?: boolean;
  /** written by exports only (derived or system-kept values); a file may carry it back and it is ignored */
  exportOnly?: boolean;
  /** ORG-4: contact personal details, only where the caller may see them */
  sensitive?: boolean;
  /** ORG-4: payment term and discount, only for account:trade-terms holders */
  tradeTerms?: boolean;
  /** the template's note on the header beyond the type's hint: what the column means for this kind */
  note?: Partial<Record<FileLanguage, string>>;
}

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (key: string, message: string, params?: Record<string, unknown>): Parsed => ({ ok: false, problem: params ? { key, message, params } : { key, message } });

/**
 * Text of a cell, trimmed; undefined when empty. A CSV export protects text that a spreadsheet
 * would run as a formula with a leading apostrophe; it comes off again here.
 */
export function cellText(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  let s: string;
  if (cell instanceof Date) s = isoDay(cell);
  else if (typeof cell === 'number') s = numberText(cell);
  else s = String(cell);
  s = s.trim();
  if (/^'[=+\-@]/.test(s)) s = s.slice(1);
  return s === '' ? undefined : s;
}

const isoDay = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** For matching: full-width to half-width, no spaces, ASCII lower-case. */
export function looseKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The forms of a label a reader accepts: whole, without a parenthesised part, and that part ("约（约见）" → 约, 约见). */
function labelForms(label: string): string[] {
  const n = looseKey(label);
  const forms = new Set([n, n.replace(/\([^)]*\)/g, '')]);
  for (const m of n.matchAll(/\(([^)]*)\)/g)) forms.add(m[1]);
  return [...forms].filter(Boolean);
}

/**
 * Decimal text with at most two decimals → integer hundredths, exactly (no floating point):
 * 元 → 分 and percent → basis points. Thousands separators and a currency sign are allowed.
 */
export function hundredths(text: string): { value: number } | { problem: 'format' | 'precision' | 'range' } {
  const s = text.replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/(元|%)$/, '');
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { problem: 'format' };
  const frac = m[3] ?? '';
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) return { problem: 'precision' };
  const v = BigInt(m[2]) * 100n + BigInt((frac.slice(0, 2) + '00').slice(0, 2));
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'range' };
  return { value: m[1] && v !== 0n ? -Number(v) : Number(v) };
}

/** Integer hundredths → the exact decimal text ("123456" → "1234.56"). */
export function hundredthsText(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- value types

/**
 * Text, refusing what a spreadsheet made of it when it took it for a number: a number that lost
 * digits (a bank account of 16 or more), and — in a code column of `length` digits — one that
 * lost its leading zeros (a postcode 012345 kept as 12345). Both ask for the cell as text.
 */
function textOf(cell: Cell, length?: number): Parsed {
  const s = typeof cell === 'number' ? cell : cellText(cell);
  if (s === undefined) return ok(undefined);
  const r = textOfCell(s, length);
  if ('text' in r) return ok(r.text);
  const value = typeof cell === 'number' ? numberText(cell) : String(s);
  if (r.problem === 'lostDigits') return bad('transfer.numberLostDigits', 'The spreadsheet kept this as a number and lost its digits beyond the 15th; format the cell as text and enter it again', { value });
  return bad('transfer.numberLostLeadingZero', `Shorter than ${r.length} digits: the spreadsheet may have dropped a leading 0; format the cell as text and enter it again`, { value, length: r.length });
}

const text: ValueType = {
  parse: (cell) => textOf(cell),
  format: (v) => (v === null || v === undefined ? null : String(v)),
};

/** A code of a fixed number of digits, kept as text: a postcode. */
const digitsCode = (length: number): ValueType => ({
  ...text,
  parse: (cell) => textOf(cell, length),
  hint: { 'zh-CN': `${length} 位数字`, en: `${length} digits` },
});

const integer: ValueType = {
  parse(cell) {
    const s = cellText(cell);
    if (s === undefined) return ok(undefined);
    const c = s.replace(/[,，]/g, '');
    if (!/^[+-]?\d+$/.test(c)) return bad('transfer.notInteger', 'Enter a whole number', { value: s });
    const n = Number(c);
    return Number.isSafeInteger(n) ? ok(n) : bad('transfer.notInteger', 'Enter a whole number', { value: s });
  },
  format: (v) => (typeof v === 'number' ? v : null),
  kind: 'number',
};

/** Amounts bigger than this are written as text in XLSX: a spreadsheet number holds 15 digits exactly. */
const EXACT_NUMBER_LIMIT = 10 ** 15;

/** Money in 元 in the file, integer 分 in the API: 1234.56 → 123456; a third decimal is refused. */
const yuan: ValueType = {
  parse(cell) {
    const s = cellText(cell);
    if (s === undefined) return ok(undefined);
    // a percentage (typed "5%", or a number in a percent format) is no amount
    const r = s.endsWith('%') ? ({ problem: 'format' } as const) : hundredths(s);
    if ('value' in r) return ok(r.value);
    if (r.problem === 'precision') return bad('transfer.moneyPrecision', 'At most two decimals (fen)', { value: s });
    if (r.problem === 'range') return bad('transfer.moneyRange', 'The amount is too large', { value: s });
    return bad('transfer.notMoney', 'Enter an amount in yuan, e.g. 1234.56', { value: s });
  },
  format: (v) => (typeof v !== 'number' ? null : Math.abs(v) < EXACT_NUMBER_LIMIT ? Number(hundredthsText(v)) : hundredthsText(v)),
  hint: { 'zh-CN': '单位：元，最多两位小数', en: 'in yuan, at most two decimals' },
  kind: 'money',
};

/**
 * A discount in percent in the file (10 = 10 % off = 九折), basis points in the API. A cell typed
 * "10%" (the number 0.1 in a percent format) reads as 10: the reader hands it over as "10%".
 */
const percentOff: ValueType = {
  parse(cell) {
    const s = cellText(cell);
    if (s === undefined) return ok(undefined);
    const r = hundredths(s);
    if ('value' in r) return ok(r.value);
    return bad('transfer.notPercent', 'Enter a percentage with at most two decimals, e.g. 12.5', { value: s });
  },
  format: (v) => (typeof v === 'number' ? Number(hundredthsText(v)) : null),
  hint: { 'zh-CN': '折让百分比，10 即九折', en: 'percent off, 10 = 10 % off' },
  kind: 'percent',
};

const YES = ['是', 'y', 'yes', 'true', '1', '√', '✓'];
const NO = ['否', 'n', 'no', 'false', '0', '×', '✗'];
const boolean: ValueType = {
  parse(cell) {
    if (typeof cell === 'boolean') return ok(cell);
    const s = cellText(cell);
    if (s === undefined) return ok(undefined);
    const k = looseKey(s);
    if (YES.includes(k)) return ok(true);
    if (NO.includes(k)) return ok(false);
    return bad('transfer.notBoolean', 'Enter 是 or 否 (yes or no)', { value: s });
  },
  format: (v, lang) => (typeof v !== 'boolean' ? null : lang === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否'),
  choices: (lang) => (lang === 'en' ? ['Yes', 'No'] : ['是', '否']),
};

/** A calendar date: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, or a spreadsheet date cell. */
const date: ValueType = {
  parse(cell) {
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad('transfer.notDate', 'Enter a date like 2024-03-05') : ok(isoDay(cell));
    const s = cellText(cell);
    if (s === undefined) return ok(undefined);
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(looseKey(s));
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) return ok(isoDay(t));
    }
    return bad('transfer.notDate', 'Enter a date like 2024-03-05', { value: s });
  },
  format: (v) => (typeof v === 'string' ? v : null),
  hint: { 'zh-CN': '日期，如 2024-03-05', en: 'a date, e.g. 2024-03-05' },
  kind: 'date',
};

/** A moment, written in the business time zone by the export (read back never: export-only). */
const moment: ValueType = {
  parse: (cell) => ok(cellText(cell)),
  format: (v) => (typeof v === 'string' ? v : null),
  kind: 'datetime',
};

type Labels = Record<string, string>;

/**
 * One of a fixed set of values: the code or any label form in either language. Writes the label
 * of the file's language. `numeric` turns the code into a number (support −2…2).
 */
function enumeration(codes: readonly string[], zh: Labels, en: Labels, extra: Record<string, readonly string[]> = {}, numeric = false): ValueType & { lookup: Map<string, string> } {
  const lookup = new Map<string, string>();
  for (const code of codes) {
    for (const form of [looseKey(code), ...labelForms(zh[code] ?? code), ...labelForms(en[code] ?? code), ...(extra[code] ?? []).map(looseKey)]) {
      if (!lookup.has(form)) lookup.set(form, code);
    }
  }
  const out = (code: string) => (numeric ? Number(code) : code);
  return {
    lookup,
    parse(cell) {
      const s = cellText(cell);
      if (s === undefined) return ok(undefined);
      const code = lookup.get(looseKey(s));
      if (code !== undefined) return ok(out(code));
      return bad('transfer.notOneOf', 'Not one of the allowed values', { value: s, values: codes.map((c) => zh[c] ?? c).join('、') });
    },
    format: (v, lang) => (v === null || v === undefined ? null : ((lang === 'en' ? en : zh)[String(v)] ?? String(v))),
    choices: (lang) => codes.map((c) => (lang === 'en' ? en : zh)[c] ?? c),
  };
}

/** Several values of one set in a cell, separated by 、 , ; or / ("向导、内线"). */
function enumerationList(codes: readonly string[], zh: Labels, en: Labels): ValueType {
  const one = enumeration(codes, zh, en);
  return {
    parse(cell) {
      const s = cellText(cell);
      if (s === undefined) return ok(undefined);
      const parts = s.split(/[、,，;；/]+/).map((p) => p.trim()).filter(Boolean);
      const values: string[] = [];
      for (const p of parts) {
        const r = one.parse(p);
        if (!r.ok) return bad('transfer.notOneOf', 'Not one of the allowed values', { value: p, values: codes.map((c) => zh[c] ?? c).join('、') });
        if (!values.includes(r.value as string)) values.push(r.value as string);
      }
      return ok(values);
    },
    format: (v, lang) => (Array.isArray(v) ? v.map((x) => one.format(x, lang)).join(lang === 'en' ? ', ' : '、') || null : null),
    hint: {
      'zh-CN': `可填多个，用顿号分隔：${codes.map((c) => zh[c] ?? c).join('、')}`,
      en: `one or more, separated by commas: ${codes.map((c) => en[c] ?? c).join(', ')}`,
    },
  };
}

const za = zhAccounts;
const ea = enAccounts;
const zc = zhContacts;
const ec = enContacts;
const tiersAndCategories = {
  tier: enumeration(ACCOUNT_TIERS, za.tiers, ea.tiers),
  categories: enumerationList(ACCOUNT_CATEGORIES, za.categories, ea.categories),
  grade: enumeration(ACCOUNT_GRADES, za.grades, ea.grades),
  quadrant: enumeration(QUADRANTS, zhPortfolio.quadrants, enPortfolio.quadrants),
};

const h = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// ---------------------------------------------------------------- accounts

export const ACCOUNT_COLUMNS: readonly ColumnDef[] = [
  { field: 'id', header: h('客户编号', 'Account ID'), type: integer, exportOnly: true },
  { field: 'name', header: h('客户名称', 'Account name'), aliases: ['企业名称', '单位名称', 'customer name'], type: text, required: true },
  { field: 'shortName', header: h('简称', 'Short name'), aliases: ['客户简称'], type: text },
  { field: 'creditCode', header: h('统一社会信用代码', 'Unified social credit code'), aliases: ['信用代码', 'credit code', 'USCC'], type: text },
  { field: 'nature', header: h('企业性质', 'Nature'), aliases: ['性质'], type: enumeration(ACCOUNT_NATURES, za.natures, ea.natures, { soe: ['国有企业', '国营'], private: ['民营企业', '私营'], foreign: ['外资企业', '独资'], government: ['政府', '机关'] }) },
  { field: 'industry', header: h('行业', 'Industry'), aliases: ['所属行业'], type: text },
  { field: 'industryPosition', header: h('行业地位', 'Industry position'), aliases: ['行业位置'], type: enumeration(INDUSTRY_POSITIONS, za.industryPositions, ea.industryPositions) },
  { field: 'foundedYear', header: h('成立年份', 'Founded'), aliases: ['成立年代', '成立时间', 'founded year'], type: integer },
  { field: 'registeredCapital', header: h('注册资本（元）', 'Registered capital (CNY)'), type: yuan },
  { field: 'employees', header: h('员工人数', 'Employees'), aliases: ['员工数', '人数'], type: integer },
  { field: 'address', header: h('地址', 'Address'), aliases: ['详细地址', '公司地址'], type: text },
  { field: 'postalCode', header: h('邮政编码', 'Postal code'), aliases: ['邮编'], type: digitsCode(6) },
  { field: 'phone', header: h('电话', 'Phone'), aliases: ['联系电话', '常联系电话'], type: text },
  { field: 'fax', header: h('传真', 'Fax'), type: text },
  { field: 'website', header: h('网址', 'Website'), aliases: ['网站'], type: text },
  { field: 'email', header: h('电子邮箱', 'E-mail'), aliases: ['邮箱', 'email'], type: text },
  { field: 'legalRepresentative', header: h('法定代表人', 'Legal representative'), aliases: ['法人代表', '法人'], type: text },
  { field: 'superiorOrg', header: h('上级单位', 'Superior organisation'), aliases: ['上级主管单位'], type: text },
  { field: 'businessScope', header: h('经营范围', 'Business scope'), aliases: ['主营业务范围', '营业务范围', '主营业务'], type: text },
  { field: 'developmentPlans', header: h('发展规划', 'Development plans'), type: text },
  { field: 'mainProducts', header: h('主要产品', 'Main products'), aliases: ['产品'], type: text },
  { field: 'marketShare', header: h('市场占有率', 'Market share'), type: text },
  { field: 'annualSales', header: h('年销售额（元）', 'Annual sales (CNY)'), type: yuan },
  { field: 'bankName', header: h('开户银行', 'Bank'), aliases: ['开户行'], type: text },
  { field: 'bankAccount', header: h('银行账号', 'Bank account'), aliases: ['账号'], type: text },
  { field: 'creditStanding', header: h('信用状况', 'Credit standing'), aliases: ['信用'], type: enumeration(CREDIT_STANDINGS, za.creditStandings, ea.creditStandings) },
  { field: 'fundStatus', header: h('资金状况', 'Fund status'), type: enumeration(FUND_STATUSES, za.fundStatuses, ea.fundStatuses) },
  { field: 'paymentAttitude', header: h('付款态度', 'Payment attitude'), type: enumeration(PAYMENT_ATTITUDES, za.paymentAttitudes, ea.paymentAttitudes) },
  { field: 'paymentTermDays', header: h('账期（天）', 'Payment term (days)'), type: integer, tradeTerms: true },
  { field: 'discountBp', header: h('折扣（%）', 'Discount (%)'), type: percentOff, tradeTerms: true },
  { field: 'targetMarket', header: h('目标市场', 'Target market'), type: text },
  { field: 'customerStrategy', header: h('客户策略', 'Customer strategy'), type: text },
  { field: 'sourceChannel', header: h('开发来源', 'Source channel'), aliases: ['来源'], type: enumeration(SOURCE_CHANNELS, za.sourceChannels, ea.sourceChannels) },
  { field: 'province', header: h('省份', 'Province'), aliases: ['省'], type: text },
  { field: 'city', header: h('城市', 'City'), aliases: ['市'], type: text },
  { field: 'vip', header: h('VIP客户', 'VIP'), aliases: ['是否VIP'], type: boolean },
  { field: 'lifecycle', header: h('生命周期', 'Lifecycle'), aliases: ['客户阶段'], type: enumeration(LIFECYCLE_STAGES, za.lifecycles, ea.lifecycles) },
  { field: 'ownerUsername', header: h('客户经理账号', 'Owner username'), aliases: ['负责人账号', 'owner'], type: text },
  { field: 'ownerName', header: h('客户经理', 'Owner'), type: text, exportOnly: true },
  { field: 'unitName', header: h('所属单位', 'Unit'), type: text, exportOnly: true },
  { field: 'parentName', header: h('集团上级客户', 'Parent account'), type: text, exportOnly: true },
  { field: 'tier', header: h('客户规模', 'Tier'), type: tiersAndCategories.tier, exportOnly: true },
  { field: 'categories', header: h('价值类别', 'Categories'), type: tiersAndCategories.categories, exportOnly: true },
  { field: 'grade', header: h('开发等级', 'Grade'), type: tiersAndCategories.grade, exportOnly: true },
  { field: 'completeness', header: h('档案完整率（%）', 'Completeness (%)'), type: integer, exportOnly: true },
  { field: 'quadrant', header: h('客户象限', 'Portfolio quadrant'), type: tiersAndCategories.quadrant, exportOnly: true },
  { field: 'coverageScore', header: h('关系覆盖分', 'Coverage score'), type: integer, exportOnly: true },
  { field: 'createdAt', header: h('创建时间', 'Created'), type: moment, exportOnly: true },
  { field: 'updatedAt', header: h('更新时间', 'Updated'), type: moment, exportOnly: true },
];

// ---------------------------------------------------------------- contacts

/** The account a contact or revenue row belongs to: its credit code, or else its exact name. */
const accountRef: ColumnDef[] = [
  { field: 'accountName', header: h('客户名称', 'Account name'), aliases: ['所属客户', '企业名称', '单位名称'], type: text },
  { field: 'accountCreditCode', header: h('客户统一社会信用代码', 'Account credit code'), aliases: ['统一社会信用代码', '信用代码', 'credit code'], type: text },
];

export const CONTACT_COLUMNS: readonly ColumnDef[] = [
  { field: 'id', header: h('联系人编号', 'Contact ID'), type: integer, exportOnly: true },
  ...accountRef,
  { field: 'name', header: h('姓名', 'Name'), aliases: ['联系人', '联系人姓名'], type: text, required: true },
  { field: 'gender', header: h('性别', 'Gender'), type: enumeration(GENDERS, zc.genders, ec.genders) },
  { field: 'birthday', header: h('生日', 'Birthday'), aliases: ['出生日期'], type: date, sensitive: true },
  { field: 'nativePlace', header: h('籍贯', 'Native place'), type: text },
  { field: 'department', header: h('部门', 'Department'), type: text },
  { field: 'title', header: h('职务', 'Title'), aliases: ['职位'], type: text },
  { field: 'officePhone', header: h('办公电话', 'Office phone'), aliases: ['电话'], type: text },
  { field: 'mobile', header: h('手机', 'Mobile'), aliases: ['手机号', '手机号码', '联系电话'], type: text },
  { field: 'fax', header: h('传真', 'Fax'), type: text },
  { field: 'email', header: h('电子邮件', 'E-mail'), aliases: ['邮箱', '电子邮箱', 'email'], type: text },
  { field: 'personality', header: h('性格', 'Personality'), type: text, sensitive: true },
  { field: 'temperament', header: h('气质', 'Temperament'), type: text },
  { field: 'maritalStatus', header: h('婚姻状况', 'Marital status'), aliases: ['婚姻'], type: text, sensitive: true },
  { field: 'family', header: h('家庭情况', 'Family'), aliases: ['家庭'], type: text, sensitive: true },
  { field: 'hobbies', header: h('兴趣爱好', 'Hobbies'), aliases: ['爱好'], type: text, sensitive: true },
  { field: 'habits', header: h('习惯', 'Habits'), aliases: ['生活习惯'], type: text, sensitive: true },
  { field: 'honoraryPosts', header: h('社会荣誉职务', 'Honorary posts'), type: text },
  { field: 'education', header: h('教育背景', 'Education'), aliases: ['学历'], type: text },
  { field: 'careerHistory', header: h('工作经历', 'Career history'), type: text },
  { field: 'background', header: h('背景', 'Background'), type: text },
  { field: 'expression', header: h('表达方式', 'Expression'), type: text },
  { field: 'thinkingStyle', header: h('思维方式', 'Thinking style'), type: enumeration(THINKING_STYLES, zc.thinkingStyles, ec.thinkingStyles) },
  { field: 'strengths', header: h('优点', 'Strengths'), type: text },
  { field: 'weaknesses', header: h('缺点', 'Weaknesses'), type: text },
  { field: 'businessFamiliarity', header: h('业务熟悉程度', 'Business familiarity'), type: text },
  { field: 'decisionScope', header: h('决策范围', 'Decision scope'), type: text },
  { field: 'influence', header: h('影响力', 'Influence'), aliases: ['影响力（1-5）'], type: integer },
  { field: 'responsibilities', header: h('职责', 'Responsibilities'), type: text },
  { field: 'buyingRole', header: h('采购角色', 'Buying role'), type: enumeration(BUYING_ROLES, zc.buyingRoles, ec.buyingRoles) },
  { field: 'keyRoles', header: h('关键角色', 'Key roles'), type: enumerationList(KEY_ROLES, zc.keyRoles, ec.keyRoles) },
  { field: 'layer', header: h('层级', 'Layer'), type: enumeration(CONTACT_LAYERS, zc.layers, ec.layers, { decision: ['决策'], management: ['管理'], operation: ['操作', '执行层'] }) },
  { field: 'right', header: h('权力', 'Right'), aliases: ['决策权力'], type: enumeration(CONTACT_RIGHTS, zc.rights, ec.rights) },
  { field: 'personalityType', header: h('性格类型', 'Personality type'), type: enumeration(PERSONALITY_TYPES, zc.personalityTypes, ec.personalityTypes, { eagle: ['鹰'], fox: ['狐', '狐狸'], sheep: ['羊'], donkey: ['驴'] }) },
  { field: 'support', header: h('支持度', 'Support'), type: enumeration(['-2', '-1', '0', '1', '2'], zc.supports, ec.supports, {}, true) },
  { field: 'closeness', header: h('亲密程度', 'Closeness'), aliases: ['亲密度'], type: integer },
  { field: 'expertise', header: h('专业程度', 'Expertise'), type: integer },
  { field: 'stage', header: h('关系阶段', 'Stage'), type: enumeration(RELATIONSHIP_STAGES, zc.stages, ec.stages) },
  { field: 'competitorLeaning', header: h('倾向的竞争对手', 'Competitor leaning'), aliases: ['竞争对手倾向'], type: text },
  { field: 'ownerUsername', header: h('我方负责人账号', 'Our owner username'), aliases: ['负责人账号', 'owner'], type: text },
  { field: 'ownerName', header: h('我方负责人', 'Our owner'), type: text, exportOnly: true },
  { field: 'status', header: h('状态', 'Status'), type: enumeration(CONTACT_STATUSES, zc.statuses, ec.statuses), exportOnly: true },
  { field: 'leftAt', header: h('离职日期', 'Left on'), type: date, exportOnly: true },
  { field: 'lastContactAt', header: h('最近联系', 'Last contact'), type: moment, exportOnly: true },
];

// ---------------------------------------------------------------- revenue

export const REVENUE_COLUMNS: readonly ColumnDef[] = [
  ...accountRef,
  { field: 'year', header: h('年份', 'Year'), aliases: ['年度'], type: integer, required: true },
  { field: 'amount', header: h('金额（元）', 'Amount (CNY)'), aliases: ['营收', '收入', '营业收入', 'revenue'], type: yuan, required: true },
  { field: 'note', header: h('备注', 'Note'), aliases: ['说明'], type: text },
];

// ---------------------------------------------------------------- contracts, payment plans and receipts (issue 14 item 9)

/**
 * The account of a contract or receipt: one column 客户 holding its credit code or its exact name
 * (checkRow tells them apart), or the credit code in a column of its own.
 */
const dealAccountRef: ColumnDef[] = [
  { field: 'accountName', header: h('客户', 'Account'), aliases: ['客户名称', '所属客户', '企业名称', '单位名称', 'account name', 'customer'], type: text, note: { 'zh-CN': '统一社会信用代码或客户的准确名称', en: 'the credit code or the exact name of the account' } },
  { field: 'accountCreditCode', header: h('客户统一社会信用代码', 'Account credit code'), aliases: ['统一社会信用代码', '信用代码', 'credit code'], type: text },
];

/** The states an imported contract arrives in: historical records from the core system, never drafts. */
export const IMPORTED_CONTRACT_STATUSES = ['signed', 'in_progress', 'completed'] as const;
const zk = zhContracts;
const ek = enContracts;

export const CONTRACT_COLUMNS: readonly ColumnDef[] = [
  { field: 'number', header: h('合同编号', 'Contract number'), aliases: ['合同号', 'number'], type: text, required: true, note: { 'zh-CN': '已存在的编号会报错', en: 'a number that exists is an error' } },
  { field: 'kind', header: h('合同类型', 'Kind'), aliases: ['类型', '合同种类'], type: enumeration(CONTRACT_KINDS, zk.kinds, ek.kinds, { framework: ['框架协议', '战略协议'], supplement: ['补充合同'] }), required: true },
  { field: 'parentNumber', header: h('上级合同编号', 'Parent contract number'), aliases: ['上级合同', '框架协议编号', '主合同编号'], type: text, note: { 'zh-CN': '销售合同：所属战略合作协议（可空）；补充协议：所补充的销售合同（必填）。可以是本文件前面的行', en: 'sales: its framework agreement (optional); supplement: the sales contract it amends (required); may be an earlier row of the file' } },
  ...dealAccountRef,
  { field: 'owner', header: h('负责人', 'Owner'), aliases: ['负责人账号', '合同负责人', '客户经理', 'owner username'], type: text, note: { 'zh-CN': '账号或姓名；空则为导入人', en: 'username or name; empty: the importer' } },
  { field: 'title', header: h('合同名称', 'Title'), aliases: ['名称', '合同标题'], type: text, required: true },
  { field: 'amount', header: h('合同金额（元）', 'Amount (CNY)'), aliases: ['金额', '合同额'], type: yuan, required: true },
  { field: 'signDate', header: h('签订日期', 'Sign date'), aliases: ['签约日期', '签署日期'], type: date, required: true },
  { field: 'startDate', header: h('开始日期', 'Start date'), aliases: ['生效日期', '起始日期'], type: date },
  { field: 'endDate', header: h('结束日期', 'End date'), aliases: ['截止日期', '终止日期', '到期日期'], type: date },
  { field: 'paymentTerms', header: h('付款条件', 'Payment terms'), aliases: ['付款方式', '付款条款'], type: text },
  {
    field: 'status',
    header: h('状态', 'Status'),
    aliases: ['合同状态'],
    type: enumeration(IMPORTED_CONTRACT_STATUSES, zk.statuses, ek.statuses, { in_progress: ['执行中', '履约中'], completed: ['已完成', '已履行', '完成'] }),
    note: {
      'zh-CN': '核心系统的历史合同：按所填状态直接记为已签订/执行中/已完成，不走审批，不是草稿；空则为已签订',
      en: 'historical contracts from the core system: written as signed / in progress / completed as given, without approval — not drafts; empty: signed',
    },
  },
  { field: 'note', header: h('备注', 'Note'), aliases: ['说明'], type: text },
];

export const INSTALMENT_COLUMNS: readonly ColumnDef[] = [
  { field: 'contractNumber', header: h('合同编号', 'Contract number'), aliases: ['合同号'], type: text, required: true, note: { 'zh-CN': '已有回款计划的合同会报错', en: 'a contract that already has a plan is an error' } },
  { field: 'seq', header: h('期次', 'Instalment'), aliases: ['期数', '第几期', 'seq'], type: integer, required: true },
  { field: 'milestone', header: h('里程碑', 'Milestone'), aliases: ['节点', '付款节点'], type: text },
  { field: 'dueDate', header: h('到期日', 'Due date'), aliases: ['到期日期', '应收日期', '计划回款日期'], type: date, required: true },
  { field: 'amount', header: h('金额（元）', 'Amount (CNY)'), aliases: ['应收金额', '计划金额'], type: yuan, required: true, note: { 'zh-CN': '同一合同各期之和须等于合同金额', en: "a contract's instalments must add up to its amount" } },
];

export const RECEIPT_COLUMNS: readonly ColumnDef[] = [
  { field: 'number', header: h('回款单号', 'Receipt number'), aliases: ['单号', '收款单号'], type: text, note: { 'zh-CN': '可空：自动编号', en: 'optional: numbered automatically' } },
  ...dealAccountRef,
  { field: 'receivedOn', header: h('到账日期', 'Received on'), aliases: ['收款日期', '回款日期', '到账日'], type: date, required: true },
  { field: 'amount', header: h('金额（元）', 'Amount (CNY)'), aliases: ['回款金额', '收款金额', '到账金额'], type: yuan, required: true },
  { field: 'method', header: h('方式', 'Method'), aliases: ['回款方式', '收款方式', '付款方式'], type: enumeration(RECEIPT_METHODS, zhCollections.methods, enCollections.methods, { transfer: ['转账', '电汇', '银行'], acceptance: ['承兑', '汇票', '银行承兑'] }) },
  { field: 'bankRef', header: h('银行流水号', 'Bank reference'), aliases: ['流水号', '交易流水号'], type: text, note: { 'zh-CN': '与已有回款单或前面的行相同即为重复，不会导入', en: 'the same as an existing receipt or an earlier row: a duplicate, not imported' } },
  { field: 'payer', header: h('付款方', 'Payer'), aliases: ['付款单位', '付款人'], type: text },
  { field: 'note', header: h('备注', 'Note'), aliases: ['说明', '摘要'], type: text },
  { field: 'confirmed', header: h('确认', 'Confirmed'), aliases: ['已确认', '是否确认'], type: boolean, note: { 'zh-CN': '“是”：导入即为已确认，金额作为客户预收款待分配；空或“否”：待确认', en: 'yes: confirmed at once, held as the account\'s credit until allocated; empty or no: to be confirmed' } },
];

export const COLUMNS: Record<ImportKind, readonly ColumnDef[]> = {
  accounts: ACCOUNT_COLUMNS,
  contacts: CONTACT_COLUMNS,
  revenue: REVENUE_COLUMNS,
  contracts: CONTRACT_COLUMNS,
  instalments: INSTALMENT_COLUMNS,
  receipts: RECEIPT_COLUMNS,
};

/** A header cell as the matcher sees it: no required marker, no parenthesised unit, loose. */
export function headerKey(header: string): string {
  return looseKey(header).replace(/^\*+|\*+$/g, '').replace(/\([^)]*\)/g, '');
}

export interface ColumnMapping {
  /** file column index → column definition (import columns only) and the file's header for it */
  byIndex: Map<number, { def: ColumnDef; header: string }>;
  recognised: { header: string; field: string }[];
  ignored: string[];
  /** required fields no column answers to */
  missing: ColumnDef[];
  /** a field two columns answer to: the first header, the second */
  duplicated: { field: string; headers: [string, string] }[];
}

/** Which column of the file feeds which field; export-only and unknown headers are ignored. */
export function mapHeaders(kind: ImportKind, headers: readonly Cell[]): ColumnMapping {
  const defs = COLUMNS[kind];
  const lookup = new Map<string, ColumnDef>();
  for (const d of defs) {
    for (const name of [d.field, d.header['zh-CN'], d.header.en, ...(d.aliases ?? [])]) {
      const k = headerKey(name);
      if (!lookup.has(k)) lookup.set(k, d);
    }
  }
  const byIndex: ColumnMapping['byIndex'] = new Map();
  const recognised: ColumnMapping['recognised'] = [];
  const ignored: string[] = [];
  const duplicated: ColumnMapping['duplicated'] = [];
  const seen = new Map<string, string>();
  headers.forEach((cell, i) => {
    const header = cellText(cell);
    if (header === undefined) return;
    const def = lookup.get(headerKey(header));
    if (!def || def.exportOnly) {
      ignored.push(header);
      return;
    }
    const first = seen.get(def.field);
    if (first !== undefined) {
      duplicated.push({ field: def.field, headers: [first, header] });
      return;
    }
    seen.set(def.field, header);
    byIndex.set(i, { def, header });
    recognised.push({ header, field: def.field });
  });
  const missing = defs.filter((d) => d.required && !seen.has(d.field));
  return { byIndex, recognised, ignored, missing, duplicated };
}

/** The columns a file of this kind is written with, in order, for an export (or, importOnly, a template). */
export function writtenColumns(kind: ImportKind, opts: { template?: boolean; tradeTerms?: boolean; sensitive?: boolean }): ColumnDef[] {
  return COLUMNS[kind].filter((d) => !(opts.template && d.exportOnly) && (opts.tradeTerms || !d.tradeTerms) && (opts.sensitive || !d.sensitive));
}

/** A header as written: a required column carries a "*" so the template shows what must be filled. */
export function writtenHeader(d: ColumnDef, lang: FileLanguage, template = false): string {
  return template && d.required ? `*${d.header[lang]}` : d.header[lang];
}
