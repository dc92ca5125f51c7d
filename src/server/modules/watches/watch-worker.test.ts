/**
 * The queue that runs the checks (pg-boss): two workers — two app servers — on one database, each
 * asking for a check, send an escalation once; a worker starting after the time passed catches up
 * by itself. In a database of its own, since a check reaches every municipality in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIsolatedDatabase,
  startTestServer,
  type DatabaseUrls,
  type TestServer,
} from '../../../../test/harness.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { settableClock } from '../../platform/clock.ts';
import { startWatchWorker, type WatchWorker } from './watch-worker.ts';
import type { CheckReport } from './watch.service.ts';

const clock = settableClock();
let database: DatabaseUrls & { drop(): Promise<void> };
let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  database = await createIsolatedDatabase('watchworker');
  server = await startTestServer({}, database, { clock });
  world = await createTestWorld(server.ownerDb, server.baseUrl);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

function startWorker(reports: CheckReport[][]): Promise<WatchWorker> {
  return startWatchWorker({
    ownerUrl: database.ownerUrl,
    db: server.appDb,
    clock,
    schedule: false,
    pollingIntervalSeconds: 0.5,
    onReport: (report) => reports.push([...report]),
    onError: (error) => console.error('watch worker', error),
  });
}

async function stepsOf(subjectId: string): Promise<string[]> {
  const rows = await server.ownerDb
    .selectFrom('watch_notifications')
    .select('step')
    .where('subject_id', '=', subjectId)
    .orderBy('notified_at')
    .execute();
  return rows.map((row) => row.step);
}

describe('the watch checks through the queue', () => {
  it('catches up on start and sends each step once with two workers running', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const sentAt = (
      await server.ownerDb
        .selectFrom('assignments')
        .select('sent_at')
        .where('id', '=', sent.assignmentId)
        .executeTakeFirstOrThrow()
    ).sent_at!.getTime();
    // Both servers were down when the 24 hours passed.
    clock.set(new Date(sentAt + 25 * 3_600_000));

    const reports: CheckReport[][] = [];
    const first = await startWorker(reports);
    const second = await startWorker(reports);
    try {
      await Promise.all([first.requestCheck(), second.requestCheck(), first.requestCheck()]);
      await first.settle();
      expect(await stepsOf(sent.assignmentId)).toEqual(['manager']);
      expect(reports.length).toBeGreaterThan(0);
      const sentByAll = reports
        .flat()
        .reduce((sum, report) => sum + (report.rules.unacknowledged_assignment?.notified ?? 0), 0);
      expect(sentByAll).toBe(1);

      clock.set(new Date(sentAt + 49 * 3_600_000));
      await Promise.all([first.requestCheck(), second.requestCheck()]);
      await second.settle();
      expect(await stepsOf(sent.assignmentId)).toEqual(['manager', 'officer']);
    } finally {
      await first.stop();
      await second.stop();
    }
    const messages = await server.ownerDb
      .selectFrom('messages')
      .select('subject')
      .where('municipality_id', '=', world.municipalityId)
      .where('subject', 'like', `%${sent.assignmentNumber}%`)
      .execute();
    expect(messages.map((m) => m.subject).filter((s) => /Okvitterat|inte mottaget/.test(s))).toHaveLength(2);
  });
});
