/**
 * Kysely's view of the tables. Kept by hand beside the migrations: a new column goes into both.
 * Only repositories use these row types; services and routes speak domain types.
 */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns are read as 'YYYY-MM-DD' strings (see database.ts). */
type DateString = string;

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface AuditEventTable {
  municipality_id: string;
  id: Generated<number>;
  occurred_at: CreatedAt;
  user_id: string | null;
  position_id: string | null;
  unit_id: string | null;
  person_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  client_address: string | null;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface UnitTable {
  municipality_id: string;
  id: Generated<string>;
  parent_id: string | null;
  kind: string;
  name: string;
  service_area: string;
  ownership: string | null;
  has_system_access: Generated<boolean>;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  municipality_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  last_sign_in_at: Date | null;
}

export interface LoginIdentityTable {
  issuer: string;
  subject: string;
  municipality_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface PositionTable {
  municipality_id: string;
  id: Generated<string>;
  user_id: string;
  unit_id: string;
  title: string;
  roles: string[];
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id: string;
  municipality_id: string;
  user_id: string;
  position_id: string | null;
  auth_method: string;
  identity_issuer: string;
  csrf_token: string;
  client_address: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  client_address: string | null;
  attempted_at: Generated<Date>;
  succeeded: boolean;
}

export interface PersonTable {
  municipality_id: string;
  id: Generated<string>;
  identity_number: string;
  identity_kind: string;
  birth_date: DateString;
  sex: string;
  first_name: string;
  last_name: string;
  protected_identity: Generated<boolean>;
  contact_language: string | null;
  needs_interpreter: Generated<boolean>;
  marital_status: string | null;
  citizenship: string | null;
  born_abroad: boolean | null;
  deceased_date: DateString | null;
  phone: string | null;
  mobile_phone: string | null;
  email: string | null;
  door_code: string | null;
  visit_info: string | null;
  important_info: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonAddressTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  street: string;
  care_of: string | null;
  postal_code: string;
  city: string;
  valid_from: DateString;
  created_at: CreatedAt;
}

interface PersonDetailRowBase {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonRelativeTable extends PersonDetailRowBase {
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  is_next_of_kin: Generated<boolean>;
  note: string | null;
}

export interface PersonReferencePersonTable extends PersonDetailRowBase {
  role: string;
  name: string;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

export interface PersonKeyTable extends PersonDetailRowBase {
  key_number: string;
  description: string | null;
}

export interface PersonUnitLinkTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  unit_id: string;
  source: string;
  source_id: string | null;
  valid_from: ColumnType<DateString, DateString | undefined, DateString>;
  valid_to: DateString | null;
  created_at: CreatedAt;
}

export interface DB {
  municipalities: MunicipalityTable;
  audit_events: AuditEventTable;
  units: UnitTable;
  users: UserTable;
  login_identities: LoginIdentityTable;
  positions: PositionTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  persons: PersonTable;
  person_addresses: PersonAddressTable;
  person_relatives: PersonRelativeTable;
  person_reference_persons: PersonReferencePersonTable;
  person_keys: PersonKeyTable;
  person_unit_links: PersonUnitLinkTable;
}
