import { orgReads } from '../../platform/org.repo';
import type { Executor, Kdb } from '../../db/client';
import type { OverdueAccount, VisitPolicySettingsBody } from '../../../shared/contracts/calendar';
import { iso } from '../../../shared/contracts/common';
import { QUADRANTS } from '../../../shared/contracts/quadrant';
import { daysSince, isOverdue, overdueSince, readVisitPolicy, visitFrequency, visitRequirement, type VisitPolicySettings } from '../../../shared/domain/visit-policy';
import type { Actor } from '../../platform/actor';
import { defineSetting, readWith } from '../../platform/settings';
import type { Notifier } from '../../platform/notifications/notifier';
import { loadAccountSettings as loadSettings } from '../accounts';
import { visitPolicyRepo } from './visit-policy.repo';
import { accountScope } from '../../platform/scope';

const DAY = 86_400_000;
const BATCH = 1000;

/** 拜访频次 (ACT-3): how often each tier and grade is to be visited. */
const visitPolicySetting = defineSetting('visit_policy', readWith(readVisitPolicy), readVisitPolicy(undefined));

export async function getPolicy(db: Executor): Promise<VisitPolicySettings> {
  return (await visitPolicySetting.get(db)).value;
}

/** The visit interval of each quadrant's service policy (kept with the portfolio settings, ACC-4). */
export async function quadrantDays(db: Kdb): Promise<Record<string, number>> {
  const { quadrant } = await loadSettings(db);
  return Object.fromEntries(QUADRANTS.map((q) => [q, quadrant.policies[q].visitIntervalDays]));
}

/** What the policy page shows: the stored policy and, read-only, the quadrant intervals it may apply. */
export async function getPolicyView(db: Kdb) {
  const [policy, days] = await Promise.all([getPolicy(db), quadrantDays(db)]);
  return { ...policy, quadrantDays: days };
}

export async function putPolicy(db: Kdb, actor: Actor, input: VisitPolicySettingsBody) {
  await db.transaction().execute(async (trx) => {
    const before = await getPolicy(trx);
    await visitPolicySetting.put(trx, actor, { tiers: input.tiers, grades: input.grades, byQuadrant: input.byQuadrant ?? before.byQuadrant });
  });
  return getPolicy(db);
}

/** The shortest frequency of the policy: accounts visited more recently than that cannot be overdue. */
function shortest(s: VisitPolicySettings, qDays: Record<string, number>): number | null {
  const all = [...Object.values(s.tiers), ...Object.values(s.grades), ...(s.byQuadrant ? Object.values(qDays) : [])].filter((n): n is number => n !== null);
  return all.length ? Math.min(...all) : null;
}

type Candidate = Awaited<ReturnType<typeof visitPolicyRepo.candidates>>[number];

function judge(s: VisitPolicySettings, qDays: Record<string, number>, a: Candidate, now: Date) {
  const need = visitRequirement(s, a, qDays);
  const last = a.last_visit_at ? new Date(a.last_visit_at) : null;
  const created = new Date(a.created_at);
  if (need === null || !isOverdue(need.days, last, created, now)) return null;
  const since = overdueSince(need.days, last, created);
  return { frequency: need.days, source: need.source, last, since, days: daysSince(last, created, now), overdueDays: Math.floor((now.getTime() - since.getTime()) / DAY) };
}

/** Overdue accounts in the caller's account scope, the longest overdue first. */
export async function listOverdue(db: Kdb, actor: Actor, now = new Date()): Promise<{ items: OverdueAccount[] }> {
  const [s, qDays] = await Promise.all([getPolicy(db), quadrantDays(db)]);
  const min = shortest(s, qDays);
  if (min === null) return { items: [] };
  const rows = await visitPolicyRepo.candidates(db, { before: new Date(now.getTime() - min * DAY), scope: accountScope(actor, 'account:read') });
  const items: OverdueAccount[] = [];
  for (const a of rows) {
    const j = judge(s, qDays, a, now);
    if (!j) continue;
    items.push({ accountId: a.id, accountName: a.name, tier: a.tier, grade: a.grade, quadrant: a.quadrant, frequencySource: j.source, ownerId: a.owner_id, ownerName: a.owner_name, frequencyDays: j.frequency, lastVisitAt: iso(j.last), daysSince: j.days, overdueDays: j.overdueDays });
  }
  return { items: items.sort((x, y) => y.overdueDays - x.overdueDays || x.accountId - y.accountId) };
}

