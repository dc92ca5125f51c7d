/**
 * Changing delivery rows once distributed: the change of time (Återkalla: the row ends the day
 * before, a new row "Under fördelning" continues it), ending (Rätta/Avsluta), interruptions
 * (avbrott) and the change of provider (Byt utförare) with its answer from the new provider.
 */
import { z } from 'zod';
import { Id, IsoDate, Version, optionalText, requiredText } from './common.ts';
import { ConcernedRecipient, DELIVERY_STATUSES } from './deliveries.ts';
export { DELIVERY_END_REASONS } from '../domain/vocabulary.ts';

export const InterruptionParams = z.object({ interruptionId: Id });

export const WithdrawDeliveryRequest = z.object({
  changeFrom: IsoDate.describe('The first day with the new time; the current row ends the day before'),
  version: Version,
});
export type WithdrawDeliveryRequest = z.input<typeof WithdrawDeliveryRequest>;

export const EndDeliveryRequest = z.object({
  endOn: IsoDate.describe("The last day of delivery, within the row's period"),
  endReason: requiredText(200).describe('Avslutsorsak, e.g. one of DELIVERY_END_REASONS or a free text'),
  version: Version,
});
export type EndDeliveryRequest = z.input<typeof EndDeliveryRequest>;

/**
 * Avbryt före start: a row that has not begun (no start date, no interruption; a continuation
 * before its first day) ends the day before its first day, so it covers no day.
 */
export const CancelDeliveryRequest = z.object({
  endReason: requiredText(200).describe(
    'Why it never began (avslutsorsak), e.g. one of DELIVERY_END_REASONS or a free text',
  ),
  version: Version,
});
export type CancelDeliveryRequest = z.input<typeof CancelDeliveryRequest>;

/** A row as a change left it: enough for the web to say what happened before it reads the rows again. */
export const ChangedDeliveryRow = z.object({
  id: Id,
  interventionName: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable(),
  endReason: z.string().nullable(),
  continuesDeliveryId: Id.nullable(),
  version: z.number().int(),
});
export type ChangedDeliveryRow = z.infer<typeof ChangedDeliveryRow>;

/** What a change of the row's last day did to its interruptions (src/domain/interruption-rules.ts). */
export const InterruptionChanges = z.object({
  shortened: z
    .array(
      z.object({
        id: Id,
        fromDate: IsoDate,
        toDate: IsoDate.describe("The row's new last day, on which the interruption now ends"),
        previousToDate: IsoDate.nullable().describe('Its last day before; null = it was not resumed'),
        reason: z.string(),
      }),
    )
    .describe("Open or lasting past the row's new last day: they now end on it"),
  removed: z
    .array(z.object({ id: Id, fromDate: IsoDate, toDate: IsoDate.nullable(), reason: z.string() }))
    .describe("Started after the row's new last day: removed from the row"),
});
export type InterruptionChanges = z.infer<typeof InterruptionChanges>;

export const WithdrawalResult = z.object({
  withdrawn: ChangedDeliveryRow.describe('The row as withdrawn: ends the day before the change'),
  continuation: ChangedDeliveryRow.describe(
    'The new row Under fördelning from the day of the change, to register with the new time',
  ),
  interruptions: InterruptionChanges.describe(
    'Interruptions from the change day on are removed (shortened stays empty: one running on the change day refuses the change)',
  ),
});
export type WithdrawalResult = z.infer<typeof WithdrawalResult>;

export const EndResult = z.object({
  delivery: ChangedDeliveryRow,
  caseOfficerName: z.string().describe('Who was told'),
  hasOtherOngoingRows: z
    .boolean()
    .describe('Whether other rows of the same decision still run or are planned after the end'),
  interruptions: InterruptionChanges.describe(
    'Interruptions open or lasting past the end day now end on it; those starting after it are removed',
  ),
});
export type EndResult = z.infer<typeof EndResult>;

export const CancelResult = z.object({
  delivery: ChangedDeliveryRow.describe('The row as cancelled: ended, its last day the day before its first'),
  caseOfficerName: z.string().describe('Who was told'),
  hasOtherOngoingRows: z.boolean().describe('Whether other rows of the same decision run today or are planned'),
});
export type CancelResult = z.infer<typeof CancelResult>;

