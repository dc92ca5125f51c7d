/**
 * The facts each rule judges, read for a scope: a case officer's cases, an authority manager's
 * units, a provider manager's units, or (for the checks) the whole municipality. The SQL only
 * narrows to candidates; the rules in domain/deadline-rules.ts decide. Every scope but the
 * municipality's also keeps to the persons the position may see.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import { isAssignmentReadable, type AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { addDays, addMonths } from '../../../domain/periods.ts';
import type {
  InterruptionFacts,
  ShortTermStayFacts,
  UnacknowledgedFacts,
  UndeliveredFacts,
} from '../../../domain/deadline-rules.ts';

export type WatchScope =
  | { kind: 'municipality' }
  | { kind: 'officer'; userId: string; personScopeUnitIds: readonly string[] }
  | { kind: 'authority_units'; unitIds: readonly string[]; personScopeUnitIds: readonly string[] }
  | {
      kind: 'provider';
      /** Need to know for assignments (platform/access/assignment-scope.ts): what the manager reads. */
      assignments: AssignmentReadScope;
      /** The units whose rows the manager works (desk policy providerCaseUnitIds). */
      unitIds: readonly string[];
      personScopeUnitIds: readonly string[];
    };

/** What every item shows: whose, which case and decision, which provider. */
export interface ItemContext {
  subjectId: string;
  person: { id: string; identityNumber: string; firstName: string; lastName: string; protectedIdentity: boolean };
  caseId: string;
  caseNumber: string;
  caseOfficerId: string;
  decisionId: string;
  decisionNumber: string;
  interventionName: string;
  provider: { id: string; name: string } | null;
  assignment: { id: string; number: string } | null;
}

interface ContextRow {
  subject_id: string;
  person_id: string;
  identity_number: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
  case_id: string;
  case_number: string;
  case_officer_id: string;
  decision_id: string;
  decision_number: string;
  intervention_name: string;
  provider_id: string | null;
  provider_name: string | null;
  assignment_id: string | null;
  assignment_number: string | null;
}

const CONTEXT_COLUMNS = sql`p.id as person_id, p.identity_number, p.first_name, p.last_name, p.protected_identity,
  c.id as case_id, c.case_number, c.case_officer_id, d.id as decision_id, d.decision_number`;

function contextOf(row: ContextRow): ItemContext {
  return {
    subjectId: row.subject_id,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
    },
    caseId: row.case_id,
    caseNumber: row.case_number,
    caseOfficerId: row.case_officer_id,
    decisionId: row.decision_id,
    decisionNumber: row.decision_number,
    interventionName: row.intervention_name,
    provider: row.provider_id === null ? null : { id: row.provider_id, name: row.provider_name ?? '' },
    assignment: row.assignment_id === null ? null : { id: row.assignment_id, number: row.assignment_number ?? '' },
  };
}

const TRUE = sql<SqlBool>`true`;

/**
 * Runs a query as a walk along indexes from a small start, the joins in the order written and as
 * nested loops. These queries join up to ten tables: left to itself the planner spent 30 ms
 * choosing an order for 5 ms of work, and from an officer's 400 cases it hashed all 40,000
 * decisions rather than look up the 250 it needed. Transaction-local, and put back after.
 */
async function inWrittenOrder<T>(trx: Trx, run: () => Promise<T>): Promise<T> {
  const settings = ['join_collapse_limit', 'from_collapse_limit', 'enable_hashjoin', 'enable_mergejoin'];
  const walk = ['1', '1', 'off', 'off'];
  const { rows } = await sql<{ before: string[] }>`
    select array[${sql.join(settings.map((name) => sql`current_setting(${name})`))}] as before,
           ${sql.join(settings.map((name, i) => sql`set_config(${name}, ${walk[i]}, true)`))}`.execute(trx);
  try {
    return await run();
  } finally {
    const before = rows[0]!.before;
    await sql`select ${sql.join(settings.map((name, i) => sql`set_config(${name}, ${before[i]}, true)`))}`.execute(trx);
  }
}

/** The officer's and the authority's scopes start from their cases; the others choose their own order. */
const startsFromCases = (scope: WatchScope) => scope.kind === 'officer' || scope.kind === 'authority_units';

