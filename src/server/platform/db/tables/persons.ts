/** Table types: Persons and the details kept on them. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, UpdatedAt } from './common.ts';

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
