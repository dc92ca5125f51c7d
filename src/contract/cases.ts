/**
 * Authority cases (ärenden) and decisions (beslut): open a case for a person in your service area,
 * record decisions with their interventions, end decisions, close the case, and read its history.
 */
import { z } from 'zod';
import { SERVICE_AREAS } from '../domain/organisation.ts';
import { Id, IsoDate, Version, optionalText, requiredText } from './common.ts';
import { SCOPE_UNITS } from './catalogues.ts';
import { END_REASONS } from '../domain/vocabulary.ts';
import { ROW_ENDING_KINDS } from '../domain/decision-ending.ts';
import { DELIVERY_STATUSES } from '../domain/delivery-rules.ts';
export { END_REASONS } from '../domain/vocabulary.ts';

export const DECISION_OUTCOMES = ['granted', 'refused'] as const;
export const DECISION_STATUSES = ['refused', 'upcoming', 'ongoing', 'ending', 'ended'] as const;
export const CASE_STATUSES = ['open', 'closed'] as const;

/** Events of the case history, oldest first. */
export const CASE_HISTORY_KINDS = [
  'case_opened',
  'decision_recorded',
  'decision_ended',
  'assignment_written',
  'assignment_sent',
  'assignment_sent_outside',
  'assignment_accepted',
  'assignment_stopped',
  'assignment_acknowledged',
  'assignment_replaced',
  'assignment_withdrawn',
  'case_officer_changed',
  'delivery_started',
  'delivery_ended',
  'case_closed',
] as const;

export const CaseParams = z.object({ caseId: Id });
export const DecisionParams = z.object({ decisionId: Id });

const EndReason = requiredText(200).describe(`Why (avslutsorsak): one of ${END_REASONS.join(', ')}, or free text`);

export const NamedRef = z.object({ id: Id, name: z.string() });

export const OpenCaseRequest = z.object({
  authorityUnitId: Id.nullish()
    .transform((value) => value ?? null)
    .describe('An authority unit of your service area; default your own unit'),
  caseOfficerId: Id.nullish()
    .transform((value) => value ?? null)
    .describe('A user who holds case officer in your service area; default you'),
});
export type OpenCaseRequest = z.input<typeof OpenCaseRequest>;
export const OpenCaseResponse = z.object({ id: Id, caseNumber: z.string() });

export const DecisionSummary = z.object({
  id: Id,
  decisionNumber: z.string().describe('e.g. B-2026-00042'),
  outcome: z.enum(DECISION_OUTCOMES),
  decisionDate: IsoDate,
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable().describe('Null = tills vidare'),
  endedOn: IsoDate.nullable(),
  status: z.enum(DECISION_STATUSES).describe('Where it stands today'),
  interventionNames: z.array(z.string()),
});

export const CaseSummary = z.object({
  id: Id,
  caseNumber: z.string().describe('e.g. ÄO-2026-00017'),
  serviceArea: z.enum(SERVICE_AREAS),
  status: z.enum(CASE_STATUSES),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  endReason: z.string().nullable(),
  authorityUnit: NamedRef,
  caseOfficer: NamedRef,
  version: z.number().int(),
  decisions: z.array(DecisionSummary).describe('Newest first'),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const PersonCases = z.object({
  cases: z.array(CaseSummary).describe("The person's cases in your service area, open first"),
  canOpenCase: z.boolean().describe('You may open a case and none is open in your service area'),
});
export type PersonCases = z.infer<typeof PersonCases>;

export const DecisionIntervention = z.object({
  id: Id,
  interventionTypeId: Id,
  name: z.string(),
  keyCode: z.string().nullable(),
  grantedAmount: z.number().nullable().describe('In scopeUnit; null when the unit is none'),
  scopeUnit: z.enum(SCOPE_UNITS),
  note: z.string().nullable(),
});

export const Decision = DecisionSummary.omit({ interventionNames: true }).extend({
  legalBasis: z.object({ id: Id, code: z.string(), description: z.string().nullable() }),
  justification: z.string().nullable(),
  decidedBy: NamedRef,
  endReason: z.string().nullable(),
  endedBy: NamedRef.nullable(),
  interventions: z.array(DecisionIntervention),
  version: z.number().int(),
});
export type Decision = z.infer<typeof Decision>;

export const CaseHistoryEvent = z.object({
  kind: z.enum(CASE_HISTORY_KINDS),
  occurredAt: z.string().describe('When it was recorded (ISO timestamp)'),
  date: IsoDate.nullable().describe(
    "The date it concerns, when it differs in kind from the recording time: decision date, ending day, closing day, delivery start date (verkställighetsdatum), a row's last day",
  ),
  actorName: z.string().nullable(),
  title: z
    .string()
    .describe(
      'Decision or assignment number, and for assignments the provider; for a delivery row its intervention, unit and assignment; for a change of case officer from → to',
    ),
  message: z
    .string()
    .nullable()
    .describe("End reason, the provider's message when stopped, or why an assignment was withdrawn"),
  decisionId: Id.nullable(),
  assignmentId: Id.nullable(),
});
export type CaseHistoryEvent = z.infer<typeof CaseHistoryEvent>;

export const CasePerson = z.object({
  id: Id,
  identityNumber: z.string(),
  firstName: z.string().nullable().describe('Null while a protected identity is masked'),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
});

export const CaseView = CaseSummary.omit({ decisions: true }).extend({
  person: CasePerson,
  decisions: z.array(Decision).describe('Newest first'),
  history: z.array(CaseHistoryEvent).describe('Oldest first'),
  permissions: z.object({
    canRecordDecision: z.boolean(),
    canEndDecision: z.boolean(),
    canClose: z.boolean(),
    canChangeCaseOfficer: z.boolean(),
  }),
});
export type CaseView = z.infer<typeof CaseView>;

export const ChangeCaseOfficerRequest = z.object({ caseOfficerId: Id, version: Version });
export type ChangeCaseOfficerRequest = z.input<typeof ChangeCaseOfficerRequest>;

/** Amounts arrive as numbers; the rules in src/domain/decision-rules.ts check them against the unit. */
const GrantedAmount = z
  .number({ error: 'Ange omfattningen som ett tal.' })
  .nullish()
  .transform((value) => value ?? null);

export const RecordDecisionRequest = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Välj bifall eller avslag.' }),
  legalBasisId: Id,
  decisionDate: IsoDate,
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable().describe('Null = tills vidare'),
  justification: optionalText(4000),
  interventions: z
    .array(
      z.object({
        interventionTypeId: Id,
        grantedAmount: GrantedAmount.describe(
          "Granted (or, when refused, applied-for) scope in the type's unit; null when the unit is none",
        ),
        note: optionalText(1000),
      }),
    )
    .max(30, { error: 'Högst 30 insatser i ett beslut.' })
    .describe("Granted interventions; for a refusal, what was applied for. The scope unit is the type's"),
});
export type RecordDecisionRequest = z.input<typeof RecordDecisionRequest>;
export const RecordDecisionResponse = z.object({ id: Id, decisionNumber: z.string() });

