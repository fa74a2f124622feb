import type { Executor } from '../../db/client';
import type { Permission } from '../../../shared/permissions';
import type { TimelineKind } from '../../../shared/contracts/timeline';
import { can, type Actor } from '../../platform/actor';
import { accountsRepo } from '../accounts/accounts.repo';
import { accountScope } from '../accounts/accounts.service';
import { registerTimelineSource, type SourceEvent, type SourceQuery } from './timeline.registry';
import { timelineRepo } from './timeline.repo';
import { opportunityScope } from '../pipeline/pipeline.scope';
import { opportunityEventOf } from './timeline.rules';
import { tripsRepo } from '../trips/trips.repo';
import { tripScope } from '../trips/trips.service';
import { contactLogRepo } from '../contact-log/contact-log.repo';
import { visitScope } from '../visits/visits.scope';

/**
 * The sources of the account archive, key people, needs and the strengthening plan. Each checks
 * the permission its own records are read with, in the caller's scope for that permission.
 */

async function sees(db: Executor, actor: Actor, permission: Permission, accountId: number) {
  return can(actor, permission) && accountsRepo.visible(db, accountId, accountScope(actor, permission));
}

const tab = (q: SourceQuery, name: string) => `/accounts/${q.accountId}?tab=${name}`;
const when = (at: Date | string) => (at instanceof Date ? at : new Date(at));
const wanted = (q: SourceQuery, kind: TimelineKind) => q.kinds.has(kind);

/** A reason the server wrote itself travels as a locale key; a person's reason as typed. */
function reasonParams(reason: string, reasonKey: string | null): Record<string, string | null> {
  return reasonKey ? { reasonKey, reason: null } : { reasonKey: null, reason };
}

registerTimelineSource({
  name: 'accounts',
  kinds: ['account_created', 'account_change', 'account_merged'],
  async events(db, actor, q) {
    if (!(await sees(db, actor, 'account:read', q.accountId))) return [];
    const out: SourceEvent[] = [];
    if (wanted(q, 'account_created')) {
      for (const r of await timelineRepo.accountCreated(db, q)) {
        out.push({ kind: 'account_created', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { name: r.name }, link: null });
      }
    }
    if (wanted(q, 'account_change')) {
      for (const r of await timelineRepo.accountChanges(db, q, false, q.limit)) {
        out.push({
          kind: 'account_change',
          id: r.id,
          at: when(r.at),
          dateOnly: false,
          actorId: r.actor_id,
          actorName: r.actor_name,
          params: { field: r.field, from: r.from_name ?? r.from_value, to: r.to_name ?? r.to_value, ...reasonParams(r.reason, r.reason_key) },
          link: tab(q, 'changes'),
        });
      }
    }
    if (wanted(q, 'account_merged')) {
      for (const r of await timelineRepo.accountChanges(db, q, true, q.limit)) {
        out.push({ kind: 'account_merged', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { source: r.from_value, reason: r.reason }, link: null });
      }
    }
    return out;
  },
});

registerTimelineSource({
  name: 'contacts',
  kinds: ['contact_added', 'contact_left', 'relationship_change'],
  async events(db, actor, q) {
    if (!(await sees(db, actor, 'contact:read', q.accountId))) return [];
    const out: SourceEvent[] = [];
    const link = tab(q, 'contacts');
    if (wanted(q, 'contact_added')) {
      for (const r of await timelineRepo.contactsAdded(db, q, q.limit)) {
        out.push({ kind: 'contact_added', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { name: r.name, title: r.title }, link });
      }
    }
    if (wanted(q, 'contact_left')) {
      for (const r of await timelineRepo.contactsLeft(db, q, q.limit)) {
        out.push({ kind: 'contact_left', id: r.id, at: when(r.at), dateOnly: true, actorId: null, actorName: null, params: { name: r.name, title: r.title, note: r.left_note }, link });
      }
    }
    if (wanted(q, 'relationship_change')) {
      for (const r of await timelineRepo.relationshipChanges(db, q, q.limit)) {
        out.push({
          kind: 'relationship_change',
          id: r.id,
          at: when(r.at),
          dateOnly: Boolean(r.date_only),
          actorId: r.actor_id,
          actorName: r.actor_name,
          params: { name: r.contact_name, field: r.field, from: r.from_name ?? r.from_value, to: r.to_name ?? r.to_value, evidence: r.evidence, occurredOn: r.occurred_on },
          link,
        });
      }
    }
    return out;
  },
});

