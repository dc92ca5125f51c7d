/**
 * Deliveries (verkställighet) at the provider: stopping or accepting and distributing a new
 * assignment, registering and sending delivery rows to delivery (Till genomförande), acknowledging
 * (kvittera) a provider case, the delivery start date, correcting a row sent to delivery (Rätta),
 * and reading a person's rows and a row's history.
 */
import { z } from 'zod';
import { Id, IsoDate, Version, optionalText, requiredText } from './common.ts';
import { PersonRef } from './assignments.ts';
import { SCOPE_UNITS } from './catalogues.ts';
import { MAX_HOURS_PER_VISIT } from '../domain/delivery-fields.ts';
import { WEEKDAYS } from '../domain/vocabulary.ts';

/** Under fördelning, Skickad till genomförande, Återkallad, Avslutad. */
export const DELIVERY_STATUSES = ['under_distribution', 'sent_to_delivery', 'withdrawn', 'ended'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** Utförs: hela veckan, vardagar, helger. */
export const DELIVERY_DAYS = ['whole_week', 'weekdays', 'weekends'] as const;
export type DeliveryDays = (typeof DELIVERY_DAYS)[number];
/** The unit of Tid/Frekv. */
export const FREQUENCY_UNITS = [
  'times_per_day',
  'times_per_week',
  'times_per_month',
  'hours_per_week',
  'hours_per_month',
] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];
export const DELIVERY_EVENTS = [
  'registered',
  'changed',
  'sent_to_delivery',
  'started',
  'withdrawn',
  'ended',
  'corrected',
  'moved_to_provider',
] as const;
export type DeliveryEventKind = (typeof DELIVERY_EVENTS)[number];

export const AssignmentParams = z.object({ assignmentId: Id });
export const DeliveryParams = z.object({ deliveryId: Id });

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

/** Hours with at most two decimals ("0,33" tim/besök), as the column stores them. */
const Hours = z
  .number({ error: 'Ange timmar som ett tal.' })
  .positive({ error: 'Ange fler än 0 timmar.' })
  .max(MAX_HOURS_PER_VISIT, { error: `Högst ${MAX_HOURS_PER_VISIT} timmar per besök.` });
const Frequency = z
  .number({ error: 'Ange ett tal.' })
  .positive({ error: 'Ange ett tal större än 0.' })
  .max(9999, { error: 'Högst 9 999.' });

/** The fields of one delivery row as the distribution form registers them. */
export const DeliveryFieldsInput = z.object({
  providerUnitId: Id.describe("Utförarenhet: an active provider unit under the assignment's provider"),
  label: optionalText(120).describe("The provider's name for the row when an intervention is split, e.g. Morgonhjälp"),
  formOfDelivery: optionalText(120).describe('Genomförandeform, e.g. Hemtjänst dag'),
  resource: optionalText(120).describe('Resurs: the team or group that does it'),
  resourceUse: optionalText(120).describe('Resursanvändning'),
  watchDate: nullable(IsoDate).describe('Bevakning: a date to look at the row again'),
  periodFrom: IsoDate.describe('First day of delivery; not before the decision period'),
  periodTo: nullable(IsoDate).describe('Last day; null = tills vidare (only under a tills vidare decision)'),
  hoursPerVisit: nullable(Hours).describe('Timmar per besök, e.g. 0.33'),
  extraHoursTwoStaff: nullable(Hours).describe('+ Dubbel: extra hours per visit when two staff'),
  days: nullable(z.enum(DELIVERY_DAYS, { error: 'Välj hela veckan, vardagar eller helger.' })).describe('Utförs'),
  frequency: nullable(Frequency).describe('Tid/Frekv: how often, in frequencyUnit'),
  frequencyUnit: nullable(z.enum(FREQUENCY_UNITS, { error: 'Välj enhet.' })).describe(
    'Enhet for frequency; given together with it',
  ),
});
export type DeliveryFieldsInput = z.input<typeof DeliveryFieldsInput>;
export type DeliveryFields = z.output<typeof DeliveryFieldsInput>;

export const DistributionRowInput = DeliveryFieldsInput.extend({
  assignmentInterventionId: Id.describe(
    'The intervention of the assignment this row carries out; several rows may split one',
  ),
});

export const DistributionRequest = z.object({
  stateVersion: Version.describe("The version of the assignment's provider-side state the form was read with"),
  rows: z.array(DistributionRowInput).min(1, { error: 'Registrera minst en rad.' }).max(100),
  sendToDelivery: z.boolean().default(false).describe('Till genomförande: send every row on at once'),
});
export type DistributionRequest = z.input<typeof DistributionRequest>;
export type DistributionInput = z.output<typeof DistributionRequest>;

export const StopRequest = z.object({
  stateVersion: Version,
  message: requiredText(4000).describe('Why, for the case officer, e.g. wrong provider'),
});
export type StopRequest = z.input<typeof StopRequest>;

