/**
 * SQL for the provider folders of the desk, both over open provider cases (genomföranden) at the
 * actor's units: "Nya uppdrag" to acknowledge (kvittera) and "Ej aktuella – att avsluta". Every
 * query keeps to the actor's person scope as well as to the units; row-level security adds the
 * tenant.
 */
import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import { NAME_ORDER } from './desk.repository.ts';

const uuids = (ids: readonly string[]) => sql<string>`any(${[...ids]}::uuid[])`;

export interface PersonRef {
  id: string;
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

/** The unit and the person of a listed row, as every provider folder selects them (units `u`, persons `p`). */
const UNIT_AND_PERSON_COLUMNS = [
  'u.id as unit_id',
  'u.name as unit_name',
  'p.id as person_id',
  'p.identity_number',
  'p.first_name',
  'p.last_name',
  'p.protected_identity',
] as const;

interface UnitAndPersonRow {
  unit_id: string;
  unit_name: string;
  person_id: string;
  identity_number: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
}

function unitAndPersonOf(row: UnitAndPersonRow): { unit: { id: string; name: string }; person: PersonRef } {
  return {
    unit: { id: row.unit_id, name: row.unit_name },
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
    },
  };
}

export interface UnacknowledgedCursor {
  /** When the case began waiting (WAITING_SINCE), in microseconds since 1970, exact (a JS Date keeps only milliseconds). */
  waitingSinceMicros: number;
  id: string;
}

export interface UnacknowledgedRow {
  providerCaseId: string;
  person: PersonRef;
  unit: { id: string; name: string };
  openedOn: string;
  /** When it began waiting: opened, or rows of a new assignment came in after it was acknowledged. */
  waitingSince: Date;
  wasAcknowledgedBefore: boolean;
  cursor: UnacknowledgedCursor;
}

/**
 * When an unacknowledged case began waiting: when it opened, or when rows of a new assignment came
 * into it after staff had acknowledged it (deliveries/delivery-write.repository.ts).
 */
const WAITING_SINCE = sql<Date>`coalesce(pc.waiting_again_since, pc.created_at)`;

/**
 * A case waits to be acknowledged while something in it still runs: a row sent to delivery that
 * lasts today or later, or a row whose ending or change is still to come. One whose rows have all
 * ended (a personal alarm ended before the alarm group acknowledged it) has nothing left to take
 * in, and goes to "Ej aktuella – att avsluta" instead. A case is never opened without rows; if one
 * were, it still shows rather than vanish unseen.
 */
function unacknowledged(trx: Trx, unitIds: readonly string[], scopeUnitIds: readonly string[], today: string) {
  return trx
    .selectFrom('provider_cases as pc')
    .where('pc.provider_unit_id', '=', uuids(unitIds))
    .where('pc.closed_on', 'is', null)
    .where('pc.acknowledged_at', 'is', null)
    .where(isPersonInScope('pc.person_id', scopeUnitIds))
    .where(
      sql<SqlBool>`(not exists (
        select 1 from deliveries d
         where d.municipality_id = pc.municipality_id and d.provider_case_id = pc.id
      ) or exists (
        select 1 from deliveries d
         where d.municipality_id = pc.municipality_id and d.provider_case_id = pc.id
           and (d.period_to is null or d.period_to > ${today}::date
                or (d.period_to = ${today}::date and d.status = 'sent_to_delivery'))
      ))`,
    );
}

/**
 * Open, unacknowledged provider cases at the units, waiting longest first, after the cursor.
 * The page is chosen from provider_cases alone and only its rows are joined to persons and units:
 * joined before the limit, a plan made while `units` had no statistics yet (right after a bulk
 * import, before autovacuum) paired every unit with every person in scope, 256,000 rows for one
 * page, and took 600 ms instead of 10 (bench/README.md, "The first run after generating").
 */
export async function listUnacknowledged(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  today: string,
  cursor: UnacknowledgedCursor | null,
  limit: number,
): Promise<UnacknowledgedRow[]> {
  if (unitIds.length === 0) return [];
  let page = unacknowledged(trx, unitIds, scopeUnitIds, today).select([
    'pc.municipality_id',
    'pc.id',
    'pc.person_id',
    'pc.provider_unit_id',
    'pc.opened_on',
    'pc.waiting_again_since',
    WAITING_SINCE.as('waiting_since'),
  ]);
  if (cursor) {
    page = page.where(sql<SqlBool>`(${WAITING_SINCE}, pc.id) > (timestamptz 'epoch'
      + ${cursor.waitingSinceMicros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`);
  }
  const rows = await trx
    .selectFrom(page.orderBy(WAITING_SINCE).orderBy('pc.id').limit(limit).as('pc'))
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'pc.municipality_id').onRef('p.id', '=', 'pc.person_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'pc.municipality_id').onRef('u.id', '=', 'pc.provider_unit_id'),
    )
    .select([
      'pc.id',
      'pc.opened_on',
      'pc.waiting_since',
      sql<string>`(extract(epoch from pc.waiting_since) * 1000000)::bigint`.as('waiting_since_micros'),
      sql<boolean>`pc.waiting_again_since is not null`.as('was_acknowledged_before'),
      ...UNIT_AND_PERSON_COLUMNS,
    ])
    .orderBy('pc.waiting_since')
    .orderBy('pc.id')
    .execute();
  return rows.map((row) => ({
    providerCaseId: row.id,
    openedOn: row.opened_on,
    waitingSince: row.waiting_since,
    wasAcknowledgedBefore: row.was_acknowledged_before,
    ...unitAndPersonOf(row),
    cursor: { waitingSinceMicros: Number(row.waiting_since_micros), id: row.id },
  }));
}

