/** Table types: Messages and send lists. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './common.ts';

export interface SendListTable {
  municipality_id: string;
  id: Generated<string>;
  unit_id: string;
  name: string;
  purpose: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SendListMemberTable {
  municipality_id: string;
  send_list_id: string;
  user_id: string;
  added_at: CreatedAt;
}

export interface MessageTable {
  municipality_id: string;
  id: Generated<string>;
  kind: string;
  sender_id: string | null;
  sender_position_id: string | null;
  subject: string;
  body: string;
  person_id: string | null;
  assignment_id: string | null;
  addressed_to: string;
  created_at: CreatedAt;
}

export interface MessageRecipientTable {
  municipality_id: string;
  message_id: string;
  user_id: string;
  send_list_id: string | null;
  read_at: Date | null;
  archived_at: Date | null;
  /** Migration 0013: when the message reached the recipient; the inbox's order. */
  sent_at: ColumnType<Date, Date | string | undefined, never>;
}
