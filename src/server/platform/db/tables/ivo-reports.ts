/** Table types: the IVO report of decisions not delivered (migration 0036). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, UpdatedAt } from './common.ts';

export interface IvoReportSettingTable {
  municipality_id: string;
  board_name: Generated<string>;
  updated_at: UpdatedAt;
  updated_by_id: string | null;
}

export interface IvoLateDetailTable {
  municipality_id: string;
  subject_kind: string;
  subject_id: string;
  person_id: string;
  delay_reason: string | null;
  consequences: string | null;
  interim_support: string | null;
  /** [{ offeredOn, isDeclined, note }] */
  offers: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by_id: string;
}

export interface IvoPseudonymTable {
  municipality_id: string;
  person_id: string;
  birth_date: DateString;
  sex: string;
  serial: number;
  pseudonym: string;
  created_at: CreatedAt;
}

export interface IvoReportTable {
  municipality_id: string;
  id: Generated<string>;
  quarter: string;
  reference_date: DateString;
  board_name: string;
  reported_at: CreatedAt;
  reported_by_id: string;
  reported_by_name: string;
  position_id: string;
}

export interface IvoReportRowTable {
  municipality_id: string;
  report_id: string;
  subject_kind: string;
  subject_id: string;
  person_id: string;
  row_kind: string;
  snapshot: ColumnType<unknown, string, never>;
}
