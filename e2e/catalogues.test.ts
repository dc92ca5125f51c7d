/**
 * The catalogue screens in the browser: an administrator keeps the intervention types and the
 * legal bases with their service areas; a refused save (409) keeps what was typed and says why on
 * the field; a type in use keeps its service area, a legal basis in use the areas of its decisions;
 * a type proposes only legal bases of its area; axe-core passes on every screen; others are turned away.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { UserKey } from '../test/factories.ts';
import { createDecisionUsing } from '../test/fixtures/catalogue-fixtures.ts';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  expectTextWithout,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';

describeInBrowser('catalogues', () => {
  let bw: BrowserWorld;
  let page: Page;

  /** Signed in and on the desk: the sign-in page has an h1 of its own, so wait for the address to change. */
  const signedIn = async (user: UserKey) => {
    const signedInPage = await bw.signedInPage(user);
    await signedInPage.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
    return signedInPage;
  };

  beforeAll(async () => {
    bw = await startBrowserWorld();
    page = await signedIn('administrator');
  });
  afterAll(async () => bw?.close());

  const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });

  it('lists the intervention types of a service area with their scope unit, legal basis and flags', async () => {
    await page.goto('/admin/organisation');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Insatskatalog' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Insatskatalog');
    await page.getByLabel('Verksamhetsområde').selectOption('AO');
    await page.waitForURL(/omrade=AO/);
    // Trygghetslarm is in the unfiltered list too: the filtered one is the one without Familjestöd.
    await expectTextWithout(page.getByRole('table'), 'Trygghetslarm', 'Familjestöd');
    expect(await page.getByRole('row', { name: /Trygghetslarm/ }).innerText()).toMatch(
      /ingen omfattning.*SoL 11 kap\. 1 §.*Trygghetslarm, Undantagen från genomförandeplan/s,
    );
    await expectNoAxeViolations(page, 'the intervention catalogue');
  });

  it('creates a type; a name the area already has is refused on the field and the input stays', async () => {
    await page.getByRole('link', { name: 'Ny insatstyp' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Ny insatstyp');
    await page.getByLabel('Verksamhetsområde').selectOption('AO');
    // An ÄO type proposes only ÄO's legal bases: SoL, never an LSS paragraph.
    const proposed = async () =>
      (await page.getByLabel('Lagrum som föreslås').locator('option').allInnerTexts()).join('|');
    await expect
      .poll(async () => {
        const options = await proposed();
        return options.includes('SoL 11 kap. 1 §') && !options.includes('LSS 9 § 3');
      })
      .toBe(true);
    await textbox('Namn').fill('Service');
    await textbox('Nyckelkod').fill('HTJ-ST');
    await page.getByLabel('Lagrum som föreslås').selectOption({ label: 'SoL 11 kap. 1 §' });
    await page.getByLabel('Omfattning anges i').selectOption('hours_per_month');
    await page.getByRole('button', { name: 'Skapa insatstyp' }).click();
    await expectText(page.getByRole('alert'), 'Det finns redan en insatstyp med det namnet i verksamhetsområdet.');
    expect(await textbox('Namn').getAttribute('aria-invalid')).toBe('true');
    expect(await textbox('Nyckelkod').inputValue()).toBe('HTJ-ST');
    await expectNoAxeViolations(page, 'a refused new intervention type');
    await textbox('Namn').fill('Städning');
    await page.getByRole('button', { name: 'Skapa insatstyp' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'är skapad' }), 'Insatstypen Städning är skapad.');
    await expectText(page.getByRole('table'), 'Städning');
  });

  it('keeps the service area of a type a decision grants, and saves its other fields', async () => {
    const typeId = bw.world.catalogue.interventionTypes.get('AO:Personlig omvårdnad')!;
    await createDecisionUsing(bw.server.ownerDb, bw.world, {
      legalBasisId: bw.world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
      decisionDate: '2026-01-15',
      interventionTypeId: typeId,
    });
    await page.goto(`/admin/insatskatalog/${typeId}`);
    await expectText(page.getByRole('heading', { level: 1 }), 'Personlig omvårdnad');
    const area = page.getByLabel('Verksamhetsområde');
    expect(await area.locator('option').allInnerTexts()).toEqual(['ÄO – Äldreomsorg']);
    await expectText(page.locator('.field').filter({ has: area }), 'kan inte flyttas till ett annat verksamhetsområde');
    await page.getByLabel('Omfattning anges i').selectOption('hours_per_week');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Sparat' }), 'Sparat');
    await expectNoAxeViolations(page, 'an intervention type in use');
  });

  it('adds a legal basis for its service areas; validity overlapping the same code is refused on the field; the list filters by area and today', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Lagrum' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Lagrum');
    await expectText(page.getByRole('table'), 'SoL 4 kap. 1 §');
    expect(await page.getByRole('row', { name: /SoL 11 kap\. 1 §/ }).innerText()).toContain('ÄO, FH, IFO');
    await expectNoAxeViolations(page, 'the legal bases');
    await page.getByRole('link', { name: 'Nytt lagrum' }).click();
    await textbox('Lagrum').fill('LSS 9 § 3');
    await textbox('Gäller från').fill('2030-01-01');
    await page.getByRole('button', { name: 'Skapa lagrum' }).click();
    // No area chosen: said on the group before anything is sent.
    await expectText(
      page.locator('fieldset').filter({ hasText: 'Verksamhetsområden' }),
      'Välj minst ett verksamhetsområde.',
    );
    await expectNoAxeViolations(page, 'a new legal basis without areas');
    await page.getByRole('checkbox', { name: /^LSS – / }).check();
    await page.getByRole('button', { name: 'Skapa lagrum' }).click();
    await expectText(page.getByRole('alert'), 'LSS 9 § 3 finns redan med giltighet 1994-01-01 – tills vidare.');
    expect(await textbox('Gäller från').inputValue()).toBe('2030-01-01');
    expect(await page.getByRole('checkbox', { name: /^LSS – / }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'a refused legal basis');
    await textbox('Lagrum').fill('LSS 9 § 10');
    await textbox('Beskrivning').fill('Daglig verksamhet för personer i yrkesverksam ålder');
    await page.getByRole('button', { name: 'Skapa lagrum' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'är skapat' }), 'Lagrummet LSS 9 § 10 är skapat.');
    await page.getByLabel('Verksamhetsområde').selectOption('LSS');
    await page.waitForURL(/omrade=LSS/);
    // LSS 9 § 10 was on the page before the filter applied: what proves the new list is that the
    // others are gone, so wait for both rather than read the table at once.
    await expectTextWithout(page.getByRole('table'), 'LSS 9 § 10', 'SoL 11 kap. 1 §');
    await page.getByLabel('Verksamhetsområde').selectOption('');
    await page.getByLabel(/Visa bara lagrum som gäller i dag/).click();
    await page.waitForURL(/idag=ja/);
    await expectTextWithout(page.getByRole('table'), 'SoL 11 kap. 1 §', 'SoL 4 kap. 1 §');
  });

  it("keeps the service areas a legal basis's decisions were made in, and saves the others", async () => {
    const admin = await bw.world.signIn('administrator');
    const created = await admin.post<{ id: string }>('/api/catalogues/legal-bases', {
      code: 'SoL 5 kap. 5 §',
      validFrom: '2020-01-01',
      serviceAreas: ['AO', 'FH', 'IFO'],
    });
    expect(created.status).toBe(200);
    await createDecisionUsing(bw.server.ownerDb, bw.world, {
      legalBasisId: created.body.id,
      decisionDate: '2026-01-15',
    });
    await page.goto(`/admin/lagrum/${created.body.id}`);
    await expectText(page.getByRole('heading', { level: 1 }), 'SoL 5 kap. 5 §');
    await page.getByRole('checkbox', { name: /^ÄO – / }).uncheck();
    await page.getByRole('button', { name: 'Spara' }).click();
    const areas = page.locator('fieldset').filter({ hasText: 'Verksamhetsområden' });
    await expectText(areas, 'Lagrummet används i beslut inom ÄO, så det området måste vara kvar.');
    expect(await page.getByRole('checkbox', { name: /^ÄO – / }).isChecked()).toBe(false);
    await expectNoAxeViolations(page, "a legal basis keeping its decisions' area");
    await page.getByRole('checkbox', { name: /^ÄO – / }).check();
    await page.getByRole('checkbox', { name: /^IFO – / }).uncheck();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Sparat' }), 'Sparat');
  });

  it('turns away anyone but an administrator', async () => {
    const officer = await signedIn('caseOfficer');
    await officer.goto('/admin/lagrum');
    await expectText(officer.getByRole('heading', { level: 1 }), 'Ingen behörighet');
  });
});
