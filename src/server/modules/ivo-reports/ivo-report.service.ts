/**
 * The IVO quarter report: built from the late items in the caller's scope as of the quarter's
 * reference date (domain/ivo-report.ts judges each), previewed, exported (PDF, CSV) and marked
 * reported. Every read of the rows is a read of their persons and is audited; every export and
 * every marking has its own audit row (who, when, which quarter).
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits, type AuditEvent } from '../../platform/audit/audit.ts';
import { systemClock, todayBy, type Clock } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import {
  formatQuarter,
  judgeIvoItem,
  missingFreeTexts,
  parseQuarter,
  quarterLabel,
  quarterOf,
  quarterReferenceDate,
  reportingWindow,
  type Quarter,
} from '../../../domain/ivo-report.ts';
import type * as c from '../../../contract/ivo-reports.ts';
import * as repo from './ivo-report.repository.ts';
import * as policy from './ivo-report.policy.ts';
import { renderIvoReportPdf } from './ivo-report.document.ts';
import { ivoReportCsv } from './ivo-report.csv.ts';

/** A person reported under their own number: a personnummer or samordningsnummer. */
const OWN_NUMBER_KINDS = ['personnummer', 'samordningsnummer'];

export function scopeOrNotFound(actor: PositionedActor): policy.IvoScope {
  const scope = policy.ivoScopeOf(actor.userId, actor.position);
  if (scope === null) throw new NotFoundError('Rapporten hittades inte.');
  return scope;
}

/** The quarter asked for; one after the current quarter has no report yet. */
function quarterOrInvalid(value: string, today: string): Quarter {
  const quarter = parseQuarter(value);
  if (!quarter) throw new ValidationError({ quarter: 'Ange kvartal som ÅÅÅÅ-Q1 till ÅÅÅÅ-Q4.' }, 'Ogiltigt kvartal.');
  if (quarterFirstAfter(quarterOf(today), quarter)) {
    throw new ValidationError({ quarter: 'Kvartalet har inte börjat.' }, 'Kvartalet har inte börjat.');
  }
  return quarter;
}

function quarterFirstAfter(current: Quarter, asked: Quarter): boolean {
  return asked.year * 4 + asked.quarter > current.year * 4 + current.quarter;
}

async function identityOf(trx: Trx, actor: PositionedActor, item: repo.IvoItemRecord) {
  if (OWN_NUMBER_KINDS.includes(item.person.identityKind)) {
    return { identity: item.person.identityNumber, isPseudonym: false };
  }
  const pseudonym = item.person.pseudonym ?? (await repo.ensurePseudonym(trx, actor.municipalityId, item.person));
  return { identity: pseudonym, isPseudonym: true };
}

/** The rows of the quarter in the caller's scope, judged as of its reference date. */
async function buildRows(
  trx: Trx,
  actor: PositionedActor,
  scope: policy.IvoScope,
  referenceDate: string,
): Promise<c.IvoReportRow[]> {
  const rows: c.IvoReportRow[] = [];
  for (const item of await repo.listQuarterItems(trx, scope, referenceDate)) {
    const judged = judgeIvoItem(
      {
        startDate: item.interruptionDate ?? item.decisionDate,
        deliveredOn: item.deliveredOn,
        endedOn: item.endedOn,
        earlier: item.earlier,
      },
      referenceDate,
    );
    if (judged === null) continue;
    const texts = {
      delayReason: item.details?.delayReason ?? null,
      consequences: item.details?.consequences ?? null,
      interimSupport: item.details?.interimSupport ?? null,
    };
    const { person } = item;
    rows.push({
      subjectKind: item.subjectKind,
      subjectId: item.subjectId,
      kind: judged.kind,
      person: {
        id: person.id,
        firstName: person.protectedIdentity ? null : person.firstName,
        lastName: person.protectedIdentity ? null : person.lastName,
        protectedIdentity: person.protectedIdentity,
      },
      ...(await identityOf(trx, actor, item)),
      sex: person.sex,
      birthYear: Number(person.birthDate.slice(0, 4)),
      caseId: item.caseId,
      caseNumber: item.caseNumber,
      decisionId: item.decisionId,
      decisionNumber: item.decisionNumber,
      legalBasis: item.legalBasis,
      interventionType: item.interventionType,
      decisionDate: item.decisionDate,
      interruptionDate: item.interruptionDate,
      deadline: judged.deadline,
      deliveredOn: judged.deliveredOn,
      endedOn: judged.endedOn,
      ...texts,
      offers: item.details?.offers ?? [],
      missing: missingFreeTexts(judged.kind, texts),
    });
  }
  return rows;
}

function personReads(rows: readonly c.IvoReportRow[], section: string, quarter: string): AuditEvent[] {
  const personIds = [...new Set(rows.map((row) => row.person.id))];
  return personIds.map((personId) => ({
    action: 'person.read',
    entityType: 'person',
    entityId: personId,
    personId,
    details: { section, quarter },
  }));
}

async function readReport(
  trx: Trx,
  actor: PositionedActor,
  quarter: Quarter,
  scope: policy.IvoScope,
): Promise<c.IvoQuarterReport> {
  const referenceDate = quarterReferenceDate(quarter);
  return {
    quarter: formatQuarter(quarter),
    quarterLabel: quarterLabel(quarter),
    referenceDate,
    window: reportingWindow(quarter),
    municipalityName: await repo.findMunicipalityName(trx, actor.municipalityId),
    boardName: await repo.findBoardName(trx),
    reportingPerson: actor.displayName,
    rows: await buildRows(trx, actor, scope, referenceDate),
    markings: await repo.listMarkings(trx, referenceDate),
    canMark: policy.canMarkIvoReport(actor.position),
  };
}

