import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import {
  accountAssign,
  accountChanges,
  accountCreate,
  accountDetail,
  accountListItem,
  accountListQuery,
  accountSettings,
  accountSettingsInput,
  accountUpdate,
  categoriesChange,
  completenessReport,
  completenessReportQuery,
  SYSTEM_REASON_KEYS,
  gradeChange,
  lifecycleChange,
  revenueLedger,
  revenueUpdate,
  teamUpdate,
  type AccountChange,
  type AccountDetail,
  type AccountListItem,
  type RevenueLedger,
  type SystemReasonKey,
} from '../../../shared/contracts/accounts';
import { quadrantDistribution, quadrantOverride, quadrantView, type QuadrantFactor, type QuadrantView } from '../../../shared/contracts/quadrant';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { categoryList } from './accounts.rules';
import * as changes from './accounts.changes.service';
import { recomputeAll } from './accounts.derived.service';
import * as service from './accounts.service';
import * as settings from './accounts.settings.service';

export const ACCOUNTS_RECOMPUTE_JOB = 'accounts.recompute';
/** At night, after imports from core systems have landed and before the working day. */
export const ACCOUNTS_RECOMPUTE_AT = '02:30';

export function registerAccountJobs(p: Platform) {
  p.jobs.schedule(ACCOUNTS_RECOMPUTE_JOB, { dailyAt: ACCOUNTS_RECOMPUTE_AT, timeZone: p.config.BUSINESS_TZ }, async (payload) => {
    // a queued run says why (settings change, upgrade); the schedule's run is the nightly one
    const reason = (payload as { reason?: unknown } | null)?.reason;
    await recomputeAll(p.db, p.config.BUSINESS_TZ, new Date(), SYSTEM_REASON_KEYS.includes(reason as SystemReasonKey) ? (reason as SystemReasonKey) : 'nightly');
  });
}

type ListRow = Omit<Awaited<ReturnType<typeof service.listAccounts>>['items'][number], 'matchedContact'> & { matchedContact?: AccountListItem['matchedContact'] };
type Flags = Pick<ListRow, 'cat_premium' | 'cat_high_value' | 'cat_group' | 'cat_strategic'>;
const categoriesOut = (r: Flags) => categoryList({ premium: r.cat_premium, high_value: r.cat_high_value, group: r.cat_group, strategic: r.cat_strategic });

export const accountListOut = (r: ListRow): AccountListItem => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  creditCode: r.credit_code,
  nature: r.nature as AccountListItem['nature'],
  industry: r.industry,
  province: r.province,
  city: r.city,
  vip: r.vip,
  tier: r.tier as AccountListItem['tier'],
  categories: categoriesOut(r),
  grade: r.grade as AccountListItem['grade'],
  lifecycle: r.lifecycle as AccountListItem['lifecycle'],
  completeness: r.completeness,
  coverageScore: r.coverage_score,
  quadrant: r.quadrant as AccountListItem['quadrant'],
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  parentId: r.parent_id,
  version: r.version,
  updatedAt: iso(r.updated_at),
  ...(r.matchedContact !== undefined ? { matchedContact: r.matchedContact } : {}),
});

type Summary = service.AccountView['children'][number];
const summaryOut = (s: Summary) => ({
  id: s.id,
  name: s.name,
  tier: s.tier as AccountDetail['tier'],
  lifecycle: s.lifecycle as AccountDetail['lifecycle'],
  visible: Boolean(s.visible),
});

export function accountDetailOut(v: service.AccountView): AccountDetail {
  const r = v.row;
  return {
    ...accountListOut(r),
    industryPosition: r.industry_position as AccountDetail['industryPosition'],
    foundedYear: r.founded_year,
    registeredCapital: r.registered_capital,
    employees: r.employees,
    address: r.address,
    postalCode: r.postal_code,
    phone: r.phone,
    fax: r.fax,
    website: r.website,
    email: r.email,
    legalRepresentative: r.legal_representative,
    superiorOrg: r.superior_org,
    businessScope: r.business_scope,
    developmentPlans: r.development_plans,
    mainProducts: r.main_products,
    marketShare: r.market_share,
    annualSales: r.annual_sales,
    bankName: r.bank_name,
    bankAccount: r.bank_account,
    creditStanding: r.credit_standing as AccountDetail['creditStanding'],
    fundStatus: r.fund_status as AccountDetail['fundStatus'],
    paymentAttitude: r.payment_attitude as AccountDetail['paymentAttitude'],
    // ORG-4: trade terms only for holders of account:trade-terms
    paymentTermDays: v.tradeTermsVisible ? r.payment_term_days : null,
    discountBp: v.tradeTermsVisible ? r.discount_bp : null,
    tradeTermsVisible: v.tradeTermsVisible,
    targetMarket: r.target_market,
    customerStrategy: r.customer_strategy,
    sourceChannel: r.source_channel as AccountDetail['sourceChannel'],
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    highValueOverride: r.high_value_override,
    // completeness of the detail is computed live, so it follows changed weights at once
    completeness: v.completeness.score,
    completenessMissing: v.completeness.missing,
    team: v.team.map((m) => ({ userId: m.user_id, userName: m.user_name, role: m.role as AccountDetail['team'][number]['role'] })),
    parent: v.parent ? summaryOut(v.parent) : null,
    children: v.children.map(summaryOut),
    revenueByYear: v.revenueByYear,
    groupRevenueByYear: v.groupRevenueByYear,
  };
}

