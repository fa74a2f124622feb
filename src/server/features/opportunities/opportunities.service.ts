import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import {
  OPPORTUNITY_SORTS,
  type assessmentInput,
  type checklistUpdate,
  type closeOpportunity,
  type dealContactsUpdate,
  type moveStage,
  type opportunityCreate,
  type opportunityListQuery,
  type opportunityUpdate,
  type participantsUpdate,
  type pipelineSettingsUpdate,
  type projectCompetitorCreate,
  type projectCompetitorUpdate,
  type reopenOpportunity,
} from '../../../shared/contracts/opportunities';
import { allFactorScores, gradeAssessment, isAutoItem, isGrade, missingForGate, type ChecklistItem, type OpportunityStatus, type PipelineSettings, type Stage } from '../../../shared/domain/pipeline';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { columnValues } from '../../platform/columns';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountReachable, ownedScope, accountScope } from '../../platform/scope';
import { withVersioned } from '../../platform/versioned';
import { defineSetting, readWith } from '../../platform/settings';
import { gradeFromAssessment } from '../accounts';
import { opportunitiesRepo, type OpportunitySortColumn, type OpportunityValues, type CompetitorEntryValues } from './opportunities.repo';
import { canClose, canReopen, checklistRows, closeIssues, duplicateIndexes, historyDays, missingRoles, stageMove, type Ticks } from './opportunities.rules';
import { readPipelineSettings, settingsIssues } from './settings.rules';
import { healthChanged } from '../health';

