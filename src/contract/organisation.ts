/** The organisation tree, users, their positions and roles (administrator screens). */
import { z } from 'zod';
import { OWNERSHIPS, SERVICE_AREAS, UNIT_KINDS } from '../domain/organisation.ts';
import { ROLES } from '../domain/roles.ts';
import { Email, Id, Version, requiredText } from './common.ts';

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  ownership: z.enum(OWNERSHIPS).nullable().describe('Providers only: municipal (egen regi) or private (enskild regi)'),
  hasSystemAccess: z.boolean().describe('Providers only: false when a private provider works without Vardag'),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ units: z.array(Unit) });

export const UnitParams = z.object({ unitId: Id });

export const CreateUnitRequest = z.object({
  parentId: Id,
  kind: z.enum(UNIT_KINDS).exclude(['service_area'], { error: 'Välj en typ av enhet.' }),
  name: requiredText(200),
  ownership: z.enum(OWNERSHIPS).nullish(),
  hasSystemAccess: z.boolean().default(true),
});
export type CreateUnitRequest = z.input<typeof CreateUnitRequest>;

export const UpdateUnitRequest = z.object({
  version: Version,
  parentId: Id.nullable().describe('Moving a unit changes who sees its persons; null only for a service area'),
  name: requiredText(200),
  ownership: z.enum(OWNERSHIPS).nullish(),
  hasSystemAccess: z.boolean(),
  isActive: z.boolean(),
});
export type UpdateUnitRequest = z.input<typeof UpdateUnitRequest>;

export const Position = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  roles: z.array(z.enum(ROLES)),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Position = z.infer<typeof Position>;

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
  positions: z.array(Position),
});
export type User = z.infer<typeof User>;
export const UserList = z.object({ users: z.array(User) });
export const UserParams = z.object({ userId: Id });

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,60}$/, { error: '2–60 tecken: a–z, siffror, punkt, bindestreck eller understreck.' });
const Password = z
  .string()
  .min(10, { error: 'Lösenordet måste ha minst 10 tecken.' })
  .max(200, { error: 'Högst 200 tecken.' });
const optionalEmail = Email.nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

export const CreateUserRequest = z.object({
  username: Username,
  displayName: requiredText(120),
  email: optionalEmail,
  password: Password,
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  version: Version,
  username: Username,
  displayName: requiredText(120),
  email: optionalEmail,
  isActive: z.boolean().describe("false ends the user's sessions at once"),
});
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

export const SetPasswordRequest = z.object({ password: Password });

export const PositionInput = z.object({
  unitId: Id,
  title: requiredText(120),
  roles: z
    .array(z.enum(ROLES, { error: 'Okänd roll.' }))
    .min(1, { error: 'Välj minst en roll.' })
    .max(9),
});
export type PositionInput = z.infer<typeof PositionInput>;

export const UpdatePositionRequest = PositionInput.extend({ version: Version, isActive: z.boolean() });
export type UpdatePositionRequest = z.infer<typeof UpdatePositionRequest>;
export const PositionParams = z.object({ positionId: Id });
