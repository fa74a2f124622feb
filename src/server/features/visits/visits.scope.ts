import type { Permission } from '../../../shared/permissions';
import type { Actor } from '../../platform/actor';
import { scopeWhere } from '../../platform/scope';
import type { VisitScope } from './visits.repo';

/** The data scope over visits: the visitor (owner) and the unit the visit was planned in. */
export function visitScope(actor: Actor, permission: Permission): VisitScope {
  return (eb) => scopeWhere(eb, actor, permission, { owner: 'visits.owner_id', unit: 'visits.unit_id' });
}
