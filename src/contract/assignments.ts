/**
 * Assignments (uppdrag): written from a granted decision to one provider, saved as drafts, sent
 * (then an official record), read and printed by the authority and by the provider it was sent to,
 * and listed at the provider as "Nya uppdrag".
 */
import { z } from 'zod';
import { SERVICE_AREAS, OWNERSHIPS } from '../domain/organisation.ts';
import { Id, IsoDate, Version, optionalText } from './common.ts';
import { SCOPE_UNITS } from './catalogues.ts';
import { PersonContact } from './persons.ts';
import { LIFE_AREAS, WEEKDAYS, ASSIGNMENT_EVENTS, SENT_VIA, SENT_OUTSIDE_VIA } from '../domain/vocabulary.ts';
export {
  LIFE_AREAS,
  LIFE_AREA_NAMES,
  WEEKDAYS,
  ASSIGNMENT_EVENTS,
  type LifeArea,
  type Weekday,
} from '../domain/vocabulary.ts';

/**
 * draft: not sent; new, accepted, stopped, replaced, withdrawn (by the authority when its decision
 * ended before the provider accepted it): where a sent one stands; sent_outside: sent by secure mail.
 */
export const ASSIGNMENT_STATUSES = [
  'draft',
  'new',
  'accepted',
  'stopped',
  'replaced',
  'withdrawn',
  'sent_outside',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const DecisionParams = z.object({ decisionId: Id });
export const AssignmentParams = z.object({ assignmentId: Id });
export const CaseParams = z.object({ caseId: Id });
export const VersionBody = z.object({ version: Version });

/** Recording an assignment as sent outside Vardag, and how; secure mail when left out (as before post was offered). */
export const RecordSentOutsideRequest = z.object({
  via: z
    .enum(SENT_OUTSIDE_VIA, { error: 'Välj hur uppdraget skickades.' })
    .default('secure_mail')
    .describe('secure_mail (PDF by secure mail) or post (skickat per post)'),
  version: Version,
});
export type RecordSentOutsideRequest = z.input<typeof RecordSentOutsideRequest>;
export const VersionQuery = z.object({
  version: z.coerce.number({ error: 'Ange version.' }).int().min(1).max(2_147_483_647),
});

/** "YYYY-MM-DD HH:MM" in Swedish time, or an ISO timestamp with its offset. */
const HandoverTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, {
    error: 'Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM.',
  })
  .refine((value) => !Number.isNaN(Date.parse(value.replace(' ', 'T'))), { error: 'Datumet eller tiden finns inte.' });

export const AssignmentInterventionInput = z.object({
  decisionInterventionId: Id.describe('A granted intervention of this decision'),
  minutesPerOccasion: z
    .number({ error: 'Ange minuter som ett tal.' })
    .positive({ error: 'Ange fler än 0 minuter.' })
    .max(1440, { error: 'Högst 1 440 minuter (ett dygn).' })
    .nullish()
    .transform((value) => value ?? null)
    .describe('Minutes per visit or occasion; drives the total for scopes counted in times, days or nights'),
  plannedDays: z
    .array(z.enum(WEEKDAYS, { error: 'Okänd veckodag.' }))
    .max(7)
    .default([])
    .refine((days) => new Set(days).size === days.length, { error: 'Varje veckodag en gång.' }),
  plannedTimes: optionalText(200).describe('Planned times of day, e.g. morgon och kväll'),
  isTwoStaff: z.boolean().default(false).describe('Needs two staff (dubbelbemanning)'),
  note: optionalText(2000),
});

export const LifeAreaInput = z.object({
  lifeArea: z.enum(LIFE_AREAS, { error: 'Okänt livsområde.' }),
  need: optionalText(4000),
  goal: optionalText(4000),
});

