/** The provider-kept lists on a person: relatives, reference persons and key numbers. */
import { z } from 'zod';
import { Email, Id, Version, optionalText, requiredText } from './common.ts';

const optionalEmail = Email.nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

export const RelativeInput = z.object({
  name: requiredText(200),
  relation: requiredText(60),
  phone: optionalText(40),
  email: optionalEmail,
  address: optionalText(300),
  isNextOfKin: z.boolean().default(false),
  note: optionalText(1000),
});
export const Relative = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  isNextOfKin: z.boolean(),
  note: z.string().nullable(),
});
export type Relative = z.infer<typeof Relative>;

export const ReferencePersonInput = z.object({
  role: requiredText(80),
  name: requiredText(200),
  organisation: optionalText(200),
  phone: optionalText(40),
  email: optionalEmail,
  note: optionalText(1000),
});
export const ReferencePerson = z.object({
  id: Id,
  version: z.number().int(),
  role: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReferencePerson = z.infer<typeof ReferencePerson>;

export const KeyInput = z.object({
  keyNumber: requiredText(40),
  description: optionalText(300),
});
export const PersonKey = z.object({
  id: Id,
  version: z.number().int(),
  keyNumber: z.string(),
  description: z.string().nullable(),
});
export type PersonKey = z.infer<typeof PersonKey>;

export const DetailParams = z.object({ personId: Id, itemId: Id });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });
export const WithVersion = z.object({ version: Version });