/** The preview on screen. */
export async function getQuarterReport(
  db: Db,
  actor: PositionedActor,
  quarterValue: string,
  clock: Clock = systemClock,
): Promise<c.IvoQuarterReport> {
  const scope = scopeOrNotFound(actor);
  const quarter = quarterOrInvalid(quarterValue, todayBy(clock));
  return inTenant(db, actor.municipalityId, async (trx) => {
    const report = await readReport(trx, actor, quarter, scope);
    await writeAudits(trx, actor, personReads(report.rows, 'ivo_report', report.quarter));
    return report;
  });
}

export type ExportFormat = 'pdf' | 'csv';

export interface ReportExport {
  filename: string;
  body: Buffer;
}

/** The report as PDF for the record or CSV for IVO's form; audited as an export. */
export async function exportQuarterReport(
  db: Db,
  actor: PositionedActor,
  quarterValue: string,
  format: ExportFormat,
  clock: Clock = systemClock,
): Promise<ReportExport> {
  const scope = scopeOrNotFound(actor);
  const quarter = quarterOrInvalid(quarterValue, todayBy(clock));
  const report = await inTenant(db, actor.municipalityId, async (trx) => {
    const read = await readReport(trx, actor, quarter, scope);
    await writeAudits(trx, actor, [
      {
        action: 'ivo.report_export',
        entityType: 'ivo_report',
        details: { quarter: read.quarter, format, rowCount: read.rows.length },
      },
      ...personReads(read.rows, 'ivo_report_export', read.quarter),
    ]);
    return read;
  });
  const filename = `ivo-rapport-${report.quarter}.${format}`;
  // Rendered after the transaction: the connection goes back to the pool while pdfmake works.
  const body = format === 'pdf' ? await renderIvoReportPdf(report, todayBy(clock)) : ivoReportCsv(report);
  return { filename, body };
}

/**
 * Marks the quarter reported with exactly the rows the caller saw: if the report has changed since
 * the preview (a delivery registered, details of another item), the caller looks again (409).
 */
export async function markQuarterReported(
  db: Db,
  actor: PositionedActor,
  quarterValue: string,
  body: c.MarkIvoReportBody,
  clock: Clock = systemClock,
): Promise<c.IvoQuarterReport> {
  const scope = scopeOrNotFound(actor);
  if (!policy.canMarkIvoReport(actor.position)) throw new ForbiddenError();
  const today = todayBy(clock);
  const quarter = quarterOrInvalid(quarterValue, today);
  const referenceDate = quarterReferenceDate(quarter);
  if (referenceDate >= today) {
    throw new ConflictError('Kvartalet kan markeras som rapporterat först dagen efter kvartalets sista dag.');
  }
  return inTenant(db, actor.municipalityId, async (trx) => {
    // One marking at a time per municipality: two at once would both read "not reported before".
    await repo.lockMarking(trx, actor.municipalityId);
    const before = await readReport(trx, actor, quarter, scope);
    const keyOf = (row: { subjectKind: string; subjectId: string }) => `${row.subjectKind}:${row.subjectId}`;
    const seen = new Set(body.rows.map(keyOf));
    const current = new Set(before.rows.map(keyOf));
    if (seen.size !== current.size || [...current].some((key) => !seen.has(key))) {
      throw new ConflictError('Rapporten har ändrats sedan du läste den. Läs in den igen och markera sedan.');
    }
    const reportId = await repo.insertReport(trx, actor.municipalityId, {
      quarter: before.quarter,
      referenceDate,
      boardName: before.boardName,
      reportedById: actor.userId,
      reportedByName: actor.displayName,
      positionId: actor.position.id,
      rows: before.rows.map((row) => ({
        subjectKind: row.subjectKind,
        subjectId: row.subjectId,
        personId: row.person.id,
        kind: row.kind,
        snapshot: row,
      })),
    });
    await writeAudits(trx, actor, [
      {
        action: 'ivo.report_mark',
        entityType: 'ivo_report',
        entityId: reportId,
        details: { quarter: before.quarter, rowCount: before.rows.length },
      },
    ]);
    return { ...before, markings: await repo.listMarkings(trx, referenceDate) };
  });
}

export async function getIvoSettings(db: Db, actor: PositionedActor): Promise<c.IvoReportSettings> {
  return inTenant(db, actor.municipalityId, async (trx) => ({ boardName: await repo.findBoardName(trx) }));
}

export async function updateIvoSettings(
  db: Db,
  actor: PositionedActor,
  body: c.IvoReportSettings,
): Promise<c.IvoReportSettings> {
  if (!policy.canKeepIvoSettings(actor.position)) throw new ForbiddenError();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const before = await repo.findBoardName(trx);
    await repo.upsertBoardName(trx, actor.municipalityId, body.boardName, actor.userId);
    await writeAudits(trx, actor, [
      { action: 'ivo.settings_update', details: { before: { boardName: before }, after: body } },
    ]);
    return { boardName: body.boardName };
  });
}