export async function countUnacknowledged(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  today: string,
): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await unacknowledged(trx, unitIds, scopeUnitIds, today)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The names of the interventions sent to delivery in each provider case under the assignments
 * that wait to be acknowledged there (those without an acknowledgement of their own: all of a
 * new case's, a later assignment's in a case that waits again), by case id.
 */
export async function listInterventionsToAcknowledge(
  trx: Trx,
  providerCaseIds: readonly string[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (providerCaseIds.length === 0) return names;
  const rows = await trx
    .selectFrom('deliveries as d')
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .select(['d.provider_case_id', 'it.name'])
    .where('d.provider_case_id', '=', uuids(providerCaseIds))
    .where('d.status', '=', 'sent_to_delivery')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('provider_case_acknowledgements as pa')
            .select(sql`1`.as('one'))
            .whereRef('pa.municipality_id', '=', 'd.municipality_id')
            .whereRef('pa.provider_case_id', '=', 'd.provider_case_id')
            .whereRef('pa.assignment_id', '=', 'd.assignment_id'),
        ),
      ),
    )
    .orderBy('d.provider_case_id')
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .execute();
  // An intervention split over several rows (Morgonhjälp, Dusch) is named once.
  for (const row of rows) {
    const listed = names.get(row.provider_case_id!) ?? [];
    if (!listed.includes(row.name)) names.set(row.provider_case_id!, [...listed, row.name]);
  }
  return names;
}

export interface NotCurrentRow {
  providerCaseId: string;
  version: number;
  person: PersonRef;
  unit: { id: string; name: string };
  openedOn: string;
  lastDeliveryEnd: string;
}

export interface NotCurrentWindow {
  /** Today in Sweden, YYYY-MM-DD: what "ongoing or planned" is judged on. */
  today: string;
  /** Only cases whose last row ended at most this many days before today. */
  lookBackDays: number;
}

/**
 * The open provider cases at the units with nothing ongoing or planned on `today`, whose last
 * delivery row ended within the look-back. A person has nothing ongoing or planned at a unit on
 * `today` exactly when no row there lasts until today or later (src/domain/delivery-rules.ts),
 * whatever its status: a row under distribution is planned, and a withdrawn row still runs until
 * its last day. So the last day of all their rows there ('infinity' for a row without an end,
 * tills vidare) is before today, and one row ended within the look-back.
 *
 * It starts from the rows that ended within the look-back (deliveries_unit_end_idx), not from every
 * row of the units: grouping a unit's 10,000 rows read the table and cost 20–35 ms of the desk
 * overview (bench/README.md, "provider").
 */
function notCurrent(trx: Trx, unitIds: readonly string[], scopeUnitIds: readonly string[], window: NotCurrentWindow) {
  const endedLately = trx
    .selectFrom('deliveries as ended')
    .select(['ended.person_id', 'ended.provider_unit_id'])
    .distinct()
    .where('ended.provider_unit_id', '=', uuids(unitIds))
    .where(
      sql<SqlBool>`ended.period_to >= ${window.today}::date - ${window.lookBackDays}::int and ended.period_to < ${window.today}::date`,
    );
  return trx
    .selectFrom(endedLately.as('r'))
    .innerJoin('provider_cases as pc', (join) =>
      join.onRef('pc.person_id', '=', 'r.person_id').onRef('pc.provider_unit_id', '=', 'r.provider_unit_id'),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('deliveries as d')
          .select(sql<string>`max(coalesce(d.period_to, 'infinity'::date))`.as('last_day'))
          .whereRef('d.person_id', '=', 'r.person_id')
          .whereRef('d.provider_unit_id', '=', 'r.provider_unit_id')
          .as('e'),
      (join) => join.onTrue(),
    )
    .where('pc.closed_on', 'is', null)
    .where(sql<SqlBool>`e.last_day < ${window.today}::date`)
    .where(isPersonInScope('pc.person_id', scopeUnitIds));
}