registerTimelineSource({
  name: 'needs',
  kinds: ['need_added', 'need_closed', 'countermeasure_added', 'countermeasure_closed'],
  async events(db, actor, q) {
    if (!(await sees(db, actor, 'account:read', q.accountId))) return [];
    const out: SourceEvent[] = [];
    const link = tab(q, 'needs');
    for (const closed of [false, true]) {
      const needKind = closed ? 'need_closed' : 'need_added';
      if (wanted(q, needKind)) {
        for (const r of await timelineRepo.needs(db, q, closed, q.limit)) {
          out.push({ kind: needKind, id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { productType: r.product_type, status: r.status }, link });
        }
      }
      const measureKind = closed ? 'countermeasure_closed' : 'countermeasure_added';
      if (wanted(q, measureKind)) {
        for (const r of await timelineRepo.countermeasures(db, q, closed, q.limit)) {
          out.push({
            kind: measureKind,
            id: r.id,
            at: when(r.at),
            dateOnly: false,
            actorId: r.actor_id,
            actorName: r.actor_name,
            params: { problem: r.problem, status: r.status, direction: r.direction, name: r.contact_name },
            link,
          });
        }
      }
    }
    return out;
  },
});

registerTimelineSource({
  name: 'plans',
  kinds: ['plan_item_created', 'plan_item_closed'],
  async events(db, actor, q) {
    if (!(await sees(db, actor, 'contact:read', q.accountId))) return [];
    const out: SourceEvent[] = [];
    for (const closed of [false, true]) {
      const kind = closed ? 'plan_item_closed' : 'plan_item_created';
      if (!wanted(q, kind)) continue;
      for (const r of await timelineRepo.planItems(db, q, closed, q.limit)) {
        out.push({
          kind,
          id: r.id,
          at: when(r.at),
          dateOnly: false,
          actorId: r.actor_id,
          actorName: r.actor_name,
          params: { level: r.level, measures: r.measures, status: r.status, outcome: r.outcome, owner: r.owner_name, doneOn: r.done_on },
          link: tab(q, 'plan'),
        });
      }
    }
    return out;
  },
});

registerTimelineSource({
  name: 'opportunities',
  kinds: ['opportunity'],
  async events(db, actor, q) {
    if (!can(actor, 'opportunity:read') || !wanted(q, 'opportunity')) return [];
    const rows = await timelineRepo.opportunityEvents(db, q, opportunityScope(actor, 'opportunity:read'), q.limit);
    return rows.map((r) => ({
      kind: 'opportunity' as const,
      id: r.id,
      at: when(r.at),
      dateOnly: false,
      actorId: r.actor_id,
      actorName: r.actor_name,
      params: { name: r.name, event: opportunityEventOf(r), fromStage: r.from_stage, toStage: r.to_stage, status: r.to_status, reason: r.reason },
      link: `/opportunities/${r.opportunity_id}`,
    }));
  },
});

/** ACT-9: approved business trips that list the account, at their first day, in the caller's trip:read scope. */
registerTimelineSource({
  name: 'trips',
  kinds: ['trip'],
  async events(db, actor, q) {
    if (!wanted(q, 'trip') || !(await sees(db, actor, 'account:read', q.accountId)) || !can(actor, 'trip:read')) return [];
    const rows = await tripsRepo.timelineEvents(db, q, tripScope(actor, 'trip:read'), q.limit);
    return rows.map((r) => ({
      kind: 'trip' as const,
      id: r.id,
      at: when(r.at),
      dateOnly: true,
      actorId: r.owner_id,
      actorName: r.owner_name,
      params: { destination: r.destination, startOn: r.start_on, endOn: r.end_on, purpose: r.purpose, reportStatus: r.report_status },
      link: `/trips/${r.id}`,
    }));
  },
});

/** ACT-5: the account's calls, e-mails and meetings, read like its contacts (contact:read). */
registerTimelineSource({
  name: 'contact-log',
  kinds: ['contact_log'],
  async events(db, actor, q) {
    if (!wanted(q, 'contact_log') || !(await sees(db, actor, 'contact:read', q.accountId))) return [];
    const rows = await contactLogRepo.timelineEvents(db, q, q.limit);
    return rows.map((r) => ({
      kind: 'contact_log' as const,
      id: r.id,
      at: when(r.at),
      dateOnly: false,
      actorId: r.user_id,
      actorName: r.user_name,
      params: { logKind: r.kind, summary: r.summary, place: r.place, contact: r.contact_name },
      link: tab(q, 'contactLog'),
    }));
  },
});

/** ACT-1..3: the account's recorded visits, in the caller's visit:read scope. */
registerTimelineSource({
  name: 'visits',
  kinds: ['visit'],
  async events(db, actor, q) {
    if (!can(actor, 'visit:read') || !wanted(q, 'visit')) return [];
    const rows = await timelineRepo.visitEvents(db, q, visitScope(actor, 'visit:read'), q.limit);
    return rows.map((r) => ({
      kind: 'visit' as const,
      id: r.id,
      at: when(r.at),
      dateOnly: false,
      actorId: r.actor_id,
      actorName: r.actor_name,
      params: { purpose: r.purpose, result: r.result, n: r.contact_seq, met: r.met_name },
      link: `/visits/${r.id}`,
    }));
  },
});
