import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, shot, startBrowserWorld, type BrowserWorld } from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { addDays } from '../src/domain/periods.ts';
import { createFixtureAssignment } from '../test/fixtures/assignment-fixtures.ts';
import { createDeliveries } from '../seeds/lib/deliveries.ts';
import { createDeliveryRows, createSentAssignment } from '../test/fixtures/delivery-fixtures.ts';

describeInBrowser('cases and decisions', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it('opens a case from the person page, records a decision with per-field errors first, ends it and closes the case', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Åsa', lastName: 'Öhrström' });
    const page = await bw.signedInPage('caseOfficer');

    await page.goto(`/personer/${person.id}?flik=arenden`);
    await page.getByRole('heading', { name: 'Ärenden', level: 2 }).waitFor();
    await expectText(page.getByRole('tabpanel'), 'Personen har inga ärenden i ditt verksamhetsområde.');
    await expectNoAxeViolations(page, "the person's cases tab");
    await page.getByRole('button', { name: 'Öppna ärende' }).click();
    const dialog = page.getByRole('dialog', { name: 'Öppna ärende' });
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Handläggare' }).inputValue())
      .toBe(bw.world.users.caseOfficer.userId);
    await expectNoAxeViolations(page, 'the open-case dialog');
    await dialog.getByRole('button', { name: 'Öppna ärende' }).click();
    await page.getByRole('heading', { level: 1, name: /Ärende ÄO-\d{4}-\d{5}/ }).waitFor();
    await expectText(page.locator('.alert--success'), 'är öppnat');
    await expectText(page.locator('.case-history'), 'Ärendet öppnades');
    await expectNoAxeViolations(page, 'the case page');

    await page.getByRole('link', { name: 'Registrera beslut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera beslut' }).waitFor();
    // An ÄO case is offered ÄO's legal bases valid today: SoL 11 kap. 1 §, never an LSS paragraph.
    const basisOptions = page.getByRole('combobox', { name: 'Lagrum' }).locator('option');
    await expect.poll(() => basisOptions.allInnerTexts()).toContainEqual(expect.stringMatching(/^SoL 11 kap\. 1 §/));
    expect((await basisOptions.allInnerTexts()).join('|')).not.toContain('LSS');
    await expectText(
      page.locator('.field').filter({ has: page.getByRole('combobox', { name: 'Lagrum' }) }),
      'lagrum för ärendets verksamhetsområde',
    );
    await page
      .getByRole('combobox', { name: 'Lagrum' })
      .selectOption(bw.world.catalogue.legalBases.get('SoL 11 kap. 1 §')!);
    await page.getByRole('textbox', { name: 'Gäller från' }).fill('2026-03-01');
    await page.getByRole('textbox', { name: 'Gäller till och med' }).fill('2026-02-28');
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    // The period's end is marked on its own field and named in words next to it.
    const periodTo = page.getByRole('textbox', { name: 'Gäller till och med' });
    await expect.poll(() => periodTo.getAttribute('aria-invalid')).toBe('true');
    await expectText(
      page.locator('.field--error').filter({ has: periodTo }),
      'Periodens slut kan inte vara före dess början.',
    );
    await expectText(
      page.locator('.field--error').filter({ has: page.getByRole('combobox', { name: 'Insats 1' }) }),
      'Välj insats.',
    );
    await expectNoAxeViolations(page, 'the decision form with errors');

    await page.getByLabel('Tills vidare').check();
    await page
      .getByRole('combobox', { name: 'Insats 1' })
      .selectOption(bw.world.catalogue.interventionTypes.get('AO:Personlig omvårdnad')!);
    await page.getByRole('textbox', { name: /Beviljad omfattning \(tim\/månad\)/ }).fill('12,5');
    await page.getByRole('button', { name: 'Lägg till insats' }).click();
    await page
      .getByRole('combobox', { name: 'Insats 2' })
      .selectOption(bw.world.catalogue.interventionTypes.get('AO:Trygghetslarm')!);
    await page
      .getByRole('textbox', { name: 'Motivering' })
      .fill('Behöver stöd med personlig omvårdnad och trygghetslarm.');
    await page.getByRole('button', { name: 'Registrera beslut' }).click();

    await page.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
    const card = page.locator('article.decision-card').first();
    await expectText(card, 'Bifall');
    await expectText(card, '12,5 tim/månad');
    await expectText(card, 'Trygghetslarm');
    await expectText(card, '2026-03-01 – tills vidare');
    await expectText(page.locator('.case-history'), 'Beslut registrerades');
    await expectNoAxeViolations(page, 'the case page with a decision');

    await card.getByRole('button', { name: /Avsluta beslut/ }).click();
    const endDialog = page.getByRole('dialog', { name: /Avsluta beslut/ });
    await endDialog.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).fill('2026-04-30');
    await endDialog.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Annan orsak');
    await endDialog.getByRole('textbox', { name: 'Beskriv orsaken' }).fill('Flyttar till sin dotter');
    await expectNoAxeViolations(page, 'the end-decision dialog');
    await endDialog.getByRole('button', { name: 'Avsluta beslut' }).click();
    await expectText(card, 'Avslutat');
    await expectText(card, 'Flyttar till sin dotter');

    await page.getByRole('button', { name: 'Avsluta ärende' }).click();
    const closeDialog = page.getByRole('dialog', { name: /Avsluta ärende/ });
    await closeDialog.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Behovet upphört');
    await closeDialog.getByRole('button', { name: 'Avsluta ärende' }).click();
    await expectText(page.locator('.case-history'), 'Ärendet avslutades');
    await expect.poll(() => page.getByRole('link', { name: 'Registrera beslut' }).count()).toBe(0);
  });

  it('tells the officer, before ending a decision, which rows end at which unit and which assignment leaves Nya uppdrag', async () => {
    const person = await bw.world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Ingrid',
      lastName: 'Ålander',
    });
    const sent = await createSentAssignment(bw.server.ownerDb, bw.world, person.id);
    await createDeliveryRows(bw.server.ownerDb, bw.world, sent, bw.world.units.homeCareNorth, { hoursPerVisit: 0.5 });
    const tomorrow = addDays(todayInSweden(), 1);
    await createDeliveries(bw.server.ownerDb, {
      municipalityId: bw.world.municipalityId,
      assignmentId: sent.assignmentId,
      createdById: bw.world.users.unitManager.userId,
      rows: [
        {
          assignmentInterventionId: sent.interventionIds[0]!,
          providerUnitId: bw.world.units.homeCareNorth,
          periodFrom: tomorrow,
          status: 'under_distribution',
          label: 'Kväll',
        },
      ],
    });
    const waiting = await createFixtureAssignment(bw.server.ownerDb, bw.world, sent.decision, bw.world.units.homeCare, {
      isSent: true,
    });
    const lastDay = addDays(todayInSweden(), -1);
    const page = await bw.signedInPage('caseOfficer');

    await page.goto(`/arenden/${sent.decision.caseId}`);
    await page.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
    await page
      .locator('article.decision-card')
      .first()
      .getByRole('button', { name: /Avsluta beslut/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /Avsluta beslut/ });
    await dialog.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).fill(lastDay);
    await dialog.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Avliden');
    const preview = dialog.locator('.decision-end-preview');
    await expectText(preview, 'Detta händer hos utförarna');
    await expectText(preview, `3 verkställighetsrader avslutas ${lastDay}:`);
    await expectText(
      preview,
      `Hemtjänst Norr: 3 rader – Matdistribution, uppdrag ${sent.assignmentNumber}; Personlig omvårdnad, uppdrag ${sent.assignmentNumber}; ` +
        `Personlig omvårdnad (Kväll), uppdrag ${sent.assignmentNumber} (skulle börja senare, påbörjas inte)`,
    );
    await expectText(preview, 'Återkallas från utförarens Nya uppdrag:');
    await expectText(preview, `Uppdrag ${waiting.assignmentNumber} till Hemtjänst egen regi`);
    await expectText(preview, 'Varje berörd enhet får ett meddelande i inkorgen.');
    await expectNoAxeViolations(page, 'the end-decision dialog with what will happen at the providers');
    await shot(page, 'end-decision-preview');

    // A day the decision cannot end on says nothing of the providers until it is one.
    await dialog.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).fill('2020-01-01');
    await expectText(dialog, 'Ange en dag inom beslutsperioden för att se vad som händer hos utförarna.');
    await dialog.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).fill(lastDay);
    await expectText(preview, `3 verkställighetsrader avslutas ${lastDay}:`);

    await dialog.getByRole('button', { name: 'Avsluta beslut' }).click();
    await expectText(page.locator('article.decision-card').first(), 'Avslutat');
    await expectText(page.locator('.case-history'), 'Verkställighet avslutades');
    await expectText(page.locator('.case-history'), `(sista dag ${lastDay})`);
    await expectText(page.locator('.case-history'), 'Uppdrag återkallades');
    await expectText(page.locator('main'), 'Återkallat – beslutet avslutat');
    await expectNoAxeViolations(page, 'the case page after the decision ended');

    // At the provider: the rows ended on the day, the one not yet begun says it never began.
    const manager = await bw.signedInPage('unitManager');
    await manager.goto(`/personer/${person.id}?flik=insatser`);
    const rows = manager.getByRole('table', { name: 'Personens insatser och verkställighet' });
    await expectText(rows, `2026-02-01–${lastDay}`);
    await expectText(rows, `${tomorrow}, påbörjades aldrig (avslutad ${lastDay})`);
    await expectNoAxeViolations(manager, "the provider's rows after the decision ended");
  });

  it("lists the officer's open cases under Mina ärenden on the desk", async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Maj', lastName: 'Lindqvist' });
    const page = await bw.signedInPage('caseOfficer');
    await page.goto(`/personer/${person.id}?flik=arenden`);
    await page.getByRole('button', { name: 'Öppna ärende' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Öppna ärende' }).click();
    await page.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
    await page.getByRole('navigation', { name: 'Mitt skrivbord' }).getByRole('link', { name: 'Mina ärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    await expectText(page.getByRole('table'), 'Lindqvist, Maj');
    await expectNoAxeViolations(page, 'Mina ärenden');
  });

  it('shows provider staff no Ärenden tab', async () => {
    const person = await bw.world.createPerson(['homeCareNorth']);
    const page = await bw.signedInPage('careStaff');
    await page.goto(`/personer/${person.id}`);
    await page.getByRole('tab', { name: 'Personuppgifter' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Ärenden' }).count()).toBe(0);
  });
});
