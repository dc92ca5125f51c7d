/**
 * Personal watches (bevakningar): set, list, count, clear, reopen and delete the caller's own. One
 * transaction each: the person found in the caller's scope (404 like missing otherwise), the
 * watch found by its owner in the SQL (someone else's is 404 as well), the change or read and its
 * audit row. Today is the injected clock's day in Sweden, so a test moves it across a watch's day.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import { todayBy, type Clock } from '../../platform/clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { dueDateProblem, personalWatchState, upcomingUntil } from '../../../domain/personal-watches.ts';
import type * as c from '../../../contract/personal-watches.ts';
import { toPersonRef } from '../assignments/index.ts';
import { findCaseForReader } from '../cases/index.ts';
import { getPersonInScope } from '../persons/index.ts';
import { findStaffProviderCase } from '../provider-cases/index.ts';
import { canDeletePersonalWatch, canKeepPersonalWatches } from './personal-watch.policy.ts';
import * as repo from './personal-watch.repository.ts';

/**
 * Open watches a user may have at once, and what one list shows: a personal list to read through,
 * not a second case register. The cap also keeps the folder one cheap page.
 */
export const PERSONAL_WATCHES_MAX = 200;

/** A person page shows this many of the caller's watches on the person. */
const PERSON_LIST_LIMIT = 100;

const NOT_FOUND = 'Bevakningen hittades inte.';

function ownerOf(actor: PositionedActor): repo.Owner {
  return { userId: actor.userId, scopeUnitIds: actor.position.personScopeUnitIds };
}

function toWatch(record: repo.PersonalWatchRecord, today: string): c.PersonalWatch {
  return {
    id: record.id,
    person: toPersonRef(record.person),
    record: record.record,
    dueOn: record.dueOn,
    note: record.note,
    state: personalWatchState({ dueOn: record.dueOn, isDone: record.doneAt !== null }, today),
    createdAt: record.createdAt.toISOString(),
    doneAt: record.doneAt?.toISOString() ?? null,
  };
}

/** My watches, open (by due date) or done (the latest cleared first); each person shown is audited. */
export async function listPersonalWatches(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  status: 'open' | 'done',
): Promise<c.PersonalWatchList> {
  const today = todayBy(clock);
  if (!canKeepPersonalWatches(actor.position)) return { today, watches: [], hasMore: false };
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows = await repo.listWatches(trx, ownerOf(actor), status, PERSONAL_WATCHES_MAX + 1);
    const shown = rows.slice(0, PERSONAL_WATCHES_MAX);
    await writeAudits(
      trx,
      actor,
      shown.map((watch) => ({
        action: 'person.list_hit',
        entityType: 'personal_watch',
        entityId: watch.id,
        personId: watch.person.id,
        details: { list: 'personal_watches', status },
      })),
    );
    return { today, watches: shown.map((watch) => toWatch(watch, today)), hasMore: rows.length > shown.length };
  });
}

/** The desk's counts: no names, so not audited; one indexed statement. */
export async function getPersonalWatchSummary(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
): Promise<c.PersonalWatchSummary> {
  const today = todayBy(clock);
  if (!canKeepPersonalWatches(actor.position)) return { today, overdue: 0, dueToday: 0, upcoming: 0 };
  const counts = await inTenant(db, actor.municipalityId, (trx) =>
    repo.countOpenWatches(trx, ownerOf(actor), today, upcomingUntil(today)),
  );
  return { today, ...counts };
}

/** My watches on a person in my scope; the read is audited on the person. */
export async function listWatchesOfPerson(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  personId: string,
): Promise<c.PersonWatchList> {
  const today = todayBy(clock);
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    const rows = await repo.listWatchesOfPerson(trx, ownerOf(actor), personId, PERSON_LIST_LIMIT);
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section: 'personal_watches', watchIds: rows.map((row) => row.id) },
    });
    return { today, watches: rows.map((row) => toWatch(row, today)) };
  });
}

/** Sets a watch on a person in my scope, optionally on one of the person's records I may open. */
export async function createPersonalWatch(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  personId: string,
  input: c.CreatePersonalWatch,
): Promise<c.PersonalWatch> {
  const today = todayBy(clock);
  const problem = dueDateProblem(input.dueOn, today);
  return inTenant(db, actor.municipalityId, async (trx) => {
    // The person first: out of scope is 404 whatever else is wrong with the request.
    await getPersonInScope(trx, actor, personId);
    if (problem) throw new ValidationError({ dueOn: problem });
    const record = input.record ? await getRecordOfPerson(trx, actor, personId, input.record) : null;
    if ((await repo.countOpenWatchRows(trx, actor.userId)) >= PERSONAL_WATCHES_MAX) {
      throw new ConflictError(
        `Du har redan ${PERSONAL_WATCHES_MAX} öppna bevakningar. Klarmarkera eller ta bort några först.`,
      );
    }
    const id = await repo.insertWatch(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      personId,
      record: record && { kind: record.kind, id: record.id },
      dueOn: input.dueOn,
      note: input.note,
    });
    await writeAudit(trx, actor, {
      action: 'personal_watch.create',
      entityType: 'personal_watch',
      entityId: id,
      personId,
      details: { dueOn: input.dueOn, record: record && { kind: record.kind, id: record.id } },
    });
    return toWatch(await getWatch(trx, actor, id), today);
  });
}

