/** Table types: Tenancy, organisation, sign-in and audit. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './common.ts';

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
  client_address: string;
  attempted_at: Generated<Date>;
  /** Null while the password is being checked (migration 0030). */
  succeeded: boolean | null;
}
