import type { Executor } from '../../db/client';
import type { TimelineKind } from '../../../shared/contracts/timeline';
import type { Actor } from '../../platform/actor';
import type { Cursor } from './timeline.rules';

/** One event as a source reports it; `id` is unique within its kind. */
export interface SourceEvent {
  kind: TimelineKind;
  id: number;
  at: Date;
  dateOnly: boolean;
  actorId: number | null;
  actorName: string | null;
  params: Record<string, string | number | null>;
  link: string | null;
}

export interface SourceQuery {
  accountId: number;
  /** the page starts strictly below this event (see timeline.rules boundFor) */
  before: Cursor | null;
  /** at most this many events per kind */
  limit: number;
  kinds: ReadonlySet<TimelineKind>;
  tz: string;
}

/**
 * A feature's contribution to the account timeline (issue 3 item 3). A source answers for its own
 * kinds, newest first, and decides itself what the caller may see: it returns nothing when the
 * actor's scope for its permission does not reach the account. A later feature (visits,
 * contracts …) registers its source from its own room with registerTimelineSource; the timeline
 * service and the web tab take it up without change (add the kind to TIMELINE_KINDS and the
 * locale).
 */
export interface TimelineSource {
  name: string;
  kinds: readonly TimelineKind[];
  events(db: Executor, actor: Actor, q: SourceQuery): Promise<SourceEvent[]>;
}

const sources = new Map<string, TimelineSource>();

export function registerTimelineSource(source: TimelineSource): void {
  sources.set(source.name, source);
}

export function timelineSources(): TimelineSource[] {
  return [...sources.values()];
}
