import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { createDeliveryRows, createSentAssignment } from '../test/fixtures/delivery-fixtures.ts';

describeInBrowser('receiving an assignment at the provider', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  async function sent() {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Ingrid', lastName: 'Åkesson' });
    return { ...(await createSentAssignment(bw.server.ownerDb, bw.world, person.id)), personId: person.id };
  }

  it('accepts and distributes with Till genomförande; care staff acknowledge; the manager registers the start', async () => {
    const assignment = await sent();
    const manager = await bw.signedInPage('unitManager');
    await manager.goto(`/uppdrag/${assignment.assignmentId}`);
    await manager.getByRole('link', { name: 'Acceptera och fördela' }).waitFor();
    await expectNoAxeViolations(manager, 'the new assignment with its intake actions');
    await shot(manager, 'assignment-new');

    // A coordinator opens the same form at the same time; the manager will win.
    const coordinator = await bw.signedInPage('coordinator');
    await coordinator.goto(`/uppdrag/${assignment.assignmentId}/fordela`);
    await coordinator.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();

    await manager.getByRole('link', { name: 'Acceptera och fördela' }).click();
    await manager.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
    await expectNoAxeViolations(manager, 'the distribution form');

    // Without a unit: the error is on the field.
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    const careUnit = manager.getByRole('combobox', { name: 'Utförarenhet (Personlig omvårdnad, rad 1)' });
    await expectFieldError(careUnit, 'Välj utförarenhet.');
    await expectNoAxeViolations(manager, 'the distribution form with errors');

    await careUnit.selectOption({ label: 'Hemtjänst Norr' });
    await manager.getByRole('textbox', { name: 'Genomförandeform (Personlig omvårdnad, rad 1)' }).fill('Hemtjänst dag');
    await manager.getByRole('textbox', { name: 'Timmar per besök (Personlig omvårdnad, rad 1)' }).fill('0,5');
    await manager
      .getByRole('combobox', { name: 'Utförs (Personlig omvårdnad, rad 1)' })
      .selectOption({ label: 'Hela veckan' });
    await manager.getByRole('textbox', { name: 'Tid/Frekv (Personlig omvårdnad, rad 1)' }).fill('2');
    await manager
      .getByRole('combobox', { name: 'Enhet för tid/frekvens (Personlig omvårdnad, rad 1)' })
      .selectOption({ label: 'ggr/dygn' });
    await manager.getByRole('button', { name: /Dela upp Personlig omvårdnad/ }).click();
    await expect.poll(() => manager.evaluate(() => document.activeElement?.textContent)).toBe('Rad 2');
    await manager.getByRole('textbox', { name: 'Benämning (Personlig omvårdnad, rad 2)' }).fill('Dusch');
    await manager
      .getByRole('combobox', { name: 'Utförarenhet (Matdistribution, rad 1)' })
      .selectOption({ label: 'Hemtjänst Norr' });
    // Ticked from the start: most assignments go straight on to the units.
    expect(await manager.getByLabel('Till genomförande').isChecked()).toBe(true);
    await shot(manager, 'distribution-form');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();

    const confirm = manager.getByRole('dialog', { name: 'Till genomförande' });
    await expectText(confirm, 'Vill du skicka följande insatser till genomförande?');
    await expectText(confirm.getByRole('table'), 'Personlig omvårdnad (Dusch)');
    await expectText(confirm.getByRole('table'), `${todayInSweden()}–t.v.`);
    await expectNoAxeViolations(manager, 'the send confirmation');
    await shot(manager, 'distribution-confirm');
    await confirm.getByRole('button', { name: 'Skicka till genomförande' }).click();

    const offer = manager.getByRole('dialog', { name: 'Skicka meddelande?' });
    await expectText(offer, 'Vill du skicka ett meddelande till berörda?');
    await expectNoAxeViolations(manager, 'the message offer');
    await offer.getByRole('button', { name: 'Ja, skriv meddelande' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Skriv meddelande' }).waitFor();
    await expectText(manager.locator('main'), 'Undersköterska careStaff');
    await expectText(manager.locator('main'), 'Åkesson, Ingrid');
    await shot(manager, 'compose-prefilled');

    // The coordinator's rows are kept when they learn the manager was first.
    await coordinator
      .getByRole('combobox', { name: 'Utförarenhet (Personlig omvårdnad, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await coordinator
      .getByRole('combobox', { name: 'Utförarenhet (Matdistribution, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await coordinator.getByRole('textbox', { name: 'Resurs (Matdistribution, rad 1)' }).fill('Kvällsgruppen');
    await coordinator.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await coordinator
      .getByRole('dialog', { name: 'Till genomförande' })
      .getByRole('button', { name: 'Skicka till genomförande' })
      .click();
    await expectText(coordinator.locator('.alert--error'), 'Uppdraget har redan fördelats av Enhetschef unitManager.');
    expect(await coordinator.getByRole('textbox', { name: 'Resurs (Matdistribution, rad 1)' }).inputValue()).toBe(
      'Kvällsgruppen',
    );
    await expectNoAxeViolations(coordinator, 'the distribution conflict');
    await shot(coordinator, 'distribution-conflict');

    // Care staff acknowledge from their view of the unit's new assignment.
    const providerCase = await bw.server.ownerDb
      .selectFrom('provider_cases')
      .select('id')
      .where('person_id', '=', assignment.personId)
      .executeTakeFirstOrThrow();
    const staff = await bw.signedInPage('careStaff');
    await staff.goto(`/genomforande/${providerCase.id}`);
    await staff.getByRole('button', { name: 'Kvittera' }).waitFor();
    await expectText(staff.getByRole('table'), 'Personlig omvårdnad (Dusch)');
    await expectNoAxeViolations(staff, 'the staff view of a new assignment');
    await shot(staff, 'provider-case');
    await staff.getByLabel('Flytta till Mina personer').check();
    await staff.getByRole('button', { name: 'Kvittera' }).click();
    await expectText(
      staff.locator('.alert--success'),
      'Uppdraget är kvitterat och personen finns under Mina personer.',
    );
    await expectText(staff.locator('main'), 'Kvitterat');
    await expectNoAxeViolations(staff, 'the acknowledged assignment');

    // The manager registers the day support started, from the person's Insatser tab.
    await manager.goto(`/personer/${assignment.personId}?flik=insatser`);
    const table = manager.getByRole('table', { name: 'Personens insatser och verkställighet' });
    await expectText(table, 'Skickad till genomförande');
    await expectNoAxeViolations(manager, 'the Insatser tab');
    await shot(manager, 'deliveries-tab');
    await table.getByRole('button', { name: /Registrera verkställighetsdatum Personlig omvårdnad \(Dusch\)/ }).click();
    const start = manager.getByRole('dialog', { name: /Verkställighetsdatum för Personlig omvårdnad \(Dusch\)/ });
    await expectNoAxeViolations(manager, 'the start date dialog');
    await start.getByRole('button', { name: 'Registrera' }).click();
    await expectText(manager.locator('main'), 'Handläggaren har fått ett meddelande');
    await expectText(table, todayInSweden());
    await table.getByRole('button', { name: /Historik Personlig omvårdnad \(Dusch\)/ }).click();
    const history = manager.getByRole('dialog', { name: /Historik för Personlig omvårdnad \(Dusch\)/ });
    await expectText(history, 'Verkställighet påbörjad');
    await expectNoAxeViolations(manager, 'the history');
    await shot(manager, 'history');

    const officerMessages = await bw.server.ownerDb
      .selectFrom('messages as m')
      .innerJoin('message_recipients as r', (join) =>
        join.onRef('r.message_id', '=', 'm.id').onRef('r.municipality_id', '=', 'm.municipality_id'),
      )
      .select('m.subject')
      .where('r.user_id', '=', bw.world.users.caseOfficer.userId)
      .where('m.assignment_id', '=', assignment.assignmentId)
      .execute();
    // The subject names the intervention first, so two rows started the same day are told apart.
    expect(officerMessages.map((row) => row.subject)).toEqual([
      expect.stringMatching(
        new RegExp(`^\\S.*: verkställighet påbörjad ${todayInSweden()} \\(uppdrag ${assignment.assignmentNumber}\\)$`),
      ),
    ]);
  });

  it('distributes without sending, then registers a row and sends it to delivery from the assignment page', async () => {
    const assignment = await sent();
    const manager = await bw.signedInPage('operationsManager');
    await manager.goto(`/uppdrag/${assignment.assignmentId}/fordela`);
    await manager.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
    await manager
      .getByRole('combobox', { name: 'Utförarenhet (Personlig omvårdnad, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await manager
      .getByRole('combobox', { name: 'Utförarenhet (Matdistribution, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await manager.getByLabel('Till genomförande').uncheck();
    await manager.getByRole('textbox', { name: 'T.o.m. (Matdistribution, rad 1)' }).fill('2026-01-31');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    // The server's rule, checked by the form first, lands on the field: the period ends before it starts.
    await expectFieldError(
      manager.getByRole('textbox', { name: 'T.o.m. (Matdistribution, rad 1)' }),
      'Verkställighetens slut kan inte vara före dess början.',
    );
    await manager.getByRole('textbox', { name: 'T.o.m. (Matdistribution, rad 1)' }).fill('');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await expectText(
      manager.locator('.alert--success'),
      'Uppdraget är accepterat och fördelat på 2 rader under fördelning.',
    );
    const rows = manager.getByRole('table', { name: 'Uppdragets verkställighet' });
    await expectText(rows, 'Under fördelning');
    await expectNoAxeViolations(manager, 'the accepted assignment with rows under distribution');

    await rows.getByRole('button', { name: /^Registrera Personlig omvårdnad/ }).click();
    const register = manager.getByRole('dialog', { name: 'Registrera Personlig omvårdnad' });
    await register.getByRole('textbox', { name: 'Timmar per besök' }).fill('0,33');
    await register.getByRole('textbox', { name: '+ Dubbel' }).fill('0,33');
    await expectNoAxeViolations(manager, 'the Registrera dialog');
    await shot(manager, 'register-dialog');
    await register.getByRole('button', { name: 'Spara' }).click();
    await expectText(rows, '0,33 tim/besök');

    await rows.getByRole('button', { name: /^Till genomförande Personlig omvårdnad/ }).click();
    const confirm = manager.getByRole('dialog', { name: 'Till genomförande' });
    await expectText(confirm, 'Hemtjänst Söder');
    await confirm.getByRole('button', { name: 'Skicka till genomförande' }).click();
    await manager.getByRole('dialog', { name: 'Skicka meddelande?' }).getByRole('button', { name: 'Nej' }).click();
    await expectText(manager.locator('main'), 'Personlig omvårdnad är skickad till genomförande.');
    await expectText(rows, 'Skickad till genomförande');
    await expectNoAxeViolations(manager, 'the assignment after sending one row');
  });

  it('keeps a new assignment from care staff, and takes a unit manager who distributes it all to another unit to Nya uppdrag, not back to it', async () => {
    const assignment = await sent();
    // Need to know (assignments/README.md): care staff read it once it is distributed to them, not while it is new.
    const staff = await bw.signedInPage('careStaff');
    await staff.goto(`/uppdrag/${assignment.assignmentId}`);
    await staff.getByRole('heading', { level: 1, name: 'Uppdraget hittades inte' }).waitFor();
    await expectText(staff.locator('main'), 'läser personalen det när personen finns på deras enhet');

    const manager = await bw.signedInPage('unitManager');
    await manager.goto(`/uppdrag/${assignment.assignmentId}/fordela`);
    await manager.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
    await manager
      .getByRole('combobox', { name: 'Utförarenhet (Personlig omvårdnad, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await manager
      .getByRole('combobox', { name: 'Utförarenhet (Matdistribution, rad 1)' })
      .selectOption({ label: 'Hemtjänst Söder' });
    await manager.getByLabel('Till genomförande').uncheck();
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    // Söder delivers it now; the manager of Norr no longer reads it, so the page does not lead back to a 404.
    await manager.getByRole('heading', { level: 1, name: 'Nya uppdrag' }).waitFor();
    await expectText(
      manager.locator('.alert--success'),
      'Uppdraget är accepterat och fördelat på 2 rader under fördelning. Uppdraget visas nu för enheterna som utför det.',
    );
    await expectNoAxeViolations(manager, 'Nya uppdrag after distributing to another unit');
    const state = await bw.server.ownerDb
      .selectFrom('assignment_states')
      .select('status')
      .where('assignment_id', '=', assignment.assignmentId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('accepted');
  });

  it('distributes an assignment from a change of provider from the change date', async () => {
    const old = await sent();
    const { deliveryIds } = await createDeliveryRows(bw.server.ownerDb, bw.world, old, bw.world.units.homeCareNorth);
    const next = await createSentAssignment(bw.server.ownerDb, bw.world, old.personId);
    await bw.server.ownerDb
      .insertInto('provider_changes')
      .values({
        municipality_id: bw.world.municipalityId,
        person_id: old.personId,
        from_assignment_id: old.assignmentId,
        to_assignment_id: next.assignmentId,
        from_provider_unit_id: bw.world.units.homeCareNorth,
        to_provider_unit_id: bw.world.units.homeCareSouth,
        change_date: '2026-09-01',
        delivery_ids: deliveryIds,
        status: 'pending',
        requested_by_id: bw.world.users.unitManager.userId,
      })
      .execute();
    const manager = await bw.signedInPage('operationsManager');
    await manager.goto(`/uppdrag/${next.assignmentId}/fordela`);
    await expectText(
      manager.locator('main'),
      'Byte av utförare fr.o.m. 2026-09-01: insatserna flyttas hit från Hemtjänst Norr',
    );
    const from = manager.getByRole('textbox', { name: 'Fr.o.m. (Personlig omvårdnad, rad 1)' });
    expect(await from.inputValue()).toBe('2026-09-01');
    await expectNoAxeViolations(manager, 'the distribution form of a change of provider');
    await from.fill('2026-08-31');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await expectFieldError(
      from,
      'Uppdraget är ett byte av utförare fr.o.m. 2026-09-01; raden kan börja tidigast 2026-09-01.',
    );
    await shot(manager, 'distribution-provider-change');
  });

  it('corrects a row sent to delivery: the start date and the time, with the reason in the history', async () => {
    const assignment = await sent();
    await createDeliveryRows(bw.server.ownerDb, bw.world, assignment, bw.world.units.homeCareNorth, {
      startedOn: '2026-02-03',
      hoursPerVisit: 0.5,
      days: 'whole_week',
      frequency: 2,
      frequencyUnit: 'times_per_day',
    });
    const manager = await bw.signedInPage('unitManager');
    await manager.goto(`/personer/${assignment.personId}?flik=insatser`);
    const table = manager.getByRole('table', { name: 'Personens insatser och verkställighet' });
    await table.getByRole('button', { name: /^Rätta uppgifter Personlig omvårdnad/ }).click();
    const dialog = manager.getByRole('dialog', { name: 'Rätta Personlig omvårdnad' });
    await expectText(dialog, 'Enhet och period rättas inte här');
    await expectNoAxeViolations(manager, 'the correction dialog');
    const startedOn = dialog.getByRole('textbox', { name: 'Verkställighetsdatum' });
    expect(await startedOn.inputValue()).toBe('2026-02-03');
    await startedOn.fill('2026-01-31');
    await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
    await expectFieldError(startedOn, 'Verkställighetsdatum kan inte vara före radens period (från 2026-02-01).');
    await expectFieldError(dialog.getByRole('textbox', { name: /Orsak till rättelsen/ }), 'Skriv varför raden rättas.');
    await expectNoAxeViolations(manager, 'the correction dialog with errors');
    await startedOn.fill('2026-02-01');
    await dialog.getByRole('textbox', { name: 'Timmar per besök' }).fill('0,75');
    await dialog.getByRole('textbox', { name: /Orsak till rättelsen/ }).fill('Insatsen började den 1 februari.');
    await shot(manager, 'correction-dialog');
    await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
    await expectText(
      manager.locator('main'),
      'Personlig omvårdnad är rättad. Handläggaren har fått ett meddelande om verkställighetsdatum.',
    );
    await expectText(table, '0,75 tim/besök');

    await table.getByRole('button', { name: /^Historik Personlig omvårdnad/ }).click();
    const history = manager.getByRole('dialog', { name: 'Historik för Personlig omvårdnad' });
    await expectText(history, 'Orsak: Insatsen började den 1 februari.');
    await expectText(history, 'Verkställighetsdatum: 2026-02-03 → 2026-02-01');
    await expectText(history, 'Timmar per besök: 0,5 → 0,75');
    await expectNoAxeViolations(manager, 'the history with a correction');
    await shot(manager, 'history-corrected');

    const officer = await bw.signedInPage('caseOfficer');
    await officer.goto('/meddelanden/inkorg');
    await expectText(
      officer.locator('main'),
      `: verkställighetsdatum rättat till 2026-02-01 (uppdrag ${assignment.assignmentNumber})`,
    );
  });

  it('stops a new assignment back to the officer, who reads why in the inbox and on the case page', async () => {
    const assignment = await sent();
    const manager = await bw.signedInPage('unitManager');
    await manager.goto(`/uppdrag/${assignment.assignmentId}`);
    await manager.getByRole('button', { name: 'Stoppa uppdrag' }).click();
    const dialog = manager.getByRole('dialog', { name: `Stoppa uppdrag ${assignment.assignmentNumber}?` });
    await dialog.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectFieldError(
      dialog.getByRole('textbox', { name: 'Meddelande till handläggaren' }),
      'Skriv varför uppdraget stoppas.',
    );
    await expectNoAxeViolations(manager, 'the stop dialog with an error');
    await dialog
      .getByRole('textbox', { name: 'Meddelande till handläggaren' })
      .fill('Fel utförare: personen bor i Söderort.');
    await shot(manager, 'stop-dialog');
    await dialog.getByRole('button', { name: 'Stoppa uppdraget' }).click();
    await expectText(manager.locator('.alert--success'), 'Uppdraget är stoppat.');
    await expectText(manager.locator('main'), 'Stoppat av utföraren');
    expect(await manager.getByRole('link', { name: 'Acceptera och fördela' }).count()).toBe(0);
    await expectNoAxeViolations(manager, 'the stopped assignment');
    await shot(manager, 'assignment-stopped');

    const officer = await bw.signedInPage('caseOfficer');
    await officer.goto('/meddelanden/inkorg');
    await expectText(officer.locator('main'), `Uppdrag ${assignment.assignmentNumber} stoppat av Hemtjänst egen regi`);
    await officer.goto(`/arenden/${assignment.decision.caseId}`);
    await expectText(officer.locator('main'), 'Fel utförare: personen bor i Söderort.');
    await expectNoAxeViolations(officer, 'the case page with the stopped assignment');
    await shot(officer, 'case-stopped');
  });
});