/**
 * The scope as SQL over the case (alias c); at a provider, over what the rule's item is there: an
 * assignment the manager reads (`{ assignment: alias }`) or a delivery row at their units
 * (`{ unitColumn }`). Items with neither are the authority's alone.
 */
function inScope(
  scope: WatchScope,
  atProvider: { assignment: string } | { unitColumn: string } | null,
): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'municipality':
      return TRUE;
    // Open cases only: closing a case ends its decisions, and the partial indexes hold open cases.
    case 'officer':
      return sql<SqlBool>`(c.case_officer_id = ${scope.userId} and c.closed_on is null and ${isPersonInScope('c.person_id', scope.personScopeUnitIds)})`;
    case 'authority_units':
      return sql<SqlBool>`(c.authority_unit_id = any(${[...scope.unitIds]}::uuid[]) and c.closed_on is null and ${isPersonInScope('c.person_id', scope.personScopeUnitIds)})`;
    case 'provider':
      if (atProvider === null) return sql<SqlBool>`false`;
      if ('assignment' in atProvider) return isAssignmentReadable(atProvider.assignment, scope.assignments);
      if (scope.unitIds.length === 0) return sql<SqlBool>`false`;
      return sql<SqlBool>`(${sql.ref(atProvider.unitColumn)} = any(${[...scope.unitIds]}::uuid[]) and ${isPersonInScope('c.person_id', scope.personScopeUnitIds)})`;
  }
}

/** From a delivery row (alias dl) to its assignment, intervention, decision, case, person and unit. */
const OF_ROW = sql`join assignments a on a.municipality_id = dl.municipality_id and a.id = dl.assignment_id
      join assignment_interventions ai on ai.municipality_id = dl.municipality_id and ai.id = dl.assignment_intervention_id
      join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
      join decisions d on d.municipality_id = dl.municipality_id and d.id = dl.decision_id
      join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      join persons p on p.municipality_id = c.municipality_id and p.id = c.person_id
      join units u on u.municipality_id = dl.municipality_id and u.id = dl.provider_unit_id`;

/**
 * At a provider, the granted interventions worth judging, found from the small sets the indexes
 * reach — rows at the manager's units with no start, and assignments still new at their providers
 * — rather than from every granted intervention of the municipality; need to know (inScope) then
 * decides. A provider's intervention not delivered is one of these: a row started would deliver it.
 */
function providerCandidates(scope: WatchScope, decidedBy?: string): RawBuilder<SqlBool> {
  if (scope.kind !== 'provider') return TRUE;
  const { managedUnitIds, distributorProviderIds } = scope.assignments;
  // Only decisions old enough for the rule: a provider's queue of new assignments is mostly young.
  const oldEnough = decidedBy
    ? sql`join assignments a4 on a4.municipality_id = s3.municipality_id and a4.id = s3.assignment_id
        join decisions d4 on d4.municipality_id = a4.municipality_id and d4.id = a4.decision_id and d4.decision_date <= ${decidedBy}`
    : sql``;
  return sql<SqlBool>`di.id in (
      select ai2.decision_intervention_id from deliveries d2
        join assignment_interventions ai2 on ai2.municipality_id = d2.municipality_id and ai2.id = d2.assignment_intervention_id
       where d2.provider_unit_id = any(${[...managedUnitIds]}::uuid[]) and d2.started_on is null
      union
      select ai3.decision_intervention_id from assignment_states s3
        ${oldEnough}
        join assignment_interventions ai3 on ai3.municipality_id = s3.municipality_id and ai3.assignment_id = s3.assignment_id
       where s3.status = 'new' and s3.provider_id = any(${[...distributorProviderIds]}::uuid[]))`;
}

/**
 * The latest sent assignment carrying a granted intervention, and its provider; its columns keep
 * the assignments table's names, so the need-to-know SQL can read it as `la`.
 */
