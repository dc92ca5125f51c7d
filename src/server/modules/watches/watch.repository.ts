/**
 * SQL of the watch machinery: the municipality's settings, the notifications already sent, and
 * who a step's message reaches at a provider.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { Db } from '../../platform/db/database.ts';
import { DEFAULT_WATCH_SETTINGS, type WatchSettings } from '../../../domain/deadline-rules.ts';
import { MANAGER_ROLES } from '../../../domain/roles.ts';

export async function findSettings(trx: Trx): Promise<WatchSettings> {
  const row = await trx
    .selectFrom('watch_settings')
    .select(['reminder_months', 'acknowledge_hours', 'acknowledge_hours_alarm', 'period_ending_days'])
    .executeTakeFirst();
  if (!row) return DEFAULT_WATCH_SETTINGS;
  return {
    reminderMonths: row.reminder_months,
    acknowledgeHours: row.acknowledge_hours,
    acknowledgeHoursAlarm: row.acknowledge_hours_alarm,
    periodEndingDays: row.period_ending_days,
  };
}

export async function saveSettings(
  trx: Trx,
  municipalityId: string,
  settings: WatchSettings,
  userId: string,
): Promise<void> {
  const values = {
    reminder_months: settings.reminderMonths,
    acknowledge_hours: settings.acknowledgeHours,
    acknowledge_hours_alarm: settings.acknowledgeHoursAlarm,
    period_ending_days: settings.periodEndingDays,
    updated_by_id: userId,
    updated_at: new Date(),
  };
  await trx
    .insertInto('watch_settings')
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((conflict) => conflict.column('municipality_id').doUpdateSet(values))
    .execute();
}

export interface SentStep {
  subjectId: string;
  step: string;
}

/** The steps already sent for these items of a rule. */
export async function listSentSteps(trx: Trx, rule: string, subjectIds: readonly string[]): Promise<SentStep[]> {
  if (subjectIds.length === 0) return [];
  return trx
    .selectFrom('watch_notifications')
    .select(['subject_id as subjectId', 'step'])
    .where('rule', '=', rule)
    .where('subject_id', '=', sql<string>`any(${[...subjectIds]}::uuid[])`)
    .execute();
}

export interface Claim {
  subjectId: string;
  step: string;
  personId: string;
}

/**
 * Claims steps of a rule's items; returns those claimed now. One already claimed — by an earlier
 * check, or by another server's committing first (the primary key makes the second wait, then
 * yield) — is left out. In key order, so two checks claiming at once never deadlock.
 */
export async function claimSteps(
  trx: Trx,
  municipalityId: string,
  rule: string,
  claims: readonly Claim[],
): Promise<{ subjectId: string; step: string }[]> {
  if (claims.length === 0) return [];
  const { rows } = await sql<{ subjectId: string; step: string }>`
    insert into watch_notifications (municipality_id, rule, subject_id, step, person_id)
    select ${municipalityId}, ${rule}, c."subjectId", c.step, c."personId"
      from jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) as c("subjectId" uuid, step text, "personId" uuid)
     order by c."subjectId", c.step
    on conflict (municipality_id, rule, subject_id, step) do nothing
    returning subject_id as "subjectId", step`.execute(trx);
  return rows;
}

/** One watch.notify audit row per step sent, naming its message (the claim row is append-only). */
export async function auditNotifications(
  trx: Trx,
  municipalityId: string,
  rule: string,
  sent: readonly (Claim & { messageId: string | null })[],
): Promise<void> {
  if (sent.length === 0) return;
  await sql`
    insert into audit_events (municipality_id, user_id, person_id, action, entity_type, entity_id, details)
    select ${municipalityId}, null, s."personId", 'watch.notify', ${rule}, s."subjectId",
           jsonb_build_object('step', s.step, 'messageId', s."messageId")
      from jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) as s("subjectId" uuid, step text, "personId" uuid, "messageId" uuid)`.execute(
    trx,
  );
}

/**
 * A unit's managers (verksamhetschef, enhetschef) with an active position: those at the unit, or
 * else at the nearest unit above it that has some, or else — a provider whose managers all sit at
 * its units — those below it.
 */
export async function listUnitManagers(trx: Trx, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive above as (
      select id, parent_id, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, above.depth + 1 from units u join above on u.id = above.parent_id
    ), below as (
      select id from units where parent_id = ${unitId}
      union all
      select u.id from units u join below on u.parent_id = below.id
    )
    select pos.user_id as id, min(coalesce(above.depth, 1000)) as depth
      from positions pos
      join users on users.municipality_id = pos.municipality_id and users.id = pos.user_id
      left join above on above.id = pos.unit_id
     where (above.id is not null or pos.unit_id in (select id from below))
       and pos.is_active and users.is_active
       and pos.roles && ${[...MANAGER_ROLES]}::text[]
     group by pos.user_id`.execute(trx);
  const nearest = Math.min(...rows.map((row) => row.depth));
  return rows.filter((row) => row.depth === nearest).map((row) => row.id);
}

/** Every municipality: the checks run for each. Read as the owner, as no tenant is set yet. */
export async function listMunicipalityIds(ownerDb: Db): Promise<string[]> {
  const rows = await ownerDb.selectFrom('municipalities').select('id').execute();
  return rows.map((row) => row.id);
}