const ledgerOut = (l: Awaited<ReturnType<typeof service.getRevenue>>): RevenueLedger => ({
  version: l.version,
  rows: l.rows.map((r) => ({ year: r.year, source: r.source as RevenueLedger['rows'][number]['source'], amount: Number(r.amount), note: r.note })),
});

type ChangeRow = Awaited<ReturnType<typeof service.listChanges>>[number];
const changeOut = (c: ChangeRow): AccountChange => ({
  id: c.id,
  field: c.field as AccountChange['field'],
  from: c.from_value,
  to: c.to_value,
  reason: c.reason,
  // keys this release does not know (a newer server's rows after a downgrade) show as text
  reasonKey: SYSTEM_REASON_KEYS.includes(c.reason_key as SystemReasonKey) ? (c.reason_key as SystemReasonKey) : null,
  actorId: c.actor_id,
  actorName: c.actor_name,
  at: iso(c.at),
});

const quadrantOut = (d: service.QuadrantData): QuadrantView => {
  const r = d.row;
  const quadrant = r.quadrant as QuadrantView['quadrant'];
  return {
    accountId: r.id,
    quadrant,
    computed: r.quadrant_computed as QuadrantView['computed'],
    override: r.quadrant_override
      ? { quadrant: r.quadrant_override as QuadrantView['quadrant'], reason: r.quadrant_override_reason ?? '', byId: r.quadrant_override_by, byName: d.overrideByName, at: iso(r.quadrant_override_at) }
      : null,
    attractiveness: r.attractiveness,
    strength: r.strength,
    split: d.quadrantSettings.split,
    factors: r.quadrant_factors as QuadrantFactor[],
    policy: d.quadrantSettings.policies[quadrant],
    computedAt: iso(r.derived_at),
    version: r.version,
  };
};

