import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import { versionQuery } from '../../../shared/contracts/needs';
import {
  assessmentInput,
  checklistItemParam,
  checklistUpdate,
  closeOpportunity,
  dealContactsUpdate,
  moveStage,
  opportunityCreate,
  opportunityDetail,
  opportunityListQuery,
  opportunityPage,
  opportunityUpdate,
  participantsUpdate,
  pipelineSettingsResponse,
  pipelineSettingsUpdate,
  projectCompetitor,
  projectCompetitorCreate,
  projectCompetitorParam,
  projectCompetitorUpdate,
  reopenOpportunity,
  type Assessment,
  type ChecklistEntry,
  type OpportunityDetail,
  type OpportunitySummary,
  type ProjectCompetitor,
  type StageHistoryEntry,
} from '../../../shared/contracts/opportunities';
import { weightedValue, type ChecklistItem, type PipelineSettings, type Stage } from '../../../shared/domain/pipeline';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import type { SummaryRow } from './opportunities.repo';
import { daysBetween, isStalled } from './opportunities.rules';
import * as service from './opportunities.service';

export function opportunitySummaryOut(r: SummaryRow, s: PipelineSettings, now: Date): OpportunitySummary {
  const stage = r.stage as Stage;
  return {
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    stage,
    status: r.status as OpportunitySummary['status'],
    expectedValue: Number(r.expected_value),
    weightedValue: r.status === 'open' ? weightedValue(Number(r.expected_value), stage, s.probabilities) : 0,
    products: (r.products ?? []) as string[],
    expectedCloseOn: r.expected_close_on,
    procurementStep: r.procurement_step as OpportunitySummary['procurementStep'],
    stageEnteredAt: iso(r.stage_entered_at),
    daysInStage: daysBetween(r.stage_entered_at, now),
    stalled: isStalled(r.status, stage, r.stage_entered_at, s.ageingDays, now),
    assessmentOutcome: r.assessment_outcome as OpportunitySummary['assessmentOutcome'],
    planStatus: (r.plan_status ?? null) as OpportunitySummary['planStatus'],
    closeReasonKey: r.close_reason_key as OpportunitySummary['closeReasonKey'],
    closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

type EntryRow = Awaited<ReturnType<typeof service.getCompetitorEntry>>;
export const projectCompetitorOut = (r: EntryRow): ProjectCompetitor => ({
  id: r.id,
  competitorId: r.competitor_id,
  competitorName: r.competitor_name,
  strengths: r.strengths,
  weaknesses: r.weaknesses,
  price: r.price === null ? null : Number(r.price),
  pricePosition: r.price_position as ProjectCompetitor['pricePosition'],
  relationships: r.relationships,
  threat: r.threat as ProjectCompetitor['threat'],
  version: r.version,
});

export function opportunityDetailOut(v: service.OpportunityView): OpportunityDetail {
  const r = v.row;
  return {
    ...opportunitySummaryOut(r, v.settings, v.now),
    description: r.description,
    accountGrade: r.account_grade as OpportunityDetail['accountGrade'],
    participants: v.participants.map((p) => ({ userId: p.user_id, name: p.name, part: p.part as OpportunityDetail['participants'][number]['part'], active: p.status === 'active' })),
    contacts: v.contacts.map((c) => ({
      contactId: c.contact_id,
      name: c.name,
      title: c.title,
      role: c.role as OpportunityDetail['contacts'][number]['role'],
      note: c.note,
      relationshipStage: c.stage,
      support: c.support,
    })),
    missingRoles: v.missingRoles,
    competitors: v.competitors.map(projectCompetitorOut),
    checklist: v.checklist.map(
      (c): ChecklistEntry => ({
        item: c.item,
        stage: c.stage,
        auto: c.auto,
        met: c.met,
        required: c.required,
        note: c.note,
        doneBy: c.by ? { id: c.by, name: c.byName ?? '' } : null,
        doneAt: iso(c.at),
      }),
    ),
    missing: v.missing as ChecklistItem[],
    assessment: v.assessment
      ? {
          scores: v.assessment.scores as Assessment['scores'],
          notes: v.assessment.notes as Assessment['notes'],
          informationSufficient: v.assessment.informationSufficient,
          summary: v.assessment.summary,
          value: v.assessment.value,
          difficulty: v.assessment.difficulty,
          outcome: v.assessment.outcome as Assessment['outcome'],
          assessedBy: { id: v.assessment.by, name: v.assessment.byName },
          assessedAt: iso(v.assessment.at),
        }
      : null,
    history: v.history.map(
      (h): StageHistoryEntry => ({
        id: h.id,
        fromStage: h.from_stage as Stage | null,
        toStage: h.to_stage as Stage,
        fromStatus: h.from_status as StageHistoryEntry['fromStatus'],
        toStatus: h.to_status as StageHistoryEntry['toStatus'],
        reason: h.reason,
        actor: h.actor_id ? { id: h.actor_id, name: h.actor_name ?? '' } : null,
        at: iso(h.at),
        days: h.days,
      }),
    ),
    closeNote: r.close_note,
    wonByCompetitor: v.wonBy,
    canWrite: v.canWrite,
  };
}

const tags = ['opportunities'];

export async function opportunitiesRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;

  app.get('/api/opportunities', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: 'Development projects in scope (PIPE-1): filters by account, owner, unit, stage, status, close window, stalled, competitor; q matches project and account names', querystring: opportunityListQuery, response: { 200: opportunityPage } },
  }, async (req) => {
    const r = await service.listOpportunities(db, actorOf(req), req.query);
    const now = new Date();
    return { items: r.items.map((i) => opportunitySummaryOut(i, r.settings, now)), total: r.total, page: r.page, pageSize: r.pageSize };
  });

  const detail = async (actor: ReturnType<typeof actorOf>, id: number) => opportunityDetailOut(await service.getOpportunity(db, actor, id));

  app.post('/api/opportunities', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Start a development project on an account; the owner (default the caller) takes part as account manager', body: opportunityCreate, response: { 201: opportunityDetail } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await service.createOpportunity(db, actor, req.body);
    return reply.code(201).send(await detail(actor, id));
  });

  app.get('/api/opportunities/:id', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: 'A development project with its checklist, gate, participants, decision chain, competitors, assessment and stage history', params: idParam, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.patch('/api/opportunities/:id', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Edit a project; a new owner moves it to their unit (version required)', params: idParam, body: opportunityUpdate, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.updateOpportunity(db, actorOf(req), req.params.id, req.body)));

  app.put('/api/opportunities/:id/checklist/:item', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Tick or untick a manual checklist item with a note (automatic items: 400)', params: checklistItemParam, body: checklistUpdate, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.updateChecklist(db, actorOf(req), req.params.id, req.params.item as ChecklistItem, req.body)));

  app.put('/api/opportunities/:id/participants', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Replace who takes part (account manager, KA director, senior management)', params: idParam, body: participantsUpdate, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.replaceParticipants(db, actorOf(req), req.params.id, req.body)));

  app.put('/api/opportunities/:id/contacts', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: "Replace the decision chain: contacts of the project's account and their roles on the deal", params: idParam, body: dealContactsUpdate, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.replaceDealContacts(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/opportunities/:id/stage', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Move forward across met gates (409 with the missing items otherwise) or back with a reason', params: idParam, body: moveStage, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.moveOpportunityStage(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/opportunities/:id/close', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Close as won (stage 5, gate met), lost or abandoned with a reason, or pause', params: idParam, body: closeOpportunity, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.closeOpportunityAs(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/opportunities/:id/reopen', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Reopen a lost, abandoned or paused project at the stage it was in', params: idParam, body: reopenOpportunity, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.reopenOpportunityAs(db, actorOf(req), req.params.id, req.body)));

  app.put('/api/opportunities/:id/assessment', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: "Stage 3 value assessment (PIPE-3): seven factors graded; a grade A–D is written to the account", params: idParam, body: assessmentInput, response: { 200: opportunityDetail } },
  }, async (req) => detail(actorOf(req), await service.assessOpportunity(db, actorOf(req), req.params.id, req.body)));

  app.post('/api/opportunities/:id/competitors', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Add a competitor of the register to the project, with their strengths, price and relationships', params: idParam, body: projectCompetitorCreate, response: { 200: projectCompetitor } },
  }, async (req) => projectCompetitorOut(await service.getCompetitorEntry(db, req.params.id, await service.addCompetitor(db, actorOf(req), req.params.id, req.body))));

  app.patch('/api/opportunities/:id/competitors/:entryId', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: "Edit a competitor's entry on the project (version required)", params: projectCompetitorParam, body: projectCompetitorUpdate, response: { 200: projectCompetitor } },
  }, async (req) =>
    projectCompetitorOut(await service.getCompetitorEntry(db, req.params.id, await service.updateCompetitor(db, actorOf(req), req.params.id, req.params.entryId, req.body))));

  app.delete('/api/opportunities/:id/competitors/:entryId', {
    config: { access: 'opportunity:write' },
    schema: { tags, summary: 'Remove a competitor from the project (version in the query)', params: projectCompetitorParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.removeCompetitor(db, actorOf(req), req.params.id, req.params.entryId, req.query.version);
    return { ok: true as const };
  });

  const settingsOut = async (): Promise<z.infer<typeof pipelineSettingsResponse>> => {
    const s = await service.loadPipelineSettings(db);
    return { ...s.settings, version: s.version, updatedAt: iso(s.updatedAt) };
  };

  app.get('/api/pipeline/settings', {
    config: { access: 'opportunity:read' },
    schema: { tags, summary: 'Pipeline settings: gates per stage, factor weights, grading thresholds, stage probabilities, ageing limits', response: { 200: pipelineSettingsResponse } },
  }, async () => settingsOut());

  app.put('/api/pipeline/settings', {
    config: { access: 'opportunity:configure' },
    schema: { tags, summary: 'Change the pipeline settings (version 0 for the first save; stale version: 409)', body: pipelineSettingsUpdate, response: { 200: pipelineSettingsResponse } },
  }, async (req) => {
    await service.putPipelineSettings(db, actorOf(req), req.body);
    return settingsOut();
  });
}
