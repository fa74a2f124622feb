import type { FastifyInstance } from 'fastify';
import type { Platform } from './context';
import type { HandoverPart, MergePart } from './parts';
import type { TimelineSource } from './timeline';

/**
 * A room declares what it brings (ARCHITECTURE "A room declares what it brings"): its routes,
 * what it wires into the platform (approval document types, job handlers), and its parts of the
 * account timeline, the account merge and the departure handover. `features/index.ts` is the
 * plain list of these manifests; the server, the worker and the tests are built from it.
 */
export interface Feature {
  name: string;
  /** the tables the room owns (its <room>.tables.ts); every table belongs to the platform or to one room */
  tables?: readonly string[];
  routes?: (app: FastifyInstance, p: Platform) => Promise<void>;
  /** approval document types and job handlers: run by the server and by `tongmeng worker` */
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