export async function accountsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const detail = async (actor: ReturnType<typeof actorOf>, id: number) => accountDetailOut(await service.getAccount(db, actor, id));

  app.get('/api/accounts', {
    config: { access: 'account:read' },
    schema: {
      tags: ['accounts'],
      summary: 'Accounts in the caller\'s data scope. q matches name/short name (contains), full pinyin and initials (prefix, `jnh` → 江南会) and credit code (prefix); unitId includes the subtree.',
      querystring: accountListQuery,
      response: { 200: paged(accountListItem) },
    },
  }, async (req) => {
    const r = await service.listAccounts(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(accountListOut) };
  });

  app.post('/api/accounts', {
    config: { access: 'account:create' },
    schema: { tags: ['accounts'], summary: 'Create an account (credit code checked; a duplicate is a 409)', body: accountCreate, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    return detail(actor, await service.createAccount(db, actor, req.body, tz));
  });

  app.get('/api/accounts/quadrants', {
    config: { access: 'account:read' },
    schema: {
      tags: ['accounts'],
      summary: 'ACC-4: accounts per portfolio quadrant under the list filters (quadrant, sort and paging ignored)',
      querystring: accountListQuery.omit({ page: true, pageSize: true, sort: true }),
      response: { 200: quadrantDistribution },
    },
  }, async (req) => service.quadrantDistribution(db, actorOf(req), req.query));

  app.get('/api/accounts/completeness', {
    config: { access: 'account:read' },
    schema: {
      tags: ['accounts'],
      summary: 'ACC-3 KPI 客户档案完整率 within the caller\'s scope: share of complete accounts, mean completeness, per owner, most-missing fields',
      querystring: completenessReportQuery,
      response: { 200: completenessReport },
    },
  }, async (req) => service.completenessReport(db, actorOf(req), req.query));

  app.get('/api/accounts/:id', {
    config: { access: 'account:read' },
    schema: { tags: ['accounts'], summary: 'Full profile with team, completeness, hierarchy and revenue roll-up', params: idParam, response: { 200: accountDetail } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.patch('/api/accounts/:id', {
    config: { access: 'account:update' },
    schema: { tags: ['accounts'], summary: 'Edit the profile (version required); trade terms need account:trade-terms', params: idParam, body: accountUpdate, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.updateAccount(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.post('/api/accounts/:id/lifecycle', {
    config: { access: 'account:update' },
    schema: { tags: ['accounts'], summary: 'Move the lifecycle stage along LIFECYCLE_TRANSITIONS, with a reason', params: idParam, body: lifecycleChange, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.changeLifecycle(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.post('/api/accounts/:id/grade', {
    config: { access: 'account:assign' },
    schema: { tags: ['accounts'], summary: 'Set the A–D grade (the director, until the pipeline computes it)', params: idParam, body: gradeChange, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.changeGrade(db, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.post('/api/accounts/:id/categories', {
    config: { access: 'account:assign' },
    schema: { tags: ['accounts'], summary: 'Set the director\'s categories: strategic, high value', params: idParam, body: categoriesChange, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.changeCategories(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.post('/api/accounts/:id/assign', {
    config: { access: 'account:assign' },
    schema: { tags: ['accounts'], summary: 'Assign the account to an owner (and unit) — ORG-3', params: idParam, body: accountAssign, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.assignAccount(db, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.put('/api/accounts/:id/team', {
    config: { access: 'account:update' },
    schema: { tags: ['accounts'], summary: 'Replace the service team', params: idParam, body: teamUpdate, response: { 200: accountDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.replaceTeam(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.get('/api/accounts/:id/revenue', {
    config: { access: 'account:read' },
    schema: { tags: ['accounts'], summary: 'Revenue ledger: one row per year and source', params: idParam, response: { 200: revenueLedger } },
  }, async (req) => ledgerOut(await service.getRevenue(db, actorOf(req), req.params.id)));

  app.put('/api/accounts/:id/revenue', {
    config: { access: 'account:update' },
    schema: { tags: ['accounts'], summary: 'Replace the revenue ledger (version of the account required); reclassifies at once', params: idParam, body: revenueUpdate, response: { 200: revenueLedger } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.replaceRevenue(db, actor, req.params.id, req.body, tz);
    return ledgerOut(await service.getRevenue(db, actor, req.params.id));
  });

  app.get('/api/accounts/:id/changes', {
    config: { access: 'account:read' },
    schema: { tags: ['accounts'], summary: 'History of tier, categories, grade, lifecycle, owner and unit, newest first', params: idParam, response: { 200: accountChanges } },
  }, async (req) => ({ items: (await service.listChanges(db, actorOf(req), req.params.id)).map(changeOut) }));

  app.get('/api/accounts/:id/quadrant', {
    config: { access: 'account:read' },
    schema: { tags: ['accounts'], summary: 'ACC-4 portfolio quadrant: scores, factor breakdown, override and the service policy', params: idParam, response: { 200: quadrantView } },
  }, async (req) => quadrantOut(await service.getQuadrant(db, actorOf(req), req.params.id)));

  app.post('/api/accounts/:id/quadrant', {
    config: { access: 'account:assign' },
    schema: { tags: ['accounts'], summary: 'Set the quadrant by hand (kept until cleared with quadrant: null), with a reason', params: idParam, body: quadrantOverride, response: { 200: quadrantView } },
  }, async (req) => {
    const actor = actorOf(req);
    await changes.overrideQuadrant(db, actor, req.params.id, req.body);
    return quadrantOut(await service.getQuadrant(db, actor, req.params.id));
  });

  app.get('/api/account-settings', {
    config: { access: 'account:configure' },
    schema: { tags: ['accounts'], summary: 'Classification thresholds, completeness weights, quadrant factors and policies, lifecycle automation', response: { 200: accountSettings } },
  }, async () => settings.getSettings(db));

  app.put('/api/account-settings', {
    config: { access: 'account:configure' },
    schema: { tags: ['accounts'], summary: 'Save the settings; every account is recomputed by a queued job', body: accountSettingsInput, response: { 200: accountSettings } },
  }, async (req) =>
    settings.putSettings(db, actorOf(req), req.body, async (trx) => {
      await p.jobs.enqueue(trx, ACCOUNTS_RECOMPUTE_JOB, { reason: 'settingsChange' }, { dedupeKey: ACCOUNTS_RECOMPUTE_JOB });
    }),
  );
}
