/**
 * The closed lists the API's enums are made of and the web app shows: plain values with no schema
 * library, so the web bundle imports them without carrying zod. The contract (src/contract/)
 * builds its schemas from them and re-exports them.
 */

/** The IBIC life areas (DOMAIN.md §6), in the order they are printed. */
export const LIFE_AREAS = [
  'learning',
  'general_tasks',
  'communication',
  'mobility',
  'self_care',
  'domestic_life',
  'interpersonal',
  'major_life_areas',
  'community_life',
  'sense_of_security',
] as const;

export type LifeArea = (typeof LIFE_AREAS)[number];

/** The life areas' Swedish names, as the assignment document and the form show them. */
export const LIFE_AREA_NAMES: Record<LifeArea, string> = {
  learning: 'Lärande och att tillämpa kunskap',
  general_tasks: 'Allmänna uppgifter och krav',
  communication: 'Kommunikation',
  mobility: 'Förflyttning',
  self_care: 'Personlig vård',
  domestic_life: 'Hemliv',
  interpersonal: 'Mellanmänskliga interaktioner och relationer',
  major_life_areas: 'Utbildning, arbete, sysselsättning och ekonomiskt liv',
  community_life: 'Samhällsgemenskap, socialt och medborgerligt liv',
  sense_of_security: 'Känsla av trygghet',
};

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** How a sent assignment reached the provider: in Vardag, or outside it (a provider without system access) by secure mail or by post. */
export const SENT_VIA = ['system', 'secure_mail', 'post'] as const;
export type SentVia = (typeof SENT_VIA)[number];
/** The ways outside Vardag that an officer records (Registrera som skickat). */
export const SENT_OUTSIDE_VIA = ['secure_mail', 'post'] as const satisfies readonly SentVia[];
export type SentOutsideVia = (typeof SENT_OUTSIDE_VIA)[number];

/** What happens to a sent assignment; withdrawn: the authority took it back from Nya uppdrag when its decision ended. */
export const ASSIGNMENT_EVENTS = [
  'sent',
  'sent_outside',
  'accepted',
  'stopped',
  'acknowledged',
  'replaced',
  'withdrawn',
] as const;

/** Reasons for ending (avslutsorsaker) offered in the forms; any other text may be written instead. */
export const END_REASONS = [
  'Behovet upphört',
  'Avliden',
  'Flyttat från kommunen',
  'Flyttat till särskilt boende',
  'Nytt beslut ersätter',
  'Tackat nej till insatsen',
  'Annan orsak',
] as const;

/**
 * The end reasons (avslutsorsak) the form offers; "Annan orsak" opens a free text. The server
 * takes any text: an older row may carry a reason no longer on the list.
 */
export const DELIVERY_END_REASONS = [
  'Insatsen upphör enligt beslut',
  'Brukaren avböjer insatsen',
  'Flyttat till särskilt boende',
  'Flyttat från kommunen',
  'Avliden',
  'Felregistrerad rad',
] as const;

/** How a granted scope is measured; the web's labels are tim/månad, ggr/dygn … (i18n/labels.ts). */
export const SCOPE_UNITS = [
  'hours_per_month',
  'hours_per_week',
  'times_per_day',
  'times_per_week',
  'times_per_month',
  'days_per_month',
  'nights_per_month',
  'none',
] as const;

export type ScopeUnit = (typeof SCOPE_UNITS)[number];

export const NOT_CURRENT_DEFAULT_DAYS = 30;

/** The statutory watches (domain/deadline-rules.ts; issue 16). */
export const WATCH_RULES = [
  'undelivered_decision',
  'interrupted_delivery',
  'unacknowledged_assignment',
  'start_not_registered',
  'short_term_stay_without_place',
  'decision_period_ending',
] as const;

export type WatchRule = (typeof WATCH_RULES)[number];

/** approaching: reminded, deadline ahead; due: today, or simply waiting; overdue: the time has passed. */
export const WATCH_STATES = ['approaching', 'due', 'overdue'] as const;
