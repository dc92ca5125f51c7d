/**
 * All SQL for personal watches. Every query is the owner's: `user_id = caller` is in its WHERE, and
 * every one that reads a watch with its person also keeps to the person's scope
 * (isPersonInScope), so a person who has left the user's units drops out of the lists and the
 * counts without the row being touched, as in Mina personer. Row-level security adds the tenant.
 * The record a watch concerns is named by a join per kind (case number, assignment number, the
 * provider case's unit). Rows become PersonalWatchRecord here.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import { isAssignmentReadable, type AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import type { WatchRecordKind } from '../../../domain/personal-watches.ts';
import type { PersonRecordRef } from '../assignments/index.ts';

export interface PersonalWatchRecord {
  id: string;
  person: PersonRecordRef;
  record: { kind: WatchRecordKind; id: string; label: string } | null;
  dueOn: string;
  note: string;
  createdAt: Date;
  doneAt: Date | null;
}

export interface Owner {
  userId: string;
  scopeUnitIds: readonly string[];
}

function selectWatches(trx: Trx, owner: Owner) {
  return trx
    .selectFrom('personal_watches as w')
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'w.municipality_id').onRef('p.id', '=', 'w.person_id'),
    )
    .leftJoin('cases as c', (join) =>
      join
        .onRef('c.municipality_id', '=', 'w.municipality_id')
        .onRef('c.id', '=', 'w.record_id')
        .on('w.record_kind', '=', 'case'),
    )
    .leftJoin('assignments as a', (join) =>
      join
        .onRef('a.municipality_id', '=', 'w.municipality_id')
        .onRef('a.id', '=', 'w.record_id')
        .on('w.record_kind', '=', 'assignment'),
    )
    .leftJoin('provider_cases as pc', (join) =>
      join
        .onRef('pc.municipality_id', '=', 'w.municipality_id')
        .onRef('pc.id', '=', 'w.record_id')
        .on('w.record_kind', '=', 'provider_case'),
    )
    .leftJoin('units as pcu', (join) =>
      join.onRef('pcu.municipality_id', '=', 'pc.municipality_id').onRef('pcu.id', '=', 'pc.provider_unit_id'),
    )
    .select([
      'w.id',
      'w.person_id',
      'p.identity_number',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'w.record_kind',
      'w.record_id',
      sql<string | null>`coalesce(c.case_number, a.assignment_number, pcu.name)`.as('record_label'),
      'w.due_on',
      'w.note',
      'w.created_at',
      'w.done_at',
    ])
    .where('w.user_id', '=', owner.userId)
    .where(isPersonInScope('w.person_id', owner.scopeUnitIds));
}

type WatchRow = Awaited<ReturnType<ReturnType<typeof selectWatches>['execute']>>[number];

function toRecord(row: WatchRow): PersonalWatchRecord {
  return {
    id: row.id,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
    },
    record:
      row.record_kind && row.record_id
        ? { kind: row.record_kind as WatchRecordKind, id: row.record_id, label: row.record_label ?? '' }
        : null,
    dueOn: row.due_on,
    note: row.note,
    createdAt: row.created_at,
    doneAt: row.done_at,
  };
}

/** The owner's open watches by due date (the oldest first), or the done ones, the latest cleared first; `limit` at most. */
export async function listWatches(
  trx: Trx,
  owner: Owner,
  status: 'open' | 'done',
  limit: number,
): Promise<PersonalWatchRecord[]> {
  const query =
    status === 'open'
      ? selectWatches(trx, owner).where('w.done_at', 'is', null).orderBy('w.due_on').orderBy('w.created_at')
      : selectWatches(trx, owner).where('w.done_at', 'is not', null).orderBy('w.done_at', 'desc');
  const rows = await query.orderBy('w.id').limit(limit).execute();
  return rows.map(toRecord);
}

