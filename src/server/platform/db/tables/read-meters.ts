/** Table types: the read limits' counters (migration 0032, written only by read_meter_charge). */
import type { ReadBudget } from '../../rate-limit/read-limits.ts';

export interface ReadMeterTable {
  municipality_id: string;
  user_id: string;
  /** Empty for the user's long window over all their sessions. */
  session_id: string;
  budget: ReadBudget;
  window_started_at: Date;
  used: number;
  refused: number;
}