export const AssignmentDraftRequest = z.object({
  providerId: Id.describe("A provider (unit of kind provider) of the case's service area"),
  interventions: z.array(AssignmentInterventionInput).min(1, { error: 'Välj minst en insats.' }).max(50),
  lifeAreas: z
    .array(LifeAreaInput)
    .max(LIFE_AREAS.length)
    .default([])
    .refine((areas) => new Set(areas.map((area) => area.lifeArea)).size === areas.length, {
      error: 'Varje livsområde en gång.',
    }),
  instructions: optionalText(8000),
  isNewClient: z
    .boolean()
    .default(false)
    .describe('A new client: the telephone hand-over must be recorded before sending'),
  handoverBy: optionalText(120).describe('Who at the provider took the telephone hand-over'),
  handoverAt: HandoverTime.nullish()
    .transform((value) => value || null)
    .describe('When: YYYY-MM-DD HH:MM in Swedish time, or ISO with offset'),
  replacesAssignmentId: Id.nullish()
    .transform((value) => value ?? null)
    .describe('A sent assignment of the same case that this one changes'),
});
export type AssignmentDraftRequest = z.input<typeof AssignmentDraftRequest>;
export type AssignmentDraft = z.output<typeof AssignmentDraftRequest>;

export const UpdateAssignmentRequest = AssignmentDraftRequest.extend({ version: Version });
export type UpdateAssignmentRequest = z.input<typeof UpdateAssignmentRequest>;

export const PersonRef = z.object({
  id: Id,
  identityNumber: z.string(),
  firstName: z.string().nullable().describe('Null when a protected identity is masked'),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
});

export const AssignmentIntervention = z.object({
  id: Id,
  decisionInterventionId: Id,
  interventionTypeId: Id,
  name: z.string(),
  keyCode: z.string().nullable(),
  isPersonalAlarm: z.boolean(),
  grantedAmount: z.number().nullable(),
  scopeUnit: z.enum(SCOPE_UNITS),
  minutesPerOccasion: z.number().nullable(),
  plannedDays: z.array(z.enum(WEEKDAYS)),
  plannedTimes: z.string().nullable(),
  isTwoStaff: z.boolean(),
  note: z.string().nullable(),
  monthlyMinutes: z.number().describe('Minutes per month from this intervention, unrounded'),
});
export type AssignmentIntervention = z.infer<typeof AssignmentIntervention>;

export const AssignmentLifeArea = z.object({
  lifeArea: z.enum(LIFE_AREAS),
  need: z.string().nullable(),
  goal: z.string().nullable(),
});

export const AssignmentEvent = z.object({
  event: z.enum(ASSIGNMENT_EVENTS),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  message: z.string().nullable(),
});

export const DecisionSummary = z.object({
  id: Id,
  decisionNumber: z.string(),
  outcome: z.enum(['granted', 'refused']),
  legalBasisCode: z.string(),
  decisionDate: IsoDate,
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable().describe('Null = tills vidare'),
  endedOn: IsoDate.nullable(),
});

export const ProviderRef = z.object({
  id: Id,
  name: z.string(),
  ownership: z.enum(OWNERSHIPS),
  hasSystemAccess: z.boolean().describe('False: the assignment is sent as a PDF by secure mail'),
});

export const AssignmentRef = z.object({ id: Id, assignmentNumber: z.string() });
/** An assignment named on another's page: the number always, a link only where the reader may open it. */
export const LinkedAssignmentRef = AssignmentRef.extend({
  canOpen: z
    .boolean()
    .describe(
      'The reader may read it: the authority always, at the provider on the need to know (a manager of another unit may read one and not the other)',
    ),
});

export const AssignmentPermissions = z.object({
  canEdit: z.boolean().describe('A draft the reader may change, delete and send'),
  canSend: z.boolean().describe('Can be sent in Vardag: a draft to a provider with system access'),
  canRecordSentOutside: z
    .boolean()
    .describe('A draft to a provider without system access: record it as sent by secure mail'),
  canWriteReplacement: z.boolean().describe('A sent assignment the reader may replace with a new one'),
  canOpenCase: z.boolean().describe('The reader is the authority of the case and may open it and the person'),
});

