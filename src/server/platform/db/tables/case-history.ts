/** Table types: what the case history keeps beyond the cases themselves (migration 0023). */
import type { Generated } from 'kysely';

/** Each change of a case's officer (handläggarbyte), append-only. */
export interface CaseOfficerChangeTable {
  municipality_id: string;
  id: Generated<string>;
  case_id: string;
  from_officer_id: string;
  to_officer_id: string;
  changed_at: Generated<Date>;
  changed_by_id: string | null;
}