const LATEST_ASSIGNMENT = sql`left join lateral (
    select a.municipality_id, a.id, a.person_id, a.case_id, a.sent_at, a.provider_id,
           a.id as assignment_id, a.assignment_number, pu.name as provider_name
      from assignment_interventions ai
      join assignments a on a.municipality_id = ai.municipality_id and a.id = ai.assignment_id
      join units pu on pu.municipality_id = a.municipality_id and pu.id = a.provider_id
     where ai.municipality_id = di.municipality_id and ai.decision_intervention_id = di.id and a.sent_at is not null
     order by a.sent_at desc limit 1) la on true`;

/** Some row carrying the granted intervention has a delivery start: it is delivered. */
const IS_DELIVERED = sql<SqlBool>`exists (select 1
      from assignment_interventions ai
      join deliveries dl on dl.municipality_id = ai.municipality_id and dl.assignment_intervention_id = ai.id
     where ai.municipality_id = di.municipality_id and ai.decision_intervention_id = di.id and dl.started_on is not null)`;

export interface UndeliveredFactRow extends ItemContext {
  decisionDate: string;
  deliveredOn: string | null;
  endedOn: string | null;
}

/**
 * Granted interventions with no delivery start, whose decision is old enough for the earliest
 * reminder and has not ended before today.
 */
/**
 * The latest first day (decision or interruption) that can have reached the earliest reminder by
 * today, with a few days' margin: month-end clamping leaves the exact day to the rule.
 */
function oldEnoughBy(today: string, reminderMonths: number): string {
  return addDays(addMonths(today, -reminderMonths), 3);
}

/** Ongoing today, old enough for the earliest reminder, at a row in scope (alias i, dl, c). */
function interruptionWhere(scope: WatchScope, today: string, reminderMonths: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`i.from_date <= ${oldEnoughBy(today, reminderMonths)}
       and (i.to_date is null or i.to_date >= ${today})
       and ${inScope(scope, { unitColumn: 'dl.provider_unit_id' })}`;
}

/** A short-term stay granted, still running, not begun at a place, in scope (alias it, d, di, la). */
function shortTermWhere(scope: WatchScope, today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`it.is_short_term_stay and d.outcome = 'granted'
       and (d.ended_on is null or d.ended_on >= ${today})
       and (d.period_to is null or d.period_to >= ${today})
       and ${providerCandidates(scope)}
       and not ${IS_DELIVERED}
       and ${inScope(scope, { assignment: 'la' })}`;
}

/** Granted, old enough for the earliest reminder, not ended before today, not delivered, in scope. */
function undeliveredWhere(scope: WatchScope, today: string, reminderMonths: number): RawBuilder<SqlBool> {
  const decidedBy = oldEnoughBy(today, reminderMonths);
  return sql<SqlBool>`d.outcome = 'granted'
       and d.decision_date <= ${decidedBy}
       and (d.ended_on is null or d.ended_on >= ${today})
       and ${providerCandidates(scope, decidedBy)}
       and not ${IS_DELIVERED}
       and ${inScope(scope, { assignment: 'la' })}`;
}

/** The provider's assignment is needed to judge need to know at a provider; elsewhere only to show. */
const UNDELIVERED_FROM = sql`from cases c
      join decisions d on d.municipality_id = c.municipality_id and d.case_id = c.id
      join decision_interventions di on di.municipality_id = d.municipality_id and di.decision_id = d.id`;

/**
 * Granted interventions with no delivery start, whose decision is old enough for the earliest
 * reminder and has not ended before today.
 */
export async function loadUndelivered(
  trx: Trx,
  scope: WatchScope,
  today: string,
  reminderMonths: number,
): Promise<UndeliveredFactRow[]> {
  const query = sql<ContextRow & { decision_date: string; ended_on: string | null }>`
    select di.id as subject_id, ${CONTEXT_COLUMNS}, it.name as intervention_name,
           la.provider_id, la.provider_name, la.assignment_id, la.assignment_number,
           d.decision_date, d.ended_on
      ${UNDELIVERED_FROM}
      join persons p on p.municipality_id = c.municipality_id and p.id = c.person_id
      join intervention_types it on it.municipality_id = di.municipality_id and it.id = di.intervention_type_id
      ${LATEST_ASSIGNMENT}
     where ${undeliveredWhere(scope, today, reminderMonths)}`;
  const { rows } = startsFromCases(scope)
    ? await inWrittenOrder(trx, () => query.execute(trx))
    : await query.execute(trx);
  return rows.map((row) => ({
    ...contextOf(row),
    decisionDate: row.decision_date,
    deliveredOn: null,
    endedOn: row.ended_on,
  }));
}

