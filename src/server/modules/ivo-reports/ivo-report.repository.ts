/**
 * All SQL of the IVO report: the late items' facts in the caller's scope (a case officer's cases,
 * an authority manager's units' cases, both only for persons the position sees), the recorded
 * details, the pseudonyms, and the marked reports. The SQL narrows to candidates; which rows a
 * quarter reports, and as what, is domain/ivo-report.ts's to judge.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import { addDays, addMonths } from '../../../domain/periods.ts';
import type { EarlierReport, IvoOffer, IvoRowKind, IvoSubjectKind } from '../../../domain/ivo-report.ts';
import { ivoPseudonym } from '../../../domain/undelivered.ts';
import type { IvoScope } from './ivo-report.policy.ts';

/** The facts of one late item with everything a report row shows. */
export interface IvoItemRecord {
  subjectKind: IvoSubjectKind;
  subjectId: string;
  person: {
    id: string;
    identityNumber: string;
    identityKind: string;
    birthDate: string;
    sex: 'male' | 'female';
    firstName: string;
    lastName: string;
    protectedIdentity: boolean;
    pseudonym: string | null;
  };
  caseId: string;
  caseNumber: string;
  decisionId: string;
  decisionNumber: string;
  legalBasis: string;
  interventionType: string;
  decisionDate: string;
  /** First day without delivery, for an interruption. */
  interruptionDate: string | null;
  /** The first delivery start, or the day an interruption resumed. */
  deliveredOn: string | null;
  /** The earliest of the decision's early end, its period's last day and the interrupted row's end. */
  endedOn: string | null;
  earlier: EarlierReport[];
  details: LateDetailsRecord | null;
}

export interface LateDetailsRecord {
  delayReason: string | null;
  consequences: string | null;
  interimSupport: string | null;
  offers: IvoOffer[];
  version: number;
  updatedAt: string;
}

interface ItemRow {
  subject_kind: IvoSubjectKind;
  subject_id: string;
  person_id: string;
  identity_number: string;
  identity_kind: string;
  birth_date: string;
  sex: 'male' | 'female';
  first_name: string;
  last_name: string;
  protected_identity: boolean;
  pseudonym: string | null;
  case_id: string;
  case_number: string;
  decision_id: string;
  decision_number: string;
  legal_basis: string;
  intervention_type: string;
  decision_date: string;
  interruption_date: string | null;
  delivered_on: string | null;
  ended_on: string | null;
  earlier: { referenceDate: string; kind: IvoRowKind }[];
  delay_reason: string | null;
  consequences: string | null;
  interim_support: string | null;
  offers: IvoOffer[] | null;
  details_version: number | null;
  details_updated_at: Date | null;
}

function recordOf(row: ItemRow): IvoItemRecord {
  return {
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      identityKind: row.identity_kind,
      birthDate: row.birth_date,
      sex: row.sex,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
      pseudonym: row.pseudonym,
    },
    caseId: row.case_id,
    caseNumber: row.case_number,
    decisionId: row.decision_id,
    decisionNumber: row.decision_number,
    legalBasis: row.legal_basis,
    interventionType: row.intervention_type,
    decisionDate: row.decision_date,
    interruptionDate: row.interruption_date,
    deliveredOn: row.delivered_on,
    endedOn: row.ended_on,
    earlier: row.earlier,
    details:
      row.details_version === null
        ? null
        : {
            delayReason: row.delay_reason,
            consequences: row.consequences,
            interimSupport: row.interim_support,
            offers: row.offers ?? [],
            version: row.details_version,
            updatedAt: (row.details_updated_at ?? new Date(0)).toISOString(),
          },
  };
}

function inScope(scope: IvoScope): RawBuilder<SqlBool> {
  if (scope.kind === 'officer') {
    return sql<SqlBool>`(c.case_officer_id = ${scope.userId} and ${isPersonInScope('c.person_id', scope.personScopeUnitIds)})`;
  }
  return sql<SqlBool>`(c.authority_unit_id = any(${[...scope.unitIds]}::uuid[]) and ${isPersonInScope('c.person_id', scope.personScopeUnitIds)})`;
}