/** The owner's watches on one person: open by due date, then the latest cleared. */
export async function listWatchesOfPerson(
  trx: Trx,
  owner: Owner,
  personId: string,
  limit: number,
): Promise<PersonalWatchRecord[]> {
  const rows = await selectWatches(trx, owner)
    .where('w.person_id', '=', personId)
    .orderBy(sql`w.done_at is not null`)
    .orderBy(sql`case when w.done_at is null then w.due_on end`)
    .orderBy('w.done_at', 'desc')
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** One of the owner's watches on a person in scope; with `lock` it stays locked for the transaction. */
export async function findWatch(
  trx: Trx,
  owner: Owner,
  watchId: string,
  lock = false,
): Promise<PersonalWatchRecord | undefined> {
  let query = selectWatches(trx, owner).where('w.id', '=', watchId);
  if (lock) query = query.forUpdate('w');
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

export interface SummaryCounts {
  overdue: number;
  dueToday: number;
  upcoming: number;
}

/**
 * The desk's counts in one statement: the owner's open watches due up to `until`, one range of the
 * index personal_watches_open_by_due (municipality, user, due_on where not done), each row's
 * person checked against the scope so the counts agree with the folder.
 */
export async function countOpenWatches(trx: Trx, owner: Owner, today: string, until: string): Promise<SummaryCounts> {
  const row = await trx
    .selectFrom('personal_watches as w')
    .select([
      sql<string>`count(*) filter (where w.due_on < ${today}::date)`.as('overdue'),
      sql<string>`count(*) filter (where w.due_on = ${today}::date)`.as('due_today'),
      sql<string>`count(*) filter (where w.due_on > ${today}::date)`.as('upcoming'),
    ])
    .where('w.user_id', '=', owner.userId)
    .where('w.done_at', 'is', null)
    .where('w.due_on', '<=', until)
    .where(isPersonInScope('w.person_id', owner.scopeUnitIds))
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), dueToday: Number(row.due_today), upcoming: Number(row.upcoming) };
}

/** How many open watches the owner has, in scope or not: what the cap counts. */
export async function countOpenWatchRows(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('personal_watches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewWatch {
  municipalityId: string;
  userId: string;
  personId: string;
  record: { kind: WatchRecordKind; id: string } | null;
  dueOn: string;
  note: string;
}

export async function insertWatch(trx: Trx, watch: NewWatch): Promise<string> {
  const row = await trx
    .insertInto('personal_watches')
    .values({
      municipality_id: watch.municipalityId,
      user_id: watch.userId,
      person_id: watch.personId,
      record_kind: watch.record?.kind ?? null,
      record_id: watch.record?.id ?? null,
      due_on: watch.dueOn,
      note: watch.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the owner's open watch done; false when it was not open. */
export async function markWatchDone(trx: Trx, userId: string, watchId: string): Promise<boolean> {
  const result = await trx
    .updateTable('personal_watches')
    .set({ done_at: sql<Date>`now()`, done_by_id: userId })
    .where('id', '=', watchId)
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Opens the owner's done watch again; false when it was open. */
export async function reopenWatch(trx: Trx, userId: string, watchId: string): Promise<boolean> {
  const result = await trx
    .updateTable('personal_watches')
    .set({ done_at: null, done_by_id: null })
    .where('id', '=', watchId)
    .where('user_id', '=', userId)
    .where('done_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the owner's open watch; a done one stays (the service refuses it first). */
export async function deleteOpenWatch(trx: Trx, userId: string, watchId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('personal_watches')
    .where('id', '=', watchId)
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The assignment if the reader reads it (the assignments' read rule, in the WHERE), with its person. */
export async function findReadableAssignment(
  trx: Trx,
  assignmentId: string,
  scope: AssignmentReadScope,
): Promise<{ id: string; personId: string; label: string } | undefined> {
  const row = await trx
    .selectFrom('assignments as a')
    .select(['a.id', 'a.person_id', 'a.assignment_number'])
    .where('a.id', '=', assignmentId)
    .where(isAssignmentReadable('a', scope))
    .executeTakeFirst();
  return row && { id: row.id, personId: row.person_id, label: row.assignment_number };
}
