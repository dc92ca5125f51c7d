/**
 * A server killed mid-write loses and doubles nothing (issue 13: a SIGKILL under write load lost
 * and doubled nothing; this keeps that true). Every change and its audit row, every running number
 * and what hangs on it commit in one transaction, so a process that dies at any instant leaves
 * either all of a write or none of it.
 *
 * The real server runs as a child process (src/server/main.ts, as `npm start` runs it) against a
 * database of its own beside the run's, so the kill touches no other test. Several clients write
 * at once — register a person, open a case (case number), record a decision (decision number),
 * write an assignment (assignment number) and send it (its events, state and event message), send
 * a message — and the server gets SIGKILL while requests are in flight. After a restart: every
 * write that was answered 2xx is there exactly once with its audit row; whatever else got in is
 * whole; each series' numbers run 1…N with none used twice and the series stands at N; sessions
 * still work and the next write takes number N + 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { createIsolatedDatabase } from '../harness.ts';
import { freePort } from '../scratch.ts';
import { createTestWorld, type TestWorld } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { createDb, type Db } from '../../src/server/platform/db/database.ts';
import { testPersonnummer, normalizeTestNumber } from '../../seeds/lib/test-numbers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Writers at once: enough that requests are in flight whenever the kill comes, few enough for two cores. */
const WRITERS = 5;
/** Kill once this many chains are through, so there is something answered to look for. */
const CHAINS_BEFORE_KILL = 6;

type Written =
  | { kind: 'person'; id: string }
  | { kind: 'case'; id: string; number: string }
  | { kind: 'decision'; id: string; number: string }
  | { kind: 'assignment'; id: string; number: string }
  | { kind: 'sent'; id: string }
  | { kind: 'message'; id: string };

let database: Awaited<ReturnType<typeof createIsolatedDatabase>> | undefined;
let ownerDb: Db | undefined;
let child: ChildProcess | undefined;
let output = '';
let port: number;
let baseUrl: string;
let world: TestWorld;

/**
 * `node --import tsx src/server/main.ts`: what `tsx src/server/main.ts` runs, in one process, so
 * the SIGKILL reaches the server itself rather than a launcher that would leave it running.
 */