const notFound = () => new AppError('NOT_FOUND', 'Development project not found', undefined, { key: 'pipeline.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The project was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notOpen = (status: string) => new AppError('INVALID_STATE', `The project is ${status}, not open`, { path: 'status', status }, { key: 'pipeline.notOpen', params: { status } });
const gateNotMet = (stage: Stage, missing: ChecklistItem[]) =>
  new AppError('INVALID_STATE', `The gate of stage ${stage} is not met: ${missing.join(', ')}`, { missing, stage }, { key: 'pipeline.gateNotMet', params: { stage } });

// ---------------------------------------------------------------- settings

/** 开发漏斗设置: gates, weights, thresholds, probabilities, ageing (PIPE-1..5). */
export const pipelineSetting = defineSetting('pipeline', readWith(readPipelineSettings), readPipelineSettings(undefined));

export async function loadPipelineSettings(db: Executor) {
  const s = await pipelineSetting.get(db);
  return { settings: s.value, version: s.version, updatedAt: s.updatedAt };
}

export async function putPipelineSettings(db: Kdb, actor: Actor, input: z.infer<typeof pipelineSettingsUpdate>) {
  const { version, ...settings } = input;
  const issues = settingsIssues(settings as PipelineSettings);
  if (issues.length) throw validationError(issues);
  await pipelineSetting.put(db, actor, settings as PipelineSettings, version);
}

// ---------------------------------------------------------------- reads

const SORTS = {
  name: 'name',
  expectedValue: 'expected_value',
  expectedCloseOn: 'expected_close_on',
  stage: 'stage',
  stageEnteredAt: 'stage_entered_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<(typeof OPPORTUNITY_SORTS)[number], OpportunitySortColumn>;

export async function listOpportunities(db: Kdb, actor: Actor, q: z.infer<typeof opportunityListQuery>) {
  const { settings } = await loadPipelineSettings(db);
  const r = await opportunitiesRepo.list(db, {
    scope: ownedScope('opportunities', actor, 'opportunity:read'),
    q: q.q || undefined,
    accountId: q.accountId,
    ownerId: q.ownerId,
    unitId: q.unitId,
    stage: q.stage,
    status: q.status,
    closeFrom: q.closeFrom,
    closeTo: q.closeTo,
    stalled: q.stalled === undefined ? undefined : q.stalled === 'true',
    ageingDays: settings.ageingDays,
    competitorId: q.competitorId,
    sort: resolveSort(q.sort, SORTS, '-updatedAt'),
    ...pageWindow(q),
  });
  return { ...r, settings, page: q.page, pageSize: q.pageSize };
}

export async function getOpportunity(db: Kdb, actor: Actor, id: number) {
  const row = await opportunitiesRepo.find(db, id, ownedScope('opportunities', actor, 'opportunity:read'), ownedScope('opportunities', actor, 'opportunity:write'));
  if (!row) throw notFound();
  const [{ settings }, participants, contacts, competitors, history, facts] = await Promise.all([
    loadPipelineSettings(db),
    opportunitiesRepo.participants(db, id),
    opportunitiesRepo.dealContacts(db, id),
    opportunitiesRepo.competitorEntries(db, id),
    opportunitiesRepo.history(db, id),
    opportunitiesRepo.gateFacts(db, [id]),
  ]);
  const gate = facts.get(id)!;
  const checklist = checklistRows(gate.ticks, gate.facts, settings.gates);
  const assessment = readAssessment(row.assessment);
  const names = await opportunitiesRepo.userNames(db, [...checklist.flatMap((c) => (c.by ? [c.by] : [])), ...(assessment ? [assessment.by] : [])]);
  const wonBy = row.won_by_competitor_id ? await opportunitiesRepo.competitor(db, row.won_by_competitor_id) : undefined;
  const now = new Date();
  return {
    row,
    settings,
    now,
    participants,
    contacts,
    missingRoles: missingRoles(contacts.map((c) => c.role)),
    competitors,
    checklist: checklist.map((c) => ({ ...c, byName: c.by ? (names.get(c.by) ?? '') : null })),
    missing: missingForGate(row.stage as Stage, settings.gates, new Set(Object.keys(gate.ticks)), gate.facts),
    assessment: assessment ? { ...assessment, byName: names.get(assessment.by) ?? '' } : null,
    history: historyDays(history, now),
    wonBy: wonBy ? { id: wonBy.id, name: wonBy.name } : null,
    canWrite: can(actor, 'opportunity:write') && Boolean(row.can_write),
  };
}
export type OpportunityView = Awaited<ReturnType<typeof getOpportunity>>;

/** The assessment jsonb as stored. */
export interface StoredAssessment {
  scores: Record<string, number | null>;
  notes: Record<string, string>;
  informationSufficient: boolean;
  summary: string | null;
  value: number | null;
  difficulty: number | null;
  outcome: string;
  by: number;
  at: string;
}

/**
 * The stored assessment as it is shown: all seven factors, an unscored one as null — an
 * assessment written with factors left open (继续收集信息), or by an older or other writer that
 * left them out, reads rather than failing the whole project.
 */
function readAssessment(json: unknown): StoredAssessment | null {
  if (json === null || json === undefined) return null;
  const a = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<StoredAssessment>;
  return {
    scores: allFactorScores(a.scores),
    notes: a.notes ?? {},
    informationSufficient: a.informationSufficient ?? true,
    summary: a.summary ?? null,
    value: a.value ?? null,
    difficulty: a.difficulty ?? null,
    outcome: a.outcome ?? 'collect',
    by: Number(a.by),
    at: String(a.at),
  };
}

// ---------------------------------------------------------------- checks

/** Participants must be active users, each (user, part) once. */
async function participantIssues(trx: Executor, rows: readonly { userId: number; part: string }[], extraUserIds: number[] = []) {
  const active = await opportunitiesRepo.activeUsers(trx, [...rows.map((r) => r.userId), ...extraUserIds]);
  const dup = new Set(duplicateIndexes(rows, (r) => `${r.userId}:${r.part}`));
  const issues: FieldIssue[] = rows.flatMap((r, i) => {
    if (!active.has(r.userId)) return [issue(`participants.${i}.userId`, 'pipeline.userNotActive', 'Not an active user')];
    if (dup.has(i)) return [issue(`participants.${i}`, 'pipeline.participantDuplicate', 'The same person is listed twice in the same part')];
    return [];
  });
  return { issues, active };
}

async function checkOwner(trx: Executor, ownerId: number) {
  const active = await opportunitiesRepo.activeUsers(trx, [ownerId]);
  const owner = active.get(ownerId);
  if (!owner) throw validationError([issue('ownerId', 'pipeline.ownerNotActive', 'Choose an active user as the owner')]);
  return owner;
}

// ---------------------------------------------------------------- writes

type Locked = NonNullable<Awaited<ReturnType<typeof opportunitiesRepo.findForUpdate>>>;

/** A versioned change of one project; its stage and status are health signals of its account (stalled development). */
const withOpportunity = <T>(db: Kdb, actor: Actor, id: number, version: number, fn: (trx: Executor, before: Locked) => Promise<T>) =>
  withVersioned(db, (trx) => opportunitiesRepo.findForUpdate(trx, id, ownedScope('opportunities', actor, 'opportunity:write')), version, { notFound, stale }, async (trx, before) => {
    const out = await fn(trx, before);
    await healthChanged(trx, [before.account_id]);
    return out;
  });

export async function createOpportunity(db: Kdb, actor: Actor, input: z.infer<typeof opportunityCreate>) {
  return db.transaction().execute((trx) => createOpportunityIn(trx, actor, input));
}

/** A development project at stage 1, inside the caller's transaction (another room's follow-up writes one with its own change). */
export async function createOpportunityIn(trx: Executor, actor: Actor, input: z.infer<typeof opportunityCreate>) {
  const ownerId = input.ownerId ?? actor.userId;
  const visible = await accountReachable(trx, input.accountId, accountScope(actor, 'account:read'));
  const checked = await participantIssues(trx, input.participants, [ownerId]);
  const owner = checked.active.get(ownerId);
  const issues: FieldIssue[] = [
    ...(visible ? [] : [issue('accountId', 'pipeline.accountNotVisible', 'Pick an account you can see')]),
    ...(owner ? [] : [issue('ownerId', 'pipeline.ownerNotActive', 'Choose an active user as the owner')]),
    ...checked.issues,
  ];
  if (issues.length || !owner) throw validationError(issues);

  const row = await opportunitiesRepo.insert(trx, {
    account_id: input.accountId,
    name: input.name,
    owner_id: ownerId,
    unit_id: owner.unitId,
    expected_value: input.expectedValue,
    products: JSON.stringify(input.products),
    expected_close_on: input.expectedCloseOn ?? null,
    procurement_step: input.procurementStep ?? null,
    description: input.description ?? null,
    checklist: '{}',
    created_by: actor.userId,
  });
  const participants = input.participants.some((p) => p.userId === ownerId && p.part === 'account_manager')
    ? input.participants
    : [{ userId: ownerId, part: 'account_manager' as const }, ...input.participants];
  await opportunitiesRepo.setParticipants(trx, row.id, participants);
  await opportunitiesRepo.insertHistory(trx, { opportunityId: row.id, fromStage: null, toStage: 1, fromStatus: null, toStatus: 'open', reason: null, actorId: actor.userId });
  await audit(trx, actor, { entity: 'opportunity', entityId: row.id, action: 'create', after: row, data: { participants } });
  return row.id;
}

const COLUMNS = {
  name: 'name',
  expectedValue: 'expected_value',
  expectedCloseOn: 'expected_close_on',
  ownerId: 'owner_id',
  procurementStep: 'procurement_step',
  description: 'description',
} as const;

export async function updateOpportunity(db: Kdb, actor: Actor, id: number, input: z.infer<typeof opportunityUpdate>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const values = columnValues(input, COLUMNS) as OpportunityValues;
    if (input.products !== undefined) values.products = JSON.stringify(input.products);
    if (input.ownerId !== undefined && input.ownerId !== before.owner_id) values.unit_id = (await checkOwner(trx, input.ownerId)).unitId;
    const after = await opportunitiesRepo.update(trx, id, values);
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: 'update', before, after });
    return id;
  });
}

