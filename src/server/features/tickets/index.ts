import { defineFeature } from '../../platform/feature';
import { handoverParts, mergeParts, timelineSources } from './tickets.parts';
import { registerTicketJobs, ticketsRoutes } from './tickets.routes';
import { TICKETS_TABLES } from './tickets.tables';

/**
 * 服务请求与投诉 (SVC-1): complaints, enquiries and service requests with their SLA clocks on working time,
 * escalation (warning → owner, breach → director, later the GM; each once), history and the director's
 * judgement of a closed complaint (有效 / 无效).
 */
export const ticketsFeature = defineFeature({
  name: 'tickets',
  tables: TICKETS_TABLES,
  /**
   * ticket:read / ticket:write — tickets in the data scope; ticket:judge — judge closed complaints valid or
   * not (and remove others' files); ticket:manage — the SLA policies and running the escalation now
   */
  permissions: ['ticket:read', 'ticket:write', 'ticket:judge', 'ticket:manage'],
  grants: {
    gm: ['ticket:read', 'ticket:write', 'ticket:judge', 'ticket:manage'],
    deputy_gm: ['ticket:read', 'ticket:write', 'ticket:judge', 'ticket:manage'],
    ka_director: ['ticket:read', 'ticket:write', 'ticket:judge', 'ticket:manage'],
    account_manager: ['ticket:read', 'ticket:write'],
    specialist: ['ticket:read', 'ticket:write'],
    service_staff: ['ticket:read', 'ticket:write'],
  },
  routes: ticketsRoutes,
  wire: (p) => registerTicketJobs(p),
  timelineSources,
  mergeParts,
  handoverParts,
});

/**
 * validComplaints: the closed complaints the director judged valid (有效投诉), received in a period, of one
 * person responsible or of all — what the scorecard's −5 points a complaint reads (seed 003 §2.2).
 * runEscalation: the SLA escalation as of a moment (the job's; tests and the demo call it).
 */
export { runEscalation, validComplaints } from './tickets.service';
