/**
 * SQL for the visit summary's rows: the person's delivery rows at the reader's units that run on
 * the day, each with the assignment behind it and the interruptions covering the day, and those
 * assignments' needs. Every row is scoped in the WHERE — its unit in the reader's set, its
 * assignment one the reader reads on the need to know (platform/access/assignment-scope.ts) — so
 * nothing out of scope is loaded. Row-level security adds the tenant. Rows become records here.
 */
import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isAssignmentReadable, type AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import type { DeliveryDays, FrequencyUnit } from '../../../contract/deliveries.ts';
import type { LifeArea, Weekday } from '../../../contract/assignments.ts';

export interface VisitRow {
  deliveryId: string;
  assignmentId: string;
  assignmentNumber: string;
  instructions: string | null;
  interventionName: string;
  label: string | null;
  providerUnitName: string;
  periodFrom: string;
  periodTo: string | null;
  hoursPerVisit: number | null;
  extraHoursTwoStaff: number | null;
  days: DeliveryDays | null;
  frequency: number | null;
  frequencyUnit: FrequencyUnit | null;
  plannedDays: Weekday[];
  plannedTimes: string | null;
  minutesPerOccasion: number | null;
  isTwoStaff: boolean;
  note: string | null;
  /** The interruptions covering the day (at most one, as they do not overlap). */
  interruptions: { fromDate: string; toDate: string | null; reason: string }[];
}

const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

/**
 * The rows at `unitIds` for the person that run on `day`: sent to delivery once (withdrawn and
 * ended rows run to their last day; a row under distribution is not the staff's yet), the day in
 * their period. By the intervention's name in Swedish order, then unit and first day.
 */
export async function listVisitRows(
  trx: Trx,
  personId: string,
  unitIds: readonly string[],
  scope: AssignmentReadScope,
  day: string,
): Promise<VisitRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await trx
    .selectFrom('deliveries as d')
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.municipality_id', '=', 'd.municipality_id').onRef('a.id', '=', 'd.assignment_id'),
    )
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.provider_unit_id'),
    )
    .select([
      'd.id',
      'd.assignment_id',
      'a.assignment_number',
      'a.instructions',
      'it.name as intervention_name',
      'd.label',
      'u.name as unit_name',
      'd.period_from',
      'd.period_to',
      'd.hours_per_visit',
      'd.extra_hours_two_staff',
      'd.days',
      'd.frequency',
      'd.frequency_unit',
      'ai.planned_days',
      'ai.planned_times',
      'ai.minutes_per_occasion',
      'ai.is_two_staff',
      'ai.note',
      sql<{ fromDate: string; toDate: string | null; reason: string }[]>`(select coalesce(json_agg(json_build_object(
        'fromDate', i.from_date, 'toDate', i.to_date, 'reason', i.reason) order by i.from_date), '[]')
        from interruptions i where i.municipality_id = d.municipality_id and i.delivery_id = d.id
         and i.from_date <= ${day}::date and (i.to_date is null or i.to_date >= ${day}::date))`.as('interruptions'),
    ])
    .where('d.person_id', '=', personId)
    .where(sql<SqlBool>`d.provider_unit_id = any(${[...unitIds]}::uuid[])`)
    .where('d.status', '<>', 'under_distribution')
    .where('d.period_from', '<=', day)
    .where((eb) => eb.or([eb('d.period_to', 'is', null), eb('d.period_to', '>=', day)]))
    .where(isAssignmentReadable('a', scope))
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .orderBy('u.name')
    .orderBy('d.period_from')
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({
    deliveryId: row.id,
    assignmentId: row.assignment_id,
    assignmentNumber: row.assignment_number,
    instructions: row.instructions,
    interventionName: row.intervention_name,
    label: row.label,
    providerUnitName: row.unit_name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    hoursPerVisit: toNumber(row.hours_per_visit),
    extraHoursTwoStaff: toNumber(row.extra_hours_two_staff),
    days: row.days as DeliveryDays | null,
    frequency: toNumber(row.frequency),
    frequencyUnit: row.frequency_unit as FrequencyUnit | null,
    plannedDays: row.planned_days as Weekday[],
    plannedTimes: row.planned_times,
    minutesPerOccasion: toNumber(row.minutes_per_occasion),
    isTwoStaff: row.is_two_staff,
    note: row.note,
    interruptions: row.interruptions,
  }));
}

export interface NeedRecord {
  assignmentId: string;
  lifeArea: LifeArea;
  need: string | null;
  goal: string | null;
}

/** The needs and goals per life area of these assignments (already found readable above). */
export async function listNeeds(trx: Trx, assignmentIds: readonly string[]): Promise<NeedRecord[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await trx
    .selectFrom('assignment_life_areas')
    .select(['assignment_id', 'life_area', 'need', 'goal'])
    .where(sql<SqlBool>`assignment_id = any(${[...assignmentIds]}::uuid[])`)
    .execute();
  return rows.map((row) => ({
    assignmentId: row.assignment_id,
    lifeArea: row.life_area as LifeArea,
    need: row.need,
    goal: row.goal,
  }));
}
