import { KPI_LIBRARY, type KpiKey } from '../../../shared/contracts/kpis';
import { MONEY_METRICS } from '../../../shared/contracts/targets';

/**
 * The KPI library's groups, in the order the board's columns and the subject page's sections show them:
 * 销售 / 回款 / 客户 / 拜访与开发 / 服务与费用 / 档案. Every KPI is in exactly one (library.test.ts).
 */
export const KPI_GROUPS = {
  sales: ['sales', 'sales_completion', 'sales_growth', 'long_term_agreements'],
  collections: ['collections', 'collection_rate', 'settlement_rate'],
  accounts: ['new_accounts', 'new_account_rate', 'churn_rate'],
  development: ['visits', 'visit_plan_execution', 'dev_plan_completion', 'deal_plan_completion', 'projects_won', 'valid_info_rate'],
  service: ['valid_complaints', 'expense_control'],
  archive: ['archive_completeness', 'archive_timeliness'],
} as const satisfies Record<string, readonly KpiKey[]>;
export type KpiGroup = keyof typeof KPI_GROUPS;
export const KPI_GROUP_KEYS = Object.keys(KPI_GROUPS) as KpiGroup[];

/** The groups with the KPIs a board or set holds, in the library's order; a group none of whose KPIs is held is left out. */
export function groupsOf(keys: readonly KpiKey[]): { group: KpiGroup; keys: KpiKey[] }[] {
  const held = new Set(keys);
  return KPI_GROUP_KEYS.map((group) => ({ group, keys: KPI_GROUPS[group].filter((k) => held.has(k)) })).filter((g) => g.keys.length > 0);
}

/**
 * What a KPI's numerator and denominator count: money (fen, as every amount of the app), or things counted with
 * a noun (the `units` words: 次, 家, 个, 份, 起, and 分 for the archive completeness: each account's completeness
 * summed over 100 per account). 销售增长率's numerator is the change on last year's sales, its denominator those.
 */
export type PartUnit = 'amount' | 'visits' | 'accounts' | 'projects' | 'contracts' | 'complaints' | 'points';

export const KPI_PARTS = {
  sales: { numerator: 'amount', denominator: null },
  sales_completion: { numerator: 'amount', denominator: 'amount' },
  sales_growth: { numerator: 'amount', denominator: 'amount' },
  long_term_agreements: { numerator: 'contracts', denominator: null },
  collections: { numerator: 'amount', denominator: null },
  collection_rate: { numerator: 'amount', denominator: 'amount' },
  settlement_rate: { numerator: 'contracts', denominator: 'contracts' },
  new_accounts: { numerator: 'accounts', denominator: null },
  new_account_rate: { numerator: 'accounts', denominator: 'accounts' },
  churn_rate: { numerator: 'accounts', denominator: 'accounts' },
  visits: { numerator: 'visits', denominator: null },
  visit_plan_execution: { numerator: 'visits', denominator: 'visits' },
  dev_plan_completion: { numerator: 'accounts', denominator: 'accounts' },
  deal_plan_completion: { numerator: 'projects', denominator: 'projects' },
  projects_won: { numerator: 'projects', denominator: null },
  valid_info_rate: { numerator: 'projects', denominator: 'projects' },
  valid_complaints: { numerator: 'complaints', denominator: null },
  expense_control: { numerator: 'amount', denominator: 'amount' },
  archive_completeness: { numerator: 'points', denominator: 'points' },
  archive_timeliness: { numerator: 'accounts', denominator: 'accounts' },
} as const satisfies Record<KpiKey, { numerator: PartUnit; denominator: PartUnit | null }>;

/**
 * The unit of the approved target shown beside a KPI: its target metric's, money for 签约额 / 回款额 and a count
 * otherwise; none for a KPI without a target metric, nor for 销售计划完成率, whose target (签约额's) is already
 * its denominator.
 */
export function targetUnit(key: KpiKey): 'amount' | 'count' | null {
  const { metric, unit } = KPI_LIBRARY[key];
  if (!metric || unit === 'percent') return null;
  return MONEY_METRICS.includes(metric) ? 'amount' : 'count';
}

export type KpiUnit = (typeof KPI_LIBRARY)[KpiKey]['unit'];

/** How figures become text: money in the reader's unit (useMoney), numbers in the reader's language. */
export interface KpiFormat {
  money: (fen: number) => string;
  locale: string;
}

/**
 * A KPI figure as text by the KPI's unit: a percent to one decimal with %, money through the one money
 * format, a count as a whole number; none (a denominator of 0) → —.
 */
export function kpiText(value: number | null | undefined, unit: KpiUnit, f: KpiFormat): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'amount') return f.money(value);
  if (unit === 'percent') return `${value.toLocaleString(f.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  return value.toLocaleString(f.locale, { maximumFractionDigits: 0 });
}

/** A counted numerator or denominator's number (its noun comes from the words): whole things, points to at most one decimal. */
export function partNumber(value: number, unit: Exclude<PartUnit, 'amount'>, locale: string): string {
  return value.toLocaleString(locale, { maximumFractionDigits: unit === 'points' ? 1 : 0 });
}

/** A person or unit whose KPIs a page shows; the URL and the API name it `user:12`, `unit:3`. */
export type Subject = { kind: 'user' | 'unit'; id: number };

/** The subject page of a board row (or any person or unit) for a period. */
export const subjectPath = (s: Subject, period?: string) => `/kpis/subject/${s.kind}:${s.id}${period ? `?period=${encodeURIComponent(period)}` : ''}`;

/** The board of a unit (none: one's own) for a period. */
export const boardPath = (unitId: number | undefined, period: string) => `/kpis?${new URLSearchParams({ ...(unitId ? { unitId: String(unitId) } : {}), period })}`;