export const AssignmentDetail = z.object({
  id: Id,
  assignmentNumber: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  caseId: Id,
  caseNumber: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  authorityUnitName: z.string(),
  decision: DecisionSummary,
  person: PersonRef,
  personContact: PersonContact.nullable().describe(
    "The person's address and phones now, for those who need them: the authority, and at the provider while the assignment is new or accepted there; null once stopped, withdrawn or replaced. A protected identity's address is always null",
  ),
  provider: ProviderRef,
  replacesAssignment: LinkedAssignmentRef.nullable(),
  replacedBy: LinkedAssignmentRef.nullable(),
  interventions: z.array(AssignmentIntervention),
  lifeAreas: z.array(AssignmentLifeArea),
  instructions: z.string().nullable(),
  isNewClient: z.boolean(),
  handoverBy: z.string().nullable(),
  handoverAt: z.string().nullable().describe('ISO timestamp'),
  totalGrantedMinutes: z.number().int().describe('Per month, rounded up to the nearest quarter hour'),
  totalStaffMinutes: z
    .number()
    .int()
    .describe('Per month with two-staff interventions counted twice, rounded up to the quarter hour'),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  sentVia: z.enum(SENT_VIA).nullable().describe('system, or outside Vardag: secure_mail or post'),
  stateChangedAt: z.string().nullable(),
  stateMessage: z.string().nullable().describe("The provider's message when it stopped the assignment"),
  events: z.array(AssignmentEvent),
  receivers: z
    .array(z.string())
    .describe('For a draft the authority reads: who the new-assignment message will reach (users and send lists)'),
  alarmGroups: z
    .array(z.string())
    .describe(
      'For a draft the authority reads that holds a personal alarm: the alarm groups (send lists) told of it when sent in Vardag, picked by service area (src/domain/alarm-groups.ts); empty when none would be',
    ),
  version: z.number().int(),
  permissions: AssignmentPermissions,
});
export type AssignmentDetail = z.infer<typeof AssignmentDetail>;

export const AssignmentOptions = z.object({
  caseId: Id,
  caseNumber: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  person: PersonRef,
  decision: DecisionSummary.extend({
    interventions: z.array(
      z.object({
        id: Id,
        interventionTypeId: Id,
        name: z.string(),
        isPersonalAlarm: z.boolean(),
        grantedAmount: z.number().nullable(),
        scopeUnit: z.enum(SCOPE_UNITS),
        note: z.string().nullable(),
      }),
    ),
  }),
  providers: z.array(ProviderRef).describe('Active providers of the service area'),
  replaceable: z
    .array(AssignmentRef.extend({ providerName: z.string(), status: z.enum(ASSIGNMENT_STATUSES) }))
    .describe('Sent assignments of the case that a new one may replace'),
  writeBlockedReason: z
    .string()
    .nullable()
    .describe(
      'Why no assignment can be written from the decision now (ended, refused, case closed); null when one can',
    ),
});
export type AssignmentOptions = z.infer<typeof AssignmentOptions>;

export const CaseAssignment = z.object({
  id: Id,
  assignmentNumber: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  decisionId: Id,
  decisionNumber: z.string(),
  providerName: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  sentVia: z.enum(SENT_VIA).nullable(),
  totalGrantedMinutes: z.number().int(),
  stateChangedAt: z.string().nullable(),
  stateMessage: z.string().nullable(),
  replacesAssignmentNumber: z.string().nullable(),
});
export type CaseAssignment = z.infer<typeof CaseAssignment>;
export const CaseAssignmentList = z.object({
  assignments: z.array(CaseAssignment),
  canWrite: z.boolean().describe('The reader may write assignments in this case'),
});
export type CaseAssignmentList = z.infer<typeof CaseAssignmentList>;

export const NewAssignmentsQuery = z.object({
  providerUnitId: Id.optional().describe('Only assignments to the provider of this unit'),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'Ogiltig sidmarkör.' })
    .optional()
    .describe('nextCursor of the previous page'),
});

export const NewAssignment = z.object({
  id: Id,
  assignmentNumber: z.string(),
  person: PersonRef,
  provider: z.object({ id: Id, name: z.string() }),
  sentAt: z.string(),
  interventions: z.array(z.string()).describe('Intervention names'),
  hasPersonalAlarm: z.boolean(),
  isNewClient: z.boolean(),
  totalGrantedMinutes: z.number().int(),
});
export type NewAssignment = z.infer<typeof NewAssignment>;
export const NewAssignmentList = z.object({
  items: z.array(NewAssignment),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NewAssignmentList = z.infer<typeof NewAssignmentList>;

export const NewAssignmentCount = z.object({ total: z.number().int() });
export type NewAssignmentCount = z.infer<typeof NewAssignmentCount>;

export const CreatedAssignment = z.object({ id: Id, assignmentNumber: z.string() });
export type CreatedAssignment = z.infer<typeof CreatedAssignment>;
