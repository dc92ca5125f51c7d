import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { addDays, addMonths } from '../src/domain/periods.ts';
import { createOtherProviderManager } from '../test/fixtures/delivery-fixtures.ts';
import { createSentRows } from '../test/fixtures/delivery-change-fixtures.ts';

describeInBrowser('changing delivery rows at the provider', () => {
  let bw: BrowserWorld;
  let other: Awaited<ReturnType<typeof createOtherProviderManager>>;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    other = await createOtherProviderManager(bw.server.ownerDb, bw.world);
  });
  afterAll(async () => bw?.close());

  const tableOf = (page: Page) => page.getByRole('table', { name: 'Personens insatser och verkställighet' });
  /** The table row whose first cell names the intervention and whose period starts on the day. */
  const rowOf = (page: Page, name: string, from: string): Locator =>
    tableOf(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })
      .filter({ hasText: from });
  /** The actions under that row (a group named after the row and its period). */
  const actionsOf = (page: Page, name: string, from: string): Locator =>
    tableOf(page).getByRole('group', { name: new RegExp(`^Åtgärder för ${name}, ${from}`) });

  async function insatser(page: Page, personId: string): Promise<void> {
    await page.goto(`/personer/${personId}?flik=insatser`);
    await tableOf(page).waitFor();
  }

  /** The new provider's manager accepts the change's assignment with one row per intervention, sent to delivery at once. */
  async function acceptAsNewProvider(page: Page, assignmentId: string, from: string): Promise<void> {
    await page.goto(`/uppdrag/${assignmentId}`);
    await page.getByRole('link', { name: 'Acceptera och fördela' }).click();
    await page.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
    for (const unit of await page.getByRole('combobox', { name: /^Utförarenhet/ }).all())
      await unit.selectOption({ label: 'Annan Omsorg hemtjänst' });
    for (const start of await page.getByRole('textbox', { name: /^Fr\.o\.m\./ }).all()) await start.fill(from);
    for (const end of await page.getByRole('textbox', { name: /^T\.o\.m\./ }).all()) await end.fill('');
    await page.getByLabel('Till genomförande').check();
    await page.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await page
      .getByRole('dialog', { name: 'Till genomförande' })
      .getByRole('button', { name: 'Skicka till genomförande' })
      .click();
    await page.getByRole('dialog', { name: 'Skicka meddelande?' }).getByRole('button', { name: 'Nej' }).click();
  }

  async function requestChange(page: Page, row: Locator, changeDate: string): Promise<string> {
    await row.getByRole('button', { name: /^Byt utförare/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Byt utförare/ });
    await dialog.getByRole('radio', { name: 'Annan Omsorg hemtjänst' }).check();
    await dialog.getByRole('textbox', { name: /Första dag hos den nya utföraren/ }).fill(changeDate);
    await dialog.getByRole('button', { name: 'Granska bytet' }).click();
    await dialog.getByRole('button', { name: 'Skicka byte av utförare' }).click();
    await expectText(dialog, 'Vill du skicka ett meddelande till berörda?');
    const title = await dialog.locator('.alert__title').innerText();
    await dialog.getByRole('button', { name: 'Nej' }).click();
    return /Uppdrag (U-\d{4}-\d+)/.exec(title)![1]!;
  }

  const assignmentIdOf = async (assignmentNumber: string) =>
    (
      await bw.server.ownerDb
        .selectFrom('assignments')
        .select('id')
        .where('assignment_number', '=', assignmentNumber)
        .where('municipality_id', '=', bw.world.municipalityId)
        .executeTakeFirstOrThrow()
    ).id;

  it('change of time, registering the new row, interruptions, a change of provider accepted and one stopped, and ending', async () => {
    const fixture = await createSentRows(bw.server.ownerDb, bw.world, {
      personId: (
        await bw.world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Ingrid', lastName: 'Åkesson' })
      ).id,
    });
    const manager = await bw.signedInPage('unitManager');
    await insatser(manager, fixture.personId);
    await expectNoAxeViolations(manager, 'the Insatser tab with change actions');
    await shot(manager, 'changes-tab');

    // Change of time: the first day is refused on the field, then a later day withdraws the row.
    await actionsOf(manager, 'Personlig omvårdnad', '2026-02-01')
      .getByRole('button', { name: /^Återkalla \(ändra tid\)/ })
      .click();
    const withdraw = manager.getByRole('dialog', { name: /^Återkalla \(ändra tid\)/ });
    await expectText(withdraw, 'En ny rad Under fördelning skapas');
    await expectNoAxeViolations(manager, 'the withdraw dialog');
    const changeFrom = withdraw.getByRole('textbox', { name: /Ny tid gäller från/ });
    await changeFrom.fill('2026-02-01');
    await withdraw.getByRole('button', { name: 'Återkalla' }).click();
    await expectFieldError(changeFrom, 'Ändringen kan gälla tidigast dagen efter radens första dag, 2026-02-02.');
    await expectNoAxeViolations(manager, 'the withdraw dialog with an error');
    await changeFrom.fill('2026-06-01');
    await withdraw.getByRole('button', { name: 'Återkalla' }).click();
    await expectText(withdraw, 'gäller nu 2026-02-01–2026-05-31 och har status Återkallad');
    await expectNoAxeViolations(manager, 'the withdrawal done');
    await shot(manager, 'withdrawn');
    await withdraw.getByRole('button', { name: 'Stäng' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-06-01'), 'Under fördelning');
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-02-01'), 'Återkallad');

    // The new row is registered with the new time and sent to delivery (the deliveries feature's dialogs).
    await actionsOf(manager, 'Personlig omvårdnad', '2026-06-01')
      .getByRole('button', { name: /^Registrera/ })
      .first()
      .click();
    const register = manager.getByRole('dialog', { name: /^Registrera Personlig omvårdnad/ });
    await register.getByRole('textbox', { name: /^Timmar per besök/ }).fill('0,75');
    await register.getByRole('button', { name: 'Spara' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-06-01'), '0,75');
    await actionsOf(manager, 'Personlig omvårdnad', '2026-06-01')
      .getByRole('button', { name: /^Till genomförande/ })
      .click();
    await manager
      .getByRole('dialog', { name: 'Till genomförande' })
      .getByRole('button', { name: 'Skicka till genomförande' })
      .click();
    await manager.getByRole('dialog', { name: 'Skicka meddelande?' }).getByRole('button', { name: 'Nej' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-06-01'), 'Skickad till genomförande');

    // An interruption that was not resumed within three months is flagged for IVO.
    await actionsOf(manager, 'Matdistribution', '2026-02-01')
      .getByRole('button', { name: /^Avbrott/ })
      .click();
    const interruptions = manager.getByRole('dialog', { name: /^Avbrott/ });
    await expectText(interruptions, 'Inga avbrott är registrerade.');
    const from = addMonths(todayInSweden(), -4);
    await interruptions.getByRole('textbox', { name: /Första dag utan insats/ }).fill(from);
    await interruptions.getByRole('textbox', { name: /^Orsak/ }).fill('Sjukhusvistelse');
    await interruptions.getByRole('button', { name: 'Registrera avbrott' }).click();
    await expectText(interruptions, 'Ej återupptaget inom tre månader – rapporteras till IVO.');
    await expectNoAxeViolations(manager, 'the interruptions with one reportable');
    await interruptions.getByRole('button', { name: 'Återuppta' }).click();
    await interruptions
      .getByRole('textbox', { name: /Sista dag utan insats/ })
      .first()
      .fill(addDays(todayInSweden(), -3));
    await interruptions.getByRole('button', { name: 'Spara' }).click();
    await expectText(interruptions, 'Avbrottet är sparat.');
    await shot(manager, 'interruptions');
    await interruptions.getByRole('button', { name: 'Stäng' }).click();

    // Change of provider for the meals, accepted by the new provider's manager.
    const matRow = actionsOf(manager, 'Matdistribution', '2026-02-01');
    await matRow.getByRole('button', { name: /^Byt utförare/ }).click();
    const change = manager.getByRole('dialog', { name: /^Byt utförare/ });
    await change.getByRole('button', { name: 'Granska bytet' }).click();
    await expectFieldError(change.getByRole('textbox', { name: /Första dag hos den nya utföraren/ }), 'Obligatoriskt.');
    await expectNoAxeViolations(manager, 'the change of provider form with errors');
    await change.getByRole('radio', { name: 'Annan Omsorg hemtjänst' }).check();
    await change.getByRole('textbox', { name: /Första dag hos den nya utföraren/ }).fill('2026-09-01');
    await change
      .getByRole('textbox', { name: 'Meddelande till den nya utföraren' })
      .fill('Brukaren har valt Annan Omsorg.');
    await shot(manager, 'provider-change-form');
    await change.getByRole('button', { name: 'Granska bytet' }).click();
    await expectText(change, 'Sista dag hos Hemtjänst Norr');
    await expectText(change, '2026-08-31');
    await expectNoAxeViolations(manager, 'the change of provider summary');
    await shot(manager, 'provider-change-summary');
    await change.getByRole('button', { name: 'Skicka byte av utförare' }).click();
    await expectText(change, 'Vill du skicka ett meddelande till berörda?');
    await expectNoAxeViolations(manager, 'the change of provider sent');
    await change.getByRole('button', { name: 'Ja, skriv meddelande' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Skriv meddelande' }).waitFor();
    await expectText(manager.locator('main'), 'Åkesson, Ingrid');
    await expectText(manager.locator('main'), 'Samordnare coordinator');

    await insatser(manager, fixture.personId);
    await expectText(actionsOf(manager, 'Matdistribution', '2026-02-01'), 'väntar på svar');
    const panel = manager.getByRole('table', { name: 'Byten av utförare' });
    await expectText(panel, 'Väntar på svar');
    await expectNoAxeViolations(manager, 'a row waiting for the new provider');
    await shot(manager, 'provider-change-pending');

    const newProvider = await bw.newPage();
    await signIn(newProvider, other.username);
    const mealsChange = await bw.server.ownerDb
      .selectFrom('provider_changes')
      .select('to_assignment_id')
      .where('person_id', '=', fixture.personId)
      .executeTakeFirstOrThrow();
    await acceptAsNewProvider(newProvider, mealsChange.to_assignment_id, '2026-09-01');

    await insatser(manager, fixture.personId);
    await expectText(rowOf(manager, 'Matdistribution', '2026-02-01'), 'Byte av utförare');
    await expectText(rowOf(manager, 'Matdistribution', '2026-02-01'), '2026-02-01–2026-08-31');
    await expectText(manager.getByRole('table', { name: 'Byten av utförare' }), 'Accepterat');

    // A second change, of the new personal-care row, is stopped: the row stays here.
    const careRow = actionsOf(manager, 'Personlig omvårdnad', '2026-06-01');
    const careNumber = await requestChange(manager, careRow, '2026-10-01');
    await newProvider.goto(`/uppdrag/${await assignmentIdOf(careNumber)}`);
    await newProvider.getByRole('button', { name: 'Stoppa uppdrag' }).click();
    const stop = newProvider.getByRole('dialog', { name: /^Stoppa uppdrag/ });
    await stop.getByRole('textbox', { name: 'Meddelande till handläggaren' }).fill('Vi har inte plats.');
    await stop.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectText(newProvider.locator('.alert--success'), 'Uppdraget är stoppat.');
    await insatser(manager, fixture.personId);
    await expectText(manager.getByRole('table', { name: 'Byten av utförare' }), 'Stoppat');
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-06-01'), 'Skickad till genomförande');

    // Ending: the officer is told, and hears whether anything else runs.
    await actionsOf(manager, 'Personlig omvårdnad', '2026-06-01')
      .getByRole('button', { name: /^Rätta\/Avsluta/ })
      .click();
    const end = manager.getByRole('dialog', { name: /^Rätta\/Avsluta/ });
    await expectNoAxeViolations(manager, 'the end dialog');
    await end.getByRole('textbox', { name: /Sista dag/ }).fill('2026-05-01');
    await end.getByRole('combobox', { name: /Avslutsorsak/ }).selectOption('Annan orsak');
    await end.getByRole('textbox', { name: /Beskriv orsaken/ }).fill('Flyttar till dotter i annan kommun');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectFieldError(
      end.getByRole('textbox', { name: /Sista dag/ }),
      'Slutdatum kan inte vara före radens första dag, 2026-06-01.',
    );
    await end.getByRole('textbox', { name: /Sista dag/ }).fill('2026-12-31');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectText(end, 'Insatsen är avslutad 2026-12-31.');
    // The meals go on at the new provider under the same decision.
    await expectText(end, 'Andra insatser enligt beslutet pågår eller är planerade.');
    await expectNoAxeViolations(manager, 'the ending done');
    await shot(manager, 'ended');
    await end.getByRole('button', { name: 'Stäng' }).click();
    await expectText(rowOf(manager, 'Personlig omvårdnad', '2026-06-01'), 'Flyttar till dotter i annan kommun');

    const told = await bw.server.ownerDb
      .selectFrom('messages as m')
      .innerJoin('message_recipients as r', 'r.message_id', 'm.id')
      .select('m.subject')
      .where('r.user_id', '=', bw.world.users.caseOfficer.userId)
      .where('m.subject', 'like', '% avslutas %')
      .execute();
    expect(told).toHaveLength(1);
  });

  it('interruptions: a change of time during one is refused on the field; ending says which ended with the row', async () => {
    const fixture = await createSentRows(bw.server.ownerDb, bw.world);
    const id = fixture.deliveryIds[0]!;
    const interruption = (fromDate: string, toDate: string | null, reason: string) => ({
      municipality_id: bw.world.municipalityId,
      delivery_id: id,
      from_date: fromDate,
      to_date: toDate,
      reason,
      created_by_id: bw.world.users.unitManager.userId,
    });
    await bw.server.ownerDb
      .insertInto('interruptions')
      .values([interruption('2026-04-10', null, 'Sjukhusvistelse'), interruption('2026-03-01', '2026-03-05', 'Resa')])
      .execute();
    const manager = await bw.signedInPage('unitManager');
    await insatser(manager, fixture.personId);

    await actionsOf(manager, 'Personlig omvårdnad', '2026-02-01')
      .getByRole('button', { name: /^Återkalla \(ändra tid\)/ })
      .click();
    const withdraw = manager.getByRole('dialog', { name: /^Återkalla \(ändra tid\)/ });
    await expectText(withdraw, 'Raden har 2 avbrott. Tiden kan inte ändras mitt i ett avbrott.');
    const changeFrom = withdraw.getByRole('textbox', { name: /Ny tid gäller från/ });
    await changeFrom.fill('2026-05-01');
    await withdraw.getByRole('button', { name: 'Återkalla' }).click();
    await expectFieldError(changeFrom, 'Insatsen har ett avbrott sedan 2026-04-10 som inte är återupptaget.');
    await expectNoAxeViolations(manager, 'a change of time refused during an interruption');
    await shot(manager, 'withdraw-during-interruption');
    await withdraw.getByRole('button', { name: 'Avbryt' }).click();

    await actionsOf(manager, 'Personlig omvårdnad', '2026-02-01')
      .getByRole('button', { name: /^Rätta\/Avsluta/ })
      .click();
    const end = manager.getByRole('dialog', { name: /^Rätta\/Avsluta/ });
    await expectText(end, 'Ett avbrott som pågår efter sista dagen slutar på sista dagen');
    await end.getByRole('textbox', { name: /Sista dag/ }).fill('2026-04-20');
    await end.getByRole('combobox', { name: /Avslutsorsak/ }).selectOption('Avliden');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectText(end, 'Insatsen är avslutad 2026-04-20.');
    await expectText(
      end,
      'Avbrottet ”Sjukhusvistelse” (från 2026-04-10, ej återupptaget) slutar nu 2026-04-20, radens sista dag.',
    );
    await expectNoAxeViolations(manager, 'an ending that shortened an interruption');
    await shot(manager, 'ended-with-interruption');
    const left = await bw.server.ownerDb
      .selectFrom('interruptions')
      .select(['from_date', 'to_date'])
      .where('delivery_id', '=', id)
      .orderBy('from_date')
      .execute();
    expect(left).toEqual([
      { from_date: '2026-03-01', to_date: '2026-03-05' },
      { from_date: '2026-04-10', to_date: '2026-04-20' },
    ]);
  });

  it('keeps what was typed when someone else changed the row first', async () => {
    const fixture = await createSentRows(bw.server.ownerDb, bw.world);
    const manager = await bw.signedInPage('unitManager');
    await insatser(manager, fixture.personId);
    await actionsOf(manager, 'Personlig omvårdnad', '2026-02-01')
      .getByRole('button', { name: /^Rätta\/Avsluta/ })
      .click();
    const end = manager.getByRole('dialog', { name: /^Rätta\/Avsluta/ });
    await end.getByRole('textbox', { name: /Sista dag/ }).fill('2026-07-31');
    await end.getByRole('combobox', { name: /Avslutsorsak/ }).selectOption('Avliden');
    // Meanwhile someone else changes the row: its version moves on.
    await bw.server.ownerDb
      .updateTable('deliveries')
      .set({ watch_date: '2026-07-01', version: 9 })
      .where('id', '=', fixture.deliveryIds[0]!)
      .execute();
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectText(end, 'Någon annan har ändrat uppgifterna');
    expect(await end.getByRole('textbox', { name: /Sista dag/ }).inputValue()).toBe('2026-07-31');
    await expectNoAxeViolations(manager, 'the end dialog after a conflict');
    await shot(manager, 'end-conflict');
    await end.getByRole('button', { name: 'Läs in raderna igen' }).click();
    // Only the page's own word proves the rows are read again; sending before that would send the old version.
    await expectText(
      end.getByRole('status').filter({ hasText: 'inlästa igen' }),
      'Raderna är inlästa igen. Skicka på nytt.',
    );
    expect(await end.getByRole('textbox', { name: /Sista dag/ }).inputValue()).toBe('2026-07-31');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await expectText(end, 'Insatsen är avslutad 2026-07-31.');
  });

  it('cancels a row that starts tomorrow before it began: Avbryt före start, the row says so and the officer is told', async () => {
    const tomorrow = addDays(todayInSweden(), 1);
    const fixture = await createSentRows(bw.server.ownerDb, bw.world, { periodFrom: tomorrow });
    const manager = await bw.signedInPage('unitManager');
    await insatser(manager, fixture.personId);

    // Ending it is no way to say it never began: the end dialog points to the right action.
    await actionsOf(manager, 'Personlig omvårdnad', tomorrow)
      .getByRole('button', { name: /^Rätta\/Avsluta/ })
      .click();
    const end = manager.getByRole('dialog', { name: /^Rätta\/Avsluta/ });
    await expectText(end, 'Har insatsen inte börjat? Använd Avbryt före start i stället');
    await end.getByRole('button', { name: 'Avbryt', exact: true }).click();

    await actionsOf(manager, 'Personlig omvårdnad', tomorrow)
      .getByRole('button', { name: /^Avbryt före start/ })
      .click();
    const cancel = manager.getByRole('dialog', { name: /^Avbryt före start/ });
    await expectText(
      cancel,
      `Den avslutas dagen före sin första dag, ${todayInSweden()}, och räknas inte som verkställd.`,
    );
    await expectNoAxeViolations(manager, 'the cancel dialog');
    await shot(manager, 'cancel-before-start');
    // The reason is required, on its field.
    await cancel.getByRole('button', { name: 'Avbryt raden' }).click();
    await expectFieldError(cancel.getByRole('combobox', { name: /Avslutsorsak/ }), 'Välj avslutsorsak.');
    await cancel.getByRole('combobox', { name: /Avslutsorsak/ }).selectOption('Brukaren avböjer insatsen');
    await cancel.getByRole('button', { name: 'Avbryt raden' }).click();
    await expectText(cancel, 'Raden är avbruten före start.');
    await expectText(cancel, 'Biståndshandläggare caseOfficer har fått ett meddelande');
    await expectNoAxeViolations(manager, 'the cancel dialog done');
    await cancel.getByRole('button', { name: 'Stäng' }).click();

    const cancelled = rowOf(manager, 'Personlig omvårdnad', tomorrow);
    await expectText(cancelled, 'Avbruten före start');
    await expectText(cancelled, `${tomorrow}, påbörjades aldrig (avslutad ${todayInSweden()})`);
    await expectText(cancelled, 'Brukaren avböjer insatsen');
    // Nothing is left to do with it but read its history.
    const actions = actionsOf(manager, 'Personlig omvårdnad', tomorrow);
    expect(await actions.getByRole('button', { name: /^Avbryt före start/ }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: /^Rätta\/Avsluta/ }).count()).toBe(0);
    await actions.getByRole('button', { name: /^Historik/ }).click();
    const history = manager.getByRole('dialog', { name: /^Historik för Personlig omvårdnad/ });
    await expectText(history, 'Avbruten före start.');
    await expectNoAxeViolations(manager, 'the history of a cancelled row');
    await history.getByRole('button', { name: 'Stäng' }).click();
    // The other row runs on as planned.
    await expectText(rowOf(manager, 'Matdistribution', tomorrow), 'Skickad till genomförande');
  });
});