/** The same items with only what the rule judges, for the desk's counter: no names, fewer joins. */
export async function loadUndeliveredFacts(
  trx: Trx,
  scope: WatchScope,
  today: string,
  reminderMonths: number,
): Promise<UndeliveredFacts[]> {
  const query = sql<{ decision_date: string; ended_on: string | null }>`
    select d.decision_date, d.ended_on
      ${UNDELIVERED_FROM}
      ${scope.kind === 'provider' ? LATEST_ASSIGNMENT : sql``}
     where ${undeliveredWhere(scope, today, reminderMonths)}`;
  const { rows } = startsFromCases(scope)
    ? await inWrittenOrder(trx, () => query.execute(trx))
    : await query.execute(trx);
  return rows.map((row) => ({ decisionDate: row.decision_date, deliveredOn: null, endedOn: row.ended_on }));
}

export interface InterruptionFactRow extends ItemContext {
  fromDate: string;
  toDate: string | null;
  deliveryEndedOn: string | null;
  unitName: string;
}

/** Interruptions ongoing today whose first day is old enough for the earliest reminder. */
export async function loadInterruptions(
  trx: Trx,
  scope: WatchScope,
  today: string,
  reminderMonths: number,
): Promise<InterruptionFactRow[]> {
  const { rows } = await inWrittenOrder(trx, () =>
    sql<
      ContextRow & { from_date: string; to_date: string | null; delivery_ended_on: string | null; unit_name: string }
    >`
    select i.id as subject_id, ${CONTEXT_COLUMNS}, it.name as intervention_name,
           dl.provider_unit_id as provider_id, u.name as provider_name, a.id as assignment_id, a.assignment_number,
           i.from_date, i.to_date, u.name as unit_name,
           case when dl.status in ('ended', 'withdrawn') then dl.period_to end as delivery_ended_on
      from interruptions i
      join deliveries dl on dl.municipality_id = i.municipality_id and dl.id = i.delivery_id
      ${OF_ROW}
     where ${interruptionWhere(scope, today, reminderMonths)}`.execute(trx),
  );
  return rows.map((row) => ({
    ...contextOf(row),
    fromDate: row.from_date,
    toDate: row.to_date,
    deliveryEndedOn: row.delivery_ended_on,
    unitName: row.unit_name,
  }));
}

/** The same interruptions with only what the rule judges, for the desk's counter. */
export async function loadInterruptionFacts(
  trx: Trx,
  scope: WatchScope,
  today: string,
  reminderMonths: number,
): Promise<InterruptionFacts[]> {
  const { rows } = await inWrittenOrder(trx, () =>
    sql<{ from_date: string; to_date: string | null; delivery_ended_on: string | null }>`
    select i.from_date, i.to_date, case when dl.status in ('ended', 'withdrawn') then dl.period_to end as delivery_ended_on
      from interruptions i
      join deliveries dl on dl.municipality_id = i.municipality_id and dl.id = i.delivery_id
      join decisions d on d.municipality_id = dl.municipality_id and d.id = dl.decision_id
      join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
     where ${interruptionWhere(scope, today, reminderMonths)}`.execute(trx),
  );
  return rows.map((row) => ({ fromDate: row.from_date, toDate: row.to_date, deliveryEndedOn: row.delivery_ended_on }));
}

export interface UnacknowledgedFactRow extends ItemContext {
  sentAt: string;
  sentById: string;
  hasPersonalAlarm: boolean;
}

/** Still new, and at a provider among those whose Nya uppdrag the manager works, then need to know. */
function unacknowledgedWhere(scope: WatchScope): RawBuilder<SqlBool> {
  // Still new, so not distributed: at a provider, need to know is being among its distributors.
  if (scope.kind === 'provider')
    return sql<SqlBool>`s.status = 'new' and s.provider_id = any(${[...scope.assignments.distributorProviderIds]}::uuid[])`;
  return sql<SqlBool>`s.status = 'new' and ${inScope(scope, { assignment: 'a' })}`;
}

