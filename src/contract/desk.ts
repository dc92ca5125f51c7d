/** The desk (Mitt skrivbord): the folders on the left, their counts and their contents. */
import { z } from 'zod';
import { SERVICE_AREAS, UNIT_KINDS } from '../domain/organisation.ts';
import { Id, IsoDate } from './common.ts';
import { PersonSearchHit } from './persons.ts';
import { PersonRef } from './assignments.ts';
import { NOT_CURRENT_DEFAULT_DAYS } from '../domain/vocabulary.ts';
export { NOT_CURRENT_DEFAULT_DAYS } from '../domain/vocabulary.ts';

export const DeskUnit = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  serviceArea: z.enum(SERVICE_AREAS),
  personCount: z.number().int().describe('Persons with an ongoing link to the unit'),
});

export const DeskCounts = z.object({
  newAssignments: z
    .number()
    .int()
    .nullable()
    .describe('"Nya uppdrag" to accept and distribute; null for positions without that list'),
  unacknowledged: z
    .number()
    .int()
    .nullable()
    .describe(
      'Provider cases at my units waiting to be acknowledged (kvittera); null for positions without provider units',
    ),
  myPersons: z.number().int().describe('"Mina personer" still in scope'),
  startsToRegister: z
    .number()
    .int()
    .nullable()
    .describe(
      'Rows sent to delivery at my units whose first day has come with no start date registered; null for positions that do not register starts',
    ),
  notCurrent: z
    .number()
    .int()
    .nullable()
    .describe(
      '"Ej aktuella – att avsluta" within the look-back asked for (notCurrentLookBackDays); null for positions that do not close provider cases',
    ),
});
export type DeskCounts = z.infer<typeof DeskCounts>;

/** How many days back "Ej aktuella – att avsluta" looks: the list's and the desk count's, so the two agree. */
const LookBackDays = z.coerce
  .number({ error: 'Ange ett antal dagar.' })
  .int({ error: 'Ange ett helt antal dagar.' })
  .min(1, { error: 'Minst 1 dag.' })
  .max(3650, { error: 'Högst 3650 dagar.' });

export const DeskOverviewQuery = z.object({
  notCurrentLookBackDays: LookBackDays.optional().describe(
    `The look-back the user chose for "Ej aktuella – att avsluta" (the web remembers it per user); the count uses it (default ${NOT_CURRENT_DEFAULT_DAYS})`,
  ),
});

export const DeskOverview = z.object({
  units: z.array(DeskUnit).describe('"Mina enheter": the units in the position\'s scope that have persons'),
  recentPersonCount: z.number().int(),
  counts: DeskCounts,
});
export type DeskOverview = z.infer<typeof DeskOverview>;

export const RecentPersons = z.object({
  persons: z
    .array(PersonSearchHit.extend({ lastOpenedAt: z.string() }))
    .describe('Persons this user opened lately, still in scope, newest first'),
});
export type RecentPersons = z.infer<typeof RecentPersons>;

/** 1-based page number in a query string. */
const Page = z.coerce
  .number({ error: 'Ange ett sidnummer.' })
  .int({ error: 'Ange ett sidnummer.' })
  .min(1, { error: 'Sidan finns inte.' })
  .max(100_000, { error: 'Sidan finns inte.' });

export const UnitPersonsParams = z.object({ unitId: Id });
export const UnitPersonsQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: 'Högst 100 tecken.' })
    .optional()
    .describe('Only persons matching this name or (start of an) identity number'),
  page: Page.optional().describe('1-based; 50 persons a page'),
});
export const UnitPersons = z.object({
  unit: DeskUnit,
  persons: z.array(PersonSearchHit),
  total: z.number().int().describe('Persons matching (all pages)'),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UnitPersons = z.infer<typeof UnitPersons>;

const Cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Ogiltig sidmarkör.' });

export const UnacknowledgedQuery = z.object({
  unitId: Id.optional().describe('Only this unit'),
  cursor: Cursor.optional().describe('nextCursor of the previous page'),
});
export const UnitRef = z.object({ id: Id, name: z.string() });
export const UnacknowledgedItem = z.object({
  providerCaseId: Id,
  person: PersonRef,
  unit: UnitRef,
  openedOn: IsoDate.describe('The day the first row was sent to delivery at the unit'),
  waitingSince: z
    .string()
    .describe(
      'ISO timestamp: when the case began waiting — opened, or rows of a new assignment sent into it after it was acknowledged',
    ),
  wasAcknowledgedBefore: z
    .boolean()
    .describe('Staff had acknowledged the case; it waits again for a later assignment sent into it'),
  interventions: z
    .array(z.string())
    .describe('Names of the interventions sent to delivery under the assignments waiting to be acknowledged'),
});
export type UnacknowledgedItem = z.infer<typeof UnacknowledgedItem>;
export const UnacknowledgedList = z.object({
  items: z.array(UnacknowledgedItem).describe('Waiting longest first'),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type UnacknowledgedList = z.infer<typeof UnacknowledgedList>;

export const StartToRegisterItem = z.object({
  deliveryId: Id,
  person: PersonRef,
  unit: UnitRef,
  intervention: z.string().describe('The row as staff name it: the intervention, and its label if any'),
  periodFrom: IsoDate.describe("The row's first day, which has come"),
});
export const StartsToRegisterList = z.object({
  items: z.array(StartToRegisterItem).describe('First day longest ago first, at most 50'),
  total: z.number().int(),
});
export type StartsToRegisterList = z.infer<typeof StartsToRegisterList>;

export const MyPerson = PersonSearchHit.extend({ addedAt: z.string().describe('ISO timestamp') });
export const MyPersons = z.object({
  persons: z.array(MyPerson).describe('In Swedish name order, protected identities last'),
});
export type MyPersons = z.infer<typeof MyPersons>;
export const MyPersonParams = z.object({ personId: Id });
export const AddMyPersonRequest = z.object({ personId: Id });
export const MyPersonStatus = z.object({ personId: Id, isMyPerson: z.boolean() });
export type MyPersonStatus = z.infer<typeof MyPersonStatus>;

export const NotCurrentQuery = z.object({
  unitId: Id.optional().describe('Only this unit'),
  lookBackDays: LookBackDays.optional().describe(
    `Show provider cases whose last delivery row ended within this many days (default ${NOT_CURRENT_DEFAULT_DAYS})`,
  ),
  page: Page.optional().describe('1-based; 50 a page'),
});
export const NotCurrentItem = z.object({
  providerCaseId: Id,
  version: z.number().int().describe('For closing'),
  person: PersonRef,
  unit: UnitRef,
  openedOn: IsoDate,
  lastDeliveryEnd: IsoDate.describe("The last day of the unit's latest delivery row for the person"),
  daysSinceLastEnd: z.number().int().describe('The journal is to be closed within 30 days'),
  endReason: z.string().nullable(),
});
export type NotCurrentItem = z.infer<typeof NotCurrentItem>;
export const NotCurrentList = z.object({
  items: z.array(NotCurrentItem).describe('Longest ended first'),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  lookBackDays: z.number().int(),
});
export type NotCurrentList = z.infer<typeof NotCurrentList>;

// Closing a provider case is src/contract/provider-cases.ts; its types stay reachable here for the web.
export type { CloseProviderCaseRequest, ClosedProviderCase } from './provider-cases.ts';