export const NewInterruptionRequest = z.object({
  fromDate: IsoDate.describe('First day without delivery'),
  toDate: IsoDate.nullish()
    .transform((value) => value ?? null)
    .describe('Last day without delivery; null while not resumed'),
  reason: requiredText(300).describe('Why, e.g. Sjukhusvistelse'),
});
export type NewInterruptionRequest = z.input<typeof NewInterruptionRequest>;

export const UpdateInterruptionRequest = z.object({
  toDate: IsoDate.nullable().describe('Resumed: the last day without delivery; null while not resumed'),
  reason: requiredText(300),
  version: Version,
});
export type UpdateInterruptionRequest = z.input<typeof UpdateInterruptionRequest>;

export const InterruptionView = z.object({
  id: Id,
  deliveryId: Id,
  fromDate: IsoDate,
  toDate: IsoDate.nullable(),
  reason: z.string(),
  reportDeadline: IsoDate.describe(
    'Delivery must resume by this day (three months after the first day), or the interruption is reported to IVO',
  ),
  isReportable: z.boolean().describe('Not resumed within three months: to be reported to IVO'),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type InterruptionView = z.infer<typeof InterruptionView>;

export const InterruptionList = z.object({
  deliveryId: Id,
  interventionName: z.string(),
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable(),
  items: z.array(InterruptionView).describe('Newest first'),
  canRegister: z.boolean().describe("The reader manages the row's unit and the row has been sent to delivery"),
});
export type InterruptionList = z.infer<typeof InterruptionList>;

export const ProviderChangeRequest = z.object({
  deliveryIds: z
    .array(Id)
    .min(1, { error: 'Välj minst en rad.' })
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Varje rad en gång.' })
    .describe('Rows sent to delivery, of one assignment, at units you manage'),
  toProviderUnitId: Id.describe('An active provider unit of another provider in the same service area'),
  changeDate: IsoDate.describe('The first day with the new provider; the old rows end the day before'),
  note: optionalText(2000).describe("For the new provider, added to the new assignment's instructions"),
});
export type ProviderChangeRequest = z.input<typeof ProviderChangeRequest>;

export const PROVIDER_CHANGE_STATUSES = ['pending', 'accepted', 'stopped'] as const;

export const ProviderChangeView = z.object({
  id: Id,
  status: z
    .enum(PROVIDER_CHANGE_STATUSES)
    .describe('pending until the new provider accepts or stops the new assignment'),
  changeDate: IsoDate,
  lastDayWithOldProvider: IsoDate,
  fromUnit: z.object({ id: Id, name: z.string() }),
  toUnit: z.object({ id: Id, name: z.string() }),
  fromAssignment: z.object({ id: Id, assignmentNumber: z.string() }),
  toAssignment: z.object({ id: Id, assignmentNumber: z.string() }),
  rows: z.array(z.object({ id: Id, name: z.string() })),
  requestedByName: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProviderChangeView = z.infer<typeof ProviderChangeView>;

export const ProviderChangeList = z.object({ items: z.array(ProviderChangeView).describe('Newest first') });
export type ProviderChangeList = z.infer<typeof ProviderChangeList>;

export const ProviderChangeResult = z.object({
  change: ProviderChangeView,
  recipientCount: z.number().int().describe('How many at the new provider got the new-assignment message'),
  personId: Id,
  concerned: z
    .array(ConcernedRecipient)
    .describe("The old unit's send lists and staff, to prefill a message to those concerned"),
});
export type ProviderChangeResult = z.infer<typeof ProviderChangeResult>;

export const ProviderChangeTargets = z.object({
  serviceArea: z.string(),
  providers: z
    .array(
      z.object({
        id: Id,
        name: z.string(),
        ownership: z.enum(['municipal', 'private']),
        units: z.array(z.object({ id: Id, name: z.string() })).describe('Active provider units, by name'),
      }),
    )
    .describe("Active providers with system access in the row's service area, other than the row's own"),
});
export type ProviderChangeTargets = z.infer<typeof ProviderChangeTargets>;
