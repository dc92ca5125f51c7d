/** Sign-in, the session and the choice of position. */
import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { SERVICE_AREAS } from '../domain/organisation.ts';
import { Id } from './common.ts';

export const SignInRequest = z.object({
  username: z.string().trim().min(1, { error: 'Ange användarnamn.' }).max(60),
  password: z.string().min(1, { error: 'Ange lösenord.' }).max(200),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const PositionSummary = z.object({
  id: Id,
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  roles: z.array(z.enum(ROLES)),
});
export type PositionSummary = z.infer<typeof PositionSummary>;

export const SessionInfo = z.object({
  user: z.object({ id: Id, username: z.string(), displayName: z.string() }),
  municipality: z.object({ id: Id, name: z.string() }),
  positions: z.array(PositionSummary),
  currentPositionId: Id.nullable().describe('Null until a position is chosen'),
  csrfToken: z.string().describe('Send as X-CSRF-Token on every request that changes something'),
  idleTimeoutMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChoosePositionRequest = z.object({ positionId: Id });
