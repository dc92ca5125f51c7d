/**
 * A person's case at a provider unit (genomförande, ADR 0013): the staff view, acknowledging it
 * (kvittera) and closing it. Routes in src/server/modules/provider-cases/. The journal and the care
 * plan will belong to a provider case and add their schemas here.
 */
import { z } from 'zod';
import { Id, IsoDate, Version } from './common.ts';
import { PersonRef } from './assignments.ts';
import { PersonContact } from './persons.ts';
import { DeliveryRow } from './deliveries.ts';

export const ProviderCaseParams = z.object({ providerCaseId: Id });

export const ProviderCaseView = z.object({
  id: Id,
  person: PersonRef,
  personContact: PersonContact.nullable().describe(
    "The person's address and phones now, for the unit's staff while the case is open; null once closed. A protected identity's address is always null",
  ),
  providerUnit: z.object({ id: Id, name: z.string() }),
  openedOn: IsoDate,
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  closedOn: IsoDate.nullable(),
  isInMyPersons: z.boolean(),
  assignments: z
    .array(z.object({ id: Id, assignmentNumber: z.string() }))
    .describe('The assignments its rows carry out (PDF links)'),
  acknowledgements: z
    .array(
      z.object({
        assignmentId: Id,
        acknowledgedAt: z
          .string()
          .nullable()
          .describe('ISO timestamp; null while the assignment waits to be acknowledged (new to the case)'),
        acknowledgedByName: z.string().nullable(),
      }),
    )
    .describe(
      'Per assignment, in the order of `assignments`: whether staff of the unit have acknowledged it (kvittera), when and by whom',
    ),
  rows: z.array(DeliveryRow),
  version: z.number().int(),
  permissions: z.object({ canAcknowledge: z.boolean() }),
});
export type ProviderCaseView = z.infer<typeof ProviderCaseView>;

export const AcknowledgeRequest = z.object({
  version: Version,
  moveToMyPersons: z.boolean().default(false).describe('Flytta till Mina personer'),
});
export type AcknowledgeRequest = z.input<typeof AcknowledgeRequest>;

/** Closing one from "Ej aktuella – att avsluta" (POST /api/provider-cases/:providerCaseId/close). */
export const CloseProviderCaseRequest = z.object({
  closedOn: IsoDate.describe('The closing day: not after today, not before the last delivery row ended'),
  version: Version.describe("The provider case's version as listed"),
});
export type CloseProviderCaseRequest = z.infer<typeof CloseProviderCaseRequest>;
export const ClosedProviderCase = z.object({
  providerCaseId: Id,
  closedOn: IsoDate,
  version: z.number().int(),
});
export type ClosedProviderCase = z.infer<typeof ClosedProviderCase>;
