/** Table types: the statutory watches' settings and sent notifications (migration 0034). */
import type { Generated } from 'kysely';

export interface WatchSettingTable {
  municipality_id: string;
  reminder_months: Generated<number>;
  acknowledge_hours: Generated<number>;
  acknowledge_hours_alarm: Generated<number>;
  period_ending_days: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_id: string | null;
}

export interface WatchNotificationTable {
  municipality_id: string;
  rule: string;
  subject_id: string;
  step: string;
  person_id: string;
  notified_at: Generated<Date>;
}
