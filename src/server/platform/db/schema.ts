/**
 * Kysely's view of the tables, kept by hand beside the migrations (a new column goes into both;
 * schema.test.ts fails until it does, ADR 0018). The row types live in tables/<area>.ts; only
 * repositories use them.
 */
import type {
  MunicipalityTable,
  AuditEventTable,
  UnitTable,
  UserTable,
  LoginIdentityTable,
  PositionTable,
  SessionTable,
  LoginAttemptTable,
} from './tables/platform.ts';
import type {
  PersonTable,
  PersonAddressTable,
  PersonRelativeTable,
  PersonReferencePersonTable,
  PersonKeyTable,
  PersonUnitLinkTable,
} from './tables/persons.ts';
import type {
  LegalBasisTable,
  InterventionTypeTable,
  NumberSeriesTable,
  CaseTable,
  DecisionTable,
  DecisionInterventionTable,
  AssignmentTable,
  AssignmentInterventionTable,
  AssignmentLifeAreaTable,
  AssignmentStateTable,
  AssignmentEventTable,
} from './tables/cases.ts';
import type { CaseOfficerChangeTable } from './tables/case-history.ts';
import type { SendListTable, SendListMemberTable, MessageTable, MessageRecipientTable } from './tables/messages.ts';
import type {
  DeliveryEventTable,
  DeliveryTable,
  InterruptionTable,
  MyPersonTable,
  ProviderCaseAcknowledgementTable,
  ProviderCaseTable,
  ProviderChangeTable,
} from './tables/provider.ts';
import type { ReadMeterTable } from './tables/read-meters.ts';
import type { WatchNotificationTable, WatchSettingTable } from './tables/watches.ts';
import type { PersonalWatchTable } from './tables/personal-watches.ts';
import type {
  IvoLateDetailTable,
  IvoPseudonymTable,
  IvoReportRowTable,
  IvoReportSettingTable,
  IvoReportTable,
} from './tables/ivo-reports.ts';

export type {
  MunicipalityTable,
  AuditEventTable,
  UnitTable,
  UserTable,
  LoginIdentityTable,
  PositionTable,
  SessionTable,
  LoginAttemptTable,
} from './tables/platform.ts';
export type {
  PersonTable,
  PersonAddressTable,
  PersonRelativeTable,
  PersonReferencePersonTable,
  PersonKeyTable,
  PersonUnitLinkTable,
} from './tables/persons.ts';
export type {
  LegalBasisTable,
  InterventionTypeTable,
  NumberSeriesTable,
  CaseTable,
  DecisionTable,
  DecisionInterventionTable,
  AssignmentTable,
  AssignmentInterventionTable,
  AssignmentLifeAreaTable,
  AssignmentStateTable,
  AssignmentEventTable,
} from './tables/cases.ts';
export type { CaseOfficerChangeTable } from './tables/case-history.ts';
export type { SendListTable, SendListMemberTable, MessageTable, MessageRecipientTable } from './tables/messages.ts';
export type {
  DeliveryEventTable,
  DeliveryTable,
  InterruptionTable,
  MyPersonTable,
  ProviderCaseAcknowledgementTable,
  ProviderCaseTable,
  ProviderChangeTable,
} from './tables/provider.ts';

export interface DB {
  municipalities: MunicipalityTable;
  audit_events: AuditEventTable;
  units: UnitTable;
  users: UserTable;
  login_identities: LoginIdentityTable;
  positions: PositionTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  persons: PersonTable;
  person_addresses: PersonAddressTable;
  person_relatives: PersonRelativeTable;
  person_reference_persons: PersonReferencePersonTable;
  person_keys: PersonKeyTable;
  person_unit_links: PersonUnitLinkTable;
  legal_bases: LegalBasisTable;
  intervention_types: InterventionTypeTable;
  number_series: NumberSeriesTable;
  cases: CaseTable;
  case_officer_changes: CaseOfficerChangeTable;
  decisions: DecisionTable;
  decision_interventions: DecisionInterventionTable;
  assignments: AssignmentTable;
  assignment_interventions: AssignmentInterventionTable;
  assignment_life_areas: AssignmentLifeAreaTable;
  assignment_states: AssignmentStateTable;
  assignment_events: AssignmentEventTable;
  send_lists: SendListTable;
  send_list_members: SendListMemberTable;
  messages: MessageTable;
  message_recipients: MessageRecipientTable;
  provider_cases: ProviderCaseTable;
  provider_case_acknowledgements: ProviderCaseAcknowledgementTable;
  deliveries: DeliveryTable;
  delivery_events: DeliveryEventTable;
  interruptions: InterruptionTable;
  my_persons: MyPersonTable;
  provider_changes: ProviderChangeTable;
  read_meters: ReadMeterTable;
  watch_settings: WatchSettingTable;
  watch_notifications: WatchNotificationTable;
  personal_watches: PersonalWatchTable;
  ivo_report_settings: IvoReportSettingTable;
  ivo_late_details: IvoLateDetailTable;
  ivo_pseudonyms: IvoPseudonymTable;
  ivo_reports: IvoReportTable;
  ivo_report_rows: IvoReportRowTable;
}
