import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestUser, TEST_PASSWORD } from '../test/factories.ts';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('choosing and switching position, signing out, an ended session', () => {
  let bw: BrowserWorld;
  let user: { username: string; userId: string };
  beforeAll(async () => {
    bw = await startBrowserWorld();
    user = await createTestUser(bw.server.ownerDb, bw.world, {
      name: 'twopositions',
      positions: [
        { unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] },
        { unit: 'homeCareSouth', title: 'Samordnare', roles: ['coordinator'] },
      ],
    });
  });
  afterAll(async () => bw?.close());

  /** Opens the user menu in the banner (a disclosure button) and picks an item. */
  const fromUserMenu = async (page: Page, item: 'Byt befattning' | 'Logga ut') => {
    const menuButton = page.getByRole('banner').getByRole('button', { name: /– meny$/ });
    await menuButton.click();
    await expect.poll(() => menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('banner').getByRole('button', { name: item }).click();
  };

  const choose = async (page: Page, title: string, unit: string) => {
    await page.getByRole('button', { name: `Välj ${title}, ${unit}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).waitFor();
    await expectText(page.getByRole('banner'), `${title}, ${unit}`);
  };

  it('asks a user with two positions to choose, shows the choice in the header and switches with Byt befattning', async () => {
    const page = await bw.newPage();
    await signIn(page, user.username);
    await page.getByRole('heading', { level: 1, name: 'Välj befattning' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/befattning');
    // Both positions are offered, each as its own card with a named button.
    await page.getByRole('heading', { level: 2, name: 'Undersköterska' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Samordnare' }).waitFor();
    await expectNoAxeViolations(page, 'the choice of position');

    await choose(page, 'Undersköterska', 'Hemtjänst Norr');
    await expectText(page.getByRole('main'), 'Du arbetar som Undersköterska på Hemtjänst Norr');
    await expectNoAxeViolations(page, 'the desk after choosing a position');

    await fromUserMenu(page, 'Byt befattning');
    await page.getByRole('heading', { level: 1, name: 'Välj befattning' }).waitFor();
    await expectText(page.getByRole('main'), 'Din nuvarande befattning');
    await expectNoAxeViolations(page, 'the choice of position when switching');

    await choose(page, 'Samordnare', 'Hemtjänst Söder');
    expect(await page.getByRole('banner').innerText()).not.toContain('Hemtjänst Norr');
  });

  it('signs out from the user menu back to the sign-in page', async () => {
    const page = await bw.newPage();
    await signIn(page, user.username);
    await choose(page, 'Undersköterska', 'Hemtjänst Norr');
    await fromUserMenu(page, 'Logga ut');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expectText(page.getByRole('status'), 'Du är utloggad.');
    await expectNoAxeViolations(page, 'the sign-in page after signing out');
    // The session is gone on the server too: a page of the desk sends back to sign-in.
    await page.goto('/enheter');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });

  it('tells the user they were signed out when the server ended the session', async () => {
    const page = await bw.newPage();
    await signIn(page, user.username);
    await choose(page, 'Samordnare', 'Hemtjänst Söder');

    await bw.server.ownerDb.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
    // The next page asks the API, gets 401 and lands on sign-in with the reason.
    await page
      .getByRole('navigation', { name: 'Mitt skrivbord' })
      .getByRole('link', { name: 'Senast öppnade' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expectText(page.getByRole('status'), 'Du har loggats ut. Logga in igen.');
    await expectNoAxeViolations(page, 'the sign-in page after the session ended');

    // Signing in again goes back to where the user was headed, after choosing a position.
    await page.getByLabel('Användarnamn').fill(user.username);
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj befattning' }).waitFor();
    await page.getByRole('button', { name: 'Välj Samordnare, Hemtjänst Söder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senast öppnade' }).waitFor();
  });
});