async function startServer(): Promise<void> {
  const many = '1000000000';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database!.ownerUrl,
      APP_DATABASE_URL: '',
      APP_DB_PASSWORD: decodeURIComponent(new URL(inject('appUrl')).password),
      SEED_DEMO: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      READ_LIMIT_RECORDS_PER_SESSION: many,
      READ_LIMIT_RECORDS_PER_USER: many,
      READ_LIMIT_LISTED_PER_SESSION: many,
      READ_LIMIT_LISTED_PER_USER: many,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should this test process itself die, the server must not outlive it.
  const orphaned = child;
  process.once('exit', () => orphaned.kill('SIGKILL'));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited while starting:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become ready within 60 s:\n${output}`);
}

async function kill(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  database = await createIsolatedDatabase('crash');
  ownerDb = createDb({ connectionString: database.ownerUrl, max: 3 });
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  world = await createTestWorld(ownerDb, baseUrl);
  await startServer();
}, 120_000);

afterAll(async () => {
  await kill();
  await ownerDb?.destroy();
  await database?.drop();
});

function body<T = any>(response: { status: number; body: unknown }, what: string): T {
  if (response.status >= 300)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  return response.body as T;
}

/** One user's day in miniature; each answered write is recorded the moment its answer arrives. */
async function writeChain(client: TestClient, identityNumber: string, written: Written[]): Promise<void> {
  const person = body<{ id: string }>(
    await client.post('/api/persons', {
      identityNumber,
      firstName: 'Krasch',
      lastName: `Test${identityNumber.slice(-4)}`,
    }),
    'register',
  );
  written.push({ kind: 'person', id: person.id });
  const opened = body<{ id: string; caseNumber: string }>(
    await client.post(`/api/persons/${person.id}/cases`, { caseOfficerId: world.users.caseOfficer.userId }),
    'case',
  );
  written.push({ kind: 'case', id: opened.id, number: opened.caseNumber });
  const decided = body<{ id: string; decisionNumber: string }>(
    await client.post(`/api/cases/${opened.id}/decisions`, {
      outcome: 'granted',
      legalBasisId: world.catalogue.legalBases.get('SoL 11 kap. 1 §'),
      decisionDate: '2026-01-15',
      periodFrom: '2026-02-01',
      periodTo: null,
      interventions: [
        { interventionTypeId: world.catalogue.interventionTypes.get('AO:Personlig omvårdnad'), grantedAmount: 12 },
      ],
    }),
    'decision',
  );
  written.push({ kind: 'decision', id: decided.id, number: decided.decisionNumber });
  const options = body<{ decision: { interventions: { id: string }[] } }>(
    await client.get(`/api/decisions/${decided.id}/assignment-options`),
    'options',
  );
  const draft = body<{ id: string; assignmentNumber: string }>(
    await client.post(`/api/decisions/${decided.id}/assignments`, {
      providerId: world.units.homeCare,
      isNewClient: false,
      instructions: null,
      interventions: options.decision.interventions.map((row) => ({
        decisionInterventionId: row.id,
        minutesPerOccasion: null,
        plannedDays: ['mon'],
        plannedTimes: null,
        isTwoStaff: false,
        note: null,
      })),
      lifeAreas: [{ lifeArea: 'self_care', need: 'Hjälp med dusch.', goal: 'Duscha själv.' }],
    }),
    'assignment',
  );
  written.push({ kind: 'assignment', id: draft.id, number: draft.assignmentNumber });
  body(await client.post(`/api/assignments/${draft.id}/send`, { version: 1 }), 'send');
  written.push({ kind: 'sent', id: draft.id });
  const message = body<{ id: string }>(
    await client.post('/api/messages', {
      recipientUserIds: [world.users.unitManager.userId],
      subject: 'Nytt uppdrag',
      body: 'Uppdraget är skickat.',
      personId: person.id,
    }),
    'message',
  );
  written.push({ kind: 'message', id: message.id });
}

/** Rows of the municipality that break "whole or nothing", each described. */
async function halfWritten(db: Db, municipalityId: string): Promise<string[]> {
  const { rows } = await sql<{ problem: string }>`
    with audit as (select action, entity_id, details from audit_events where municipality_id = ${municipalityId})
    select 'person ' || p.id || ' has ' || (select count(*) from audit a where a.action = 'person.create' and a.entity_id = p.id) || ' person.create audit rows' as problem
      from persons p where p.municipality_id = ${municipalityId} and (select count(*) from audit a where a.action = 'person.create' and a.entity_id = p.id) <> 1
    union all
    select 'person ' || p.id || ' is linked to no unit' from persons p
     where p.municipality_id = ${municipalityId} and not exists (select 1 from person_unit_links l where l.person_id = p.id)
    union all
    select 'case ' || c.case_number || ' has ' || (select count(*) from audit a where a.action = 'case.open' and a.entity_id = c.id and a.details->>'caseNumber' = c.case_number) || ' case.open audit rows'
      from cases c where c.municipality_id = ${municipalityId}
       and (select count(*) from audit a where a.action = 'case.open' and a.entity_id = c.id and a.details->>'caseNumber' = c.case_number) <> 1
    union all
    select 'decision ' || d.decision_number || ' has ' || (select count(*) from audit a where a.action = 'decision.record' and a.entity_id = d.id) || ' decision.record audit rows'
      from decisions d where d.municipality_id = ${municipalityId} and (select count(*) from audit a where a.action = 'decision.record' and a.entity_id = d.id) <> 1
    union all
    select 'decision ' || d.decision_number || ' has no interventions' from decisions d
     where d.municipality_id = ${municipalityId} and not exists (select 1 from decision_interventions i where i.decision_id = d.id)
    union all
    select 'assignment ' || s.assignment_number || ' has ' || (select count(*) from audit a where a.action = 'assignment.create' and a.entity_id = s.id) || ' assignment.create audit rows'
      from assignments s where s.municipality_id = ${municipalityId} and (select count(*) from audit a where a.action = 'assignment.create' and a.entity_id = s.id) <> 1
    union all
    select 'assignment ' || s.assignment_number || ' has no interventions or life areas' from assignments s
     where s.municipality_id = ${municipalityId}
       and (not exists (select 1 from assignment_interventions i where i.assignment_id = s.id) or not exists (select 1 from assignment_life_areas l where l.assignment_id = s.id))
    union all
    -- Sent: one 'sent' event, one state, one assignment.send audit row whose recipient count is the event message's; a draft: none of those.
    select 'assignment ' || s.assignment_number || (case when s.sent_at is null then ' (draft)' else ' (sent)' end)
           || ': events ' || (select count(*) from assignment_events e where e.assignment_id = s.id and e.event = 'sent')
           || ', states ' || (select count(*) from assignment_states t where t.assignment_id = s.id)
           || ', send audit rows ' || (select count(*) from audit a where a.action = 'assignment.send' and a.entity_id = s.id)
      from assignments s where s.municipality_id = ${municipalityId}
       and ((select count(*) from assignment_events e where e.assignment_id = s.id and e.event = 'sent'),
            (select count(*) from assignment_states t where t.assignment_id = s.id),
            (select count(*) from audit a where a.action = 'assignment.send' and a.entity_id = s.id))
           is distinct from (case when s.sent_at is null then (0::bigint, 0::bigint, 0::bigint) else (1::bigint, 1::bigint, 1::bigint) end)
    union all
    -- The send's own message: the watch checks running in the server may write others about it (reminders).
    select 'assignment ' || s.assignment_number || ' was sent to ' || (a.details->>'recipientCount') || ' but its event message reached '
           || (select count(*) from message_recipients r join messages m on m.id = r.message_id where m.assignment_id = s.id and m.kind = 'event' and m.subject = 'Nytt uppdrag ' || s.assignment_number)
      from assignments s join audit a on a.action = 'assignment.send' and a.entity_id = s.id
     where s.municipality_id = ${municipalityId}
       and (a.details->>'recipientCount')::bigint <> (select count(*) from message_recipients r join messages m on m.id = r.message_id where m.assignment_id = s.id and m.kind = 'event' and m.subject = 'Nytt uppdrag ' || s.assignment_number)
    union all
    select 'message ' || m.id || ': ' || (select count(*) from audit a where a.action = 'message.send' and a.entity_id = m.id) || ' message.send audit rows, '
           || (select count(*) from message_recipients r where r.message_id = m.id) || ' recipients'
      from messages m where m.municipality_id = ${municipalityId} and m.kind = 'personal'
       and ((select count(*) from audit a where a.action = 'message.send' and a.entity_id = m.id) <> 1 or not exists (select 1 from message_recipients r where r.message_id = m.id))
  `.execute(db);
  return rows.map((row) => row.problem);
}

/** Per series: the numbers used, whether each is used once and they run 1…N, and where the series stands. */
async function numberProblems(
  db: Db,
  municipalityId: string,
): Promise<{ problems: string[]; highest: Record<string, number> }> {
  const used = {
    case: (
      await db
        .selectFrom('cases')
        .select('case_number as number')
        .where('municipality_id', '=', municipalityId)
        .execute()
    ).map((row) => row.number),
    decision: (
      await db
        .selectFrom('decisions')
        .select('decision_number as number')
        .where('municipality_id', '=', municipalityId)
        .execute()
    ).map((row) => row.number),
    assignment: (
      await db
        .selectFrom('assignments')
        .select('assignment_number as number')
        .where('municipality_id', '=', municipalityId)
        .execute()
    ).map((row) => row.number),
  };
  const series = await db
    .selectFrom('number_series')
    .select(['series', 'last_value'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const problems: string[] = [];
  const highest: Record<string, number> = {};
  for (const [name, numbers] of Object.entries(used)) {
    const values = numbers.map((number) => Number(/(\d+)$/.exec(number)![1])).sort((x, y) => x - y);
    const twice = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    if (twice.length) problems.push(`${name} numbers used twice: ${twice.join(', ')}`);
    if (values.some((value, index) => value !== index + 1))
      problems.push(`${name} numbers do not run 1…${values.length}: ${values.join(', ')}`);
    const stands = series.find((row) => row.series === name)?.last_value ?? 0;
    if (stands !== values.length)
      problems.push(`the ${name} series stands at ${stands} with ${values.length} numbers used`);
    highest[name] = values.length;
  }
  return { problems, highest };
}

describe('SIGKILL under write load', () => {
  it('loses and doubles nothing, leaves nothing half-written, and serves again after a restart', async () => {
    const written: Written[] = [];
    const failures: string[] = [];
    const numbers = testPersonnummer().slice(2_000).map(normalizeTestNumber);
    let next = 0;
    let chains = 0;
    let stop = false;
    const clients = await Promise.all(Array.from({ length: WRITERS }, () => world.signIn('caseOfficer')));
    const writers = clients.map(async (client) => {
      while (!stop) {
        try {
          await writeChain(client, numbers[next++]!, written);
          chains++;
        } catch (error) {
          // Refused or cut off by the kill: either way this writer has nothing more to add.
          failures.push((error as Error).message);
          return;
        }
      }
    });
    const started = Date.now();
    while (chains < CHAINS_BEFORE_KILL && Date.now() - started < 60_000 && failures.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(failures, `a write failed before the kill:\n${failures.join('\n')}\n${output}`).toEqual([]);
    await kill();
    stop = true;
    await Promise.all(writers);
    const cutOff = failures.length;
    console.log(
      `crash consistency: ${chains} chains done, ${written.length} writes answered 2xx, ${cutOff} requests cut off by SIGKILL`,
    );

    await startServer();
    const municipalityId = world.municipalityId;
    const db = ownerDb!;

    // Every answered write is there exactly once, with its number.
    const missing: string[] = [];
    for (const write of written) {
      const table = {
        person: 'persons',
        case: 'cases',
        decision: 'decisions',
        assignment: 'assignments',
        sent: 'assignments',
        message: 'messages',
      }[write.kind];
      const { rows } = await sql<{ n: number; number: string | null; sent: boolean }>`
        select count(*)::int as n, max(coalesce(${sql.ref(`t.${write.kind === 'case' ? 'case_number' : write.kind === 'decision' ? 'decision_number' : write.kind === 'assignment' ? 'assignment_number' : 'id'}`)}::text, '')) as number,
               bool_and(${write.kind === 'sent' ? sql`t.sent_at is not null` : sql`true`}) as sent
          from ${sql.table(table)} t where t.municipality_id = ${municipalityId} and t.id = ${write.id}`.execute(db);
      const row = rows[0]!;
      if (row.n !== 1) missing.push(`${write.kind} ${write.id}: ${row.n} rows`);
      else if ('number' in write && row.number !== write.number)
        missing.push(`${write.kind} ${write.id}: number ${row.number}, answered ${write.number}`);
      else if (!row.sent) missing.push(`assignment ${write.id} was answered as sent but is a draft`);
    }
    expect(missing, missing.join('\n')).toEqual([]);
    // Writes that committed but whose answer the kill cut off may be there too; they must be whole like the rest.
    const {
      rows: [stored],
    } = await sql<{ persons: number; cases: number }>`
      select (select count(*)::int from persons where municipality_id = ${municipalityId}) as persons,
             (select count(*)::int from cases where municipality_id = ${municipalityId}) as cases`.execute(db);
    const answered = (kind: Written['kind']) => written.filter((write) => write.kind === kind).length;
    console.log(
      `crash consistency: stored ${stored!.persons} persons (${answered('person')} answered), ${stored!.cases} cases (${answered('case')} answered)`,
    );
    expect(await halfWritten(db, municipalityId)).toEqual([]);
    const before = await numberProblems(db, municipalityId);
    expect(before.problems).toEqual([]);
    expect(before.highest.case).toBeGreaterThanOrEqual(CHAINS_BEFORE_KILL);

    // The restarted server serves: an old session still works, and the next write takes the next number.
    expect((await clients[0]!.get('/api/session')).status).toBe(200);
    const after: Written[] = [];
    await writeChain(await world.signIn('caseOfficer'), numbers[next++]!, after);
    const opened = after.find((write) => write.kind === 'case') as { number: string };
    expect(Number(/(\d+)$/.exec(opened.number)![1])).toBe(before.highest.case! + 1);
    expect(await halfWritten(db, municipalityId)).toEqual([]);
    expect((await numberProblems(db, municipalityId)).problems).toEqual([]);

    // The check sees a half-written record: a person put in without its audit row and unit link.
    const orphan = await world.createPerson([]);
    const seen = await halfWritten(db, municipalityId);
    expect(seen.sort()).toEqual([
      `person ${orphan.id} has 0 person.create audit rows`,
      `person ${orphan.id} is linked to no unit`,
    ]);
  }, 180_000);
});