export const UpdateDeliveryRequest = DeliveryFieldsInput.extend({ version: Version });
export type UpdateDeliveryRequest = z.input<typeof UpdateDeliveryRequest>;
export type UpdateDeliveryInput = z.output<typeof UpdateDeliveryRequest>;

export const SendToDeliveryRequest = z.object({
  rows: z
    .array(z.object({ deliveryId: Id, version: Version }))
    .min(1, { error: 'Välj minst en rad.' })
    .max(100)
    .refine((rows) => new Set(rows.map((row) => row.deliveryId)).size === rows.length, { error: 'Varje rad en gång.' }),
});
export type SendToDeliveryRequest = z.input<typeof SendToDeliveryRequest>;

export const StartDeliveryRequest = z.object({
  startedOn: IsoDate.describe('Verkställighetsdatum: the day the support actually started; not in the future'),
  version: Version,
});
export type StartDeliveryRequest = z.input<typeof StartDeliveryRequest>;

/**
 * Rätta: corrects a row sent to delivery — its start date and the fields registered on it. Never
 * its unit or its period: those are a change of provider, a change of time or an ending. Every
 * correctable field is sent as it should stand; an omitted text or number field becomes empty.
 */
export const CorrectDeliveryRequest = DeliveryFieldsInput.pick({
  label: true,
  formOfDelivery: true,
  resource: true,
  resourceUse: true,
  watchDate: true,
  hoursPerVisit: true,
  extraHoursTwoStaff: true,
  days: true,
  frequency: true,
  frequencyUnit: true,
}).extend({
  startedOn: IsoDate.nullable().describe(
    'Verkställighetsdatum as it should stand; null removes one registered by mistake (not on a row with interruptions)',
  ),
  note: requiredText(2000).describe("Why the row is corrected; kept with the correction in the row's history"),
  version: Version,
});
export type CorrectDeliveryRequest = z.input<typeof CorrectDeliveryRequest>;
export type CorrectDeliveryInput = z.output<typeof CorrectDeliveryRequest>;

export const Interruption = z.object({
  id: Id,
  fromDate: IsoDate,
  toDate: IsoDate.nullable().describe('Null while not resumed'),
  reason: z.string(),
  version: z.number().int(),
});

export const DeliveryRowPermissions = z.object({
  canRegister: z.boolean().describe('Under distribution: the reader may change its fields'),
  canSendToDelivery: z.boolean().describe('Under distribution: the reader may send it to delivery'),
  canRegisterStart: z
    .boolean()
    .describe(
      'Sent to delivery without a start date, and not a continuation after a change of time: the reader may register it',
    ),
  canCorrect: z
    .boolean()
    .describe('Sent to delivery: the reader may correct its start date and registered fields (Rätta)'),
  canChange: z.boolean().describe("The reader manages the row's unit (withdraw, end, interrupt, change provider)"),
  canCancel: z
    .boolean()
    .describe(
      "The reader manages the row's unit and the row has not begun (no start date, no interruption; a continuation before its first day): it may be cancelled before the start (Avbryt före start)",
    ),
});

export const DeliveryRow = z.object({
  id: Id,
  assignmentId: Id,
  assignmentNumber: z.string(),
  assignmentInterventionId: Id,
  interventionName: z.string(),
  isPersonalAlarm: z
    .boolean()
    .describe('Trygghetslarm: not planned as visits, so the row has no hours, days or frequency'),
  decisionId: Id,
  personId: Id,
  providerUnit: z.object({ id: Id, name: z.string() }),
  providerCaseId: Id.nullable(),
  status: z.enum(DELIVERY_STATUSES),
  label: z.string().nullable(),
  formOfDelivery: z.string().nullable(),
  resource: z.string().nullable(),
  resourceUse: z.string().nullable(),
  watchDate: IsoDate.nullable(),
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable(),
  hoursPerVisit: z.number().nullable(),
  extraHoursTwoStaff: z.number().nullable(),
  days: z.enum(DELIVERY_DAYS).nullable(),
  frequency: z.number().nullable(),
  frequencyUnit: z.enum(FREQUENCY_UNITS).nullable(),
  startedOn: IsoDate.nullable().describe('Verkställighetsdatum'),
  endReason: z.string().nullable(),
  continuesDeliveryId: Id.nullable().describe('The withdrawn row this one continues after a change of time'),
  sentToDeliveryAt: z.string().nullable(),
  version: z.number().int(),
  interruptions: z.array(Interruption),
  permissions: DeliveryRowPermissions,
});
export type DeliveryRow = z.infer<typeof DeliveryRow>;

export const PersonDeliveries = z.object({ rows: z.array(DeliveryRow) });
export type PersonDeliveries = z.infer<typeof PersonDeliveries>;

