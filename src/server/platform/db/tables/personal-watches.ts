/** Table types: personal watches (bevakningar, migration 0035). */
import type { Generated } from 'kysely';
import type { CreatedAt, DateString } from './common.ts';

export interface PersonalWatchTable {
  municipality_id: string;
  id: Generated<string>;
  user_id: string;
  person_id: string;
  record_kind: string | null;
  record_id: string | null;
  due_on: DateString;
  note: string;
  created_at: CreatedAt;
  done_at: Date | null;
  done_by_id: string | null;
}