/** The item's rows in marked reports before the reference date (all of them when it is null). */
function earlierReports(kind: IvoSubjectKind, subjectColumn: string, before: string | null) {
  return sql<EarlierReport[]>`(select coalesce(json_agg(json_build_object(
      'referenceDate', r.reference_date, 'kind', rr.row_kind) order by r.reference_date), '[]')
      from ivo_report_rows rr
      join ivo_reports r on r.municipality_id = rr.municipality_id and r.id = rr.report_id
     where rr.subject_kind = ${kind} and rr.subject_id = ${sql.ref(subjectColumn)}
       and (${before}::date is null or r.reference_date < ${before}::date))`;
}

const PERSON_AND_CASE = sql`p.id as person_id, p.identity_number, p.identity_kind, p.birth_date, p.sex,
  p.first_name, p.last_name, p.protected_identity, ps.pseudonym,
  c.id as case_id, c.case_number, d.id as decision_id, d.decision_number, lb.code as legal_basis,
  it.name as intervention_type, d.decision_date`;

const DETAILS = sql`x.delay_reason, x.consequences, x.interim_support, x.offers,
  x.version as details_version, x.updated_at as details_updated_at`;

const PERSON_JOINS = sql`join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      join persons p on p.municipality_id = c.municipality_id and p.id = c.person_id
      join legal_bases lb on lb.municipality_id = d.municipality_id and lb.id = d.legal_basis_id
      left join ivo_pseudonyms ps on ps.municipality_id = p.municipality_id and ps.person_id = p.id`;

/** Granted interventions: delivered on the first delivery start of any row carrying them. */
function decisionItems(where: RawBuilder<SqlBool>, before: string | null) {
  return sql<ItemRow>`
    select 'decision' as subject_kind, di.id as subject_id, ${PERSON_AND_CASE},
           null::date as interruption_date, dv.delivered_on,
           nullif(least(coalesce(d.ended_on, 'infinity'::date), coalesce(d.period_to, 'infinity'::date)), 'infinity'::date) as ended_on,
           ${earlierReports('decision', 'di.id', before)} as earlier, ${DETAILS}
      from decision_interventions di
      join decisions d on d.municipality_id = di.municipality_id and d.id = di.decision_id
      ${PERSON_JOINS}
      join intervention_types it on it.municipality_id = di.municipality_id and it.id = di.intervention_type_id
      left join lateral (
        select min(dl.started_on) as delivered_on
          from assignment_interventions ai
          join deliveries dl on dl.municipality_id = ai.municipality_id and dl.assignment_intervention_id = ai.id
         where ai.municipality_id = di.municipality_id and ai.decision_intervention_id = di.id
           and dl.started_on is not null) dv on true
      left join ivo_late_details x on x.municipality_id = di.municipality_id and x.subject_kind = 'decision' and x.subject_id = di.id
     where d.outcome = 'granted' and ${where}`;
}

/** Interruptions: resumed the day after their last day; ended with their row or their decision. */
function interruptionItems(where: RawBuilder<SqlBool>, before: string | null) {
  return sql<ItemRow>`
    select 'interruption' as subject_kind, i.id as subject_id, ${PERSON_AND_CASE},
           i.from_date as interruption_date, (i.to_date + 1) as delivered_on,
           nullif(least(coalesce(d.ended_on, 'infinity'::date), coalesce(d.period_to, 'infinity'::date),
                        case when dl.status in ('ended', 'withdrawn') then coalesce(dl.period_to, 'infinity'::date) else 'infinity'::date end),
                  'infinity'::date) as ended_on,
           ${earlierReports('interruption', 'i.id', before)} as earlier, ${DETAILS}
      from interruptions i
      join deliveries dl on dl.municipality_id = i.municipality_id and dl.id = i.delivery_id
      join decisions d on d.municipality_id = dl.municipality_id and d.id = dl.decision_id
      ${PERSON_JOINS}
      join assignment_interventions ai on ai.municipality_id = dl.municipality_id and ai.id = dl.assignment_intervention_id
      join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
      left join ivo_late_details x on x.municipality_id = i.municipality_id and x.subject_kind = 'interruption' and x.subject_id = i.id
     where ${where}`;
}

const HAS_EARLIER = (kind: IvoSubjectKind, column: string, before: string) =>
  sql<SqlBool>`exists (select 1 from ivo_report_rows rr
      join ivo_reports r on r.municipality_id = rr.municipality_id and r.id = rr.report_id
     where rr.subject_kind = ${kind} and rr.subject_id = ${sql.ref(column)} and r.reference_date < ${before}::date)`;

