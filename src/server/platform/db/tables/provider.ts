/** Table types: the provider side — provider cases and their acknowledgements, delivery rows and their history, interruptions, my persons, provider changes. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, UpdatedAt } from './common.ts';

/** numeric columns come back from pg as strings; repositories convert. */
type Numeric = ColumnType<string | null, number | string | null, number | string | null>;

export interface ProviderCaseTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  provider_unit_id: string;
  opened_on: DateString;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  waiting_again_since: Date | null;
  closed_on: DateString | null;
  closed_by_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProviderCaseAcknowledgementTable {
  municipality_id: string;
  provider_case_id: string;
  assignment_id: string;
  acknowledged_at: Date;
  acknowledged_by_id: string;
}

export interface DeliveryTable {
  municipality_id: string;
  id: Generated<string>;
  assignment_id: string;
  assignment_intervention_id: string;
  decision_id: string;
  person_id: string;
  provider_unit_id: string;
  provider_case_id: string | null;
  status: string;
  label: string | null;
  form_of_delivery: string | null;
  resource: string | null;
  resource_use: string | null;
  watch_date: DateString | null;
  period_from: DateString;
  period_to: DateString | null;
  hours_per_visit: Numeric;
  extra_hours_two_staff: Numeric;
  days: string | null;
  frequency: Numeric;
  frequency_unit: string | null;
  started_on: DateString | null;
  end_reason: string | null;
  continues_delivery_id: string | null;
  sent_to_delivery_at: Date | null;
  sent_to_delivery_by_id: string | null;
  created_by_id: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DeliveryEventTable {
  municipality_id: string;
  id: Generated<number>;
  delivery_id: string;
  event: string;
  occurred_at: CreatedAt;
  actor_id: string | null;
  snapshot: ColumnType<unknown, string, never>;
  note: string | null;
}

export interface InterruptionTable {
  municipality_id: string;
  id: Generated<string>;
  delivery_id: string;
  from_date: DateString;
  to_date: DateString | null;
  reason: string;
  created_by_id: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MyPersonTable {
  municipality_id: string;
  user_id: string;
  person_id: string;
  added_at: CreatedAt;
}

export interface ProviderChangeTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  from_assignment_id: string;
  to_assignment_id: string;
  from_provider_unit_id: string;
  to_provider_unit_id: string;
  change_date: DateString;
  delivery_ids: string[];
  status: string;
  requested_by_id: string;
  decided_by_id: string | null;
  decided_at: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
}