/** Above this many accounts newly overdue for one person in a run, they get one digest instead of a notice each. */
export const OVERDUE_DIGEST_ABOVE = 3;

/**
 * The daily run: every overdue account opens an episode (a visit_overdue row) and its owner and
 * the KA director above the owner's unit are notified — once per episode, not every day. A person
 * with more than OVERDUE_DIGEST_ABOVE new episodes in a batch gets one digest linking to the overdue
 * list instead (a first run over an old archive would otherwise bury them). An episode ends (row
 * deleted) once the account is visited or the policy stops asking, so the next lapse notifies again.
 */
export async function runOverdueCheck(db: Kdb, notifier: Notifier, now = new Date()): Promise<{ overdue: number; notified: number; closed: number }> {
  const [s, qDays] = await Promise.all([getPolicy(db), quadrantDays(db)]);
  const min = shortest(s, qDays);
  const overdue: number[] = [];
  let notified = 0;
  if (min !== null) {
    const before = new Date(now.getTime() - min * DAY);
    let afterId = 0;
    for (;;) {
      const rows = await visitPolicyRepo.candidates(db, { before, afterId, limit: BATCH });
      if (!rows.length) break;
      afterId = rows.at(-1)!.id;
      await db.transaction().execute(async (trx) => {
        const open = await visitPolicyRepo.openEpisodes(trx, rows.map((r) => r.id));
        const notices = new Map<number, { accountId: number; params: Record<string, string | number> }[]>();
        for (const a of rows) {
          const j = judge(s, qDays, a, now);
          if (!j) continue;
          overdue.push(a.id);
          if (open.has(a.id)) continue;
          await visitPolicyRepo.openEpisode(trx, { accountId: a.id, frequencyDays: j.frequency, lastVisitAt: j.last, overdueSince: j.since });
          const director = a.owner_unit_id ? await orgReads.positionHolderAbove(trx, a.owner_unit_id, 'ka_director') : undefined;
          const params = { account: a.name, owner: a.owner_name ?? '', days: j.days, frequency: j.frequency };
          for (const userId of [a.owner_id, director?.id]) {
            if (typeof userId !== 'number') continue;
            if (!notices.has(userId)) notices.set(userId, []);
            if (!notices.get(userId)!.some((n) => n.accountId === a.id)) notices.get(userId)!.push({ accountId: a.id, params });
          }
          notified += 1;
        }
        for (const [userId, list] of notices) {
          if (list.length > OVERDUE_DIGEST_ABOVE) {
            const names = list.slice(0, OVERDUE_DIGEST_ABOVE).map((n) => n.params.account).join('、');
            await notifier.notify(trx, { userIds: [userId], kind: 'visit.overdueDigest', params: { count: list.length, accounts: names }, link: '/visit-policy' });
          } else {
            for (const n of list) await notifier.notify(trx, { userIds: [userId], kind: 'visit.overdue', params: n.params, link: `/accounts/${n.accountId}` });
          }
        }
      });
    }
  }
  const closed = await db.transaction().execute((trx) => visitPolicyRepo.closeEpisodesExcept(trx, overdue));
  return { overdue: overdue.length, notified, closed };
}

/** The policy and the quadrant intervals read once; then each account's interval in days (null: none required). */
export async function visitIntervalOf(db: Kdb): Promise<(a: { tier: string; grade: string | null; quadrant: string | null }) => number | null> {
  const [policy, days] = await Promise.all([getPolicy(db), quadrantDays(db)]);
  return (a) => visitFrequency(policy, a, days);
}