const HAS_PERSONAL_ALARM = sql<boolean>`exists (select 1 from assignment_interventions ai
                    join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
                   where ai.municipality_id = a.municipality_id and ai.assignment_id = a.id and it.is_personal_alarm)`;

/** Assignments sent in Vardag that nobody at the provider has accepted or stopped yet. */
export async function loadUnacknowledged(trx: Trx, scope: WatchScope): Promise<UnacknowledgedFactRow[]> {
  const { rows } = await sql<ContextRow & { sent_at: Date; sent_by_id: string; has_personal_alarm: boolean }>`
    select a.id as subject_id, ${CONTEXT_COLUMNS},
           (select string_agg(it.name, ', ' order by it.name)
              from assignment_interventions ai
              join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
             where ai.municipality_id = a.municipality_id and ai.assignment_id = a.id) as intervention_name,
           a.provider_id, pu.name as provider_name, a.id as assignment_id, a.assignment_number,
           a.sent_at, a.sent_by_id,
           ${HAS_PERSONAL_ALARM} as has_personal_alarm
      from assignment_states s
      join assignments a on a.municipality_id = s.municipality_id and a.id = s.assignment_id
      join units pu on pu.municipality_id = a.municipality_id and pu.id = a.provider_id
      join decisions d on d.municipality_id = a.municipality_id and d.id = a.decision_id
      join cases c on c.municipality_id = a.municipality_id and c.id = a.case_id
      join persons p on p.municipality_id = a.municipality_id and p.id = a.person_id
     where ${unacknowledgedWhere(scope)}`.execute(trx);
  return rows.map((row) => ({
    ...contextOf({ ...row, intervention_name: row.intervention_name ?? '' }),
    sentAt: row.sent_at.toISOString(),
    sentById: row.sent_by_id,
    hasPersonalAlarm: row.has_personal_alarm,
  }));
}

/** Only the sent time and the alarm, for the desk's counter. */
export async function loadUnacknowledgedFacts(trx: Trx, scope: WatchScope): Promise<UnacknowledgedFacts[]> {
  const columns = sql`a.sent_at, ${HAS_PERSONAL_ALARM} as has_personal_alarm`;
  type Row = { sent_at: Date; has_personal_alarm: boolean };
  // An officer's few cases lead to their assignments; a provider's queue of new ones is indexed.
  const { rows } = startsFromCases(scope)
    ? await inWrittenOrder(trx, () =>
        sql<Row>`select ${columns}
          from cases c
          join assignments a on a.municipality_id = c.municipality_id and a.case_id = c.id
          join assignment_states s on s.municipality_id = a.municipality_id and s.assignment_id = a.id
         where ${unacknowledgedWhere(scope)}`.execute(trx),
      )
    : await sql<Row>`select ${columns}
          from assignment_states s
          join assignments a on a.municipality_id = s.municipality_id and a.id = s.assignment_id
          join cases c on c.municipality_id = a.municipality_id and c.id = a.case_id
         where ${unacknowledgedWhere(scope)}`.execute(trx);
  return rows.map((row) => ({ sentAt: row.sent_at.toISOString(), hasPersonalAlarm: row.has_personal_alarm }));
}

export interface StartFactRow extends ItemContext {
  periodFrom: string;
  startedOn: string | null;
}

/** Rows sent to delivery whose first day has come with no start registered. */
export async function loadStartsToRegister(trx: Trx, scope: WatchScope, today: string): Promise<StartFactRow[]> {
  const { rows } = await sql<ContextRow & { period_from: string }>`
    select dl.id as subject_id, ${CONTEXT_COLUMNS}, coalesce(dl.label, it.name) as intervention_name,
           dl.provider_unit_id as provider_id, u.name as provider_name, a.id as assignment_id, a.assignment_number,
           dl.period_from
      from deliveries dl
      ${OF_ROW}
     where dl.status = 'sent_to_delivery' and dl.started_on is null and dl.continues_delivery_id is null
       and dl.period_from <= ${today}
       and ${inScope(scope, { unitColumn: 'dl.provider_unit_id' })}`.execute(trx);
  return rows.map((row) => ({ ...contextOf(row), periodFrom: row.period_from, startedOn: null }));
}

