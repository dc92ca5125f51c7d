/**
 * The desk (Mitt skrivbord): the overview with every folder's count, "Mina enheter" with their
 * persons, and the persons the user opened lately. Listing names is reading person data, so every
 * person listed gets a person.list_hit audit row in the same transaction; counts show no names and
 * are not audited. Protected identities stay masked.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits } from '../../platform/audit/audit.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { parsePersonSearch } from '../../../domain/person-search.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { NOT_CURRENT_DEFAULT_DAYS, type DeskCounts } from '../../../contract/desk.ts';
import type * as contract from '../../../contract/desk.ts';
import { maskSummary, type PersonSummary } from '../persons/index.ts';
import { canListNewAssignments, countNewAssignmentsIn } from '../assignments/index.ts';
import * as repo from './desk.repository.ts';
import * as myPersons from './my-persons.repository.ts';
import * as folders from './provider-folders.repository.ts';
import * as policy from './desk.policy.ts';

export const RECENT_LIMIT = 20;
export const UNIT_PAGE_SIZE = 50;

/** One person.list_hit row per person shown, naming the list. */
export async function auditListHits(
  trx: Trx,
  actor: PositionedActor,
  persons: readonly Pick<PersonSummary, 'id'>[],
  details: Record<string, unknown>,
  entity?: { type: string; ids: readonly string[] },
): Promise<void> {
  await writeAudits(
    trx,
    actor,
    persons.map((person, index) => ({
      action: 'person.list_hit',
      entityType: entity?.type ?? 'person',
      entityId: entity?.ids[index] ?? person.id,
      personId: person.id,
      details,
    })),
  );
}

/**
 * The folders' counts and the units with ongoing persons in scope: what the desk's navigation
 * shows. Ej aktuella is counted over the look-back the user chose on that list, which the web
 * keeps per user and sends, so the count matches the list.
 */
export async function getDeskOverview(
  db: Db,
  actor: PositionedActor,
  query: { notCurrentLookBackDays?: number | undefined },
): Promise<contract.DeskOverview> {
  const { personScopeUnitIds } = actor.position;
  return inTenant(db, actor.municipalityId, async (trx) => {
    const units = await repo.listDeskUnits(trx, policy.deskUnitIds(actor.position), personScopeUnitIds);
    const recent = await repo.listRecentlyOpened(trx, actor.userId, personScopeUnitIds, RECENT_LIMIT);
    return {
      units,
      recentPersonCount: recent.length,
      counts: await countFolders(trx, actor, query.notCurrentLookBackDays ?? NOT_CURRENT_DEFAULT_DAYS),
    };
  });
}

async function countFolders(trx: Trx, actor: PositionedActor, notCurrentLookBackDays: number): Promise<DeskCounts> {
  const { position } = actor;
  const caseUnits = policy.providerCaseUnitIds(position);
  return {
    newAssignments: canListNewAssignments(position) ? await countNewAssignmentsIn(trx, actor) : null,
    unacknowledged: policy.canListUnacknowledged(position)
      ? await folders.countUnacknowledged(trx, caseUnits, position.personScopeUnitIds, todayInSweden())
      : null,
    myPersons: await myPersons.countMyPersons(trx, actor.userId, position.personScopeUnitIds),
    startsToRegister: policy.canListStartsToRegister(position)
      ? await folders.countStartsToRegister(trx, caseUnits, position.personScopeUnitIds, todayInSweden())
      : null,
    notCurrent: policy.canListNotCurrent(position)
      ? await folders.countNotCurrent(trx, caseUnits, position.personScopeUnitIds, {
          today: todayInSweden(),
          lookBackDays: notCurrentLookBackDays,
        })
      : null,
  };
}

/** Persons this user opened lately and may still see, newest first. */
export async function listRecentPersons(db: Db, actor: PositionedActor): Promise<contract.RecentPersons> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const recent = await repo.listRecentlyOpened(trx, actor.userId, actor.position.personScopeUnitIds, RECENT_LIMIT);
    await auditListHits(trx, actor, recent, { list: 'recent' });
    return {
      persons: recent.map(({ lastOpenedAt, ...person }) => ({
        ...maskSummary(person),
        lastOpenedAt: lastOpenedAt.toISOString(),
      })),
    };
  });
}

/** A filter typed into a list: the same rules as the person search; bad input is a 400 on `q`. */
export function parseFilter(q: string | undefined): repo.PersonFilter | null {
  if (!q) return null;
  const filter = parsePersonSearch(q);
  if (filter.kind === 'invalid') throw new ValidationError({ q: filter.error }, filter.error);
  return filter;
}

/** One page of a desk unit's persons (ongoing or recently ended links), in Swedish name order. */
export async function listUnitPersons(
  db: Db,
  actor: PositionedActor,
  unitId: string,
  query: { q?: string | undefined; page?: number | undefined },
): Promise<contract.UnitPersons> {
  if (!policy.canListUnitPersons(actor.position, unitId)) throw new NotFoundError('Enheten hittades inte.');
  const filter = parseFilter(query.q);
  const page = query.page ?? 1;
  const { personScopeUnitIds } = actor.position;
  return inTenant(db, actor.municipalityId, async (trx) => {
    const unit = await repo.findDeskUnit(trx, unitId, personScopeUnitIds);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    const found = await repo.listUnitPersons(
      trx,
      unitId,
      personScopeUnitIds,
      filter,
      (page - 1) * UNIT_PAGE_SIZE,
      UNIT_PAGE_SIZE,
    );
    await auditListHits(trx, actor, found.persons, {
      list: 'unit',
      unitId,
      ...(filter ? { filter: filter.kind } : {}),
    });
    return { unit, persons: found.persons.map(maskSummary), total: found.total, page, pageSize: UNIT_PAGE_SIZE };
  });
}
