import type { FastifyInstance } from 'fastify';
import { BUILTIN_ROLES, type BuiltinRole, type Permission } from '../../shared/permissions';
import type { Approvable, DefaultChain } from './approvals/approvable';
import type { Platform } from './context';
import type { HandoverPart, MergePart } from './parts';
import type { TimelineSource } from './timeline';

/**
 * A room declares what it brings (ARCHITECTURE "A room declares what it brings"): its routes,
 * its tables, the permissions it defines and which built-in roles are offered them, its approvable
 * documents with their default chains, what else it wires into the platform (job handlers), and its parts of the
 * account timeline, the account merge and the departure handover. `features/index.ts` is the
 * plain list of these manifests; the server, the worker and the tests are built from it.
 */
export interface Feature {
  name: string;
  /** the tables the room owns (its <room>.tables.ts); every table belongs to the platform or to one room */
  tables?: readonly string[];
  /** the permissions the room's routes check (named in shared/permissions.ts, the contract with the web); each is one room's */
  permissions?: readonly Permission[];
  /** which of its permissions each built-in role is offered (a start offers each once; an admin's removal stays) */
  grants?: Partial<Record<BuiltinRole, readonly Permission[]>>;
  /** the room's documents that go through the approval engine, each with its default chains */
  approvables?: readonly Approvable[];
  routes?: (app: FastifyInstance, p: Platform) => Promise<void>;
  /** job handlers and anything else the room wires into the platform: run by the server and by `tongmeng worker` */
  wire?: (p: Platform) => void;
  timelineSources?: readonly TimelineSource[];
  mergeParts?: readonly MergePart[];
  handoverParts?: readonly HandoverPart[];
}

export const defineFeature = (feature: Feature): Feature => feature;

/** What the rooms contributed, in the order of the feature list. */
export interface FeatureParts {
  timeline: TimelineSource[];
  merge: MergePart[];
  handover: HandoverPart[];
}

export function collectParts(features: readonly Feature[]): FeatureParts {
  return {
    timeline: features.flatMap((f) => f.timelineSources ?? []),
    merge: features.flatMap((f) => f.mergeParts ?? []),
    handover: features.flatMap((f) => f.handoverParts ?? []),
  };
}

/** Every approvable document's default chains, in the order of the feature list. */
export function defaultChainsOf(features: readonly Feature[]): DefaultChain[] {
  return features.flatMap((f) => f.approvables ?? []).flatMap((a) => a.defaultChains);
}

/** The permissions the rooms offer one built-in role by default. */
export function defaultGrantsOf(features: readonly Feature[], role: BuiltinRole): Permission[] {
  return features.flatMap((f) => f.grants?.[role] ?? []);
}

/** Grants the same permissions to every built-in role but the administrator (who has them all anyway). */
export function toEveryone(permissions: readonly Permission[]): Partial<Record<BuiltinRole, readonly Permission[]>> {
  return Object.fromEntries(BUILTIN_ROLES.filter((r) => r !== 'sys_admin').map((r) => [r, permissions]));
}
