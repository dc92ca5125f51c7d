/**
 * Building blocks shared by every area's contract: ids, dates, versions and the error shape.
 */
import { z } from 'zod';

export const Id = z.uuid({ error: 'Ogiltigt id.' });

/** A calendar date as YYYY-MM-DD, checked to exist. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ange datum som ÅÅÅÅ-MM-DD.' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { error: 'Datumet finns inte.' },
  );

/** Optimistic concurrency: the version the client last read. */
export const Version = z.number().int().min(1).max(2_147_483_647);

/** Free text that is trimmed; empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value));
}

export function requiredText(max: number) {
  return z
    .string({ error: 'Obligatoriskt.' })
    .trim()
    .min(1, { error: 'Obligatoriskt.' })
    .max(max, { error: `Högst ${max} tecken.` });
}

export const Email = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^@\s]+@[^@\s]+$/, { error: 'Ange en giltig e-postadress.' });

export const ErrorResponse = z.object({
  error: z
    .string()
    .describe(
      'Machine-readable code: validation, unauthorized, forbidden, not_found, conflict, too_many_requests, internal',
    ),
  message: z.string().describe('A message in Swedish for the user'),
  fieldErrors: z.record(z.string(), z.string()).optional().describe('Per field (dotted path), a message in Swedish'),
  requestId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Ok = z.object({ ok: z.literal(true) });
