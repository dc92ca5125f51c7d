/**
 * The IVO report through HTTP against PostgreSQL, with the clock injected: recording the details
 * of a late item (versions, audit, who may), the quarter report (which rows, as what, partial
 * delivery, the stable pseudonym), its exports (CSV, PDF, audited), marking it reported (who may,
 * exactly the rows seen, append-only) and the next quarter's re-reports and delivery dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { auditRows } from '../../../../test/audit.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { createFixtureDecision } from '../../../../test/fixtures/assignment-fixtures.ts';
import { asOwnerRolledBack } from '../../../../test/security/rolled-back.ts';
import { settableClock } from '../../platform/clock.ts';
import type { IvoQuarterReport } from '../../../contract/ivo-reports.ts';

const clock = settableClock(new Date('2026-05-01T11:00:00Z'));
let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let officer: TestClient;
let manager: TestClient;

beforeAll(async () => {
  server = await startTestServer({}, undefined, { clock });
  [world, foreign] = await Promise.all([
    createTestWorld(server.ownerDb, server.baseUrl),
    createTestWorld(server.ownerDb, server.baseUrl),
  ]);
  [officer, manager] = await Promise.all([world.signIn('caseOfficer'), world.signIn('authorityManager')]);
});
afterAll(async () => server?.close());

/** Swedish noon of a day, so the date is that day whatever the time zone. */
const setToday = (date: string) => clock.set(`${date}T11:00:00.000Z`);

const details = (kind: string, id: string) => `/api/ivo/details/${kind}/${id}`;

