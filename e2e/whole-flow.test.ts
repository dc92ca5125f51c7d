/**
 * The whole main flow in the web UI, in order, as the people who do it: the case officer registers
 * a person, opens a case, records a decision, writes, previews and sends an assignment; the
 * provider's manager finds it through the message and Nya uppdrag, accepts and distributes it to
 * delivery; care staff acknowledge it; the manager registers the start, changes the time, moves
 * the meals to another provider (accepted) and the personal care (stopped), and ends it; the
 * officer ends the decision and closes the case; the manager closes the person under Ej aktuella.
 * Last, a new assignment stopped back to the officer. Only the organisation, users and catalogue
 * come from the test factories; every step of the flow goes through the screens.
 *
 * The provider's steps (2–8) are taken at a phone's size, 390 × 844, as care staff and managers
 * work between visits; every axe check there also fails on a page that scrolls sideways.
 *
 * Dates are counted from today (support started weeks ago and has ended), so the person is
 * "Ej aktuell" at the end. The `it`s share one story and run in order.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  PHONE,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { normalizeTestNumber, testNumbersBornBetween } from '../seeds/lib/test-numbers.ts';
import { createOtherProviderManager } from '../test/fixtures/delivery-fixtures.ts';
import {
  actionsOf,
  confirmSendToDelivery,
  day,
  deliveriesOf,
  deskNav,
  openCase,
  openFolder,
  openMessage,
  openPerson,
  previewAndSend,
  recordDecision,
  registerPerson,
  requestProviderChange,
  rowOf,
  writeAssignment,
  type NewPerson,
} from './whole-flow-steps.ts';

describeInBrowser('the whole flow, from registering a person to closing them at the provider', () => {
  let bw: BrowserWorld;
  let other: Awaited<ReturnType<typeof createOtherProviderManager>>;
  let officer: Page;
  let manager: Page;
  let newProvider: Page;
  let number = '';
  const person: NewPerson = {
    number: normalizeTestNumber(testNumbersBornBetween(1930, 1945).at(-3)!),
    firstName: 'Sigrid',
    lastName: 'Ödmark',
  };

  beforeAll(async () => {
    bw = await startBrowserWorld();
    // Another provider with Vardag access and its manager: organisation, not the flow.
    other = await createOtherProviderManager(bw.server.ownerDb, bw.world);
  });
  afterAll(async () => bw?.close());

  const catalogue = () => ({
    legalBasis: bw.world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
    personalCare: bw.world.catalogue.interventionTypes.get('AO:Personlig omvårdnad')!,
    meals: bw.world.catalogue.interventionTypes.get('AO:Matdistribution')!,
  });

  it('1. the case officer registers the person, opens a case, records a decision, writes, previews and sends the assignment', async () => {
    officer = await bw.signedInPage('caseOfficer');
    await registerPerson(officer, person);
    await expectNoAxeViolations(officer, 'the new person');
    await openCase(officer);
    const { legalBasis, personalCare, meals } = catalogue();
    await recordDecision(officer, legalBasis, personalCare, meals);
    await expectNoAxeViolations(officer, 'the case with its decision');
    number = await writeAssignment(officer);
    await expectNoAxeViolations(officer, 'the draft assignment');
    await previewAndSend(officer, number);
    await expectText(officer.getByRole('table', { name: 'Händelser för uppdraget' }), 'Skickat i Vardag');
  });

  it("2. the provider's manager follows the message to the assignment, accepts and distributes it to delivery", async () => {
    // The provider's steps are taken on a phone: every axe check there also checks for sideways scroll.
    manager = await bw.signedInPage('unitManager');
    await manager.setViewportSize(PHONE);
    // The message and the new assignment wait on the desk.
    const waiting = manager.getByRole('region', { name: 'Att göra' });
    await waiting.getByRole('link', { name: '1 nytt uppdrag att ta emot och fördela' }).waitFor();
    await waiting.getByRole('link', { name: /olästa? meddelanden?/ }).waitFor();
    await openFolder(manager, /^Nya uppdrag/, 'Nya uppdrag');
    await expectText(manager.getByRole('table').first(), `${person.lastName}, ${person.firstName}`);
    await expectNoAxeViolations(manager, 'Nya uppdrag with the assignment');

    await openMessage(manager, `Nytt uppdrag ${number}`);
    await expectNoAxeViolations(manager, 'the new-assignment message');
    await manager.getByRole('link', { name: `Uppdrag ${number}` }).click();
    await manager.getByRole('heading', { level: 1, name: new RegExp(`Uppdrag ${number}`) }).waitFor();
    await expectText(manager.locator('.life-area-list'), 'Känner sig otrygg på natten efter fallet.');
    await manager.getByRole('link', { name: 'Acceptera och fördela' }).click();
    await manager.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();

    const field = (label: string, intervention: string) => `${label} (${intervention}, rad 1)`;
    for (const intervention of ['Personlig omvårdnad', 'Matdistribution']) {
      await manager
        .getByRole('combobox', { name: field('Utförarenhet', intervention) })
        .selectOption({ label: 'Hemtjänst Norr' });
      await manager.getByRole('textbox', { name: field('Fr.o.m.', intervention) }).fill(day(-40));
      await manager.getByRole('textbox', { name: field('Genomförandeform', intervention) }).fill('Hemtjänst dag');
      await manager
        .getByRole('combobox', { name: field('Utförs', intervention) })
        .selectOption({ label: 'Hela veckan' });
    }
    await manager.getByRole('textbox', { name: field('Timmar per besök', 'Personlig omvårdnad') }).fill('0,5');
    await manager.getByRole('textbox', { name: field('Tid/Frekv', 'Personlig omvårdnad') }).fill('2');
    await manager
      .getByRole('combobox', { name: field('Enhet för tid/frekvens', 'Personlig omvårdnad') })
      .selectOption({ label: 'ggr/dygn' });
    await manager.getByLabel('Till genomförande').check();
    await expectNoAxeViolations(manager, 'the distribution form, filled in');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await confirmSendToDelivery(manager, ['Personlig omvårdnad', 'Matdistribution', `${day(-40)}–t.v.`]);
    await expectText(manager.getByRole('table', { name: 'Uppdragets verkställighet' }), 'Skickad till genomförande');
    await expectNoAxeViolations(manager, 'the assignment sent to delivery');
  });

  it('3. care staff find it under Nya uppdrag, acknowledge it and keep the person under Mina personer', async () => {
    const staff = await bw.signedInPage('careStaff');
    await staff.setViewportSize(PHONE);
    await staff.getByRole('region', { name: 'Att göra' }).getByRole('link', { name: '1 att kvittera' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Nya uppdrag' }).waitFor();
    await staff.getByRole('link', { name: `Öppna och kvittera ${person.lastName}, ${person.firstName}` }).click();
    await staff.getByRole('button', { name: 'Kvittera' }).waitFor();
    await expectNoAxeViolations(staff, 'the staff view of the new assignment');
    await staff.getByLabel('Flytta till Mina personer').check();
    await staff.getByRole('button', { name: 'Kvittera' }).click();
    await expectText(
      staff.locator('.alert--success'),
      'Uppdraget är kvitterat och personen finns under Mina personer.',
    );
    await openFolder(staff, /^Mina personer/, 'Mina personer');
    await expectText(staff.getByRole('table'), `${person.lastName}, ${person.firstName}`);
  });

  it('4. the manager registers the day support started; the case officer is told', async () => {
    await openPerson(manager, person, 'Insatser');
    for (const intervention of ['Personlig omvårdnad', 'Matdistribution']) {
      await deliveriesOf(manager)
        .getByRole('button', { name: new RegExp(`^Registrera verkställighetsdatum ${intervention}`) })
        .click();
      const dialog = manager.getByRole('dialog', { name: new RegExp(`^Verkställighetsdatum för ${intervention}`) });
      await dialog.getByRole('textbox', { name: 'Verkställighetsdatum' }).fill(day(-38));
      await dialog.getByRole('button', { name: 'Registrera' }).click();
      await expectText(manager.locator('main'), 'Handläggaren har fått ett meddelande');
    }
    await expectText(rowOf(manager, 'Personlig omvårdnad', day(-40)), day(-38));
    await expectNoAxeViolations(manager, 'the Insatser tab, started');
    await openMessage(officer, `Personlig omvårdnad: verkställighet påbörjad ${day(-38)} (uppdrag ${number})`);
  });

  it('5. the time changes: the row is withdrawn from a day, and the new row registered with the new time and sent on', async () => {
    await actionsOf(manager, 'Personlig omvårdnad', day(-40))
      .getByRole('button', { name: /^Återkalla \(ändra tid\)/ })
      .click();
    const withdraw = manager.getByRole('dialog', { name: /^Återkalla \(ändra tid\)/ });
    await withdraw.getByRole('textbox', { name: /Ny tid gäller från/ }).fill(day(-30));
    await withdraw.getByRole('button', { name: 'Återkalla' }).click();
    await expectText(withdraw, `gäller nu ${day(-40)}–${day(-31)} och har status Återkallad`);
    await withdraw.getByRole('button', { name: 'Stäng' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', day(-30)), 'Under fördelning');

    await actionsOf(manager, 'Personlig omvårdnad', day(-30))
      .getByRole('button', { name: /^Registrera/ })
      .first()
      .click();
    const register = manager.getByRole('dialog', { name: /^Registrera Personlig omvårdnad/ });
    await register.getByRole('textbox', { name: /^Timmar per besök/ }).fill('0,75');
    await register.getByRole('button', { name: 'Spara' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', day(-30)), '0,75');
    await actionsOf(manager, 'Personlig omvårdnad', day(-30))
      .getByRole('button', { name: /^Till genomförande/ })
      .click();
    await confirmSendToDelivery(manager, ['Personlig omvårdnad']);
    await expectText(rowOf(manager, 'Personlig omvårdnad', day(-30)), 'Skickad till genomförande');
    // The start date stays on the row where support began: the new row offers none.
    expect(
      await actionsOf(manager, 'Personlig omvårdnad', day(-30))
        .getByRole('button', { name: /^Registrera verkställighetsdatum/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(manager, 'the Insatser tab after the change of time');
  });

  it('6. the meals move to another provider, who accepts; a move of the personal care is stopped and stays', async () => {
    const mealsNumber = await requestProviderChange(
      manager,
      actionsOf(manager, 'Matdistribution', day(-40)),
      'Annan Omsorg hemtjänst',
      day(-20),
    );
    newProvider = await bw.newPage();
    await newProvider.setViewportSize(PHONE);
    await signIn(newProvider, other.username);
    await openFolder(newProvider, /^Nya uppdrag/, 'Nya uppdrag');
    await newProvider.getByRole('link', { name: `Läs uppdrag ${mealsNumber}` }).click();
    await newProvider.getByRole('link', { name: 'Acceptera och fördela' }).click();
    await expectText(newProvider.locator('main'), `Byte av utförare fr.o.m. ${day(-20)}`);
    expect(await newProvider.getByRole('textbox', { name: 'Fr.o.m. (Matdistribution, rad 1)' }).inputValue()).toBe(
      day(-20),
    );
    await newProvider
      .getByRole('combobox', { name: 'Utförarenhet (Matdistribution, rad 1)' })
      .selectOption({ label: 'Annan Omsorg hemtjänst' });
    await newProvider.getByLabel('Till genomförande').check();
    await newProvider.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await confirmSendToDelivery(newProvider, ['Matdistribution']);
    await openMessage(manager, `Byte av utförare genomfört (uppdrag ${number})`);
    await openPerson(manager, person, 'Insatser');
    await expectText(rowOf(manager, 'Matdistribution', day(-40)), `${day(-40)}–${day(-21)}`);
    await expectText(manager.getByRole('table', { name: 'Byten av utförare' }), 'Accepterat');

    const careNumber = await requestProviderChange(
      manager,
      actionsOf(manager, 'Personlig omvårdnad', day(-30)),
      'Annan Omsorg hemtjänst',
      day(-10),
    );
    await openFolder(newProvider, /^Nya uppdrag/, 'Nya uppdrag');
    await newProvider.getByRole('link', { name: `Läs uppdrag ${careNumber}` }).click();
    await newProvider.getByRole('button', { name: 'Stoppa uppdrag' }).click();
    const stop = newProvider.getByRole('dialog', { name: /^Stoppa uppdrag/ });
    await stop
      .getByRole('textbox', { name: 'Meddelande till handläggaren' })
      .fill('Vi har inte plats för fler i området.');
    await stop.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectText(newProvider.locator('.alert--success'), 'Uppdraget är stoppat.');
    await openMessage(manager, `Byte av utförare stoppat (uppdrag ${number})`);
    await openPerson(manager, person, 'Insatser');
    await expectText(manager.getByRole('table', { name: 'Byten av utförare' }), 'Stoppat');
    await expectText(rowOf(manager, 'Personlig omvårdnad', day(-30)), 'Skickad till genomförande');
  });

  it('7. the manager ends the personal care; the officer is told, ends the decision and closes the case', async () => {
    await actionsOf(manager, 'Personlig omvårdnad', day(-30))
      .getByRole('button', { name: /^Rätta\/Avsluta/ })
      .click();
    const end = manager.getByRole('dialog', { name: /^Rätta\/Avsluta/ });
    await end.getByRole('textbox', { name: /Sista dag/ }).fill(day(-5));
    await end.getByRole('combobox', { name: /Avslutsorsak/ }).selectOption('Flyttat till särskilt boende');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectText(end, `Insatsen är avslutad ${day(-5)}.`);
    await end.getByRole('button', { name: 'Stäng' }).click();

    await openMessage(officer, `avslutas ${day(-5)} (uppdrag ${number})`);
    await expectNoAxeViolations(officer, 'the ended-intervention message');
    await openFolder(officer, 'Mina ärenden', 'Mina ärenden');
    await officer
      .getByRole('table')
      .getByRole('row')
      .filter({ hasText: `${person.lastName}, ${person.firstName}` })
      .getByRole('link')
      .first()
      .click();
    await officer.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
    const card = officer.locator('article.decision-card').first();
    await card.getByRole('button', { name: /Avsluta beslut/ }).click();
    const endDecision = officer.getByRole('dialog', { name: /Avsluta beslut/ });
    await endDecision.getByRole('textbox', { name: 'Sista dag beslutet gäller' }).fill(day(-5));
    await endDecision.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Flyttat till särskilt boende');
    await expectNoAxeViolations(officer, 'the end-decision dialog');
    await endDecision.getByRole('button', { name: 'Avsluta beslut' }).click();
    await expectText(card, 'Avslutat');
    await officer.getByRole('button', { name: 'Avsluta ärende' }).click();
    const closeCase = officer.getByRole('dialog', { name: /Avsluta ärende/ });
    await closeCase.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Flyttat till särskilt boende');
    await closeCase.getByRole('button', { name: 'Avsluta ärende' }).click();
    await expectText(officer.locator('.case-history'), 'Ärendet avslutades');
    await expectNoAxeViolations(officer, 'the closed case');
  });

  it('8. the person is Ej aktuell at the unit, and the manager closes them there', async () => {
    await openFolder(manager, /^Ej aktuella – att avsluta/, 'Ej aktuella – att avsluta');
    const row = manager
      .getByRole('table', { name: /Ej aktuella – att avsluta/ })
      .getByRole('row')
      .filter({ hasText: person.lastName });
    await expectText(row, day(-5));
    await expectNoAxeViolations(manager, 'Ej aktuella with the person');
    await row
      .getByRole('button', { name: `Avsluta genomförandet för ${person.lastName}, ${person.firstName}` })
      .click();
    const dialog = manager.getByRole('dialog', {
      name: `Avsluta genomförandet för ${person.lastName}, ${person.firstName}?`,
    });
    await dialog.getByRole('button', { name: 'Avsluta genomförandet' }).click();
    await expectText(
      manager.locator('.alert--success'),
      `Genomförandet för ${person.lastName}, ${person.firstName} på Hemtjänst Norr är avslutat`,
    );
    await expect.poll(() => row.count()).toBe(0);
  });

  it('9. a new assignment stopped by the provider goes back to the officer, who reads why', async () => {
    const second: NewPerson = {
      number: normalizeTestNumber(testNumbersBornBetween(1930, 1945).at(-4)!),
      firstName: 'Åke',
      lastName: 'Fältström',
    };
    await deskNav(officer).getByRole('link', { name: 'Översikt' }).click();
    await registerPerson(officer, second);
    await openCase(officer);
    const { legalBasis, personalCare, meals } = catalogue();
    await recordDecision(officer, legalBasis, personalCare, meals);
    const secondNumber = await writeAssignment(officer);
    await previewAndSend(officer, secondNumber);

    await openFolder(manager, /^Nya uppdrag/, 'Nya uppdrag');
    await manager.getByRole('link', { name: `Läs uppdrag ${secondNumber}` }).click();
    await manager.getByRole('button', { name: 'Stoppa uppdrag' }).click();
    const stop = manager.getByRole('dialog', { name: `Stoppa uppdrag ${secondNumber}?` });
    await stop.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectFieldError(
      stop.getByRole('textbox', { name: 'Meddelande till handläggaren' }),
      'Skriv varför uppdraget stoppas.',
    );
    await stop
      .getByRole('textbox', { name: 'Meddelande till handläggaren' })
      .fill('Fel utförare: personen har valt Annan Omsorg.');
    await stop.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectText(manager.locator('.alert--success'), 'Uppdraget är stoppat.');

    await openMessage(officer, `Uppdrag ${secondNumber} stoppat av Hemtjänst egen regi`);
    await expectText(officer.locator('main'), 'Fel utförare: personen har valt Annan Omsorg.');
    await officer.getByRole('link', { name: `Uppdrag ${secondNumber}` }).click();
    await expectText(officer.locator('main'), 'Stoppat av utföraren');
    await expectNoAxeViolations(officer, 'the stopped assignment at the officer');
  });
});