/**
 * The record the watch is to concern, if it is the person's and the caller may open it (its own
 * module's read rule); otherwise 404, as for a record that does not exist.
 */
async function getRecordOfPerson(
  trx: Trx,
  actor: PositionedActor,
  personId: string,
  record: NonNullable<c.CreatePersonalWatch['record']>,
): Promise<{ kind: typeof record.kind; id: string; label: string }> {
  const found = await findRecord(trx, actor, record);
  if (!found || found.personId !== personId) throw new NotFoundError('Posten som bevakningen gäller hittades inte.');
  return { kind: record.kind, id: found.id, label: found.label };
}

async function findRecord(
  trx: Trx,
  actor: PositionedActor,
  record: NonNullable<c.CreatePersonalWatch['record']>,
): Promise<{ id: string; personId: string; label: string } | undefined> {
  switch (record.kind) {
    case 'case': {
      const found = await findCaseForReader(trx, actor, record.id);
      return found && { id: found.id, personId: found.personId, label: found.caseNumber };
    }
    case 'provider_case': {
      const found = await findStaffProviderCase(trx, actor, record.id);
      return found && { id: found.id, personId: found.personId, label: found.unitName };
    }
    case 'assignment': {
      // The assignments' read rule is the platform's (need to know), so the SQL here applies it.
      const scope = await loadAssignmentScope(trx, actor);
      const found = await repo.findReadableAssignment(trx, record.id, scope);
      return found && { id: found.id, personId: found.personId, label: found.label };
    }
  }
}

async function getWatch(
  trx: Trx,
  actor: PositionedActor,
  watchId: string,
  lock = false,
): Promise<repo.PersonalWatchRecord> {
  const found = await repo.findWatch(trx, ownerOf(actor), watchId, lock);
  if (!found) throw new NotFoundError(NOT_FOUND);
  return found;
}

/** Clears (klarmarkerar) my watch; clearing a cleared one changes nothing and answers the same. */
export function markPersonalWatchDone(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  watchId: string,
): Promise<c.PersonalWatch> {
  return setDone(db, clock, actor, watchId, { change: repo.markWatchDone, action: 'personal_watch.done' });
}

/** Opens my cleared watch again; reopening an open one changes nothing and answers the same. */
export function reopenPersonalWatch(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  watchId: string,
): Promise<c.PersonalWatch> {
  return setDone(db, clock, actor, watchId, { change: repo.reopenWatch, action: 'personal_watch.reopen' });
}

/** Clears or reopens; only a change writes an audit row. */
async function setDone(
  db: Db,
  clock: Clock,
  actor: PositionedActor,
  watchId: string,
  how: { change: (trx: Trx, userId: string, watchId: string) => Promise<boolean>; action: string },
): Promise<c.PersonalWatch> {
  const today = todayBy(clock);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const watch = await getWatch(trx, actor, watchId, true);
    if (await how.change(trx, actor.userId, watchId)) {
      await writeAudit(trx, actor, {
        action: how.action,
        entityType: 'personal_watch',
        entityId: watchId,
        personId: watch.person.id,
      });
    }
    return toWatch(await getWatch(trx, actor, watchId), today);
  });
}

/** Deletes my open watch (set by mistake); a cleared one is kept: 409. */
export async function deletePersonalWatch(db: Db, actor: PositionedActor, watchId: string): Promise<{ ok: true }> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const watch = await getWatch(trx, actor, watchId, true);
    if (!canDeletePersonalWatch(watch)) {
      throw new ConflictError('En klarmarkerad bevakning tas inte bort. Öppna den igen först om den var fel.');
    }
    await repo.deleteOpenWatch(trx, actor.userId, watchId);
    await writeAudit(trx, actor, {
      action: 'personal_watch.delete',
      entityType: 'personal_watch',
      entityId: watchId,
      personId: watch.person.id,
      details: { dueOn: watch.dueOn, record: watch.record && { kind: watch.record.kind, id: watch.record.id } },
    });
    return { ok: true as const };
  });
}