async function reportOf(client: TestClient, quarter: string): Promise<IvoQuarterReport> {
  const response = await client.get(`/api/ivo/reports/${quarter}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as IvoQuarterReport;
}

const rowsFor = (report: IvoQuarterReport, personId: string) => report.rows.filter((row) => row.person.id === personId);
const keysOf = (report: IvoQuarterReport) =>
  report.rows.map((row) => ({ subjectKind: row.subjectKind, subjectId: row.subjectId }));

/** The response's body as bytes, signed in as the client (its session cookie). */
async function download(client: TestClient, path: string) {
  // biome-ignore lint/complexity/useLiteralKeys: the client keeps its cookie private; a binary download reads it here
  const response = await fetch(server.baseUrl + path, { headers: { cookie: client['cookie'] ?? '' } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const TEXTS = {
  delayReason: 'Ingen ledig plats på Äppelgården; väntar på rekrytering.',
  consequences: 'Anhöriga får hjälpa till mer än de orkar.',
  interimSupport: 'Utökad hemtjänst – två besök om dagen.',
};

describe('the details of a late decision', () => {
  it('are recorded by the case officer with versions, refused on a stale version, and every change audited', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const care = decision.interventions[0]!.id;
    setToday('2026-05-01');

    const empty = await officer.get(details('decision', care));
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body).toMatchObject({
      subjectKind: 'decision',
      decisionDate: '2026-01-15',
      deadline: '2026-04-15',
      isReportable: true,
      isClosed: false,
      delayReason: null,
      offers: [],
      version: null,
      canEdit: true,
    });

    const body = {
      ...TEXTS,
      offers: [
        { offeredOn: '2026-04-20', isDeclined: true, note: 'Plats på Solgården' },
        { offeredOn: '2026-03-01', isDeclined: false, note: null },
      ],
      version: null,
    };
    const first = await officer.put(details('decision', care), body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ ...TEXTS, version: 1 });
    expect(first.body.offers.map((offer: { offeredOn: string }) => offer.offeredOn)).toEqual([
      '2026-03-01',
      '2026-04-20',
    ]);

    expect((await officer.put(details('decision', care), body)).status).toBe(409);
    const second = await manager.put(details('decision', care), { ...body, interimSupport: null, version: 1 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ interimSupport: null, version: 2 });
    expect((await officer.put(details('decision', care), { ...body, version: 1 })).status).toBe(409);

    const audits = await auditRows(server.ownerDb, { action: 'ivo.details_update', entityId: care });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.details).toMatchObject({
      before: { interimSupport: TEXTS.interimSupport },
      after: { interimSupport: null },
    });
    expect(audits[1]!.user_id).toBe(world.users.authorityManager.userId);
  });

  it('are 404 out of scope — another officer’s case, the provider, another municipality — and 401 signed out', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const care = decision.interventions[0]!.id;
    for (const client of [
      await world.signIn('ifoCaseOfficer'),
      await world.signIn('unitManager'),
      await world.signIn('careStaff'),
      await foreign.signIn('caseOfficer'),
      await foreign.signIn('authorityManager'),
    ]) {
      expect((await client.get(details('decision', care))).status).toBe(404);
      expect((await client.put(details('decision', care), { ...TEXTS, offers: [], version: null })).status).toBe(404);
    }
    expect((await new TestClient(server.baseUrl).get(details('decision', care))).status).toBe(401);
    expect((await officer.get(details('interruption', care))).status).toBe(404);
    expect((await officer.get(details('beslut', care))).status).toBe(400);
  });
});

describe('the quarter report', () => {
  it('reports undelivered and partly delivered decisions with a stable pseudonym, exports them, is marked by the authority manager, and re-reports the next quarter', async () => {
    // Anna: two granted interventions, neither delivered. Berit: reserve number, one of two
    // delivered in time, the other never — the undelivered part is reported alone.
    const anna = await world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Anna', lastName: 'Åström' });
    const annaSent = await createSentAssignment(server.ownerDb, world, anna.id);
    const annaRows = await createDeliveryRows(server.ownerDb, world, annaSent, world.units.homeCareNorth);
    const annaDecision = annaSent.decision;
    const berit = await world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Berit', lastName: 'Öst' });
    await server.ownerDb.updateTable('persons').set({ identity_kind: 'reserve' }).where('id', '=', berit.id).execute();
    const sent = await createSentAssignment(server.ownerDb, world, berit.id);
    const rows = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: '2026-02-03' })
      .where('id', '=', rows.deliveryIds[0]!)
      .execute();
    const annaNumber = `${anna.identityNumber.slice(0, 8)}-${anna.identityNumber.slice(8)}`;
    const [annaCare, annaMeals] = annaDecision.interventions.map((row) => row.id);
    const beritMeals = sent.decision.interventions[1]!.id;
    await officer.put(details('decision', annaCare!), { ...TEXTS, offers: [], version: null });

    setToday('2026-07-10');
    // Q1: the three months from 2026-01-15 run to 2026-04-15, so nothing yet.
    expect(rowsFor(await reportOf(officer, '2026-Q1'), anna.id)).toEqual([]);

    const q2 = await reportOf(officer, '2026-Q2');
    expect(q2).toMatchObject({
      quarter: '2026-Q2',
      quarterLabel: 'Kvartal 2 2026',
      referenceDate: '2026-06-30',
      window: { opensOn: '2026-07-01', closesOn: '2026-08-31' },
      boardName: 'Socialnämnden',
      markings: [],
      canMark: false,
    });
    expect(rowsFor(q2, anna.id).map((row) => [row.subjectId, row.kind, row.missing])).toEqual(
      expect.arrayContaining([
        [annaCare, 'new', []],
        [annaMeals, 'new', ['delayReason', 'consequences']],
      ]),
    );
    expect(rowsFor(q2, anna.id)).toHaveLength(2);
    const annaRow = rowsFor(q2, anna.id).find((row) => row.subjectId === annaCare)!;
    expect(annaRow).toMatchObject({
      identity: annaNumber,
      isPseudonym: false,
      legalBasis: expect.stringMatching(/SoL/),
      decisionDate: '2026-01-15',
      deadline: '2026-04-15',
      deliveredOn: null,
      ...TEXTS,
    });
    const beritRows = rowsFor(q2, berit.id);
    expect(beritRows.map((row) => row.subjectId)).toEqual([beritMeals]);
    const pseudonym = beritRows[0]!.identity;
    expect(beritRows[0]!.isPseudonym).toBe(true);
    const birth = berit.identityNumber.slice(0, 8);
    expect(pseudonym).toMatch(new RegExp(`^${birth}-T\\d\\d\\d$`));
    const sexDigit = Number(pseudonym.at(-2));
    expect(sexDigit % 2 === 0 ? 'female' : 'male').toBe(beritRows[0]!.sex);
    expect(beritRows[0]!.birthYear).toBe(Number(birth.slice(0, 4)));

    // The preview is a read of each person listed.
    expect((await auditRows(server.ownerDb, { action: 'person.read', personId: anna.id })).length).toBeGreaterThan(0);

    // Exports: CSV with BOM, semicolons and the form's columns; PDF with å ä ö intact. Both audited.
    const csv = await download(officer, '/api/ivo/reports/2026-Q2/report.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(csv.bytes.slice(3));
    const [header, ...lines] = csvText.trimEnd().split('\r\n');
    expect(header).toBe(
      'Kommun;Nämnd;Kvartal;Rapporterande person;Typ av rapport;Personnummer;Kön;Födelseår;Lag och paragraf;Insatstyp;Beslutsdatum;Datum för avbrott;Verkställighetsdatum;Datum då beslutet upphörde;Skäl till dröjsmålet;Konsekvenser för den enskilde;Mellanliggande insatser;Erbjudanden',
    );
    const annaLine = lines.find((line) => line.includes(annaNumber) && line.includes('Äppelgården'))!;
    expect(annaLine).toContain(';Ny;');
    expect(annaLine).toContain('"Ingen ledig plats på Äppelgården; väntar på rekrytering."');
    expect(lines.some((line) => line.includes(pseudonym))).toBe(true);

    const pdf = await download(officer, '/api/ivo/reports/2026-Q2/report.pdf');
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('Rapport till IVO om ej verkställda beslut');
    expect(text).toContain('Kvartal 2 2026');
    expect(text).toContain('Ingen ledig plats på Äppelgården');
    expect(text).toContain('Anhöriga får hjälpa till mer än de orkar.');
    expect(text).toContain(pseudonym);
    const exports = await auditRows(server.ownerDb, { action: 'ivo.report_export' });
    expect(exports.filter((row) => row.user_id === world.users.caseOfficer.userId).map((row) => row.details)).toEqual([
      expect.objectContaining({ quarter: '2026-Q2', format: 'csv' }),
      expect.objectContaining({ quarter: '2026-Q2', format: 'pdf' }),
    ]);

    // Marking: the authority manager only, with exactly the rows seen.
    expect((await officer.post('/api/ivo/reports/2026-Q2/mark', { rows: keysOf(q2) })).status).toBe(403);
    const managerView = await reportOf(manager, '2026-Q2');
    expect(managerView.canMark).toBe(true);
    const stale = await manager.post('/api/ivo/reports/2026-Q2/mark', { rows: keysOf(managerView).slice(1) });
    expect(stale.status).toBe(409);
    const marked = await manager.post('/api/ivo/reports/2026-Q2/mark', { rows: keysOf(managerView) });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body.markings).toEqual([
      expect.objectContaining({ reportedByName: expect.any(String), rowCount: managerView.rows.length }),
    ]);
    const markAudit = await auditRows(server.ownerDb, { action: 'ivo.report_mark', response: marked });
    expect(markAudit.map((row) => row.details)).toEqual([{ quarter: '2026-Q2', rowCount: managerView.rows.length }]);
    // The current quarter cannot be marked before its last day has passed.
    expect((await manager.post('/api/ivo/reports/2026-Q3/mark', { rows: [] })).status).toBe(409);

    // Q3: Anna's care is delivered on 2026-08-03 — reported with the date; her meals are re-reported;
    // Berit keeps her pseudonym.
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: '2026-08-03' })
      .where('id', '=', annaRows.deliveryIds[0]!)
      .execute();
    setToday('2026-10-05');
    const q3 = await reportOf(manager, '2026-Q3');
    const annaQ3 = Object.fromEntries(rowsFor(q3, anna.id).map((row) => [row.subjectId, row]));
    expect(annaQ3[annaCare!]).toMatchObject({ kind: 'delivered', deliveredOn: '2026-08-03', missing: [] });
    expect(annaQ3[annaMeals!]).toMatchObject({ kind: 're_report' });
    expect(rowsFor(q3, berit.id)).toEqual([expect.objectContaining({ kind: 're_report', identity: pseudonym })]);
    // The Q2 report as it was stays what it was.
    expect(rowsFor(await reportOf(manager, '2026-Q2'), anna.id).map((row) => row.kind)).toEqual(['new', 'new']);

    const q3Marked = await manager.post('/api/ivo/reports/2026-Q3/mark', { rows: keysOf(q3) });
    expect(q3Marked.status).toBe(200);
    setToday('2027-01-10');
    const q4 = await reportOf(manager, '2026-Q4');
    expect(rowsFor(q4, anna.id).map((row) => [row.subjectId, row.kind])).toEqual([[annaMeals, 're_report']]);
    // Closed: the delivered item's details are no longer changed.
    const closed = await officer.get(details('decision', annaCare!));
    expect(closed.body).toMatchObject({ isClosed: true, canEdit: false });
    expect(
      (await officer.put(details('decision', annaCare!), { ...TEXTS, offers: [], version: closed.body.version }))
        .status,
    ).toBe(409);
  });

  it('keeps to the caller’s scope: another officer sees none of these cases, the provider and staff get 404', async () => {
    const person = await world.createPerson(['aoAuthority']);
    await createFixtureDecision(server.ownerDb, world, person.id);
    setToday('2026-07-10');
    expect(rowsFor(await reportOf(await world.signIn('ifoCaseOfficer'), '2026-Q2'), person.id)).toEqual([]);
    expect(rowsFor(await reportOf(await foreign.signIn('authorityManager'), '2026-Q2'), person.id)).toEqual([]);
    for (const key of ['unitManager', 'careStaff', 'administrator'] as const) {
      const client = await world.signIn(key);
      expect((await client.get('/api/ivo/reports/2026-Q2')).status, key).toBe(404);
      expect((await download(client, '/api/ivo/reports/2026-Q2/report.csv')).status, key).toBe(404);
    }
    expect((await new TestClient(server.baseUrl).get('/api/ivo/reports/2026-Q2')).status).toBe(401);
    expect((await officer.get('/api/ivo/reports/2026-Q5')).status).toBe(400);
    expect((await officer.get('/api/ivo/reports/2027-Q1')).status).toBe(400);
  });

  it('reports an interruption not resumed within three months, with its date', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const rows = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: '2026-02-01' })
      .where('id', 'in', rows.deliveryIds)
      .execute();
    const { id: interruptionId } = await server.ownerDb
      .insertInto('interruptions')
      .values({
        municipality_id: world.municipalityId,
        delivery_id: rows.deliveryIds[0]!,
        from_date: '2026-03-10',
        to_date: null,
        reason: 'Sjukhusvistelse',
        created_by_id: world.users.unitManager.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    setToday('2026-07-10');
    const q2 = rowsFor(await reportOf(officer, '2026-Q2'), person.id);
    expect(q2).toEqual([
      expect.objectContaining({
        subjectKind: 'interruption',
        subjectId: interruptionId,
        kind: 'new',
        interruptionDate: '2026-03-10',
        deadline: '2026-06-10',
      }),
    ]);
    const recorded = await officer.put(details('interruption', interruptionId), {
      ...TEXTS,
      offers: [],
      version: null,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ interruptionDate: '2026-03-10', isReportable: true });
  });
});

describe('the case page’s note', () => {
  it('lists the case’s interventions past three months undelivered, for the officer, not for another officer', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const path = `/api/ivo/cases/${decision.caseId}/items`;
    setToday('2026-04-15');
    expect((await officer.get(path)).body).toEqual({ items: [] });
    setToday('2026-04-16');
    const response = await officer.get(path);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(decision.interventions.length);
    expect(response.body.items).toEqual(
      expect.arrayContaining(
        decision.interventions.map((row) =>
          expect.objectContaining({
            subjectKind: 'decision',
            subjectId: row.id,
            decisionId: decision.decisionId,
            deadline: '2026-04-15',
            isMissingTexts: true,
          }),
        ),
      ),
    );
    // Another area's officer may not open the case: missing, as on the case page.
    expect((await (await world.signIn('ifoCaseOfficer')).get(path)).status).toBe(404);
    expect((await (await world.signIn('unitManager')).get(path)).status).toBe(404);
  });
});

describe('the records of the report', () => {
  it('refuse UPDATE, DELETE and TRUNCATE: marked reports, their rows and the pseudonyms', async () => {
    for (const table of ['ivo_reports', 'ivo_report_rows', 'ivo_pseudonyms']) {
      const { rows } = await sql<{ ctid: string }>`select ctid::text from ${sql.table(table)}
         where municipality_id = ${world.municipalityId} limit 1`.execute(server.ownerDb);
      expect(rows, `a row in ${table}`).toHaveLength(1);
      const ctid = rows[0]!.ctid;
      await expect(
        asOwnerRolledBack(
          server.ownerDb,
          sql`update ${sql.table(table)} set municipality_id = municipality_id where ctid = ${ctid}::tid`,
        ),
      ).rejects.toThrow(/official record/);
      await expect(
        asOwnerRolledBack(server.ownerDb, sql`delete from ${sql.table(table)} where ctid = ${ctid}::tid`),
      ).rejects.toThrow(/official record/);
      await expect(asOwnerRolledBack(server.ownerDb, sql`truncate ${sql.table(table)} cascade`)).rejects.toThrow(
        /official record: TRUNCATE is not allowed/,
      );
    }
  });
});
