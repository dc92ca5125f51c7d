/**
 * Swedish names for the codes the API uses. Identifiers stay English (docs/glossary.md); this is
 * the one place they turn Swedish. Each map is typed over its code list, so a new code that lacks
 * a label fails the type check.
 */
import type { Role } from '../../domain/roles.ts';
import type { Ownership, ServiceAreaCode, UnitKind } from '../../domain/organisation.ts';
import type { IDENTITY_KINDS, MARITAL_STATUSES, SEXES } from '../../contract/persons.ts';
import type { ScopeUnit } from '../../contract/catalogues.ts';
import type { DeliveryDays, DeliveryEventKind, DeliveryStatus, FrequencyUnit } from '../../contract/deliveries.ts';
import type { WatchRule, WATCH_STATES } from '../../domain/vocabulary.ts';

export const ROLE_LABELS: Record<Role, string> = {
  case_officer: 'Biståndshandläggare/handläggare',
  authority_manager: 'Enhetschef myndighet',
  operations_manager: 'Verksamhetschef',
  unit_manager: 'Enhetschef/gruppchef',
  coordinator: 'Samordnare',
  care_staff: 'Omvårdnadspersonal',
  licensed_staff: 'Legitimerad personal',
  alarm_manager: 'Larmansvarig',
  administrator: 'Administratör',
};

/** Short codes as staff say them, and the full names. */
export const SERVICE_AREA_SHORT: Record<ServiceAreaCode, string> = { AO: 'ÄO', FH: 'FH', LSS: 'LSS', IFO: 'IFO' };
export const SERVICE_AREA_LABELS: Record<ServiceAreaCode, string> = {
  AO: 'Äldreomsorg',
  FH: 'Funktionshinder (SoL)',
  LSS: 'LSS – stöd och service till vissa funktionshindrade',
  IFO: 'Individ- och familjeomsorg',
};

/** "ÄO – Äldreomsorg" for a list of areas; "LSS – stöd och service…" says its code once. */
export function serviceAreaOptionLabel(area: ServiceAreaCode): string {
  const [short, label] = [SERVICE_AREA_SHORT[area], SERVICE_AREA_LABELS[area]];
  return label.startsWith(`${short} `) ? label : `${short} – ${label}`;
}

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  service_area: 'Verksamhetsområde',
  authority_unit: 'Myndighetsenhet',
  provider: 'Utförare',
  provider_unit: 'Utförarenhet',
  residential_unit: 'Boendeenhet',
  department: 'Avdelning',
};

export const OWNERSHIP_LABELS: Record<Ownership, string> = { municipal: 'Egen regi', private: 'Enskild regi' };

/** How a granted scope is measured, as decisions and assignments write it: "20 tim/månad". */
export const SCOPE_UNIT_LABELS: Record<ScopeUnit, string> = {
  hours_per_month: 'tim/månad',
  hours_per_week: 'tim/vecka',
  times_per_day: 'ggr/dygn',
  times_per_week: 'ggr/vecka',
  times_per_month: 'ggr/månad',
  days_per_month: 'dygn/månad',
  nights_per_month: 'nätter/månad',
  none: 'ingen omfattning',
};

/** The Swedish label for a scope unit; an unknown code is shown as it is. */
export function scopeUnitLabel(unit: string): string {
  return SCOPE_UNIT_LABELS[unit as ScopeUnit] ?? unit;
}

export const MARITAL_STATUS_LABELS: Record<(typeof MARITAL_STATUSES)[number], string> = {
  unmarried: 'Ogift',
  married: 'Gift',
  registered_partner: 'Registrerad partner',
  divorced: 'Skild',
  widowed: 'Änka/änkling',
  cohabiting: 'Sambo',
};

export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { male: 'Man', female: 'Kvinna' };

export const IDENTITY_KIND_LABELS: Record<(typeof IDENTITY_KINDS)[number], string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  interim: 'Tillfälligt nummer',
  reserve: 'Reservnummer',
};