/**
 * The candidates of a quarter: items whose three months can have run out by the reference date
 * (a few days' margin; the rule decides) that are undelivered on it, or that an earlier quarter
 * reported and may now close. In the caller's scope.
 */
export async function listQuarterItems(trx: Trx, scope: IvoScope, referenceDate: string): Promise<IvoItemRecord[]> {
  const startedBy = addDays(addMonths(referenceDate, -3), 3);
  const decisions = decisionItems(
    sql<SqlBool>`d.decision_date <= ${startedBy}
       and (dv.delivered_on is null or dv.delivered_on > ${referenceDate} or ${HAS_EARLIER('decision', 'di.id', referenceDate)})
       and ${inScope(scope)}`,
    referenceDate,
  );
  const interruptions = interruptionItems(
    sql<SqlBool>`i.from_date <= ${startedBy}
       and (i.to_date is null or i.to_date >= ${referenceDate} or ${HAS_EARLIER('interruption', 'i.id', referenceDate)})
       and ${inScope(scope)}`,
    referenceDate,
  );
  const { rows } = await sql<ItemRow>`${decisions} union all ${interruptions}
    order by decision_date, case_number, subject_kind, subject_id`.execute(trx);
  return rows.map(recordOf);
}

/** One item by its id, in the caller's scope, with every earlier report; undefined when missing or out of scope. */
export async function findItem(
  trx: Trx,
  scope: IvoScope,
  kind: IvoSubjectKind,
  subjectId: string,
): Promise<IvoItemRecord | undefined> {
  const query =
    kind === 'decision'
      ? decisionItems(sql<SqlBool>`di.id = ${subjectId} and ${inScope(scope)}`, null)
      : interruptionItems(sql<SqlBool>`i.id = ${subjectId} and ${inScope(scope)}`, null);
  const { rows } = await query.execute(trx);
  return rows[0] === undefined ? undefined : recordOf(rows[0]);
}

/** A case's late items in the caller's scope, with every earlier report (the case page's note). */
export async function listCaseItems(
  trx: Trx,
  scope: IvoScope,
  caseId: string,
  today: string,
): Promise<IvoItemRecord[]> {
  const startedBy = addMonths(today, -3);
  const decisions = decisionItems(
    sql<SqlBool>`d.case_id = ${caseId} and d.decision_date < ${startedBy}
       and (dv.delivered_on is null or dv.delivered_on > ${today}) and ${inScope(scope)}`,
    null,
  );
  const interruptions = interruptionItems(
    sql<SqlBool>`d.case_id = ${caseId} and i.from_date < ${startedBy} and (i.to_date is null or i.to_date >= ${today}) and ${inScope(scope)}`,
    null,
  );
  const { rows } = await sql<ItemRow>`${decisions} union all ${interruptions}
    order by decision_date, subject_kind, subject_id`.execute(trx);
  return rows.map(recordOf);
}

export interface LateDetailsWrite {
  delayReason: string | null;
  consequences: string | null;
  interimSupport: string | null;
  offers: IvoOffer[];
}

