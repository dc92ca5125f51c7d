/** The desk (Mitt skrivbord): the folders on the left and their contents. */
import { z } from 'zod';
import { SERVICE_AREAS, UNIT_KINDS } from '../domain/organisation.ts';
import { Id } from './common.ts';
import { PersonSearchHit } from './persons.ts';

export const DeskUnit = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  serviceArea: z.enum(SERVICE_AREAS),
  personCount: z.number().int().describe('Persons with an ongoing link to the unit'),
});

export const DeskOverview = z.object({
  units: z.array(DeskUnit).describe('"Mina enheter": the units in the position\'s scope that have persons'),
  recentPersonCount: z.number().int(),
});
export type DeskOverview = z.infer<typeof DeskOverview>;

export const RecentPersons = z.object({
  persons: z.array(PersonSearchHit.extend({ lastOpenedAt: z.string() })).describe('Persons this user opened lately, still in scope, newest first'),
});
export type RecentPersons = z.infer<typeof RecentPersons>;

export const UnitPersonsParams = z.object({ unitId: Id });
export const UnitPersons = z.object({
  unit: DeskUnit,
  persons: z.array(PersonSearchHit),
});
export type UnitPersons = z.infer<typeof UnitPersons>;
