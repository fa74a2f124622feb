import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, paged } from '../../../shared/contracts/common';
import {
  KEY_ROLES,
  accountContacts,
  accountCoverage,
  contactCreate,
  contactDetail,
  contactLeft,
  contactListItem,
  contactListQuery,
  contactUpdate,
  coverageListItem,
  coverageListQuery,
  relationshipChange,
  relationshipHistory,
  reportingUpdate,
  type ContactDetail,
  type ContactListItem,
  type CoverageListItem,
  type KeyRole,
  type RelationshipHistoryItem,
} from '../../../shared/contracts/contacts';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './contacts.service';

type ListRow = Awaited<ReturnType<typeof service.listContacts>>['items'][number];
type Flags = Pick<ListRow, 'is_guide' | 'is_insider' | 'is_key_person' | 'is_decider'>;
const FLAG_OF: Record<KeyRole, keyof Flags> = { guide: 'is_guide', insider: 'is_insider', key_person: 'is_key_person', decider: 'is_decider' };
const keyRolesOut = (r: Flags): KeyRole[] => KEY_ROLES.filter((k) => r[FLAG_OF[k]]);

export const contactListOut = (r: ListRow): ContactListItem => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  name: r.name,
  gender: r.gender as ContactListItem['gender'],
  department: r.department,
  title: r.title,
  mobile: r.mobile,
  officePhone: r.office_phone,
  email: r.email,
  buyingRole: r.buying_role as ContactListItem['buyingRole'],
  keyRoles: keyRolesOut(r),
  layer: r.layer as ContactListItem['layer'],
  right: r.decision_right as ContactListItem['right'],
  influence: r.influence,
  support: r.support,
  closeness: r.closeness,
  expertise: r.expertise,
  stage: r.stage as ContactListItem['stage'],
  personalityType: r.personality_type as ContactListItem['personalityType'],
  competitorLeaning: r.competitor_leaning,
  ownerId: r.our_owner_id,
  ownerName: r.owner_name,
  reportsToId: r.reports_to_id,
  assistantOfId: r.assistant_of_id,
  status: r.status as ContactListItem['status'],
  leftAt: r.left_at,
  lastContactAt: iso(r.last_contact_at),
  version: r.version,
  updatedAt: iso(r.updated_at),
});

/** Sensitive fields are nulled here, at the edge, from the one flag the service computed. */
export function contactDetailOut(v: service.ContactView): ContactDetail {
  const r = v.row;
  const hide = <T>(value: T): T | null => (v.sensitiveVisible ? value : null);
  return {
    ...contactListOut(r),
    birthday: hide(r.birthday),
    nativePlace: r.native_place,
    fax: r.fax,
    personality: hide(r.personality),
    temperament: r.temperament,
    maritalStatus: hide(r.marital_status),
    family: hide(r.family),
    hobbies: hide(r.hobbies),
    habits: hide(r.habits),
    honoraryPosts: r.honorary_posts,
    education: r.education,
    careerHistory: r.career_history,
    background: r.background,
    expression: r.expression,
    thinkingStyle: r.thinking_style as ContactDetail['thinkingStyle'],
    strengths: r.strengths,
    weaknesses: r.weaknesses,
    businessFamiliarity: r.business_familiarity,
    decisionScope: r.decision_scope,
    responsibilities: r.responsibilities,
    leftNote: r.left_note,
    sensitiveVisible: v.sensitiveVisible,
    createdAt: iso(r.created_at),
  };
}

type HistoryRow = Awaited<ReturnType<typeof service.contactHistory>>[number];
const historyOut = (h: HistoryRow): RelationshipHistoryItem => ({
  id: h.id,
  field: h.field as RelationshipHistoryItem['field'],
  from: h.from_value,
  to: h.to_value,
  evidence: h.evidence,
  activityId: h.activity_id,
  occurredOn: h.occurred_on,
  actorId: h.actor_id,
  actorName: h.actor_name,
  at: iso(h.at),
});

type CoverageRow = Awaited<ReturnType<typeof service.coverageList>>['items'][number];
const coverageListOut = (c: CoverageRow): CoverageListItem => ({
  accountId: c.id,
  accountName: c.name,
  ownerId: c.owner_id,
  ownerName: c.owner_name,
  unitId: c.unit_id,
  unitName: c.unit_name,
  score: c.coverage_score,
  flags: c.coverage_flags as CoverageListItem['flags'],
  activeContacts: c.active_contacts,
});