export async function insertLateDetails(
  trx: Trx,
  item: { kind: IvoSubjectKind; subjectId: string; personId: string },
  values: LateDetailsWrite,
  municipalityId: string,
  userId: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('ivo_late_details')
    .values({
      municipality_id: municipalityId,
      subject_kind: item.kind,
      subject_id: item.subjectId,
      person_id: item.personId,
      delay_reason: values.delayReason,
      consequences: values.consequences,
      interim_support: values.interimSupport,
      offers: JSON.stringify(values.offers),
      updated_by_id: userId,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Changes the details if still at `version`; false when someone saved first. */
export async function updateLateDetails(
  trx: Trx,
  item: { kind: IvoSubjectKind; subjectId: string },
  version: number,
  values: LateDetailsWrite,
  userId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('ivo_late_details')
    .set({
      delay_reason: values.delayReason,
      consequences: values.consequences,
      interim_support: values.interimSupport,
      offers: JSON.stringify(values.offers),
      updated_by_id: userId,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('subject_kind', '=', item.kind)
    .where('subject_id', '=', item.subjectId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findMunicipalityName(trx: Trx, municipalityId: string): Promise<string> {
  const row = await trx.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirst();
  return row?.name ?? '';
}

/** The board the municipality reports as; Socialnämnden when none is set. */
export async function findBoardName(trx: Trx): Promise<string> {
  const row = await trx.selectFrom('ivo_report_settings').select('board_name').executeTakeFirst();
  return row?.board_name ?? 'Socialnämnden';
}

export async function upsertBoardName(trx: Trx, municipalityId: string, boardName: string, userId: string) {
  await trx
    .insertInto('ivo_report_settings')
    .values({ municipality_id: municipalityId, board_name: boardName, updated_by_id: userId })
    .onConflict((oc) =>
      oc
        .column('municipality_id')
        .doUpdateSet({ board_name: boardName, updated_by_id: userId, updated_at: new Date() }),
    )
    .execute();
}

/**
 * The person's pseudonym, given now if they have none: the lowest serial free for their birth date
 * and sex. A serial another transaction took at the same moment makes the insert do nothing, and
 * the next free one is tried.
 */
export async function ensurePseudonym(
  trx: Trx,
  municipalityId: string,
  person: { id: string; birthDate: string; sex: 'male' | 'female' },
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await trx
      .selectFrom('ivo_pseudonyms')
      .select('pseudonym')
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (existing) return existing.pseudonym;
    const { rows } = await sql<{ serial: number | null }>`
      select min(s)::int as serial from generate_series(0, 99) s
       where not exists (select 1 from ivo_pseudonyms q
                          where q.birth_date = ${person.birthDate} and q.sex = ${person.sex} and q.serial = s)`.execute(
      trx,
    );
    const serial = rows[0]?.serial;
    if (serial === null || serial === undefined) {
      throw new Error(`No IVO pseudonym left for ${person.birthDate} ${person.sex}`);
    }
    await trx
      .insertInto('ivo_pseudonyms')
      .values({
        municipality_id: municipalityId,
        person_id: person.id,
        birth_date: person.birthDate,
        sex: person.sex,
        serial,
        pseudonym: ivoPseudonym(person.birthDate, person.sex, serial),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  throw new Error('Could not give an IVO pseudonym');
}

export interface MarkingRecord {
  id: string;
  reportedAt: string;
  reportedByName: string;
  rowCount: number;
}

/** The times a quarter was marked reported, earliest first. */
export async function listMarkings(trx: Trx, referenceDate: string): Promise<MarkingRecord[]> {
  const rows = await trx
    .selectFrom('ivo_reports as r')
    .select([
      'r.id',
      'r.reported_at',
      'r.reported_by_name',
      (eb) =>
        eb
          .selectFrom('ivo_report_rows as rr')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('rr.report_id', '=', 'r.id')
          .as('row_count'),
    ])
    .where('r.reference_date', '=', referenceDate)
    .orderBy('r.reported_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reportedAt: row.reported_at.toISOString(),
    reportedByName: row.reported_by_name,
    rowCount: row.row_count ?? 0,
  }));
}

export interface ReportWrite {
  quarter: string;
  referenceDate: string;
  boardName: string;
  reportedById: string;
  reportedByName: string;
  positionId: string;
  rows: { subjectKind: IvoSubjectKind; subjectId: string; personId: string; kind: IvoRowKind; snapshot: unknown }[];
}

export async function insertReport(trx: Trx, municipalityId: string, report: ReportWrite): Promise<string> {
  const { id } = await trx
    .insertInto('ivo_reports')
    .values({
      municipality_id: municipalityId,
      quarter: report.quarter,
      reference_date: report.referenceDate,
      board_name: report.boardName,
      reported_by_id: report.reportedById,
      reported_by_name: report.reportedByName,
      position_id: report.positionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (report.rows.length > 0) {
    await trx
      .insertInto('ivo_report_rows')
      .values(
        report.rows.map((row) => ({
          municipality_id: municipalityId,
          report_id: id,
          subject_kind: row.subjectKind,
          subject_id: row.subjectId,
          person_id: row.personId,
          row_kind: row.kind,
          snapshot: JSON.stringify(row.snapshot),
        })),
      )
      .execute();
  }
  return id;
}

/** Held to the end of the transaction: one marking at a time in a municipality. */
export async function lockMarking(trx: Trx, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`ivo_report:${municipalityId}`}))`.execute(trx);
}