export async function updateChecklist(db: Kdb, actor: Actor, id: number, item: ChecklistItem, input: z.infer<typeof checklistUpdate>) {
  if (isAutoItem(item)) throw validationError([issue('item', 'pipeline.autoItem', `${item} is met by the system, not ticked`, { item })]);
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const ticks: Ticks = { ...(before.checklist as Ticks) };
    if (input.done) ticks[item] = { note: input.note ?? null, by: actor.userId, at: new Date().toISOString() };
    else delete ticks[item];
    const after = await opportunitiesRepo.update(trx, id, { checklist: JSON.stringify(ticks) });
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: 'checklist', before, after, data: { item, done: input.done } });
    return id;
  });
}

export async function replaceParticipants(db: Kdb, actor: Actor, id: number, input: z.infer<typeof participantsUpdate>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const { issues } = await participantIssues(trx, input.participants);
    if (issues.length) throw validationError(issues);
    const previous = await opportunitiesRepo.participants(trx, id);
    await opportunitiesRepo.setParticipants(trx, id, input.participants);
    const after = await opportunitiesRepo.update(trx, id, {});
    await audit(trx, actor, {
      entity: 'opportunity',
      entityId: id,
      action: 'participants',
      before: { ...before, participants: previous.map((p) => ({ userId: p.user_id, part: p.part })) },
      after: { ...after, participants: input.participants },
    });
    return id;
  });
}