/** One page of open provider cases with nothing ongoing or planned, longest ended first, and the total. */
export async function listNotCurrent(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  window: NotCurrentWindow,
  offset: number,
  limit: number,
): Promise<{ rows: NotCurrentRow[]; total: number }> {
  if (unitIds.length === 0) return { rows: [], total: 0 };
  let query = notCurrent(trx, unitIds, scopeUnitIds, window)
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'pc.municipality_id').onRef('p.id', '=', 'pc.person_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'pc.municipality_id').onRef('u.id', '=', 'pc.provider_unit_id'),
    )
    .select([
      'pc.id',
      'pc.version',
      'pc.opened_on',
      sql<string>`e.last_day::text`.as('last_day'),
      sql<string>`count(*) over ()`.as('total'),
      ...UNIT_AND_PERSON_COLUMNS,
    ])
    .orderBy(sql`e.last_day`);
  for (const key of NAME_ORDER) query = query.orderBy(key);
  const rows = await query.orderBy('pc.id').offset(offset).limit(limit).execute();
  const total =
    rows.length > 0 || offset === 0
      ? Number(rows[0]?.total ?? 0)
      : await countNotCurrent(trx, unitIds, scopeUnitIds, window);
  return {
    total,
    rows: rows.map((row) => ({
      providerCaseId: row.id,
      version: row.version,
      openedOn: row.opened_on,
      lastDeliveryEnd: row.last_day,
      ...unitAndPersonOf(row),
    })),
  };
}

export async function countNotCurrent(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  window: NotCurrentWindow,
): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await notCurrent(trx, unitIds, scopeUnitIds, window)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Why each listed case's last row ended: the reason on a row ending that day (a row with a reason
 * before one without, then the latest changed), by provider case id.
 */
export async function listEndReasons(
  trx: Trx,
  rows: readonly Pick<NotCurrentRow, 'providerCaseId' | 'person' | 'unit' | 'lastDeliveryEnd'>[],
): Promise<Map<string, string | null>> {
  const reasons = new Map<string, string | null>();
  if (rows.length === 0) return reasons;
  const { rows: found } = await sql<{ provider_case_id: string; end_reason: string | null }>`
    select distinct on (t.provider_case_id) t.provider_case_id, d.end_reason
      from unnest(${rows.map((row) => row.providerCaseId)}::uuid[], ${rows.map((row) => row.person.id)}::uuid[],
                  ${rows.map((row) => row.unit.id)}::uuid[], ${rows.map((row) => row.lastDeliveryEnd)}::date[]) as t(provider_case_id, person_id, unit_id, last_day)
      join deliveries d on d.person_id = t.person_id and d.provider_unit_id = t.unit_id and d.period_to = t.last_day
     order by t.provider_case_id, d.end_reason is null, d.updated_at desc`.execute(trx);
  for (const row of found) reasons.set(row.provider_case_id, row.end_reason);
  return reasons;
}

export interface StartToRegisterRow {
  deliveryId: string;
  person: PersonRef;
  unit: { id: string; name: string };
  interventionName: string;
  label: string | null;
  periodFrom: string;
}

/**
 * Rows sent to delivery at the units whose first day has come with no start date registered: the
 * start drives billing and the statutory reports, so an unregistered one is work waiting. A
 * continuation after a change of time takes no start of its own (src/domain/delivery-rules.ts
 * startRegistrationProblem).
 */
function startsToRegister(trx: Trx, unitIds: readonly string[], scopeUnitIds: readonly string[], today: string) {
  return trx
    .selectFrom('deliveries as d')
    .where('d.provider_unit_id', '=', uuids(unitIds))
    .where('d.status', '=', 'sent_to_delivery')
    .where('d.started_on', 'is', null)
    .where('d.continues_delivery_id', 'is', null)
    .where('d.period_from', '<=', today)
    .where(isPersonInScope('d.person_id', scopeUnitIds));
}

export async function listStartsToRegister(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  today: string,
  limit: number,
): Promise<StartToRegisterRow[]> {
  if (unitIds.length === 0) return [];
  // The page is chosen first and only its rows are joined: joined before the limit, the planner
  // was seen looping over every unit and intervention type for each of a thousand rows (70 ms).
  const page = startsToRegister(trx, unitIds, scopeUnitIds, today)
    .select([
      'd.id',
      'd.municipality_id',
      'd.person_id',
      'd.provider_unit_id',
      'd.assignment_intervention_id',
      'd.period_from',
      'd.label',
    ])
    .orderBy('d.period_from')
    .orderBy('d.id')
    .limit(limit);
  const rows = await trx
    .selectFrom(page.as('d'))
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'd.municipality_id').onRef('p.id', '=', 'd.person_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.provider_unit_id'),
    )
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .select(['d.id', 'd.period_from', 'd.label', 'it.name as intervention_name', ...UNIT_AND_PERSON_COLUMNS])
    .orderBy('d.period_from')
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({
    deliveryId: row.id,
    periodFrom: row.period_from,
    interventionName: row.intervention_name,
    label: row.label,
    ...unitAndPersonOf(row),
  }));
}

export async function countStartsToRegister(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
  today: string,
): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await startsToRegister(trx, unitIds, scopeUnitIds, today)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