export const EndDecisionRequest = z.object({
  endedOn: IsoDate.describe('Last day the decision applies: within the period, or the day before it starts'),
  endReason: EndReason,
  version: Version,
});
export type EndDecisionRequest = z.input<typeof EndDecisionRequest>;

export const DecisionEndPreviewQuery = z.object({
  endedOn: IsoDate.describe('The last day the decision would apply'),
});

/** What ending a decision on a day does at the provider (src/domain/decision-ending.ts). */
export const DecisionEndEffects = z.object({
  endedOn: IsoDate,
  rows: z
    .array(
      z.object({
        id: Id,
        assignmentId: Id,
        assignmentNumber: z.string(),
        interventionName: z.string(),
        label: z.string().nullable().describe("The provider's name for the row when an intervention is split"),
        providerUnit: NamedRef,
        status: z.enum(DELIVERY_STATUSES).describe('As it stands now'),
        periodFrom: IsoDate,
        periodTo: IsoDate.nullable().describe('As it stands now; null = tills vidare'),
        kind: z
          .enum(ROW_ENDING_KINDS)
          .describe(
            'end: ends on the day; never_begins: was to begin later and never begins; cut: already withdrawn or ended, now on the day',
          ),
      }),
    )
    .describe("Delivery rows of the decision's assignments that would run past the day"),
  withdrawnAssignments: z
    .array(z.object({ id: Id, assignmentNumber: z.string(), provider: NamedRef }))
    .describe("Assignments waiting in the provider's Nya uppdrag that are withdrawn: no day is left to begin on"),
  waitingAssignments: z
    .array(z.object({ id: Id, assignmentNumber: z.string(), provider: NamedRef }))
    .describe('Assignments waiting in Nya uppdrag that stay there: the decision ends ahead, support is due until then'),
  problems: z
    .array(z.string())
    .describe('Why the decision cannot end on the day (a row started after it); empty when it can'),
});
export type DecisionEndEffects = z.infer<typeof DecisionEndEffects>;

export const CloseCaseRequest = z.object({
  closedOn: IsoDate.describe(
    'Not before the case opened, not after today; every decision must have ended or run out by then',
  ),
  endReason: EndReason,
  version: Version,
});
export type CloseCaseRequest = z.input<typeof CloseCaseRequest>;

export const MyCase = z.object({
  id: Id,
  caseNumber: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  openedOn: IsoDate,
  person: CasePerson,
  ongoingDecisionCount: z.number().int().describe('Granted decisions in force today'),
});
export const MyCases = z.object({
  cases: z.array(MyCase).describe('Open cases where you are the case officer, oldest first'),
});
export type MyCases = z.infer<typeof MyCases>;

export const CaseStaffing = z.object({
  authorityUnits: z.array(NamedRef).describe('Active authority units of your service area'),
  caseOfficers: z.array(NamedRef).describe('Active users holding case officer in your service area, by name'),
});
export type CaseStaffing = z.infer<typeof CaseStaffing>;
