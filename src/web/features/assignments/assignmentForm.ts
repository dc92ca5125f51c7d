/**
 * The assignment form's values, how they start (empty, or from a saved draft), the live totals
 * (the same domain rules the server stores), and the request body they become.
 */
import type { AssignmentDraftRequest } from '../../../contract/assignments.ts';
import { LIFE_AREAS, WEEKDAYS, type LifeArea, type Weekday } from '../../../domain/vocabulary.ts';
import {
  needsMinutesPerOccasion,
  totalGrantedMinutes,
  totalStaffMinutes,
  type TimeScopeUnit,
} from '../../../domain/assignment-time.ts';
import { isPlannedInVisits } from '../../../domain/delivery-fields.ts';
import { formatDateTime } from '../../format.ts';
import type { AssignmentDetail, AssignmentOptions } from './assignments.api.ts';

export type GrantedIntervention = AssignmentOptions['decision']['interventions'][number];

export interface InterventionValues {
  isIncluded: boolean;
  minutesPerOccasion: string;
  /** Chosen weekdays joined by commas, as CheckboxGroup keeps them. */
  plannedDays: string;
  plannedTimes: string;
  isTwoStaff: boolean;
  note: string;
}

export interface AssignmentValues {
  providerId: string;
  instructions: string;
  isNewClient: boolean;
  handoverBy: string;
  handoverAt: string;
  replacesAssignmentId: string;
}

export type LifeAreaValues = Record<LifeArea, { need: string; goal: string }>;

export function initialValues(existing: AssignmentDetail | undefined): AssignmentValues {
  return {
    providerId: existing?.provider.id ?? '',
    instructions: existing?.instructions ?? '',
    isNewClient: existing?.isNewClient ?? false,
    handoverBy: existing?.handoverBy ?? '',
    handoverAt: existing?.handoverAt ? formatDateTime(existing.handoverAt) : '',
    replacesAssignmentId: existing?.replacesAssignment?.id ?? '',
  };
}

/** Every granted intervention of the decision; a new draft (or one from another decision's assignment) includes them all. */
export function initialInterventions(
  granted: readonly GrantedIntervention[],
  existing: AssignmentDetail | undefined,
): Record<string, InterventionValues> {
  const saved = new Map(existing?.interventions.map((row) => [row.decisionInterventionId, row]));
  const isSameDecision = granted.some((row) => saved.has(row.id));
  return Object.fromEntries(
    granted.map((row) => {
      const own = saved.get(row.id);
      return [
        row.id,
        {
          isIncluded: isSameDecision ? own !== undefined : true,
          minutesPerOccasion: own?.minutesPerOccasion != null ? String(own.minutesPerOccasion).replace('.', ',') : '',
          plannedDays: own?.plannedDays.join(',') ?? '',
          plannedTimes: own?.plannedTimes ?? '',
          isTwoStaff: own?.isTwoStaff ?? false,
          note: own?.note ?? '',
        },
      ];
    }),
  );
}

export function initialLifeAreas(existing: AssignmentDetail | undefined): LifeAreaValues {
  const saved = new Map(existing?.lifeAreas.map((area) => [area.lifeArea, area]));
  return Object.fromEntries(
    LIFE_AREAS.map((area) => [area, { need: saved.get(area)?.need ?? '', goal: saved.get(area)?.goal ?? '' }]),
  ) as LifeAreaValues;
}

/** "12,5" or "12.5" → 12.5; empty → null; anything else → NaN, for the form to flag. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+([.,]\d{1,2})?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

export function minutesError(text: string): string | undefined {
  const minutes = parseMinutes(text);
  if (minutes === null) return undefined;
  if (Number.isNaN(minutes)) return 'Ange minuter som ett tal, t.ex. 20 eller 7,5.';
  if (minutes <= 0 || minutes > 1440) return 'Ange mellan 1 och 1 440 minuter.';
  return undefined;
}

/** The totals as the server will store them, from what is typed now (invalid minutes count as none). */
export function liveTotals(granted: readonly GrantedIntervention[], rows: Record<string, InterventionValues>) {
  const times = granted
    .filter((row) => rows[row.id]?.isIncluded)
    .map((row) => {
      const minutes = parseMinutes(rows[row.id]!.minutesPerOccasion);
      return {
        scopeUnit: row.scopeUnit as TimeScopeUnit,
        grantedAmount: row.grantedAmount,
        minutesPerOccasion: minutes !== null && Number.isFinite(minutes) && minutes > 0 ? minutes : null,
        isTwoStaff: isPlannedInVisits(row) && rows[row.id]!.isTwoStaff,
      };
    });
  const missingMinutes = granted.filter(
    (row) =>
      rows[row.id]?.isIncluded &&
      needsMinutesPerOccasion(row.scopeUnit as TimeScopeUnit) &&
      parseMinutes(rows[row.id]!.minutesPerOccasion) === null,
  );
  return {
    granted: totalGrantedMinutes(times),
    staff: totalStaffMinutes(times),
    hasTwoStaff: times.some((time) => time.isTwoStaff),
    missingMinutes,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body, and the order of the included interventions (the server's field errors count in it). */
export function toRequest(
  values: AssignmentValues,
  granted: readonly GrantedIntervention[],
  rows: Record<string, InterventionValues>,
  lifeAreas: LifeAreaValues,
): { body: AssignmentDraftRequest; order: string[] } {
  const included = granted.filter((row) => rows[row.id]?.isIncluded);
  return {
    order: included.map((row) => row.id),
    body: {
      providerId: values.providerId,
      interventions: included.map((row) => {
        const own = rows[row.id]!;
        // A personal alarm is not planned as visits: whatever an older draft held is not sent on.
        if (!isPlannedInVisits(row))
          return {
            decisionInterventionId: row.id,
            minutesPerOccasion: null,
            plannedDays: [],
            plannedTimes: null,
            isTwoStaff: false,
            note: orNull(own.note),
          };
        return {
          decisionInterventionId: row.id,
          minutesPerOccasion: parseMinutes(own.minutesPerOccasion),
          plannedDays: WEEKDAYS.filter((day) => own.plannedDays.split(',').includes(day)) as Weekday[],
          plannedTimes: orNull(own.plannedTimes),
          isTwoStaff: own.isTwoStaff,
          note: orNull(own.note),
        };
      }),
      lifeAreas: LIFE_AREAS.map((area) => ({
        lifeArea: area,
        need: orNull(lifeAreas[area].need),
        goal: orNull(lifeAreas[area].goal),
      })).filter((area) => area.need !== null || area.goal !== null),
      instructions: orNull(values.instructions),
      isNewClient: values.isNewClient,
      handoverBy: values.isNewClient ? orNull(values.handoverBy) : null,
      handoverAt: values.isNewClient ? orNull(values.handoverAt) : null,
      replacesAssignmentId: values.replacesAssignmentId || null,
    },
  };
}
