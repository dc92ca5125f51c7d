import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { normalizeTestNumber, testPersonnummer } from '../seeds/lib/test-numbers.ts';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  startBrowserWorld,
  tabTo,
  type BrowserWorld,
} from './harness.ts';

const SEARCH_BOX = 'Personnummer, födelsedatum eller namn';

describeInBrowser('persons: search, edit, protected identity, register', () => {
  let bw: BrowserWorld;
  let pageAs: ReturnType<typeof sharedSessions>;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    pageAs = sharedSessions(bw);
  });
  afterAll(async () => bw?.close());

  /**
   * Types into "Sök person", waits for the announced result and answers the hits table, whose
   * caption names the query (so a table left from the previous search never counts).
   */
  const search = async (page: Page, text: string, expected: string) => {
    await page.getByRole('textbox', { name: SEARCH_BOX }).fill(text);
    await page.getByRole('search', { name: 'Sök person' }).getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === text);
    await expectText(page.getByRole('main').getByRole('status'), expected);
    return page.getByRole('table', { name: `Träffar för ”${text}”` });
  };

  it('finds a person in scope by personnummer, birth date and name with å/ä/ö, and opens the person', async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Märta', lastName: 'Åström' });
    const number = normalizeTestNumber(person.identityNumber);
    const page = await pageAs('careStaff', '/personer/sok');
    const openFrom = async (hits: Locator) => {
      await hits.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { level: 1, name: 'Åström, Märta' }).waitFor();
      await page.getByRole('navigation', { name: 'Mitt skrivbord' }).getByRole('link', { name: 'Sök person' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sök person' }).waitFor();
    };

    const byNumber = await search(page, number, '1 träff');
    await expectText(byNumber, 'Åström, Märta');
    await expectNoAxeViolations(page, 'search hits');
    await byNumber.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { level: 1, name: 'Åström, Märta' }).waitFor();
    await expectText(page.getByRole('main'), number);
    await expectNoAxeViolations(page, 'the person page');
    await page.goBack();

    await openFrom(await search(page, person.identityNumber.slice(0, 8), 'träff'));
    await openFrom(await search(page, 'åström mär', '1 träff'));
    await expectText(await search(page, 'ÅSTRÖM', 'träff'), 'Åström, Märta');
  });

  it("finds nobody outside the position's units", async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Örjan', lastName: 'Bäckström' });
    const page = await pageAs('otherCareStaff', '/personer/sok');
    await search(page, normalizeTestNumber(person.identityNumber), 'Inga träffar.');
    // From a fresh page load, so the answer cannot be the previous search's.
    await page.goto(`/personer/sok?q=${encodeURIComponent('Bäckström')}`);
    await expectText(page.getByRole('main').getByRole('status'), 'Inga träffar.');
    await expectNoAxeViolations(page, 'a search without hits');
    await page.goto(`/personer/${person.id}`);
    await page.getByRole('heading', { level: 1, name: 'Personen hittades inte' }).waitFor();
  });

  it('shows a bad number next to the search box, from the page and from the server', async () => {
    const page = await pageAs('careStaff', '/personer/sok');
    const box = page.getByRole('textbox', { name: SEARCH_BOX });
    await box.fill('19121212-1213');
    await page.getByRole('search', { name: 'Sök person' }).getByRole('button', { name: 'Sök' }).click();
    await expectFieldError(box, 'Kontrollsiffran stämmer inte.');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'the search box with an error');
    // An address typed or linked by hand is checked by the server; its answer lands on the same field.
    await page.goto('/personer/sok?q=1234');
    await expectFieldError(page.getByRole('textbox', { name: SEARCH_BOX }), 'Ange födelsedatum (6 eller 8 siffror)');
  });

  it('searches and opens a person with the keyboard only', async () => {
    await bw.world.createPerson(['homeCareNorth'], { firstName: 'Åke', lastName: 'Nyqvist' });
    const page = await pageAs('careStaff', '/personer/sok');
    await tabTo(page, page.getByRole('textbox', { name: SEARCH_BOX }), 3);
    await page.keyboard.type('Nyqvist åke');
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('main').getByRole('status'), '1 träff');
    await tabTo(page, page.getByRole('table', { name: 'Träffar för ”Nyqvist åke”' }).getByRole('link').first(), 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nyqvist, Åke' }).waitFor();
  });

  it('lets a case officer edit Personuppgifter, rejects bad dates next to the field, and keeps typed text on a conflict', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Göran', lastName: 'Ärlebäck' });
    const page = await pageAs('caseOfficer', `/personer/${person.id}`);
    const form = page.getByRole('form', { name: 'Personuppgifter' });
    const language = form.getByRole('textbox', { name: 'Kontaktspråk' });
    const deceased = form.getByRole('textbox', { name: 'Dödsdatum' });
    const save = async () => form.getByRole('button', { name: 'Spara' }).click();

    await language.fill('Arabiska');
    await form.getByRole('combobox', { name: 'Civilstånd' }).selectOption({ label: 'Änka/änkling' });
    await save();
    await expectText(form.getByRole('status'), 'Sparat');
    await expectNoAxeViolations(page, 'Personuppgifter saved');
    await page.reload();
    await expect.poll(() => language.inputValue()).toBe('Arabiska');
    expect(await form.getByRole('combobox', { name: 'Civilstånd' }).inputValue()).toBe('widowed');

    await deceased.fill('2023-02-30');
    await save();
    await expectFieldError(deceased, 'Datumet finns inte.');
    await deceased.fill(`${Number(person.identityNumber.slice(0, 4)) - 1}-06-15`);
    await save();
    await expectFieldError(deceased, 'Dödsdatum kan inte vara före födelsedatum.');
    await expectNoAxeViolations(page, 'Personuppgifter with a field error');
    expect(await page.getByRole('heading', { name: 'Något gick fel' }).count()).toBe(0);
    await deceased.fill('');

    // Someone else saves behind the page's back: the version moves on.
    await language.fill('Somaliska');
    await bw.server.ownerDb
      .updateTable('persons')
      .where('id', '=', person.id)
      .set((eb) => ({ version: eb('version', '+', 1), contact_language: 'Finska' }))
      .execute();
    await save();
    await expectText(form.getByRole('alert'), 'Någon annan har ändrat uppgifterna medan du arbetade med dem.');
    expect(await language.inputValue()).toBe('Somaliska');
    await expectNoAxeViolations(page, 'Personuppgifter with a conflict');
    await form.getByRole('button', { name: 'Läs in senaste uppgifterna' }).click();
    await expectText(form.getByRole('status').first(), 'Kontaktspråk: Finska');
    expect(await language.inputValue()).toBe('Somaliska');
    await save();
    await expectText(form.getByRole('status').last(), 'Sparat');
    const row = await bw.server.ownerDb
      .selectFrom('persons')
      .select('contact_language')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.contact_language).toBe('Somaliska');
  });

  it('lets care staff edit Besöksinfo and Viktigt att veta (with the warning) and add a Närstående', async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Ulla', lastName: 'Sjögren' });
    const page = await pageAs('careStaff', `/personer/${person.id}`);
    // Personuppgifter belong to the authority: care staff read them only.
    await expectText(page.getByRole('tabpanel'), 'Din befattning får läsa men inte ändra');
    expect(await page.getByRole('form', { name: 'Personuppgifter' }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Besöksinfo' }).click();
    const visit = page.getByRole('form', { name: 'Besöksinfo' });
    await visit.getByRole('textbox', { name: 'Portkod' }).fill('1234');
    await visit.getByRole('textbox', { name: 'Besöksinformation' }).fill('Ring två gånger. Hiss till plan 3.');
    await visit.getByRole('button', { name: 'Spara' }).click();
    await expectText(visit.getByRole('status'), 'Sparat');
    await expectNoAxeViolations(page, 'Besöksinfo saved');

    await page.getByRole('tab', { name: 'Viktigt att veta' }).click();
    await expectText(
      page.getByRole('tabpanel').getByRole('note'),
      'Skriv aldrig diagnoser eller annan hälso- och sjukvårdsinformation.',
    );
    const important = page.getByRole('form', { name: 'Viktigt att veta' });
    await important
      .getByRole('textbox', { name: 'Viktigt att veta' })
      .fill('Nyckeln hänger i köket. Vill bli kallad Ulla.');
    await important.getByRole('button', { name: 'Spara' }).click();
    await expectText(important.getByRole('status'), 'Sparat');
    await expectNoAxeViolations(page, 'Viktigt att veta saved');

    await page.getByRole('tab', { name: 'Närstående' }).click();
    await page.getByRole('button', { name: 'Lägg till närstående' }).click();
    const relative = page.getByRole('form', { name: 'Lägg till närstående' });
    await relative.getByRole('textbox', { name: 'Namn', exact: true }).fill('Åsa Sjögren');
    await relative.getByRole('textbox', { name: 'Relation' }).fill('Dotter');
    await relative.getByRole('textbox', { name: 'Telefon' }).fill('070-123 45 67');
    await relative.getByRole('checkbox', { name: 'Närmast anhörig' }).check();
    await expectNoAxeViolations(page, 'the add-relative form');
    await relative.getByRole('button', { name: 'Spara' }).click();
    await expectText(page.getByRole('tabpanel').getByRole('status'), 'Närstående är tillagd.');
    await expectText(page.getByRole('table', { name: 'Närstående' }), 'Åsa Sjögren');
    await expectNoAxeViolations(page, 'Närstående with a row');

    await page.reload();
    await expectText(page.getByRole('table', { name: 'Närstående' }), 'Dotter');
    await page.getByRole('tab', { name: 'Besöksinfo' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Portkod' }).inputValue()).toBe('1234');
  });

  it('masks a protected identity in hits and header; a case officer reveals it with a reason, care staff cannot', async () => {
    const person = await bw.world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Hemlig',
      lastName: 'Skyddsson',
      protectedIdentity: true,
    });
    const number = normalizeTestNumber(person.identityNumber);
    const page = await pageAs('caseOfficer', '/personer/sok');
    await search(page, 'Skyddsson', 'Inga träffar.');
    const hits = await search(page, number, '1 träff');
    await expectText(hits, 'Skyddad identitet');
    expect(await hits.innerText()).not.toContain('Skyddsson');
    await hits.getByRole('link', { name: number }).click();
    const title = page.getByRole('heading', { level: 1 });
    await expectText(title, 'Skyddad identitet');
    expect(await title.innerText()).not.toContain('Skyddsson');
    await expectNoAxeViolations(page, 'a protected person, masked');

    await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Visa skyddade uppgifter' });
    await dialog.getByRole('button', { name: 'Visa uppgifterna' }).click();
    await expectFieldError(
      dialog.getByRole('textbox', { name: 'Anledning' }),
      'Ange varför du behöver se uppgifterna.',
    );
    await expectNoAxeViolations(page, 'the reveal dialog with an error');
    await dialog.getByRole('textbox', { name: 'Anledning' }).fill('Planerar hembesök i morgon.');
    await dialog.getByRole('button', { name: 'Visa uppgifterna' }).click();
    await expectText(title, 'Skyddsson, Hemlig');
    await expectText(title, 'Skyddad identitet');
    await expectText(page.getByRole('main'), 'Skyddade uppgifter visas eftersom du angav en anledning.');
    await expectNoAxeViolations(page, 'a protected person, revealed');

    const staffPage = await pageAs('careStaff', `/personer/${person.id}`);
    await expectText(staffPage.getByRole('heading', { level: 1 }), 'Skyddad identitet');
    await staffPage.getByRole('tab', { name: 'Personuppgifter' }).waitFor();
    expect(await staffPage.getByRole('button', { name: 'Visa skyddade uppgifter' }).count()).toBe(0);
    expect(await staffPage.getByRole('main').innerText()).not.toContain('Skyddsson');
  });

  it('lets a case officer register a new person, and says so when the number is already registered', async () => {
    const number = normalizeTestNumber(testPersonnummer().at(-5)!);
    const page = await pageAs('caseOfficer', '/personer/senast');
    const register = async () => {
      await page
        .getByRole('navigation', { name: 'Mitt skrivbord' })
        .getByRole('link', { name: 'Registrera person' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Registrera person' }).waitFor();
      await page.getByRole('textbox', { name: 'Personnummer' }).fill(number);
      await page.getByRole('textbox', { name: 'Förnamn' }).fill('Ingrid');
      await page.getByRole('textbox', { name: 'Efternamn' }).fill('Sjöberg');
    };
    await register();
    await expectNoAxeViolations(page, 'the registration form');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjöberg, Ingrid' }).waitFor();
    await expectText(
      page.getByRole('main').getByRole('status').filter({ hasText: 'Personen' }),
      'Personen är registrerad.',
    );
    await expectNoAxeViolations(page, 'the person page after registering');
    const firstUrl = page.url();

    await register();
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjöberg, Ingrid' }).waitFor();
    await expectText(
      page.getByRole('main').getByRole('status').filter({ hasText: 'Personen' }),
      'Personen fanns redan och har kopplats till din enhet.',
    );
    expect(page.url()).toBe(firstUrl);
  });
});