export async function replaceDealContacts(db: Kdb, actor: Actor, id: number, input: z.infer<typeof dealContactsUpdate>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const known = await opportunitiesRepo.contactsOfAccount(trx, before.account_id, input.contacts.map((c) => c.contactId));
    const dup = new Set(duplicateIndexes(input.contacts, (c) => `${c.contactId}:${c.role}`));
    const issues = input.contacts.flatMap((c, i) => {
      if (!known.has(c.contactId)) return [issue(`contacts.${i}.contactId`, 'pipeline.contactOtherAccount', "Pick a contact of the project's account")];
      if (dup.has(i)) return [issue(`contacts.${i}`, 'pipeline.contactDuplicate', 'The same contact is listed twice in the same role')];
      return [];
    });
    if (issues.length) throw validationError(issues);
    const previous = await opportunitiesRepo.dealContacts(trx, id);
    const rows = input.contacts.map((c) => ({ contactId: c.contactId, role: c.role, note: c.note ?? null }));
    await opportunitiesRepo.setDealContacts(trx, id, rows);
    const after = await opportunitiesRepo.update(trx, id, {});
    await audit(trx, actor, {
      entity: 'opportunity',
      entityId: id,
      action: 'contacts',
      before: { ...before, contacts: previous.map((c) => ({ contactId: c.contact_id, role: c.role, note: c.note })) },
      after: { ...after, contacts: rows },
    });
    return id;
  });
}

export async function moveOpportunityStage(db: Kdb, actor: Actor, id: number, input: z.infer<typeof moveStage>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    if (before.status !== 'open') throw notOpen(before.status);
    const { settings } = await loadPipelineSettings(trx);
    const gate = (await opportunitiesRepo.gateFacts(trx, [id])).get(id)!;
    const from = before.stage as Stage;
    const move = stageMove(from, input.toStage, input.reason, settings.gates, new Set(Object.keys(gate.ticks)), gate.facts);
    if (move.kind === 'same') throw validationError([issue('toStage', 'pipeline.sameStage', 'The project is already in this stage')]);
    if (move.kind === 'needsReason') throw validationError([issue('reason', 'pipeline.backNeedsReason', 'Say why the project goes back')]);
    if (move.kind === 'gate') throw gateNotMet(move.stage, move.missing);
    const after = await opportunitiesRepo.update(trx, id, { stage: input.toStage, stage_entered_at: new Date() });
    await opportunitiesRepo.insertHistory(trx, { opportunityId: id, fromStage: from, toStage: input.toStage, fromStatus: 'open', toStatus: 'open', reason: input.reason ?? null, actorId: actor.userId });
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: move.kind === 'back' ? 'stage_back' : 'stage_forward', before, after, data: { reason: input.reason ?? null } });
    return id;
  });
}

