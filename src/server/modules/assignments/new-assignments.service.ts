/**
 * "Nya uppdrag": the provider's sent assignments still waiting to be accepted, for managers and
 * coordinators of the provider (and alarm managers, for personal alarms). Each listed person is
 * an audited list hit; a protected identity's name never appears in the list.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits } from '../../platform/audit/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type * as c from '../../../contract/assignments.ts';
import * as repo from './new-assignments.repository.ts';
import { listProvidersOfUnits } from '../../platform/access/assignment-scope.ts';
import { alarmAreasOf } from '../../platform/access/assignment-scope.ts';
import { canListNewAssignments, newAssignmentView } from './assignment.policy.ts';
import { toPersonRef } from './assignment.presenter.ts';

export const NEW_ASSIGNMENTS_PAGE_SIZE = 50;

interface Query {
  providerUnitId?: string | undefined;
  cursor?: string | undefined;
}

export async function listNewAssignments(db: Db, actor: PositionedActor, query: Query): Promise<c.NewAssignmentList> {
  assertMayList(actor);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  return inTenant(db, actor.municipalityId, async (trx) => {
    const filter = await filterFor(trx, actor, query.providerUnitId);
    const rows = await repo.listNewAssignments(trx, filter, cursor, NEW_ASSIGNMENTS_PAGE_SIZE + 1);
    const page = rows.slice(0, NEW_ASSIGNMENTS_PAGE_SIZE);
    const total =
      cursor === null && rows.length <= NEW_ASSIGNMENTS_PAGE_SIZE
        ? rows.length
        : await repo.countNewAssignments(trx, filter);
    const interventions = await repo.listInterventionNames(
      trx,
      page.map((row) => row.id),
    );
    await writeAudits(
      trx,
      actor,
      page.map((row) => ({
        action: 'person.list_hit',
        entityType: 'assignment',
        entityId: row.id,
        personId: row.person.id,
        details: { list: 'new_assignments' },
      })),
    );
    const last = page.at(-1);
    return {
      items: page.map((row) => {
        const own = interventions.filter((intervention) => intervention.assignmentId === row.id);
        return {
          id: row.id,
          assignmentNumber: row.assignmentNumber,
          person: toPersonRef(row.person),
          provider: row.provider,
          sentAt: row.sentAt.toISOString(),
          interventions: own.map((intervention) => intervention.name),
          hasPersonalAlarm: own.some((intervention) => intervention.isPersonalAlarm),
          isNewClient: row.isNewClient,
          totalGrantedMinutes: row.totalGrantedMinutes,
        };
      }),
      total,
      nextCursor: rows.length > NEW_ASSIGNMENTS_PAGE_SIZE && last ? encodeCursor(last.cursor) : null,
    };
  });
}

/** How many wait, for the desk's folder; no person is shown, so nothing is audited. */
export async function countNewAssignments(
  db: Db,
  actor: PositionedActor,
  query: Pick<Query, 'providerUnitId'>,
): Promise<c.NewAssignmentCount> {
  assertMayList(actor);
  return inTenant(db, actor.municipalityId, async (trx) => ({
    total: await repo.countNewAssignments(trx, await filterFor(trx, actor, query.providerUnitId)),
  }));
}

/** The same count inside the caller's transaction, for the desk's overview; the caller checks canListNewAssignments. */
export async function countNewAssignmentsIn(trx: Trx, actor: PositionedActor): Promise<number> {
  return repo.countNewAssignments(trx, await filterFor(trx, actor, undefined));
}

function assertMayList(actor: PositionedActor): void {
  if (!canListNewAssignments(actor.position)) {
    throw new ForbiddenError(
      'Nya uppdrag visas för verksamhetschefer, enhetschefer, samordnare och larmansvariga hos utförare.',
    );
  }
}

async function filterFor(
  trx: Trx,
  actor: PositionedActor,
  providerUnitId: string | undefined,
): Promise<repo.NewAssignmentFilter> {
  const view = newAssignmentView(actor.position);
  let onlyProviderId: string | null = null;
  if (providerUnitId) {
    onlyProviderId = (await repo.findProviderOfUnit(trx, providerUnitId)) ?? null;
    if (!onlyProviderId) throw new NotFoundError('Utföraren hittades inte.');
  }
  return {
    providerIds: view.isProviderWide ? await listProvidersOfUnits(trx, actor.position.unitsBelow) : [],
    alarmServiceAreas: await alarmAreasOf(trx, actor),
    onlyProviderId,
  };
}

// The cursor is opaque to clients: the last row's exact sent_at and id, base64url-encoded.
function encodeCursor(cursor: repo.PageCursor): string {
  return Buffer.from(`${cursor.sentAtMicros}.${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(text: string): repo.PageCursor {
  const match = /^(\d{1,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    Buffer.from(text, 'base64url').toString('utf8'),
  );
  if (!match) throw new ValidationError({ cursor: 'Ogiltig sidmarkör. Börja om från första sidan.' });
  return { sentAtMicros: Number(match[1]), id: match[2]! };
}