export interface ShortTermFactRow extends ItemContext {
  decisionDate: string;
  periodFrom: string;
  periodTo: string | null;
  endedOn: string | null;
  placeFrom: string | null;
}

/** Granted short-term stays with no delivery start at a place, still running. */
export async function loadShortTermStays(trx: Trx, scope: WatchScope, today: string): Promise<ShortTermFactRow[]> {
  const { rows } = await sql<
    ContextRow & { decision_date: string; period_from: string; period_to: string | null; ended_on: string | null }
  >`
    select di.id as subject_id, ${CONTEXT_COLUMNS}, it.name as intervention_name,
           la.provider_id, la.provider_name, la.assignment_id, la.assignment_number,
           d.decision_date, d.period_from, d.period_to, d.ended_on
      from intervention_types it
      join decision_interventions di on di.municipality_id = it.municipality_id and di.intervention_type_id = it.id
      join decisions d on d.municipality_id = di.municipality_id and d.id = di.decision_id
      join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      join persons p on p.municipality_id = c.municipality_id and p.id = c.person_id
      ${LATEST_ASSIGNMENT}
     where ${shortTermWhere(scope, today)}`.execute(trx);
  return rows.map((row) => ({
    ...contextOf(row),
    decisionDate: row.decision_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    endedOn: row.ended_on,
    placeFrom: null,
  }));
}

/** The same stays with only what the rule judges, for the desk's counter (an officer's desk only). */
export async function loadShortTermStayFacts(
  trx: Trx,
  scope: WatchScope,
  today: string,
): Promise<ShortTermStayFacts[]> {
  const { rows } = await sql<{
    decision_date: string;
    period_from: string;
    period_to: string | null;
    ended_on: string | null;
  }>`
    select d.decision_date, d.period_from, d.period_to, d.ended_on
      from intervention_types it
      join decision_interventions di on di.municipality_id = it.municipality_id and di.intervention_type_id = it.id
      join decisions d on d.municipality_id = di.municipality_id and d.id = di.decision_id
      join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      ${scope.kind === 'provider' ? LATEST_ASSIGNMENT : sql``}
     where ${shortTermWhere(scope, today)}`.execute(trx);
  return rows.map((row) => ({
    decisionDate: row.decision_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    endedOn: row.ended_on,
    placeFrom: null,
  }));
}

export interface PeriodEndingFactRow extends ItemContext {
  periodTo: string;
  endedOn: string | null;
  isContinued: boolean;
}

/** Granted decisions whose last day falls within the coming `days`. */
export async function loadPeriodsEnding(
  trx: Trx,
  scope: WatchScope,
  today: string,
  days: number,
): Promise<PeriodEndingFactRow[]> {
  const { rows } = await inWrittenOrder(trx, () =>
    sql<ContextRow & { period_to: string; is_continued: boolean }>`
    select d.id as subject_id, ${CONTEXT_COLUMNS},
           (select string_agg(it.name, ', ' order by it.name)
              from decision_interventions di
              join intervention_types it on it.municipality_id = di.municipality_id and it.id = di.intervention_type_id
             where di.municipality_id = d.municipality_id and di.decision_id = d.id) as intervention_name,
           null::uuid as provider_id, null as provider_name, null::uuid as assignment_id, null as assignment_number,
           d.period_to,
           exists (select 1 from decisions later
                    where later.municipality_id = d.municipality_id and later.case_id = d.case_id and later.id <> d.id
                      and later.outcome = 'granted' and later.decision_date >= d.decision_date
                      and (later.period_to is null or later.period_to > d.period_to)) as is_continued
      from decisions d
      join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      join persons p on p.municipality_id = c.municipality_id and p.id = c.person_id
     where d.outcome = 'granted' and d.ended_on is null
       and d.period_to between ${today} and ${addDays(today, days)}
       and ${inScope(scope, null)}`.execute(trx),
  );
  return rows.map((row) => ({
    ...contextOf({ ...row, intervention_name: row.intervention_name ?? '' }),
    periodTo: row.period_to,
    endedOn: null,
    isContinued: row.is_continued,
  }));
}