export async function contactsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const detail = async (actor: ReturnType<typeof actorOf>, id: number) => contactDetailOut(await service.getContact(db, actor, id));

  app.get('/api/contacts', {
    config: { access: 'contact:read' },
    schema: {
      tags: ['contacts'],
      summary: 'Contacts of the accounts in the caller\'s data scope; q matches name, department, title, mobile and account name',
      querystring: contactListQuery,
      response: { 200: paged(contactListItem) },
    },
  }, async (req) => {
    const r = await service.listContacts(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(contactListOut) };
  });

  app.get('/api/accounts/:id/contacts', {
    config: { access: 'contact:read' },
    schema: { tags: ['contacts'], summary: 'All contacts of one account, active and left, for the relationship map', params: idParam, response: { 200: accountContacts } },
  }, async (req) => ({ items: (await service.accountContacts(db, actorOf(req), req.params.id)).map(contactListOut) }));

  app.post('/api/contacts', {
    config: { access: 'contact:write' },
    schema: { tags: ['contacts'], summary: 'Add a contact to an account; sensitive fields need contact:sensitive or ownership of the account', body: contactCreate, response: { 200: contactDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    return detail(actor, await service.createContact(db, actor, req.body, tz));
  });

  app.get('/api/contacts/:id', {
    config: { access: 'contact:read' },
    schema: { tags: ['contacts'], summary: 'Full profile; sensitive fields are null unless sensitiveVisible', params: idParam, response: { 200: contactDetail } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.patch('/api/contacts/:id', {
    config: { access: 'contact:write' },
    schema: { tags: ['contacts'], summary: 'Edit the profile (version required); omit sensitive fields you cannot see', params: idParam, body: contactUpdate, response: { 200: contactDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.updateContact(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.post('/api/contacts/:id/relationship', {
    config: { access: 'contact:write' },
    schema: { tags: ['contacts'], summary: 'Change support, closeness, expertise, stage, competitor leaning or our owner; each change is kept in the history. A stage change needs evidence.', params: idParam, body: relationshipChange, response: { 200: contactDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.changeRelationship(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.get('/api/contacts/:id/history', {
    config: { access: 'contact:read' },
    schema: { tags: ['contacts'], summary: 'Relationship history, newest first', params: idParam, response: { 200: relationshipHistory } },
  }, async (req) => ({ items: (await service.contactHistory(db, actorOf(req), req.params.id)).map(historyOut) }));

  app.post('/api/contacts/:id/left', {
    config: { access: 'contact:write' },
    schema: { tags: ['contacts'], summary: 'Record that the contact left the account; they stay on record', params: idParam, body: contactLeft, response: { 200: contactDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.markLeft(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.put('/api/contacts/:id/reporting', {
    config: { access: 'contact:write' },
    schema: { tags: ['contacts'], summary: 'Set whom the contact reports to and assists (same account; a loop is a 400 naming reportsToId)', params: idParam, body: reportingUpdate, response: { 200: contactDetail } },
  }, async (req) => {
    const actor = actorOf(req);
    await service.setReporting(db, actor, req.params.id, req.body, tz);
    return detail(actor, req.params.id);
  });

  app.get('/api/accounts/:id/coverage', {
    config: { access: 'contact:read' },
    schema: { tags: ['contacts'], summary: 'Coverage gaps of one account with a 0–100 score (REL-5)', params: idParam, response: { 200: accountCoverage } },
  }, async (req) => service.accountCoverage(db, actorOf(req), req.params.id));

  app.get('/api/coverage', {
    config: { access: 'contact:read' },
    schema: { tags: ['contacts'], summary: 'Accounts in scope by stored coverage score (refreshed on every contact write and nightly), lowest first, then by name; unitId includes the subtree', querystring: coverageListQuery, response: { 200: paged(coverageListItem) } },
  }, async (req) => {
    const r = await service.coverageList(db, actorOf(req), req.query);
    return { ...r, items: r.items.map(coverageListOut) };
  });
}