/** Audit actions as the access log shows them; unknown ones fall back to the code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'person.read': 'Läste uppgifter',
  'person.search_hit': 'Sökträff',
  'person.update': 'Ändrade uppgifter',
  'person.create': 'Registrerade personen',
  'person.link': 'Kopplade personen till enhet',
  'person.reveal_protected': 'Visade skyddade uppgifter',
  'person.read_access_log': 'Läste loggen',
  'person.create_detail': 'Lade till uppgift',
  'person.update_detail': 'Ändrade uppgift',
  'person.delete_detail': 'Tog bort uppgift',
  'case.list': 'Läste ärendelistan',
  'case.read': 'Läste ärende',
  'case.open': 'Öppnade ärende',
  'case.change_officer': 'Bytte handläggare',
  'case.close': 'Avslutade ärende',
  'decision.record': 'Registrerade beslut',
  'decision.end': 'Avslutade beslut',
  'assignment.create': 'Skrev uppdrag',
  'assignment.update': 'Ändrade utkast till uppdrag',
  'assignment.delete': 'Tog bort utkast till uppdrag',
  'assignment.send': 'Skickade uppdrag',
  'assignment.record_sent_outside': 'Registrerade uppdrag som skickat med säker e-post',
  'assignment.stop': 'Stoppade uppdrag',
  'assignment.distribute': 'Accepterade och fördelade uppdrag',
  'delivery.update': 'Registrerade verkställighet',
  'delivery.send_to_delivery': 'Skickade till genomförande',
  'delivery.start': 'Registrerade verkställighetsdatum',
  'provider_case.acknowledge': 'Kvitterade uppdrag',
};

export function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join(', ');
}

/** A label map as select options, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** Delivery rows (verkställighet), as the provider manual names them. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  under_distribution: 'Under fördelning',
  sent_to_delivery: 'Skickad till genomförande',
  withdrawn: 'Återkallad',
  ended: 'Avslutad',
};

/** Utförs. */
export const DELIVERY_DAYS_LABELS: Record<DeliveryDays, string> = {
  whole_week: 'Hela veckan',
  weekdays: 'Vardagar',
  weekends: 'Helger',
};

/** The unit of Tid/Frekv. */
export const FREQUENCY_UNIT_LABELS: Record<FrequencyUnit, string> = {
  times_per_day: 'ggr/dygn',
  times_per_week: 'ggr/vecka',
  times_per_month: 'ggr/månad',
  hours_per_week: 'tim/vecka',
  hours_per_month: 'tim/månad',
};

export const DELIVERY_EVENT_LABELS: Record<DeliveryEventKind, string> = {
  registered: 'Registrerad',
  changed: 'Ändrad',
  sent_to_delivery: 'Skickad till genomförande',
  started: 'Verkställighet påbörjad',
  withdrawn: 'Återkallad',
  ended: 'Avslutad',
  corrected: 'Rättad',
  moved_to_provider: 'Flyttad till annan utförare',
};

/** Tidsfrister: the statutory watches' rules, as the page's section headings name them. */
export const WATCH_RULE_LABELS: Record<WatchRule, string> = {
  undelivered_decision: 'Ej verkställda beslut (tre månader)',
  interrupted_delivery: 'Avbrott som inte återupptagits',
  unacknowledged_assignment: 'Uppdrag som inte tagits emot',
  start_not_registered: 'Verkställighetsdatum inte registrerat',
  short_term_stay_without_place: 'Korttidsvistelse utan plats',
  decision_period_ending: 'Beslut som snart löper ut (ny bedömning)',
};

/** A watch's state in words (never colour alone); an assignment within its time is "Väntar", not "Idag". */
export const WATCH_STATE_LABELS: Record<(typeof WATCH_STATES)[number], string> = {
  approaching: 'Närmar sig',
  due: 'Idag',
  overdue: 'Passerad',
};

/** The steps a watch has reached, each sent once as a message. */
export const WATCH_STEP_LABELS: Record<string, string> = {
  reminder: 'Påmind',
  reportable: 'Ska rapporteras till IVO',
  manager: 'Chef påmind',
  officer: 'Handläggare påmind',
};