export async function closeOpportunityAs(db: Kdb, actor: Actor, id: number, input: z.infer<typeof closeOpportunity>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const from = before.status as OpportunityStatus;
    if (!canClose(from, input.status)) throw notOpen(from);
    const issues = closeIssues(input.status, input.reasonKey, input.wonByCompetitorId);
    if (input.status === 'lost' && input.wonByCompetitorId && !(await opportunitiesRepo.competitor(trx, input.wonByCompetitorId))) {
      issues.push(issue('wonByCompetitorId', 'pipeline.competitorUnknown', 'Pick a competitor of the register'));
    }
    if (issues.length) throw validationError(issues);
    if (input.status === 'won') {
      const stage = before.stage as Stage;
      if (stage !== 5) throw new AppError('INVALID_STATE', 'Only a project in stage 5 can be won', { stage, missing: [] }, { key: 'pipeline.wonOnlyAtStage5', params: { stage } });
      const { settings } = await loadPipelineSettings(trx);
      const gate = (await opportunitiesRepo.gateFacts(trx, [id])).get(id)!;
      const missing = missingForGate(5, settings.gates, new Set(Object.keys(gate.ticks)), gate.facts);
      if (missing.length) throw gateNotMet(5, missing);
    }
    const closed = input.status !== 'paused';
    const after = await opportunitiesRepo.update(trx, id, {
      status: input.status,
      close_reason_key: closed ? input.reasonKey : null,
      close_note: input.note ?? null,
      won_by_competitor_id: input.status === 'lost' ? (input.wonByCompetitorId ?? null) : null,
      closed_at: closed ? new Date() : null,
    });
    await opportunitiesRepo.insertHistory(trx, { opportunityId: id, fromStage: before.stage, toStage: before.stage, fromStatus: from, toStatus: input.status, reason: input.note ?? null, actorId: actor.userId });
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: input.status === 'paused' ? 'pause' : 'close', before, after });
    return id;
  });
}

export async function reopenOpportunityAs(db: Kdb, actor: Actor, id: number, input: z.infer<typeof reopenOpportunity>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    const from = before.status as OpportunityStatus;
    if (!canReopen(from)) throw new AppError('INVALID_STATE', `A ${from} project cannot be reopened`, { path: 'status', status: from }, { key: 'pipeline.notReopenable', params: { status: from } });
    const after = await opportunitiesRepo.update(trx, id, { status: 'open', close_reason_key: null, close_note: null, won_by_competitor_id: null, closed_at: null, stage_entered_at: new Date() });
    await opportunitiesRepo.insertHistory(trx, { opportunityId: id, fromStage: before.stage, toStage: before.stage, fromStatus: from, toStatus: 'open', reason: input.reason, actorId: actor.userId });
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: 'reopen', before, after, data: { reason: input.reason } });
    return id;
  });
}

export async function assessOpportunity(db: Kdb, actor: Actor, id: number, input: z.infer<typeof assessmentInput>) {
  return withOpportunity(db, actor, id, input.version, async (trx, before) => {
    if (before.status !== 'open' || before.stage < 3) {
      throw new AppError('INVALID_STATE', 'Only an open project in stage 3 or later is assessed', { stage: before.stage, status: before.status }, { key: 'pipeline.assessmentStage' });
    }
    const { settings } = await loadPipelineSettings(trx);
    const result = gradeAssessment(input.scores, settings, input.informationSufficient);
    const stored: StoredAssessment = {
      scores: allFactorScores(input.scores),
      notes: Object.fromEntries(Object.entries(input.notes ?? {}).filter(([, n]) => n)) as Record<string, string>,
      informationSufficient: input.informationSufficient,
      summary: input.summary ?? null,
      ...result,
      by: actor.userId,
      at: new Date().toISOString(),
    };
    const after = await opportunitiesRepo.update(trx, id, { assessment: JSON.stringify(stored), assessment_outcome: result.outcome });
    if (isGrade(result.outcome)) await gradeFromAssessment(trx, actor, before.account_id, result.outcome, { opportunityId: id });
    await audit(trx, actor, { entity: 'opportunity', entityId: id, action: 'assess', before, after, data: { outcome: result.outcome } });
    return id;
  });
}

