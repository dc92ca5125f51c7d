import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';
import { TEST_PASSWORD } from '../test/factories.ts';

describeInBrowser('signing in', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it('shows a clear message for a wrong password, next to nothing else, and passes axe', async () => {
    const page = await bw.newPage();
    await page.goto('/logga-in');
    await expectNoAxeViolations(page, 'the sign-in page');
    await page.getByLabel('Användarnamn').fill(bw.world.users.careStaff.username);
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expectText(page.getByRole('alert'), 'Fel användarnamn eller lösenord.');
  });

  it('says how long to wait when sign-in is throttled, as an alert that gets focus, and passes axe', async () => {
    const { username } = bw.world.users.coordinator;
    const wrong = () =>
      fetch(`${bw.server.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'fel-lösenord' }),
      }).then((response) => response.status);
    // The free failures, then four more, each after its delay has run out (moved into the past):
    // the delay is now 16 times the first, long enough that it cannot run out while the page works.
    for (let attempt = 0; attempt < bw.server.config.loginFreeFailures; attempt++) expect(await wrong()).toBe(401);
    for (let round = 0; round < 4; round++) {
      await bw.server.ownerDb
        .updateTable('login_attempts')
        .set({ attempted_at: sql`attempted_at - interval '1 hour'` })
        .where('username', '=', username)
        .execute();
      expect(await wrong()).toBe(401);
    }
    const page = await bw.newPage();
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    const minutes = Math.ceil((bw.server.config.loginFirstDelaySeconds * 16) / 60);
    await expectText(
      page.getByRole('alert'),
      `För många misslyckade inloggningsförsök. Vänta ${minutes} minuter och försök igen.`,
    );
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Vänta');
    expect(page.url()).toContain('/logga-in');
    await expectNoAxeViolations(page, 'the sign-in page when throttled');
  });

  it('lands a user with one position on the desk, showing their position and unit', async () => {
    const page = await bw.newPage();
    await signIn(page, bw.world.users.careStaff.username);
    await expectText(page.getByRole('banner'), 'Undersköterska');
    await expectText(page.getByRole('banner'), 'Hemtjänst Norr');
    await expectNoAxeViolations(page, 'the desk');
  });
});
