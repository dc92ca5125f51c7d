/**
 * The IVO report of decisions not delivered (issue 16): the details the case officer records for a
 * late item, and the quarter report — preview, PDF, CSV and marking it reported. Routes in
 * src/server/modules/ivo-reports/.
 */
import { z } from 'zod';
import { Id, IsoDate, Version, optionalText } from './common.ts';
import { IVO_REQUIRED_TEXTS, IVO_ROW_KINDS, IVO_SUBJECT_KINDS } from '../domain/ivo-report.ts';

export const IvoSubjectKind = z.enum(IVO_SUBJECT_KINDS);
export type IvoSubjectKind = z.infer<typeof IvoSubjectKind>;

export const IvoSubjectParams = z.object({
  kind: IvoSubjectKind.describe(
    'decision: a granted intervention (decision_interventions.id); interruption: an interruption',
  ),
  subjectId: Id,
});

export const IvoQuarterParams = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, { error: 'Ange kvartal som ÅÅÅÅ-Q1 till ÅÅÅÅ-Q4.' })
    .describe('The quarter, e.g. 2026-Q2'),
});

export const IvoOffer = z.object({
  offeredOn: IsoDate.describe('The day the offer was made'),
  isDeclined: z.boolean().describe('Declined by the person: it does not end the duty to report'),
  note: z.string().nullable().describe('What was offered, e.g. a place at another unit'),
});
export type IvoOffer = z.infer<typeof IvoOffer>;

/** An offer as sent: the note trimmed, empty as null. */
const IvoOfferInput = IvoOffer.extend({ note: optionalText(300) });

const DETAIL_TEXT = 4000;

export const IvoLateDetailsBody = z.object({
  delayReason: optionalText(DETAIL_TEXT).describe('Skäl till dröjsmålet'),
  consequences: optionalText(DETAIL_TEXT).describe('Konsekvenser för den enskilde'),
  interimSupport: optionalText(DETAIL_TEXT).describe('Eventuella mellanliggande insatser'),
  offers: z.array(IvoOfferInput).max(50).describe('Erbjudanden, with dates and whether declined'),
  version: Version.nullable().describe('The version read; null when nothing was recorded yet'),
});
export type IvoLateDetailsBody = z.infer<typeof IvoLateDetailsBody>;

export const IvoPersonRef = z.object({
  id: Id,
  firstName: z.string().nullable().describe('Null for a protected identity'),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
});

/** The item the details are for, and what is recorded. */
export const IvoLateDetails = z.object({
  subjectKind: IvoSubjectKind,
  subjectId: Id,
  person: IvoPersonRef.extend({ identityNumber: z.string() }),
  caseId: Id,
  caseNumber: z.string(),
  decisionId: Id,
  decisionNumber: z.string(),
  interventionType: z.string(),
  legalBasis: z.string().describe('Lagrum, e.g. SoL 4 kap. 1 §'),
  decisionDate: IsoDate,
  interruptionDate: IsoDate.nullable().describe('First day without delivery, for an interruption'),
  deadline: IsoDate.describe('The last day delivery was within three months'),
  isReportable: z.boolean().describe('The three months have passed without delivery (or resumption)'),
  isClosed: z.boolean().describe('A quarter marked reported has reported its delivery or end: nothing more to record'),
  delayReason: z.string().nullable(),
  consequences: z.string().nullable(),
  interimSupport: z.string().nullable(),
  offers: z.array(IvoOffer),
  version: Version.nullable().describe('Null until something is recorded'),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type IvoLateDetails = z.infer<typeof IvoLateDetails>;

export const IvoReportRow = z.object({
  subjectKind: IvoSubjectKind,
  subjectId: Id,
  kind: z.enum(IVO_ROW_KINDS).describe('new, re_report (Återrapport), delivered (with the date), ended'),
  person: IvoPersonRef,
  identity: z
    .string()
    .describe('Personnummer or samordningsnummer, or the stable pseudonym ÅÅÅÅMMDD-T123 for anyone without'),
  isPseudonym: z.boolean(),
  sex: z.enum(['male', 'female']),
  birthYear: z.number().int(),
  caseId: Id,
  caseNumber: z.string(),
  decisionId: Id,
  decisionNumber: z.string(),
  legalBasis: z.string().describe('Lag och paragraf'),
  interventionType: z.string(),
  decisionDate: IsoDate,
  interruptionDate: IsoDate.nullable(),
  deadline: IsoDate,
  deliveredOn: IsoDate.nullable().describe('Verkställighetsdatum (or the day an interruption was resumed)'),
  endedOn: IsoDate.nullable().describe('The last day the decision applied, for an ended item'),
  delayReason: z.string().nullable(),
  consequences: z.string().nullable(),
  interimSupport: z.string().nullable(),
  offers: z.array(IvoOffer),
  missing: z.array(z.enum(IVO_REQUIRED_TEXTS)).describe('Free texts still to record (shown flagged)'),
});
export type IvoReportRow = z.infer<typeof IvoReportRow>;

export const IvoReportMarking = z.object({
  id: Id,
  reportedAt: z.string(),
  reportedByName: z.string(),
  rowCount: z.number().int(),
});

export const IvoQuarterReport = z.object({
  quarter: z.string(),
  quarterLabel: z.string().describe('Kvartal 2 2026'),
  referenceDate: IsoDate,
  window: z.object({ opensOn: IsoDate, closesOn: IsoDate }).describe("IVO's reporting window for the quarter"),
  municipalityName: z.string(),
  boardName: z.string(),
  reportingPerson: z.string().describe('Who is reporting: the caller'),
  rows: z.array(IvoReportRow),
  markings: z.array(IvoReportMarking).describe('When the quarter was marked reported, and by whom'),
  canMark: z.boolean(),
});
export type IvoQuarterReport = z.infer<typeof IvoQuarterReport>;

export const MarkIvoReportBody = z.object({
  rows: z
    .array(z.object({ subjectKind: IvoSubjectKind, subjectId: Id }))
    .max(10_000)
    .describe('The rows the caller saw in the preview; if the report has changed since, 409'),
});
export type MarkIvoReportBody = z.infer<typeof MarkIvoReportBody>;

export const IvoReportSettings = z.object({
  boardName: z.string().trim().min(1, { error: 'Obligatoriskt.' }).max(120).describe('Nämnd, e.g. Socialnämnden'),
});
export type IvoReportSettings = z.infer<typeof IvoReportSettings>;

export const IvoCaseParams = z.object({ caseId: Id });

/** A late item of a case, for the note on the case page's decision. */
export const IvoCaseItem = z.object({
  subjectKind: IvoSubjectKind,
  subjectId: Id,
  decisionId: Id,
  interventionType: z.string(),
  deadline: IsoDate.describe('The three months ended this day'),
  isMissingTexts: z.boolean().describe('The reason for the delay or the consequences are not recorded'),
});

export const IvoCaseItems = z.object({
  items: z
    .array(IvoCaseItem)
    .describe(
      "Granted interventions not delivered, and interruptions not resumed, past three months today, in the caller's scope",
    ),
});
export type IvoCaseItems = z.infer<typeof IvoCaseItems>;
