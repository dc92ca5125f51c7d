/** Table types: Catalogues, cases, decisions and assignments. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, UpdatedAt } from './common.ts';

export interface LegalBasisTable {
  municipality_id: string;
  id: Generated<string>;
  code: string;
  description: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  /** AO, FH, LSS, IFO: the areas whose decisions may rest on it (0025). */
  service_areas: string[];
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InterventionTypeTable {
  municipality_id: string;
  id: Generated<string>;
  service_area: string;
  name: string;
  key_code: string | null;
  default_legal_basis_id: string | null;
  scope_unit: string;
  is_care_plan_exempt: Generated<boolean>;
  is_personal_alarm: Generated<boolean>;
  is_short_term_stay: Generated<boolean>;
  national_statistics_code: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NumberSeriesTable {
  municipality_id: string;
  series: string;
  year: number;
  last_value: Generated<number>;
}

export interface CaseTable {
  municipality_id: string;
  id: Generated<string>;
  person_id: string;
  service_area: string;
  authority_unit_id: string;
  case_officer_id: string;
  case_number: string;
  opened_on: DateString;
  closed_on: DateString | null;
  end_reason: string | null;
  /** Migration 0011. */
  closed_by_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DecisionTable {
  municipality_id: string;
  id: Generated<string>;
  case_id: string;
  decision_number: string;
  outcome: string;
  legal_basis_id: string;
  decision_date: DateString;
  period_from: DateString;
  period_to: DateString | null;
  justification: string | null;
  decided_by_id: string;
  ended_on: DateString | null;
  end_reason: string | null;
  /** Migration 0011. */
  ended_by_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DecisionInterventionTable {
  municipality_id: string;
  id: Generated<string>;
  decision_id: string;
  intervention_type_id: string;
  /** numeric comes back as a string from pg; repositories convert. */
  granted_amount: ColumnType<string | null, number | string | null, never>;
  scope_unit: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface AssignmentTable {
  municipality_id: string;
  id: Generated<string>;
  assignment_number: string;
  case_id: string;
  decision_id: string;
  person_id: string;
  provider_id: string;
  replaces_assignment_id: string | null;
  instructions: string | null;
  is_new_client: Generated<boolean>;
  handover_by: string | null;
  handover_at: Date | null;
  total_granted_minutes: Generated<number>;
  total_staff_minutes: Generated<number>;
  created_by_id: string;
  sent_at: Date | null;
  sent_by_id: string | null;
  sent_via: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssignmentInterventionTable {
  municipality_id: string;
  id: Generated<string>;
  assignment_id: string;
  decision_intervention_id: string;
  intervention_type_id: string;
  granted_amount: ColumnType<string | null, number | string | null, number | string | null>;
  scope_unit: string;
  minutes_per_occasion: ColumnType<string | null, number | string | null, number | string | null>;
  planned_days: Generated<string[]>;
  planned_times: string | null;
  is_two_staff: Generated<boolean>;
  note: string | null;
}

export interface AssignmentLifeAreaTable {
  municipality_id: string;
  id: Generated<string>;
  assignment_id: string;
  life_area: string;
  need: string | null;
  goal: string | null;
}

export interface AssignmentStateTable {
  municipality_id: string;
  assignment_id: string;
  /** Copied from the sent assignment by a trigger (migration 0012); whatever is given is replaced. */
  provider_id: ColumnType<string, string | undefined, string | undefined>;
  /** Copied from the sent assignment by a trigger (migration 0012). */
  sent_at: ColumnType<Date, Date | undefined, Date | undefined>;
  status: string;
  changed_at: Generated<Date>;
  changed_by_id: string | null;
  message: string | null;
  version: Generated<number>;
}

export interface AssignmentEventTable {
  municipality_id: string;
  id: Generated<number>;
  assignment_id: string;
  event: string;
  occurred_at: CreatedAt;
  actor_id: string | null;
  message: string | null;
}
