import type { DataScope, Permission } from '../../../shared/permissions';
import { ALL_PERMISSIONS } from '../../../shared/permissions';

export interface RoleDefault {
  code: string;
  name: string;
  dataScope: DataScope;
  permissions: Permission[];
}

const everyone: Permission[] = ['org:read', 'approval:act', 'request:create', 'request:read'];
/** ACC: working on accounts (and exporting the lists one sees); the director's rights (ORG-3) add assignment, grades and trade terms (ORG-4). */
const accountWork: Permission[] = ['account:read', 'account:create', 'account:update', 'account:export'];
/** Bulk import and merging duplicates rewrite many records at once: the director and up. */
const accountLead: Permission[] = [...accountWork, 'account:assign', 'account:trade-terms', 'account:import', 'account:merge'];
/** REL: everyone on accounts keeps contacts; sensitive personal details go to the director and up (ORG-4). */
const contactWork: Permission[] = ['contact:read', 'contact:write'];
const contactLead: Permission[] = [...contactWork, 'contact:sensitive'];
/** PIPE: everyone on accounts works development projects and keeps the competitor register; the director sets gates and weights. */
const pipelineWork: Permission[] = ['opportunity:read', 'opportunity:write', 'competitor:manage'];
const pipelineLead: Permission[] = [...pipelineWork, 'opportunity:configure'];
/** ACT-8 gifts: field staff apply for gifts to their accounts' people; the gift administrator keeps the catalogue, stock and cap. */
const giftWork: Permission[] = ['gift:read', 'gift:apply'];
/** ACT-9: specialists and account managers travel (seed 003 第13–14条); the director and up, and finance (it pays advances), read trips. */
const tripWork: Permission[] = ['trip:read', 'trip:write'];
/** ACT-1..3: specialists and account managers plan, make and record visits; the KA director also reviews the visit reports. */
const visitWork: Permission[] = ['visit:read', 'visit:write'];
const visitLead: Permission[] = [...visitWork, 'visit:review'];
/** ACT-6/7: specialists and account managers receive customers; the director confirms reports; finance and the GMs read. */
const receptionWork: Permission[] = ['reception:read', 'reception:write'];
/** ACT-10 expense claims: field staff claim their own costs; finance pays and keeps the budgets; the GMs read and set budgets. */
const expenseWork: Permission[] = ['expense:read', 'expense:write'];

/**
 * The built-in roles, one per position of ORG-1, with the data scope of ORG-2. Setting up a
 * delegation of someone else's approvals (delegation:manage) is the administrator's alone: a
 * director who could delegate the finance manager's steps to himself could approve alone. An admin may
 * change them; a start only adds roles that are missing and never overwrites edits.
 */
export const DEFAULT_ROLES: RoleDefault[] = [
  { code: 'sys_admin', name: '系统管理员', dataScope: 'all', permissions: [...ALL_PERMISSIONS] },
  { code: 'gm', name: '总经理', dataScope: 'all', permissions: [...everyone, 'audit:read', ...accountLead, ...contactLead, ...pipelineWork, 'trip:read', 'visit:read', 'reception:read', 'gift:read', 'expense:read', 'budget:manage'] },
  { code: 'deputy_gm', name: '副总经理', dataScope: 'all', permissions: [...everyone, 'audit:read', ...accountLead, ...contactLead, ...pipelineWork, 'trip:read', 'visit:read', 'reception:read', 'gift:read', 'expense:read', 'budget:manage'] },
  { code: 'ka_director', name: '大客户总监', dataScope: 'unit', permissions: [...everyone, ...accountLead, ...contactLead, ...pipelineLead, ...tripWork, ...visitLead, ...receptionWork, ...giftWork, ...expenseWork] },
  { code: 'account_manager', name: '客户经理', dataScope: 'team', permissions: [...everyone, ...accountWork, ...contactWork, ...pipelineWork, ...tripWork, ...visitWork, ...receptionWork, ...giftWork, ...expenseWork] },
  { code: 'specialist', name: '客户专员', dataScope: 'own', permissions: [...everyone, ...accountWork, ...contactWork, 'opportunity:read', ...tripWork, ...visitWork, ...receptionWork, ...giftWork, ...expenseWork] },
  { code: 'finance', name: '财务', dataScope: 'all', permissions: [...everyone, 'opportunity:read', 'trip:read', 'visit:read', 'reception:read', 'gift:read', 'expense:read', 'expense:pay', 'budget:manage'] },
  { code: 'gift_admin', name: '礼品管理员', dataScope: 'own', permissions: [...everyone, 'gift:read', 'gift:manage'] },
  { code: 'office', name: '办公室', dataScope: 'own', permissions: [...everyone, 'gift:read'] },
  { code: 'service_staff', name: '服务支持', dataScope: 'own', permissions: [...everyone] },
];

export { ROLE_FOR_POSITION } from '../../../shared/permissions';
