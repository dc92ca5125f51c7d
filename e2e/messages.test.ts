/**
 * Messages in the browser, along the hospital-discharge routine: the case officer writes from the
 * person's page to a send list and a user at once, picking them with the keyboard; the unit manager
 * sees the unread count in the header and the desk without reloading, opens the message, follows
 * the person link, marks it unread and archives it; a list keeper adds a member. axe-core passes on
 * every screen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { UserKey } from '../test/factories.ts';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('messages', () => {
  let bw: BrowserWorld;
  let person: { id: string; identityNumber: string };

  /** Signed in and on the desk: the sign-in page has an h1 of its own, so wait for the address to change. */
  const signedIn = async (user: UserKey): Promise<Page> => {
    const page = await bw.signedInPage(user);
    await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
    return page;
  };

  beforeAll(async () => {
    bw = await startBrowserWorld();
    const { world, server } = bw;
    person = await world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Moira', lastName: 'Mustafsson' });
    const list = await server.ownerDb
      .insertInto('send_lists')
      .values({ municipality_id: world.municipalityId, unit_id: world.units.homeCareNorth, name: 'Nattpatrullen' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.ownerDb
      .insertInto('send_list_members')
      .values({ municipality_id: world.municipalityId, send_list_id: list.id, user_id: world.users.unitManager.userId })
      .execute();
  });
  afterAll(async () => bw?.close());

  it('lets the case officer write from the person page to a send list and a user at once, by keyboard', async () => {
    const page = await signedIn('caseOfficer');
    await page.goto(`/personer/${person.id}`);
    await page.getByRole('link', { name: 'Skicka meddelande' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Skriv meddelande');
    await expectText(page.locator('.panel'), 'Mustafsson, Moira');

    await page.getByRole('button', { name: 'Skicka' }).click();
    await expectText(page.locator('.field__error').first(), 'Välj minst en mottagare.');
    await expectNoAxeViolations(page, 'the compose form with errors');

    const to = page.getByRole('combobox', { name: /Till/ });
    await to.fill('natt');
    await page.getByRole('option', { name: /Nattpatrullen/ }).waitFor();
    await expectNoAxeViolations(page, 'the compose form with suggestions open');
    await to.press('ArrowDown');
    await expect.poll(() => to.getAttribute('aria-activedescendant')).toBeTruthy();
    await to.press('Enter');
    await to.fill('samord');
    await page.getByRole('option', { name: /Samordnare coordinator/ }).waitFor();
    await to.press('ArrowDown');
    await to.press('Enter');
    await expect
      .poll(() => page.getByRole('list', { name: /Valda/ }).getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining('Nattpatrullen'), expect.stringContaining('Samordnare coordinator')]);

    await page.getByRole('textbox', { name: 'Ämne' }).fill('Hemkomst från sjukhus');
    await page
      .getByRole('textbox', { name: 'Meddelande' })
      .fill('Moira kommer hem i dag kl. 14.\nNattpatrullen gör tillsyn i natt.');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Skickat');
    await expectText(
      page.getByRole('status').filter({ hasText: 'skickats' }),
      'Meddelandet har skickats till 2 mottagare.',
    );
    await expectText(page.getByRole('table'), 'Nattpatrullen; Samordnare coordinator');
    await expectNoAxeViolations(page, 'the sent box');
  });

  it('shows the unit manager the unread count without a reload, and the message with its person link', async () => {
    const page = await signedIn('unitManager');
    const badge = page.getByRole('banner').getByRole('link', { name: /Inkorg/ });
    await expectText(badge, '1');
    await expectText(
      page.getByRole('navigation', { name: 'Mitt skrivbord' }).getByRole('link', { name: /Inkorg/ }),
      '1',
    );
    await expectNoAxeViolations(page, 'the desk with an unread message');

    // A message that arrives while the page is open shows within the polling interval or on focus.
    await (await bw.world.signIn('caseOfficer')).post('/api/messages', {
      recipientUserIds: [bw.world.users.unitManager.userId],
      subject: 'Nyckel',
      body: 'Nyckeln finns i kodskåpet.',
    });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expectText(badge, '2');

    await badge.click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Inkorg');
    await expectText(page.getByRole('table'), 'Hemkomst från sjukhus');
    await expectNoAxeViolations(page, 'the inbox');
    await page.getByRole('link', { name: 'Hemkomst från sjukhus' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Hemkomst från sjukhus');
    await expectText(page.locator('.message-body'), 'Nattpatrullen gör tillsyn i natt.');
    await expectText(badge, '1');
    await expectNoAxeViolations(page, 'a message');

    await page.getByRole('button', { name: 'Markera som oläst' }).click();
    await expectText(
      page.getByRole('status').filter({ hasText: 'markerat som oläst' }),
      'Meddelandet är markerat som oläst.',
    );
    await expectText(badge, '2');
    await page.getByRole('link', { name: 'Hemkomst från sjukhus' }).click();
    await page.getByRole('button', { name: 'Arkivera' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'arkivet' }), 'Meddelandet är flyttat till arkivet.');
    await expectText(page.getByRole('table'), 'Nyckel');
    expect(await page.getByRole('table').innerText()).not.toContain('Hemkomst från sjukhus');
    await page.getByRole('navigation', { name: 'Meddelanden' }).getByRole('link', { name: 'Arkiv' }).click();
    await page.getByRole('link', { name: 'Hemkomst från sjukhus' }).click();
    await page.getByRole('link', { name: /Mustafsson, Moira/ }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Mustafsson, Moira');
  });

  it('lets a list keeper add a member by searching for the name', async () => {
    const page = await signedIn('unitManager');
    await page.getByRole('navigation', { name: 'Mitt skrivbord' }).getByRole('link', { name: 'Sändlistor' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Sändlistor');
    await expectNoAxeViolations(page, 'the send lists');
    await page.getByRole('link', { name: 'Nattpatrullen', exact: true }).click();
    const add = page.getByRole('combobox', { name: /Lägg till medlem/ });
    await add.fill('underskö');
    await page.getByRole('option', { name: /Undersköterska careStaff/ }).click();
    await expectText(
      page.getByRole('status').filter({ hasText: 'lagts till' }),
      'Undersköterska careStaff har lagts till i listan.',
    );
    await expectText(page.getByRole('table'), 'Undersköterska careStaff');
    await expectNoAxeViolations(page, 'a send list');
  });
});
