import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { UserKey } from '../test/factories.ts';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('the desk (Mitt skrivbord)', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    // Two persons in care staff's unit, one in the neighbouring unit they must not count.
    await bw.world.createPerson(['homeCareNorth'], { firstName: 'Elsa', lastName: 'Öberg' });
    await bw.world.createPerson(['homeCareNorth'], { firstName: 'Tage', lastName: 'Ålander' });
    await bw.world.createPerson(['homeCareSouth'], { firstName: 'Karin', lastName: 'Söderlund' });
  });
  afterAll(async () => bw?.close());

  const deskNav = (page: Page) => page.getByRole('navigation', { name: 'Mitt skrivbord' });
  /** A folder's link in the navigation; a count after the name (Inkorg 3) does not matter. */
  const folderLink = (page: Page, folder: string) =>
    deskNav(page).getByRole('link', { name: new RegExp(`^${folder}`) });

  it('shows each role its folders: care staff get no Registrera person and no Administration', async () => {
    const expected: Partial<Record<UserKey, { has: string[]; lacks: string[] }>> = {
      careStaff: {
        has: ['Sök person', 'Senast öppnade', 'Mina enheter', 'Inkorg', 'Skickat'],
        lacks: ['Registrera person', 'Administration', 'Mina ärenden'],
      },
      caseOfficer: { has: ['Sök person', 'Registrera person', 'Mina ärenden'], lacks: ['Administration'] },
      administrator: { has: ['Administration', 'Inkorg'], lacks: ['Sök person', 'Mina enheter', 'Registrera person'] },
    };
    for (const [user, { has, lacks }] of Object.entries(expected) as [UserKey, { has: string[]; lacks: string[] }][]) {
      const page = await bw.signedInPage(user);
      await page.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).waitFor();
      for (const folder of has) await folderLink(page, folder).first().waitFor();
      for (const folder of lacks) {
        expect(await folderLink(page, folder).count(), `${user} must not see ${folder}`).toBe(0);
        // Nor as a folder card on the page.
        expect(
          await page.getByRole('main').getByRole('link', { name: folder, exact: true }).count(),
          `${user}: card ${folder}`,
        ).toBe(0);
      }
      if (user === 'careStaff') await expectNoAxeViolations(page, 'the care staff desk');
      if (user === 'administrator') {
        // No persons for the administrator: no quick search, no units.
        expect(await page.getByRole('search').count()).toBe(0);
        await expectNoAxeViolations(page, 'the administrator desk');
      }
      await page.context().close();
    }
  });

  it("lists Mina enheter with person counts, opens a unit's persons, and remembers the person opened under Senast öppnade", async () => {
    const page = await bw.signedInPage('careStaff');
    const unitRow = (table: Locator) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Hemtjänst Norr' }) });

    // The desk's own summary and the unit list in the navigation.
    await expectText(
      unitRow(page.getByRole('main').getByRole('table', { name: 'Mina enheter' }))
        .getByRole('cell')
        .last(),
      '2',
    );
    await deskNav(page)
      .getByRole('list', { name: 'Mina enheter' })
      .getByRole('link', { name: /^Hemtjänst Norr\s*, 2 personer$/ })
      .waitFor();

    await deskNav(page).getByRole('link', { name: 'Mina enheter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina enheter' }).waitFor();
    const units = page.getByRole('table', { name: 'Enheter och antal personer' });
    await expect.poll(() => units.getByRole('rowheader').allInnerTexts()).toEqual(['Hemtjänst Norr']);
    await expectText(unitRow(units).getByRole('cell').last(), '2');
    await expectNoAxeViolations(page, 'Mina enheter');

    await units.getByRole('link', { name: 'Hemtjänst Norr' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hemtjänst Norr' }).waitFor();
    const persons = page.getByRole('table', { name: 'Personer på Hemtjänst Norr' });
    await expectText(persons, 'Öberg, Elsa');
    await expectText(persons, 'Ålander, Tage');
    expect(await persons.innerText()).not.toContain('Söderlund');
    await expectNoAxeViolations(page, "a unit's persons");

    await deskNav(page).getByRole('link', { name: 'Senast öppnade' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senast öppnade' }).waitFor();
    await expectText(page.getByRole('main'), 'Du har inte öppnat några personer ännu.');
    await expectNoAxeViolations(page, 'Senast öppnade, empty');

    await page.goBack();
    await page
      .getByRole('table', { name: 'Personer på Hemtjänst Norr' })
      .getByRole('row')
      .filter({ hasText: 'Öberg, Elsa' })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 1, name: 'Öberg, Elsa' }).waitFor();
    await deskNav(page).getByRole('link', { name: 'Översikt' }).click();
    await expectText(page.getByRole('main'), 'Senast öppnade (1 person)');
    await deskNav(page).getByRole('link', { name: 'Senast öppnade' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senast öppnade' }).waitFor();
    const recent = page.getByRole('table', { name: 'Personer du har öppnat, senast först' });
    await expectText(recent, 'Öberg, Elsa');
    expect(await recent.innerText()).not.toContain('Ålander');
    await expectNoAxeViolations(page, 'Senast öppnade with a person');
    await recent.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Öberg, Elsa' }).waitFor();
  });

  it("searches from the desk's quick search", async () => {
    const page = await bw.signedInPage('careStaff');
    await page.getByRole('search', { name: 'Snabbsök person' }).getByRole('textbox').fill('ålander');
    await page.getByRole('search', { name: 'Snabbsök person' }).getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sök person' }).waitFor();
    await expectText(page.getByRole('table', { name: /^Träffar för/ }), 'Ålander, Tage');
  });
});
