/**
 * Who may keep personal watches, and on what. Pure. A watch is the owner's own note: anyone with a
 * position who reads persons may set one on a person they read (the person's scope, in the SQL of
 * every query, src/server/platform/access/person-scope.ts), and on a record of that person they may
 * open (the record's own read rule, asked of its module when the watch is set). Only the owner
 * reads, clears, reopens or deletes it: every query has `user_id = caller` in its WHERE, so someone
 * else's watch is 404, the same as a missing one (ADR 0004).
 */
import type { ActorPosition } from '../../platform/access/actor.ts';

/** Positions that read persons keep watches; the administrator alone reads none and keeps none. */
export function canKeepPersonalWatches(position: Pick<ActorPosition, 'personScopeUnitIds'>): boolean {
  return position.personScopeUnitIds.length > 0;
}

/** Clearing is final until reopened: a done watch is kept as a record of what was followed up, not deleted. */
export function canDeletePersonalWatch(watch: { doneAt: Date | null }): boolean {
  return watch.doneAt === null;
}
