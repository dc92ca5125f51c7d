/**
 * Bevakningar: the statutory deadlines Vardag watches for the people responsible (issue 16) — a
 * case officer's decisions not delivered, interruptions not resumed, assignments not acknowledged,
 * short-term stays without a place and periods ending; a provider manager's the same at their
 * units. Routes in src/server/modules/watches/.
 */
import { z } from 'zod';
import { Id } from './common.ts';
import { PersonRef } from './assignments.ts';
import { WATCH_RULES, WATCH_STATES } from '../domain/vocabulary.ts';

export const WatchItem = z.object({
  rule: z.enum(WATCH_RULES),
  subjectId: Id.describe('The watched item: a granted intervention, an interruption, an assignment or a decision'),
  state: z
    .enum(WATCH_STATES)
    .describe(
      'approaching: reminded, the deadline ahead; due: today, or waiting its turn; overdue: the time has passed',
    ),
  dueOn: z.string().describe('The deadline, YYYY-MM-DD; for an assignment the time (ISO) its manager is told'),
  since: z
    .string()
    .describe('When the clock started: decision date, first day of the interruption, or the time it was sent'),
  person: PersonRef,
  caseId: Id,
  caseNumber: z.string(),
  decisionId: Id,
  decisionNumber: z.string(),
  interventionName: z.string(),
  provider: z.object({ id: Id, name: z.string() }).nullable(),
  assignment: z.object({ id: Id, number: z.string() }).nullable(),
  steps: z
    .array(z.string())
    .describe('The notifications the item has reached: reminder, reportable; manager, officer (each sent once)'),
});
export type WatchItem = z.infer<typeof WatchItem>;

export const WatchCounts = z.object({
  approaching: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
});
export type WatchCounts = z.infer<typeof WatchCounts>;

export const WatchList = z.object({
  desk: z
    .enum(['officer', 'provider'])
    .describe('Whose watches: a case officer (or authority manager), or a provider manager; other positions get 403'),
  items: z.array(WatchItem),
  counts: WatchCounts,
});
export type WatchList = z.infer<typeof WatchList>;

export const WatchSettings = z.object({
  reminderMonths: z
    .number()
    .int()
    .min(1, { error: 'Minst 1 månad.' })
    .max(3, { error: 'Högst 3 månader.' })
    .describe('Months after the decision date when provider and case officer are reminded of the three-month rule'),
  acknowledgeHours: z
    .number()
    .int()
    .min(1, { error: 'Minst 1 timme.' })
    .max(720, { error: 'Högst 720 timmar.' })
    .describe(
      "Hours before an unacknowledged assignment goes to the provider's manager, and as long again to the case officer",
    ),
  acknowledgeHoursAlarm: z
    .number()
    .int()
    .min(1, { error: 'Minst 1 timme.' })
    .max(720, { error: 'Högst 720 timmar.' })
    .describe('The same for an assignment with a personal alarm'),
  periodEndingDays: z
    .number()
    .int()
    .min(1, { error: 'Minst 1 dag.' })
    .max(365, { error: 'Högst 365 dagar.' })
    .describe('Days before a decision period ends when the case officer sees a new assessment due'),
});
export type WatchSettings = z.infer<typeof WatchSettings>;
