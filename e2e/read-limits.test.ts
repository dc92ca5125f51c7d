/**
 * What a user sees at a read limit (ADR 0016): the server's Swedish message, with how long to wait,
 * on the person page and on a unit's list. Limits of a few reads, on a server of this file's own.
 */
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { createTestWorld, type TestWorld } from '../test/factories.ts';
import { describeInBrowser, launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, signIn } from './harness.ts';

describeInBrowser('the read limits in the web app', () => {
  let server: TestServer;
  let world: TestWorld;
  let browser: Browser;
  let personIds: string[];

  beforeAll(async () => {
    server = await startTestServer({
      readLimits: {
        sessionWindowSeconds: 600,
        userWindowSeconds: 3600,
        // Care staff open a person for 2: the record and Inför besöket. Two persons fit, the third does not.
        personRecord: { perSession: 4, perUser: 100 },
        personList: { perSession: 50, perUser: 1000 },
      },
    });
    world = await createTestWorld(server.ownerDb, server.baseUrl);
    personIds = [];
    for (const lastName of ['Ahlström', 'Bergqvist', 'Cederlund'])
      personIds.push((await world.createPerson(['homeCareNorth'], { firstName: 'Läs', lastName })).id);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, world.users.careStaff.username);
    return page;
  }

  it("tells how long to wait when a person cannot be opened, and when a unit's list cannot be shown", async () => {
    const page = await signedIn();
    for (const id of personIds.slice(0, 2)) {
      await page.goto(`/personer/${id}`);
      await page.getByRole('heading', { level: 1, name: /Läs/ }).waitFor();
    }
    await page.goto(`/personer/${personIds[2]}`);
    await page.getByRole('heading', { level: 1, name: 'Personen kunde inte visas' }).waitFor();
    await expectText(
      page.getByRole('alert'),
      'Du har öppnat ovanligt många personer på kort tid. Av säkerhetsskäl kan du öppna fler om 10 minuter.',
    );
    await expectNoAxeViolations(page, 'the person page at the read limit');

    // One page of the unit's persons fills this session's list budget of 50; the next is refused.
    await page.goto(`/enheter/${world.units.homeCareNorth}`);
    await expectText(page.getByRole('main'), 'Bergqvist');
    await page.goto(`/enheter/${world.units.homeCareNorth}?q=ahl`);
    await expectText(
      page.getByRole('alert'),
      'Du har listat eller sökt fram ovanligt många personer på kort tid. Av säkerhetsskäl kan du fortsätta om 10 minuter.',
    );
  });
});