// ---------------------------------------------------------------- competitors on the project

const entryNotFound = () => new AppError('NOT_FOUND', 'Competitor entry not found', undefined, { key: 'pipeline.competitorEntryNotFound' });

async function lockProject(trx: Executor, actor: Actor, id: number) {
  const project = await opportunitiesRepo.findForUpdate(trx, id, ownedScope('opportunities', actor, 'opportunity:write'));
  if (!project) throw notFound();
  return project;
}

const ENTRY_COLUMNS = { strengths: 'strengths', weaknesses: 'weaknesses', price: 'price', pricePosition: 'price_position', relationships: 'relationships', threat: 'threat' } as const;

export async function addCompetitor(db: Kdb, actor: Actor, id: number, input: z.infer<typeof projectCompetitorCreate>) {
  return db.transaction().execute(async (trx) => {
    await lockProject(trx, actor, id);
    const competitor = await opportunitiesRepo.competitor(trx, input.competitorId);
    if (!competitor?.active) throw validationError([issue('competitorId', 'pipeline.competitorUnknown', 'Pick an active competitor of the register')]);
    if (await opportunitiesRepo.hasCompetitor(trx, id, input.competitorId)) {
      throw new AppError('CONFLICT', 'This competitor is already on the project', { path: 'competitorId' }, { key: 'pipeline.competitorDuplicate' });
    }
    const row = await opportunitiesRepo.insertCompetitorEntry(trx, { opportunity_id: id, competitor_id: input.competitorId, ...(columnValues(input, ENTRY_COLUMNS) as object) });
    await opportunitiesRepo.touch(trx, id);
    await audit(trx, actor, { entity: 'opportunity_competitor', entityId: row.id, action: 'create', after: row, data: { opportunityId: id } });
    return row.id;
  });
}

async function withEntry<T>(db: Kdb, actor: Actor, id: number, entryId: number, version: number, fn: (trx: Executor, before: NonNullable<Awaited<ReturnType<typeof opportunitiesRepo.competitorEntryForUpdate>>>) => Promise<T>) {
  return db.transaction().execute(async (trx) => {
    await lockProject(trx, actor, id);
    const before = await opportunitiesRepo.competitorEntryForUpdate(trx, id, entryId);
    if (!before) throw entryNotFound();
    if (before.version !== version) throw stale();
    const result = await fn(trx, before);
    await opportunitiesRepo.touch(trx, id);
    return result;
  });
}

export async function updateCompetitor(db: Kdb, actor: Actor, id: number, entryId: number, input: z.infer<typeof projectCompetitorUpdate>) {
  return withEntry(db, actor, id, entryId, input.version, async (trx, before) => {
    const after = await opportunitiesRepo.updateCompetitorEntry(trx, entryId, columnValues(input, ENTRY_COLUMNS) as CompetitorEntryValues);
    await audit(trx, actor, { entity: 'opportunity_competitor', entityId: entryId, action: 'update', before, after, data: { opportunityId: id } });
    return entryId;
  });
}

export async function removeCompetitor(db: Kdb, actor: Actor, id: number, entryId: number, version: number) {
  await withEntry(db, actor, id, entryId, version, async (trx, before) => {
    await opportunitiesRepo.deleteCompetitorEntry(trx, entryId);
    await audit(trx, actor, { entity: 'opportunity_competitor', entityId: entryId, action: 'delete', before, data: { opportunityId: id } });
  });
}

export async function getCompetitorEntry(db: Kdb, id: number, entryId: number) {
  return (await opportunitiesRepo.competitorEntry(db, id, entryId))!;
}

