/**
 * Inför besöket (the visit summary): what provider staff need at a glance before a visit — how to
 * reach the person and get in, what is important to know, who to call, and what the caller's units
 * do for the person today, with the assignment's instructions and needs. Routes in
 * src/server/modules/visits/.
 */
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';
import { AssignmentLifeArea, PersonRef, WEEKDAYS } from './assignments.ts';
import { DELIVERY_DAYS, FREQUENCY_UNITS } from './deliveries.ts';
import { PersonContact } from './persons.ts';

export const VisitIntervention = z.object({
  deliveryId: Id,
  name: z
    .string()
    .describe(
      'The intervention, with the provider\'s label when a row is one of a split: "Personlig omvårdnad (Morgon)"',
    ),
  providerUnitName: z.string(),
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable().describe('Null = tills vidare'),
  hoursPerVisit: z.number().nullable().describe('Tim/besök'),
  extraHoursTwoStaff: z.number().nullable().describe('+ Dubbel: extra hours per visit when two staff'),
  days: z.enum(DELIVERY_DAYS).nullable().describe('Utförs'),
  frequency: z.number().nullable(),
  frequencyUnit: z.enum(FREQUENCY_UNITS).nullable(),
  plannedDays: z.array(z.enum(WEEKDAYS)).describe("The assignment's planned week days"),
  plannedTimes: z.string().nullable().describe("The assignment's planned times of day, e.g. morgon och kväll"),
  minutesPerOccasion: z.number().nullable().describe("The assignment's minutes per visit"),
  isTwoStaff: z.boolean().describe('Two staff (dubbelbemanning)'),
  note: z.string().nullable().describe("The assignment's note on the intervention"),
  isToday: z
    .boolean()
    .describe(
      "Carried out today: by its week days (the row's Utförs, else the assignment's planned days, else every day) and no interruption covering today (src/domain/visit-rules.ts)",
    ),
  interruption: z
    .object({ fromDate: IsoDate, toDate: IsoDate.nullable(), reason: z.string() })
    .nullable()
    .describe('An interruption (avbrott) covering today: no visits'),
});
export type VisitIntervention = z.infer<typeof VisitIntervention>;

export const VisitAssignment = z.object({
  id: Id,
  assignmentNumber: z.string(),
  instructions: z.string().nullable().describe('Instructions to the provider'),
  needs: z.array(AssignmentLifeArea).describe('Needs and goals per life area, in IBIC order'),
  interventions: z.array(VisitIntervention).describe("Today's first, then by name"),
});
export type VisitAssignment = z.infer<typeof VisitAssignment>;

export const VisitSummary = z.object({
  today: IsoDate.describe('The day in Sweden the summary is for'),
  person: PersonRef,
  contact: PersonContact,
  doorCode: z.string().nullable().describe('Portkod'),
  visitInfo: z.string().nullable().describe('Besöksinformation: the way in, floor, lift'),
  importantInfo: z.string().nullable().describe('Viktigt att veta'),
  keys: z.array(z.object({ id: Id, keyNumber: z.string(), description: z.string().nullable() })),
  relatives: z
    .array(
      z.object({
        id: Id,
        name: z.string(),
        relation: z.string(),
        phone: z.string().nullable(),
        isNextOfKin: z.boolean(),
      }),
    )
    .describe('Närstående, the next of kin first'),
  referencePersons: z.array(
    z.object({
      id: Id,
      role: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  assignments: z
    .array(VisitAssignment)
    .describe(
      "The assignments behind the rows at the caller's units that run today (sent to delivery, today in their period), by number",
    ),
});
export type VisitSummary = z.infer<typeof VisitSummary>;
