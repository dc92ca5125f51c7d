import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import {
  createFixtureAssignment,
  createFixtureDecision,
  ensureProvider,
} from '../test/fixtures/assignment-fixtures.ts';

/** Chooses the option whose text starts with the given words (labels carry extra words, e.g. "(utan systemåtkomst)"). */
async function choose(page: Page, label: string, startsWith: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  const find = () =>
    select
      .locator('option')
      .evaluateAll(
        (options, prefix) =>
          (options as HTMLOptionElement[]).find((option) => option.text.startsWith(prefix as string))?.value ?? '',
        startsWith,
      );
  await expect.poll(find, { message: `option "${startsWith}" in ${label}` }).not.toBe('');
  await select.selectOption(await find());
}

describeInBrowser('assignments', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it("writes, previews and sends an assignment; the provider's manager finds it under Nya uppdrag with a message", async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Åsa', lastName: 'Öberg' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await bw.signedInPage('caseOfficer');

    await page.goto(`/arenden/${decision.caseId}`);
    await page.getByRole('heading', { name: 'Uppdrag', level: 2 }).waitFor();
    await expectText(page.locator('section[aria-labelledby="case-assignments"]'), 'Inga uppdrag ännu.');
    await page.getByRole('link', { name: /Skriv uppdrag/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Skriv uppdrag' }).waitFor();
    await expectNoAxeViolations(page, 'the assignment form');

    // Without a provider: the error is on the field, and focus goes there.
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    const provider = page.getByRole('combobox', { name: 'Utförare' });
    await expect.poll(() => provider.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => provider.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'the assignment form with errors');

    await choose(page, 'Utförare', 'Hemtjänst egen regi');
    const meals = page.getByRole('group', { name: /Matdistribution/ });
    await meals.getByRole('textbox', { name: 'Minuter per tillfälle' }).fill('6');
    await meals.getByLabel('Måndag').check();
    await page
      .getByRole('group', { name: /Personlig omvårdnad/ })
      .getByLabel(/två personal/)
      .check();
    // 20 h + 7 × 6 min × 52/12 = 1382 min → 23 h 15 min; two staff on the 20 h: 2582 → 43 h 15 min.
    await expectText(page.locator('.assignment-total'), 'Beviljad tid totalt: 23 tim 15 min per månad');
    await expectText(page.locator('.assignment-total'), 'Personaltid med dubbelbemanning: 43 tim 15 min per månad');
    await page.getByRole('textbox', { name: 'Behov – Känsla av trygghet' }).fill('Känner sig otrygg på natten.');
    await page.getByRole('textbox', { name: 'Mål – Känsla av trygghet' }).fill('Sova tryggt hemma.');
    await page.getByRole('textbox', { name: 'Instruktioner till utföraren' }).fill('Ring på två gånger.');
    await page.getByLabel('Ny brukare').check();
    await page.getByRole('textbox', { name: 'Överlämning per telefon till' }).fill('Maja Sandberg');
    // A hand-over in the future is refused on the field before anything is saved.
    const handoverAt = page.getByRole('textbox', { name: 'När gjordes överlämningen' });
    await handoverAt.fill('2099-03-02 14:30');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await expectFieldError(handoverAt, 'Överlämningen kan inte ha gjorts i framtiden. Ange när den gjordes.');
    await expectNoAxeViolations(page, 'the assignment form with a hand-over in the future');
    await handoverAt.fill('2026-03-02 14:30');
    await page.getByRole('button', { name: 'Spara utkast' }).click();

    await page.getByRole('heading', { level: 1, name: /Uppdrag U-\d{4}-\d{5}/ }).waitFor();
    await expectText(page.locator('.alert--success'), 'är sparat som utkast');
    await expectText(page.locator('.assignment-total'), '23 tim 15 min per månad');
    await expectNoAxeViolations(page, 'the draft');
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).match(/U-\d{4}-\d{5}/)![0];

    const preview = await page.request.get(
      (await page.getByRole('link', { name: /Förhandsgranska \(PDF\)/ }).getAttribute('href'))!,
    );
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toBe('application/pdf');

    await page.getByRole('button', { name: 'Skicka' }).click();
    const dialog = page.getByRole('dialog', { name: `Skicka uppdrag ${number}?` });
    await expectText(dialog, 'Hemtjänst egen regi');
    await expectText(dialog, 'Enhetschef unitManager');
    await expectNoAxeViolations(page, 'the send confirmation');
    await dialog.getByRole('button', { name: 'Skicka uppdraget' }).click();
    await expectText(page.locator('.alert--success'), 'Uppdraget är skickat till Hemtjänst egen regi.');
    await expectText(page.getByRole('table', { name: 'Händelser för uppdraget' }), 'Skickat i Vardag');
    expect(await page.getByRole('link', { name: 'Ändra utkast' }).count()).toBe(0);

    const manager = await bw.signedInPage('unitManager');
    const desk = manager.getByRole('navigation', { name: 'Mitt skrivbord' });
    await expectText(desk.getByRole('link', { name: /Nya uppdrag/ }), '1');
    await desk.getByRole('link', { name: /Nya uppdrag/ }).click();
    await manager.getByRole('heading', { level: 1, name: 'Nya uppdrag' }).waitFor();
    await expectText(manager.getByRole('table'), 'Öberg, Åsa');
    await expectText(manager.getByRole('table'), 'Matdistribution, Personlig omvårdnad');
    await expectNoAxeViolations(manager, 'Nya uppdrag');
    await manager.getByRole('link', { name: `Läs uppdrag ${number}` }).click();
    await manager.getByRole('heading', { level: 1, name: new RegExp(`Uppdrag ${number}`) }).waitFor();
    await expectText(manager.locator('.life-area-list'), 'Känsla av trygghet');
    expect(await manager.getByRole('link', { name: /Läs uppdrag \(PDF\)/ }).count()).toBe(1);
    await expectNoAxeViolations(manager, 'the assignment at the provider');

    await manager.goto('/meddelanden/inkorg');
    await expectText(manager.getByRole('table'), `Nytt uppdrag ${number}`);
  });

  it('warns before sending a personal alarm that no alarm group will be told, and names the group once there is one', async () => {
    const person = await bw.world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id, { withAlarm: true });
    const draft = await createFixtureAssignment(bw.server.ownerDb, bw.world, decision, bw.world.units.homeCare, {
      isSent: false,
    });
    const page = await bw.signedInPage('caseOfficer');
    const openSendDialog = async () => {
      await page.goto(`/uppdrag/${draft.id}`);
      await page.getByRole('button', { name: 'Skicka', exact: true }).click();
      return page.getByRole('dialog', { name: /^Skicka uppdrag U-/ });
    };

    // The test municipality keeps no alarm group yet.
    let dialog = await openSendDialog();
    await expectText(dialog, 'Ingen larmgrupp får meddelandet.');
    await expectText(dialog, 'Uppdraget gäller trygghetslarm, men det finns ingen aktiv larmgrupp');
    await expectNoAxeViolations(page, 'the send confirmation warning that no alarm group is told');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    await bw.server.ownerDb
      .insertInto('send_lists')
      .values({
        municipality_id: bw.world.municipalityId,
        unit_id: bw.world.units.homeCareNorth,
        name: 'Jourlarmgruppen',
        purpose: 'alarm_group',
      })
      .execute();
    dialog = await openSendDialog();
    await expectText(dialog, 'Jourlarmgruppen (sändlista)');
    expect(await dialog.getByText('Ingen larmgrupp får meddelandet.').count()).toBe(0);
    await expectNoAxeViolations(page, 'the send confirmation naming the alarm group');
    await dialog.getByRole('button', { name: 'Skicka uppdraget' }).click();
    await expectText(page.locator('.alert--success'), 'Uppdraget är skickat till Hemtjänst egen regi.');
  });

  it('asks nothing of a personal alarm but a note: no minutes, days, times or two staff', async () => {
    const person = await bw.world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id, { withAlarm: true });
    const page = await bw.signedInPage('caseOfficer');
    await page.goto(`/arenden/${decision.caseId}`);
    await page.getByRole('link', { name: /Skriv uppdrag/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Skriv uppdrag' }).waitFor();

    const alarm = page.getByRole('group', { name: /^Trygghetslarm/ });
    await expectText(alarm, 'Trygghetslarm planeras inte i besök');
    expect(await alarm.getByRole('textbox', { name: 'Minuter per tillfälle' }).count()).toBe(0);
    expect(await alarm.getByRole('textbox', { name: 'Planerade tider' }).count()).toBe(0);
    expect(await alarm.getByLabel('Måndag').count()).toBe(0);
    expect(await alarm.getByLabel(/två personal/).count()).toBe(0);
    // The interventions planned as visits keep their fields.
    const meals = page.getByRole('group', { name: /^Matdistribution/ });
    expect(await meals.getByRole('textbox', { name: 'Minuter per tillfälle' }).count()).toBe(1);
    expect(await meals.getByLabel(/två personal/).count()).toBe(1);
    await expectNoAxeViolations(page, 'the assignment form with a personal alarm');

    await alarm.getByRole('textbox', { name: 'Anteckning till utföraren' }).fill('Nyckel i nyckelgömma.');
    await choose(page, 'Utförare', 'Hemtjänst egen regi');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await expectText(page.locator('.alert--success'), 'är sparat som utkast');
    const saved = await bw.server.ownerDb
      .selectFrom('assignment_interventions')
      .select(['minutes_per_occasion', 'planned_days', 'planned_times', 'is_two_staff', 'note'])
      .where('decision_intervention_id', '=', decision.interventions[2]!.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      minutes_per_occasion: null,
      planned_days: [],
      planned_times: null,
      is_two_staff: false,
      note: 'Nyckel i nyckelgömma.',
    });
  });

  it('downloads the PDF for a provider without system access and records it as sent by post', async () => {
    await ensureProvider(bw.server.ownerDb, bw.world, {
      name: 'Privat Omsorg i Norr AB',
      serviceArea: 'AO',
      hasSystemAccess: false,
    });
    const person = await bw.world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await bw.signedInPage('caseOfficer');
    await page.goto(`/uppdrag/nytt?decisionId=${decision.decisionId}`);
    await page.getByRole('heading', { level: 1, name: 'Skriv uppdrag' }).waitFor();
    await choose(page, 'Utförare', 'Privat Omsorg i Norr AB (utan systemåtkomst)');
    await expectText(page.locator('.alert--info'), 'har inte tillgång till Vardag');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByRole('heading', { level: 1, name: /Uppdrag U-/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Skicka', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ladda ned PDF' }).getAttribute('download')).toMatch(
      /^uppdrag-U-\d{4}-\d{5}\.pdf$/,
    );
    await page.getByRole('button', { name: 'Registrera som skickat' }).click();
    const dialog = page.getByRole('dialog', { name: /^Registrera U-\d{4}-\d{5} som skickat\?/ });
    const ways = dialog.getByRole('group', { name: 'Hur skickades uppdraget?' });
    expect(await ways.getByRole('radio', { name: 'Med säker e-post' }).isChecked()).toBe(true);
    await ways.getByRole('radio', { name: 'Per post' }).check();
    await expectNoAxeViolations(page, 'the sent-outside confirmation');
    await dialog.getByRole('button', { name: 'Registrera som skickat' }).click();
    await expectText(page.locator('.alert--success'), 'registrerat som skickat per post');
    await expectText(page.getByRole('heading', { level: 1 }), 'Skickat per post');
    await expectText(page.getByRole('table', { name: 'Händelser för uppdraget' }), 'Skickat per post');
  });
});