export const DeliverySnapshot = z.object({
  status: z.string(),
  providerUnitId: Id,
  providerCaseId: Id.nullable(),
  label: z.string().nullable(),
  formOfDelivery: z.string().nullable(),
  resource: z.string().nullable(),
  resourceUse: z.string().nullable(),
  watchDate: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  hoursPerVisit: z.number().nullable(),
  extraHoursTwoStaff: z.number().nullable(),
  days: z.string().nullable(),
  frequency: z.number().nullable(),
  frequencyUnit: z.string().nullable(),
  startedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  continuesDeliveryId: Id.nullable(),
  version: z.number().int(),
});

export const DeliveryHistory = z.object({
  deliveryId: Id,
  interventionName: z.string(),
  events: z.array(
    z.object({
      event: z.enum(DELIVERY_EVENTS),
      occurredAt: z.string(),
      actorName: z.string().nullable(),
      providerUnitName: z.string().describe('The unit in the snapshot'),
      snapshot: DeliverySnapshot.describe('The row as it stood after the event'),
      note: z.string().nullable(),
    }),
  ),
});
export type DeliveryHistory = z.infer<typeof DeliveryHistory>;

/** An intervention of the assignment as the officer granted it: the distribution form's rows start from it. */
export const DistributionIntervention = z.object({
  id: Id.describe('assignment intervention id'),
  name: z.string(),
  isPersonalAlarm: z
    .boolean()
    .describe('Trygghetslarm: not planned as visits, so its rows take no hours, days or frequency'),
  grantedAmount: z.number().nullable(),
  scopeUnit: z.enum(SCOPE_UNITS),
  minutesPerOccasion: z.number().nullable(),
  plannedDays: z.array(z.enum(WEEKDAYS)).describe("The officer's planned weekdays"),
  plannedTimes: z.string().nullable(),
  isTwoStaff: z.boolean(),
});

export const DistributionOptions = z.object({
  assignment: z.object({
    id: Id,
    assignmentNumber: z.string(),
    status: z.enum(['new', 'accepted', 'stopped', 'replaced', 'withdrawn']),
    stateVersion: z.number().int(),
    stateChangedAt: z.string(),
    stateChangedByName: z.string().nullable(),
    stateMessage: z.string().nullable(),
    sentAt: z.string(),
    provider: z.object({ id: Id, name: z.string() }),
  }),
  person: PersonRef,
  decision: z.object({
    id: Id,
    decisionNumber: z.string(),
    periodFrom: IsoDate,
    periodTo: IsoDate.nullable(),
    endedOn: IsoDate.nullable(),
  }),
  interventions: z.array(DistributionIntervention),
  providerUnits: z.array(z.object({ id: Id, name: z.string() })).describe('Active provider units under the provider'),
  providerChange: z
    .object({
      changeDate: IsoDate.describe('The first day with this provider; no row may start before it'),
      fromUnitName: z.string().describe('The provider unit the support moves from'),
    })
    .nullable()
    .describe('Set when the assignment was sent by a change of provider (Byte av utförare)'),
  rows: z.array(DeliveryRow).describe("The assignment's delivery rows the reader may see"),
  permissions: z.object({
    canDistribute: z.boolean().describe('New, and the reader is a manager or coordinator of the provider'),
    canStop: z.boolean(),
  }),
});
export type DistributionOptions = z.infer<typeof DistributionOptions>;

/** Someone who may want to hear that rows were sent to delivery: the compose form's recipients. */
export const ConcernedRecipient = z.object({
  kind: z.enum(['user', 'sendList']),
  id: Id,
  label: z.string(),
  detail: z.string(),
});

export const SentToDelivery = z.object({
  personId: Id,
  rows: z.array(DeliveryRow).describe('The rows sent, as they now stand'),
  concerned: z.array(ConcernedRecipient).describe("The units' send lists and staff, to prefill a message"),
});
export type SentToDelivery = z.infer<typeof SentToDelivery>;

export const DistributionResult = z.object({
  assignmentId: Id,
  stateVersion: z.number().int(),
  rows: z.array(DeliveryRow),
  sent: SentToDelivery.nullable().describe('Null unless sent to delivery at once'),
  isReadableAfter: z
    .boolean()
    .describe(
      'Whether the distributor still reads the assignment (need to know): false when every row went to units they neither manage nor see the person at, so the web does not lead back to it',
    ),
});
export type DistributionResult = z.infer<typeof DistributionResult>;

export const StopResult = z.object({
  assignmentId: Id,
  status: z.literal('stopped'),
  stateVersion: z.number().int(),
  recipientCount: z.number().int().describe('How many got the message'),
});
export type StopResult = z.infer<typeof StopResult>;

// The provider case's schemas are src/contract/provider-cases.ts; its types stay reachable here for
// the web's imports (types only, so no cycle at run time).
export type { AcknowledgeRequest, ProviderCaseView } from './provider-cases.ts';
