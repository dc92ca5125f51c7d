/**
 * Personal watches (bevakningar): a user's own dated reminder on a person, or on one of the
 * person's records, seen on the desk and cleared when done. Only the owner sees a watch. Routes in
 * src/server/modules/personal-watches/; the state rule in src/domain/personal-watches.ts.
 */
import { z } from 'zod';
import { Id, IsoDate, requiredText } from './common.ts';
import { PersonRef } from './assignments.ts';
import {
  PERSONAL_WATCH_NOTE_MAX,
  PERSONAL_WATCH_STATES,
  UPCOMING_WINDOW_DAYS,
  WATCH_RECORD_KINDS,
} from '../domain/personal-watches.ts';
export { PERSONAL_WATCH_NOTE_MAX, PERSONAL_WATCH_STATES, WATCH_RECORD_KINDS } from '../domain/personal-watches.ts';

export const PersonalWatchParams = z.object({ watchId: Id });

/** The record a watch concerns, as given when it is set. */
export const WatchRecordInput = z.object({
  kind: z.enum(WATCH_RECORD_KINDS).describe('case (ärende), assignment (uppdrag) or provider_case (genomförande)'),
  id: Id,
});

export const CreatePersonalWatch = z.object({
  dueOn: IsoDate.describe('The day to look at it: today or later, at most five years ahead'),
  note: requiredText(PERSONAL_WATCH_NOTE_MAX).describe('What to look at'),
  record: WatchRecordInput.nullish().describe(
    "One of the person's records the watch concerns, which the caller may open; none = the person",
  ),
});
export type CreatePersonalWatch = z.infer<typeof CreatePersonalWatch>;

export const WatchRecordRef = z.object({
  kind: z.enum(WATCH_RECORD_KINDS),
  id: Id,
  label: z
    .string()
    .describe("What the record is called: the case's or the assignment's number, the provider case's unit"),
});

export const PersonalWatch = z.object({
  id: Id,
  person: PersonRef.describe('Name null for a protected identity, as in every list'),
  record: WatchRecordRef.nullable(),
  dueOn: IsoDate,
  note: z.string(),
  state: z
    .enum(PERSONAL_WATCH_STATES)
    .describe("On today's date in Sweden: upcoming before the day, due on it, overdue after it, done once cleared"),
  createdAt: z.string().describe('ISO timestamp'),
  doneAt: z.string().nullable().describe('ISO timestamp; null while open'),
});
export type PersonalWatch = z.infer<typeof PersonalWatch>;

export const PersonalWatchListQuery = z.object({
  status: z
    .enum(['open', 'done'])
    .optional()
    .describe('open (default): by due date, the oldest first; done: the most recently cleared first'),
});

export const PersonalWatchList = z.object({
  today: IsoDate.describe('The day the states are reckoned on'),
  watches: z.array(PersonalWatch).describe('Mine, on persons still in my scope'),
  hasMore: z.boolean().describe('More than the list shows: clear or delete some'),
});
export type PersonalWatchList = z.infer<typeof PersonalWatchList>;

export const PersonWatchList = z.object({
  today: IsoDate,
  watches: z.array(PersonalWatch).describe('Mine on this person: open by due date, then the latest cleared'),
});
export type PersonWatchList = z.infer<typeof PersonWatchList>;

export const PersonalWatchSummary = z.object({
  today: IsoDate,
  overdue: z.number().int().describe('Open watches whose day has passed'),
  dueToday: z.number().int().describe('Open watches due today'),
  upcoming: z.number().int().describe(`Open watches due within the next ${UPCOMING_WINDOW_DAYS} days, today excluded`),
});
export type PersonalWatchSummary = z.infer<typeof PersonalWatchSummary>;
