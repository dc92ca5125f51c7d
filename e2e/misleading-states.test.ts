import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  shot,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { testPersonnummer } from '../seeds/lib/test-numbers.ts';
import { createTestUser } from '../test/factories.ts';
import { createFixtureDecision } from '../test/fixtures/assignment-fixtures.ts';
import { createProviderCaseFixture, dayFromToday } from '../test/fixtures/desk-fixtures.ts';

/**
 * The misleading states of issue 15, each as the user met it: an action that closed its dialog
 * without a word, a decision shown as running on a closed case, an error left beside a field the
 * user had fixed, an ended row waiting to be acknowledged, and the start date with no way from the
 * desk. Each test fails on the code before the fix.
 */
describeInBrowser('states that used to mislead', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
  });
  afterAll(async () => bw?.close());

  const success = (page: Page) => page.locator('.alert--success');

  it('says Klart after Avsluta beslut and Avsluta ärende, and a case closed today shows its decision as Avslutat', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Karin', lastName: 'Klartsson' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await open('caseOfficer', `/arenden/${decision.caseId}`);
    const card = page.locator('article.decision-card').first();
    await expectText(card, 'Pågående');

    await card.getByRole('button', { name: /Avsluta beslut/ }).click();
    const endDialog = page.getByRole('dialog', { name: /Avsluta beslut/ });
    // The last day offered is today: the decision still applies today, and is ended all the same.
    await expect
      .poll(() => endDialog.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).inputValue())
      .toBe(todayInSweden());
    await endDialog.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Behovet upphört');
    await endDialog.getByRole('button', { name: 'Avsluta beslut' }).click();
    await expectText(success(page), `är avslutat. Sista dag beslutet gäller: ${todayInSweden()}.`);
    await expectText(card.locator('.decision-card__title'), 'Avslutat');
    expect(await card.locator('.decision-card__title').innerText()).not.toContain('Pågående');
    await expectNoAxeViolations(page, 'the case page after ending a decision');

    await page.getByRole('button', { name: 'Avsluta ärende' }).click();
    const closeDialog = page.getByRole('dialog', { name: /Avsluta ärende/ });
    await closeDialog.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Behovet upphört');
    await closeDialog.getByRole('button', { name: 'Avsluta ärende' }).click();
    await expectText(success(page), `är avslutat ${todayInSweden()}.`);
    await expectText(page.getByRole('heading', { level: 1 }), 'Avslutat');
    expect(await card.locator('.decision-card__title').innerText()).toContain('Avslutat');
    await shot(page, 'case-closed-today');
  });

  it('says Klart after Byt handläggare', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Bo', lastName: 'Bytesson' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    await createTestUser(bw.server.ownerDb, bw.world, {
      name: 'kollega',
      positions: [{ unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] }],
    });
    const page = await open('authorityManager', `/arenden/${decision.caseId}`);
    await page.getByRole('button', { name: 'Byt handläggare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Byt handläggare' });
    const officer = dialog.getByRole('combobox', { name: 'Handläggare' });
    await expect.poll(() => officer.locator('option').count()).toBeGreaterThan(1);
    const other = await officer
      .locator('option')
      .evaluateAll(
        (options, current) =>
          options.map((option) => (option as HTMLOptionElement).value).find((v) => v && v !== current),
        bw.world.users.caseOfficer.userId,
      );
    expect(other).toBeTruthy();
    await officer.selectOption(other!);
    const chosen = (await officer.locator(`option[value="${other}"]`).innerText()).trim();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectText(success(page), `Ärendets handläggare är nu ${chosen}.`);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('takes an error away from a field once the user changes it: the decision form and Registrera person', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Felix', lastName: 'Felfri' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await open('caseOfficer', `/arenden/${decision.caseId}/beslut/nytt`);
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const type = page.getByRole('combobox', { name: 'Insats 1' });
    await expect.poll(() => type.getAttribute('aria-invalid')).toBe('true');
    await expectText(page.locator('.field--error').filter({ has: type }), 'Välj insats.');
    await type.selectOption(bw.world.catalogue.interventionTypes.get('AO:Trygghetslarm')!);
    await expect.poll(() => type.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.field').filter({ has: type }).innerText()).not.toContain('Välj insats.');

    await page.goto('/personer/ny');
    const number = page.getByRole('textbox', { name: /Personnummer/ });
    await number.fill('19121212-1213');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
    const [valid] = testPersonnummer().slice(-200, -199);
    await number.fill(valid!);
    await expect.poll(() => number.getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations(page, 'Registrera person after a fixed number');
  });

  it("leaves a case whose rows have all ended out of Att kvittera: the alarm manager's ended personal alarm", async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Lars', lastName: 'Larmsson' });
    await createProviderCaseFixture(bw.server.ownerDb, bw.world, person.id, {
      sentOn: dayFromToday(-20),
      periodTo: dayFromToday(0),
      endReason: 'Avliden',
    });
    // One still running at the same unit waits as before.
    const running = await bw.world.createPerson(['aoAuthority'], { firstName: 'Rut', lastName: 'Rullarsson' });
    await createProviderCaseFixture(bw.server.ownerDb, bw.world, running.id, { sentOn: dayFromToday(-20) });
    const page = await open('alarmManager', '/nya-uppdrag');
    const toAcknowledge = page.getByRole('table', { name: 'Att kvittera, längst väntat först' });
    await expectText(toAcknowledge, 'Rullarsson, Rut');
    expect(await toAcknowledge.innerText()).not.toContain('Larmsson');
    await bw.server.ownerDb
      .updateTable('provider_cases')
      .set({ acknowledged_at: new Date(), acknowledged_by_id: bw.world.users.careStaff.userId })
      .where('person_id', '=', running.id)
      .execute();
  });

  it('takes the manager from the desk straight to the row whose start date waits, with its dialog open', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Stig', lastName: 'Startman' });
    await createProviderCaseFixture(bw.server.ownerDb, bw.world, person.id, {
      periodFrom: dayFromToday(-3),
      acknowledgedBy: 'careStaff',
    });
    const page = await open('unitManager', '/');
    const waiting = page.getByRole('region', { name: 'Att göra' });
    await waiting.waitFor();
    await waiting.getByRole('link', { name: /^\d+ insats(er)? väntar på verkställighetsdatum$/ }).waitFor();
    // The desk does not repeat the menu's folders.
    expect(await page.getByRole('heading', { name: 'Mappar' }).count()).toBe(0);
    const starts = page.getByRole('region', { name: 'Registrera verkställighetsdatum' });
    const link = starts.getByRole('link', { name: /Startman, Stig/ });
    await expectText(link, `Personlig omvårdnad, Hemtjänst Norr, från ${dayFromToday(-3)}`);
    await expectNoAxeViolations(page, 'the desk with start dates to register');
    await shot(page, 'desk-starts-to-register');

    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Verkställighetsdatum för Personlig omvårdnad' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Verkställighetsdatum' }).fill(dayFromToday(-2));
    await dialog.getByRole('button', { name: 'Registrera' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'är registrerat' }), dayFromToday(-2));
    // The address forgot the action: a reload does not open the dialog again.
    expect(page.url()).not.toContain('atgard');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Insatser' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.goto('/');
    await page.getByRole('region', { name: 'Att göra' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /Startman/ }).count()).toBe(0);
  });

  it('names a key code once: "Hemsjukvård (HSL)" in the decision form, "LSS – stöd och service…" in the catalogue filter', async () => {
    await bw.server.ownerDb
      .insertInto('intervention_types')
      .values({
        municipality_id: bw.world.municipalityId,
        service_area: 'AO',
        name: 'Hemsjukvård (HSL)',
        key_code: 'HSL',
        scope_unit: 'hours_per_month',
      })
      .execute();
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Hanna', lastName: 'Hemsjuk' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await open('caseOfficer', `/arenden/${decision.caseId}/beslut/nytt`);
    const types = page.getByRole('combobox', { name: 'Insats 1' }).locator('option');
    await expect.poll(() => types.allInnerTexts()).toContain('Hemsjukvård (HSL)');
    expect((await types.allInnerTexts()).join('|')).not.toContain('(HSL) (HSL)');

    const admin = await open('administrator', '/admin/insatskatalog');
    const areas = admin.getByRole('combobox', { name: 'Verksamhetsområde' }).locator('option');
    await expect.poll(() => areas.allInnerTexts()).toContain('LSS – stöd och service till vissa funktionshindrade');
    expect((await areas.allInnerTexts()).join('|')).not.toContain('LSS – LSS');
  });

  it('asks for no printing of a journal Vardag does not have yet, on Ej aktuella and in its closing dialog', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Ebba', lastName: 'Ejaktuell' });
    await createProviderCaseFixture(bw.server.ownerDb, bw.world, person.id, {
      periodTo: dayFromToday(-4),
      endReason: 'Behovet upphört',
      acknowledgedBy: 'careStaff',
    });
    const page = await open('unitManager', '/ej-aktuella');
    await expectText(page.getByRole('main'), 'Ejaktuell, Ebba');
    expect((await page.getByRole('main').innerText()).toLowerCase()).not.toContain('journal');
    await page.getByRole('button', { name: /Avsluta genomförandet.*Ejaktuell/ }).click();
    const dialog = page.getByRole('dialog', { name: /Avsluta genomförandet för Ejaktuell/ });
    await dialog.waitFor();
    expect((await dialog.innerText()).toLowerCase()).not.toContain('journal');
  });

  it('works at phone size: the desk list and the start dialog without sideways scroll', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Tora', lastName: 'Telefonsson' });
    await createProviderCaseFixture(bw.server.ownerDb, bw.world, person.id, { periodFrom: dayFromToday(-1) });
    const page = await open('unitManager', '/');
    await page.setViewportSize({ width: 390, height: 844 });
    const link = page.getByRole('link', { name: /Telefonsson, Tora/ });
    await link.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-desk-starts');
    await link.click();
    await page.getByRole('dialog', { name: /Verkställighetsdatum för/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the start dialog at 390 px');
    await shot(page, 'phone-start-dialog');
  });
});
