/** Persons: search, register, view and edit the details in tabs. */
import { z } from 'zod';
import { Email, Id, IsoDate, Version, optionalText, requiredText } from './common.ts';

export const IDENTITY_KINDS = ['personnummer', 'samordningsnummer', 'interim', 'reserve'] as const;
export const SEXES = ['male', 'female'] as const;
export const MARITAL_STATUSES = [
  'unmarried',
  'married',
  'registered_partner',
  'divorced',
  'widowed',
  'cohabiting',
] as const;

export const PersonParams = z.object({ personId: Id });

export const PersonSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, { error: 'Skriv något att söka på.' })
    .max(100)
    .describe('Identity number, birth date (6 or 8 digits) or names'),
});

export const PersonSearchHit = z.object({
  id: Id,
  identityNumber: z.string(),
  /** Null when the identity is protected: lists never show it. */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
  birthDate: IsoDate,
  sex: z.enum(SEXES),
  deceasedDate: IsoDate.nullable(),
});
export type PersonSearchHit = z.infer<typeof PersonSearchHit>;

export const PersonSearchResult = z.object({
  hits: z.array(PersonSearchHit),
  hasMore: z.boolean().describe('More than the hits shown matched: narrow the search'),
});
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

export const Address = z.object({
  id: Id,
  street: z.string(),
  careOf: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  validFrom: IsoDate,
});
export type Address = z.infer<typeof Address>;

/**
 * How to reach the person at home: the current registered address and the phones, as the provider
 * reads them beside an assignment, a provider case or before a visit. A protected identity's
 * address is never here (the person's page shows it only through "Visa skyddade uppgifter").
 */
export const PersonContact = z.object({
  address: Address.nullable().describe(
    'The current registered address; null when none is registered, and always for a protected identity',
  ),
  phone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
});
export type PersonContact = z.infer<typeof PersonContact>;

export const NewAddress = z.object({
  street: requiredText(200),
  careOf: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, { error: 'Ange postnummer som 123 45.' }),
  city: requiredText(100),
  validFrom: IsoDate,
});
export type NewAddress = z.infer<typeof NewAddress>;

export const PersonPermissions = z.object({
  canEditCore: z.boolean(),
  canEditProviderTabs: z.boolean(),
  canRevealProtected: z.boolean(),
  canReviewAccessLog: z.boolean(),
});

export const PersonDetail = z.object({
  id: Id,
  identityNumber: z.string(),
  identityKind: z.enum(IDENTITY_KINDS),
  birthDate: IsoDate,
  sex: z.enum(SEXES),
  firstName: z.string().nullable().describe('Null while a protected identity is masked'),
  lastName: z.string().nullable(),
  protectedIdentity: z.boolean(),
  contactLanguage: z.string().nullable(),
  needsInterpreter: z.boolean(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  citizenship: z.string().nullable(),
  bornAbroad: z.boolean().nullable(),
  deceasedDate: IsoDate.nullable(),
  phone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  doorCode: z.string().nullable(),
  visitInfo: z.string().nullable(),
  importantInfo: z.string().nullable(),
  currentAddress: Address.nullable().describe('Null when none or while a protected identity is masked'),
  version: z.number().int(),
  permissions: PersonPermissions,
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const RegisterPersonRequest = z.object({
  identityNumber: z
    .string()
    .trim()
    .min(1, { error: 'Ange personnummer, samordningsnummer eller reservnummer.' })
    .max(20),
  firstName: requiredText(100),
  lastName: requiredText(100),
  protectedIdentity: z.boolean().default(false),
  address: NewAddress.omit({ validFrom: true }).extend({ validFrom: IsoDate.optional() }).optional(),
});
export type RegisterPersonRequest = z.input<typeof RegisterPersonRequest>;

export const RegisterPersonResponse = z.object({
  id: Id,
  alreadyRegistered: z.boolean().describe('The number was already registered: the person is now linked to your unit'),
});

export const UpdatePersonCore = z.object({
  version: Version,
  identityNumber: z.string().trim().min(1, { error: 'Obligatoriskt.' }).max(20),
  firstName: requiredText(100),
  lastName: requiredText(100),
  protectedIdentity: z.boolean(),
  contactLanguage: optionalText(60),
  needsInterpreter: z.boolean(),
  maritalStatus: z.enum(MARITAL_STATUSES, { error: 'Välj civilstånd i listan.' }).nullable(),
  citizenship: optionalText(60),
  bornAbroad: z.boolean().nullable(),
  deceasedDate: IsoDate.nullable(),
});
export type UpdatePersonCore = z.input<typeof UpdatePersonCore>;

export const UpdatePersonContact = z.object({
  version: Version,
  phone: optionalText(40),
  mobilePhone: optionalText(40),
  email: Email.nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null),
});
export type UpdatePersonContact = z.input<typeof UpdatePersonContact>;

export const UpdatePersonVisitInfo = z.object({
  version: Version,
  doorCode: optionalText(60),
  visitInfo: optionalText(4000),
});
export type UpdatePersonVisitInfo = z.input<typeof UpdatePersonVisitInfo>;

export const UpdatePersonImportantInfo = z.object({
  version: Version,
  importantInfo: optionalText(4000),
});
export type UpdatePersonImportantInfo = z.input<typeof UpdatePersonImportantInfo>;

export const RevealRequest = z.object({
  reason: requiredText(300).describe('Why the protected details are needed; kept in the audit log'),
});
export const RevealedIdentity = z.object({
  firstName: z.string(),
  lastName: z.string(),
  currentAddress: Address.nullable(),
});

export const AccessLogEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  userName: z.string(),
  positionTitle: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  /** What part was read or changed (a tab), when recorded. */
  section: z.string().nullable(),
  /** The reason given for showing a protected identity. */
  reason: z.string().nullable(),
});
export const AccessLog = z.object({ entries: z.array(AccessLogEntry) });
export type AccessLogEntryList = z.infer<typeof AccessLog>;
