import { afterAll, beforeAll, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('signing in', () => {
  let bw: BrowserWorld;
  beforeAll(async () => { bw = await startBrowserWorld(); });
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

  it('lands a user with one position on the desk, showing their position and unit', async () => {
    const page = await bw.newPage();
    await signIn(page, bw.world.users.careStaff.username);
    await expectText(page.getByRole('banner'), 'Undersköterska');
    await expectText(page.getByRole('banner'), 'Hemtjänst Norr');
    await expectNoAxeViolations(page, 'the desk');
  });
});
