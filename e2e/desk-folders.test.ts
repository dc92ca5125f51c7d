import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { createPersons } from '../seeds/lib/builders.ts';
import { testPersonnummer } from '../seeds/lib/test-numbers.ts';
import { createSentAssignment, distributionBody } from '../test/fixtures/delivery-fixtures.ts';
import { createProviderCaseFixture, dayFromToday, type ProviderCaseFixture } from '../test/fixtures/desk-fixtures.ts';

/** Hemtjänst Söder's persons, for paging: more than one page of 50. */
const BIG_UNIT_SIZE = 57;

/**
 * The provider folders of the desk for Hemtjänst Norr's manager and care staff. The tests run in
 * order over one world: the first reads the counts as built, the later ones change them.
 */
describeInBrowser('the provider folders of the desk', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;
  /**
   * Hemtjänst Norr: waiting to be acknowledged (Väntarsson), acknowledged and ongoing (Pågårsson),
   * last row ended 5 and 12 days ago (Slutarsson, Nyligen) and 45 days ago (Längesen).
   */
  const cases = {} as Record<'waiting' | 'ongoing' | 'ended5' | 'ended12' | 'ended45', ProviderCaseFixture>;

  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
    const { ownerDb } = bw.server;
    const fixture = async (
      firstName: string,
      lastName: string,
      options: Parameters<typeof createProviderCaseFixture>[3],
    ) =>
      createProviderCaseFixture(
        ownerDb,
        bw.world,
        (await bw.world.createPerson(['aoAuthority'], { firstName, lastName })).id,
        options,
      );
    cases.waiting = await fixture('Vera', 'Väntarsson', { sentOn: dayFromToday(-2) });
    cases.ongoing = await fixture('Per', 'Pågårsson', { acknowledgedBy: 'careStaff' });
    cases.ended5 = await fixture('Sven', 'Slutarsson', {
      periodTo: dayFromToday(-5),
      endReason: 'Flyttat till särskilt boende',
      acknowledgedBy: 'careStaff',
    });
    cases.ended12 = await fixture('Nils', 'Nyligen', {
      periodTo: dayFromToday(-12),
      endReason: 'Behovet upphört',
      acknowledgedBy: 'careStaff',
    });
    cases.ended45 = await fixture('Lisa', 'Längesen', {
      periodTo: dayFromToday(-45),
      endReason: 'Avliden',
      acknowledgedBy: 'careStaff',
    });
    // A new assignment to accept, for the manager's Nya uppdrag (not at a unit yet).
    await createSentAssignment(
      ownerDb,
      bw.world,
      (await bw.world.createPerson(['aoAuthority'], { firstName: 'Nora', lastName: 'Nyström' })).id,
    );
    // The manager keeps Längesen at hand.
    await ownerDb
      .insertInto('my_persons')
      .values({
        municipality_id: bw.world.municipalityId,
        user_id: bw.world.users.unitManager.userId,
        person_id: cases.ended45.personId,
      })
      .execute();
    // Söder: a big unit, built in one insert; numbers from the end of the list, away from createPerson's.
    await createPersons(
      ownerDb,
      bw.world.municipalityId,
      testPersonnummer()
        .slice(-BIG_UNIT_SIZE)
        .map((identityNumber, index) => ({
          identityNumber,
          firstName: 'Stina',
          lastName: `Sydlund${String(index).padStart(2, '0')}`,
          unitIds: [bw.world.units.homeCareSouth],
        })),
    );
  });
  afterAll(async () => bw?.close());

  const deskNav = (page: Page) => page.getByRole('navigation', { name: 'Mitt skrivbord' });
  /** The folder link whose whole accessible name (label, then any count) matches. */
  const folder = (page: Page, name: RegExp) => deskNav(page).getByRole('link', { name });
  const main = (page: Page) => page.getByRole('main');
  /** The Namn column, top to bottom (the row header is the number). */
  const namesIn = (table: Locator) =>
    table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent ?? ''));

  it("counts each folder in the desk navigation: the manager's four, care staff's without Ej aktuella", async () => {
    const manager = await open('unitManager', '/');
    // One to accept and distribute and one to acknowledge, said apart to screen readers.
    await folder(manager, /^Nya uppdrag\s*,\s*1 nytt uppdrag och 1 att kvittera$/).waitFor();
    await deskNav(manager)
      .getByRole('list', { name: 'Mina enheter' })
      .getByRole('link', { name: /^Hemtjänst Norr\s*,\s*5 personer$/ })
      .waitFor();
    await folder(manager, /^Mina personer\s*,\s*1 person$/).waitFor();
    // Ended 5 and 12 days ago; 45 days ago is beyond the default 30.
    await folder(manager, /^Ej aktuella – att avsluta\s*,\s*2 att avsluta$/).waitFor();
    // The overview's Att göra says the same, each a way into its folder.
    const waiting = manager.getByRole('region', { name: 'Att göra' });
    await waiting.getByRole('link', { name: '1 nytt uppdrag att ta emot och fördela' }).waitFor();
    await waiting.getByRole('link', { name: '1 att kvittera' }).waitFor();
    await waiting.getByRole('link', { name: '2 personer ej aktuella att avsluta' }).waitFor();
    await expectNoAxeViolations(manager, "the manager's desk with counts");
    await shot(manager, 'desk-counts-manager');

    const staff = await open('careStaff', '/');
    await folder(staff, /^Nya uppdrag\s*,\s*1 att kvittera$/).waitFor();
    await deskNav(staff)
      .getByRole('list', { name: 'Mina enheter' })
      .getByRole('link', { name: /^Hemtjänst Norr\s*,\s*5 personer$/ })
      .waitFor();
    // No one in Mina personer: no count.
    await folder(staff, /^Mina personer$/).waitFor();
    expect(await folder(staff, /^Ej aktuella/).count()).toBe(0);
    const staffWaiting = staff.getByRole('region', { name: 'Att göra' });
    await staffWaiting.getByRole('link', { name: '1 att kvittera' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Nya uppdrag' }).waitFor();
    expect(await staffWaiting.getByRole('link', { name: /ej aktuell/ }).count()).toBe(0);
    await staff.goto('/');
    await expectNoAxeViolations(staff, 'the care staff desk with counts');
    // Nor by its address.
    await staff.goto('/ej-aktuella');
    await staff.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });

  it('lists the provider case not yet acknowledged under Nya uppdrag; acknowledging makes it leave', async () => {
    const staff = await open('careStaff', '/nya-uppdrag');
    await staff.getByRole('heading', { level: 2, name: 'Att kvittera' }).waitFor();
    const toAcknowledge = staff.getByRole('table', { name: 'Att kvittera, längst väntat först' });
    await expectText(toAcknowledge, 'Väntarsson, Vera');
    await expectText(toAcknowledge, 'Personlig omvårdnad');
    await expectText(toAcknowledge, dayFromToday(-2));
    expect(await toAcknowledge.innerText()).not.toContain('Pågårsson');
    await expectText(main(staff).getByRole('status').first(), '1 att kvittera.');
    // Care staff do not accept and distribute.
    expect(await staff.getByRole('heading', { name: 'Att acceptera och fördela' }).count()).toBe(0);
    await expectNoAxeViolations(staff, 'Nya uppdrag to acknowledge');
    await shot(staff, 'folder-unacknowledged');

    await toAcknowledge.getByRole('link', { name: 'Öppna och kvittera Väntarsson, Vera' }).click();
    await staff.getByRole('button', { name: 'Kvittera' }).click();
    await expectText(staff.locator('.alert--success'), 'Uppdraget är kvitterat.');

    await deskNav(staff)
      .getByRole('link', { name: /^Nya uppdrag/ })
      .click();
    await staff.getByRole('heading', { level: 1, name: 'Nya uppdrag' }).waitFor();
    await expectText(main(staff), 'Det finns inget att kvittera just nu.');
    await expectText(main(staff).getByRole('status').first(), 'Inget att kvittera.');
    await folder(staff, /^Nya uppdrag$/).waitFor();
    await expectNoAxeViolations(staff, 'Nya uppdrag, all acknowledged');
    const acknowledged = await bw.server.ownerDb
      .selectFrom('provider_cases')
      .select('acknowledged_by_id')
      .where('id', '=', cases.waiting.providerCaseId)
      .executeTakeFirstOrThrow();
    expect(acknowledged.acknowledged_by_id).toBe(bw.world.users.careStaff.userId);

    // The manager still has the assignment to accept; the one to acknowledge is gone.
    const manager = await open('unitManager', '/nya-uppdrag');
    await expectText(manager.getByRole('table', { name: 'Uppdrag att acceptera och fördela' }), 'Nyström, Nora');
    await expectText(main(manager), 'Det finns inget att kvittera just nu.');
    await folder(manager, /^Nya uppdrag\s*,\s*1 nytt uppdrag$/).waitFor();
    await expectNoAxeViolations(manager, "the manager's Nya uppdrag");
  });

  it('brings an acknowledged person back under Att kvittera when a later assignment is sent to the unit, naming it as new', async () => {
    // A later assignment for Väntarsson, distributed to Norr and sent to delivery by the manager (over the API).
    const later = await createSentAssignment(bw.server.ownerDb, bw.world, cases.waiting.personId);
    const api = await bw.world.signIn('unitManager');
    const distributed = await api.post(
      `/api/assignments/${later.assignmentId}/distribution`,
      distributionBody(later, bw.world.units.homeCareNorth, { sendToDelivery: true }),
    );
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);

    const staff = await open('careStaff', '/nya-uppdrag');
    await folder(staff, /^Nya uppdrag\s*,\s*1 att kvittera$/).waitFor();
    const row = staff
      .getByRole('table', { name: 'Att kvittera, längst väntat först' })
      .getByRole('row')
      .filter({ hasText: 'Väntarsson, Vera' });
    await expectText(row, 'Nytt uppdrag');
    await expectText(row, todayInSweden());
    await expectNoAxeViolations(staff, 'Att kvittera with a new assignment in an acknowledged case');
    await row.getByRole('link', { name: 'Öppna och kvittera Väntarsson, Vera' }).click();
    const perAssignment = staff.getByRole('list', { name: 'Kvittering per uppdrag' });
    await expectText(perAssignment, `Uppdrag ${later.assignmentNumber}: nytt, väntar på kvittering.`);
    await expectText(perAssignment, 'av Undersköterska careStaff');
    await expectText(
      staff.locator('form'),
      `Kvittera att enheten har tagit emot det nya uppdraget ${later.assignmentNumber}.`,
    );
    await expectNoAxeViolations(staff, 'the case page with a new assignment to acknowledge');
    await shot(staff, 'acknowledge-new-assignment');
    await staff.getByRole('button', { name: 'Kvittera' }).click();
    await expectText(staff.locator('.alert--success'), 'Uppdraget är kvitterat.');
    expect(await perAssignment.innerText()).not.toContain('väntar på kvittering');
    await folder(staff, /^Nya uppdrag$/).waitFor();
  });

  it("pages a big unit's persons under Mina enheter and filters them by name", async () => {
    const manager = await open('otherUnitManager', '/enheter');
    await deskNav(manager)
      .getByRole('list', { name: 'Mina enheter' })
      .getByRole('link', { name: new RegExp(`^Hemtjänst Söder\\s*,\\s*${BIG_UNIT_SIZE} personer$`) })
      .waitFor();
    await manager
      .getByRole('table', { name: 'Enheter och antal personer' })
      .getByRole('link', { name: 'Hemtjänst Söder' })
      .click();
    await manager.getByRole('heading', { level: 1, name: 'Hemtjänst Söder' }).waitFor();
    const persons = manager.getByRole('table', { name: 'Personer på Hemtjänst Söder' });
    const names = () => namesIn(persons);
    const status = main(manager).getByRole('status');
    await expectText(status, `Visar 1–50 av ${BIG_UNIT_SIZE} personer.`);
    await expect
      .poll(names)
      .toEqual(Array.from({ length: 50 }, (_, index) => `Sydlund${String(index).padStart(2, '0')}, Stina`));
    const pager = manager.getByRole('navigation', { name: 'Sidor' });
    await expectText(pager, 'Sida 1 av 2');
    expect(await pager.getByRole('button', { name: 'Föregående' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(manager, "a big unit's first page");
    await shot(manager, 'unit-page-1');

    await pager.getByRole('button', { name: 'Nästa' }).click();
    await expectText(status, `Visar 51–${BIG_UNIT_SIZE} av ${BIG_UNIT_SIZE} personer.`);
    await expect
      .poll(names)
      .toEqual(Array.from({ length: BIG_UNIT_SIZE - 50 }, (_, index) => `Sydlund${50 + index}, Stina`));
    expect(new URL(manager.url()).searchParams.get('sida')).toBe('2');
    expect(await pager.getByRole('button', { name: 'Nästa' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(manager, "a big unit's last page");

    const filter = manager.getByRole('search', { name: 'Filtrera enhetens personer' });
    await filter.getByRole('textbox', { name: /Filtrera på namn eller personnummer/ }).fill('sydlund0');
    await filter.getByRole('button', { name: 'Filtrera' }).click();
    await expectText(status, '10 personer som matchar ”sydlund0”.');
    await expect.poll(names).toEqual(Array.from({ length: 10 }, (_, index) => `Sydlund0${index}, Stina`));
    // A filter starts again on the first page, with no pager for one page.
    expect(new URL(manager.url()).searchParams.get('sida')).toBeNull();
    expect(await pager.count()).toBe(0);
    await expectNoAxeViolations(manager, 'a big unit filtered by name');
    await shot(manager, 'unit-filtered');

    await filter.getByRole('textbox', { name: /Filtrera på namn eller personnummer/ }).fill('Väntarsson');
    await filter.getByRole('button', { name: 'Filtrera' }).click();
    await expectText(status, 'Inga personer som matchar ”Väntarsson”.');
    await expectText(main(manager), 'Ingen person på enheten matchar filtret.');
    await filter.getByRole('button', { name: 'Visa alla' }).click();
    await expectText(status, `Visar 1–50 av ${BIG_UNIT_SIZE} personer.`);
  });

  it('adds a person to Mina personer from the person page, lists them there, and takes them away again', async () => {
    const staff = await open('careStaff', `/personer/${cases.ongoing.personId}`);
    await staff.getByRole('heading', { level: 1, name: 'Pågårsson, Per' }).waitFor();
    await staff.getByRole('button', { name: 'Lägg till i Mina personer' }).click();
    await staff.getByRole('button', { name: 'Ta bort ur Mina personer' }).waitFor();
    await expectText(staff.locator('.my-person-toggle').getByRole('status'), 'Tillagd i Mina personer.');
    await folder(staff, /^Mina personer\s*,\s*1 person$/).waitFor();
    await expectNoAxeViolations(staff, 'the person page with the person in Mina personer');

    await folder(staff, /^Mina personer/).click();
    await staff.getByRole('heading', { level: 1, name: 'Mina personer' }).waitFor();
    const mine = staff.getByRole('table', { name: 'Mina personer' });
    await expectText(mine, 'Pågårsson, Per');
    await expectText(mine, todayInSweden());
    // Only this user's list: the manager's Längesen is not here.
    expect(await mine.innerText()).not.toContain('Längesen');
    await expectNoAxeViolations(staff, 'Mina personer with a person');
    await shot(staff, 'my-persons');

    await mine.getByRole('row').filter({ hasText: 'Pågårsson, Per' }).getByRole('link').click();
    await staff.getByRole('heading', { level: 1, name: 'Pågårsson, Per' }).waitFor();
    await staff.getByRole('button', { name: 'Ta bort ur Mina personer' }).click();
    await staff.getByRole('button', { name: 'Lägg till i Mina personer' }).waitFor();
    await expectText(staff.locator('.my-person-toggle').getByRole('status'), 'Borttagen ur Mina personer.');
    await folder(staff, /^Mina personer$/).waitFor();

    await folder(staff, /^Mina personer/).click();
    await expectText(main(staff), 'Du har inga personer här ännu.');
    await expectNoAxeViolations(staff, 'Mina personer, empty');
    const rows = await bw.server.ownerDb
      .selectFrom('my_persons')
      .select('person_id')
      .where('user_id', '=', bw.world.users.careStaff.userId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('lists Ej aktuella with the end date, looks further back on request, and closes a case through the dialog', async () => {
    const manager = await open('unitManager', '/ej-aktuella');
    await manager.getByRole('heading', { level: 1, name: 'Ej aktuella – att avsluta' }).waitFor();
    const table = manager.getByRole('table', { name: 'Ej aktuella – att avsluta, längst sedan avslutade först' });
    // The list's own status line, not the notice after closing (also a status).
    const count = (page: Page) => main(page).getByRole('status').filter({ hasText: 'att avsluta' });
    const rowOf = (lastName: string): Locator => table.getByRole('row').filter({ hasText: lastName });
    // The row header holds the number, then the name: the last names, top to bottom.
    const listed = async () =>
      (await table.getByRole('rowheader').allInnerTexts()).map((text) => text.split('\n').at(-1)?.split(',')[0]);
    await expectText(count(manager), '2 personer att avsluta.');
    // Longest ended first.
    await expect.poll(listed).toEqual(['Nyligen', 'Slutarsson']);
    await expectText(rowOf('Slutarsson'), dayFromToday(-5));
    await expectText(rowOf('Slutarsson'), 'Flyttat till särskilt boende');
    await expectText(rowOf('Nyligen'), dayFromToday(-12));
    await expectNoAxeViolations(manager, 'Ej aktuella – att avsluta');
    await shot(manager, 'not-current');

    // A look-back that is not a number is refused at the field; 60 days shows Längesen too.
    const days = manager.getByRole('textbox', { name: /Visa avslutade de senaste/ });
    await days.fill('sextio');
    await manager.getByRole('button', { name: 'Visa', exact: true }).click();
    await expectFieldError(days, 'Ange ett helt antal dagar, 1–3650.');
    await expectNoAxeViolations(manager, 'the look-back with an error');
    await days.fill('60');
    await manager.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(listed).toEqual(['Längesen', 'Nyligen', 'Slutarsson']);
    await expectText(rowOf('Längesen'), dayFromToday(-45));
    await expectText(rowOf('Längesen'), 'Över 30 dagar');
    await expectText(count(manager), '3 personer att avsluta.');
    expect(new URL(manager.url()).searchParams.get('dagar')).toBe('60');
    // The count in the navigation follows the chosen look-back.
    await folder(manager, /^Ej aktuella – att avsluta\s*,\s*3 att avsluta$/).waitFor();
    await expectNoAxeViolations(manager, 'Ej aktuella, 60 days back');

    await rowOf('Slutarsson').getByRole('button', { name: 'Avsluta genomförandet för Slutarsson, Sven' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Avsluta genomförandet för Slutarsson, Sven?' });
    await expectText(dialog, 'Flyttat till särskilt boende');
    const closedOn = dialog.getByRole('textbox', { name: /Avslutsdatum/ });
    expect(await closedOn.inputValue()).toBe(todayInSweden());
    await expectNoAxeViolations(manager, 'the close dialog');
    // Not a date: the form says so at the field; a day in the future: the server says so there.
    await closedOn.fill('i går');
    await dialog.getByRole('button', { name: 'Avsluta genomförandet' }).click();
    await expectFieldError(closedOn, 'Ange datum som ÅÅÅÅ-MM-DD.');
    await expectNoAxeViolations(manager, 'the close dialog with an error');
    await closedOn.fill(dayFromToday(1));
    await dialog.getByRole('button', { name: 'Avsluta genomförandet' }).click();
    await expectFieldError(closedOn, 'Avslutsdatum kan inte vara senare än i dag.');
    await shot(manager, 'close-dialog-error');
    await closedOn.fill(todayInSweden());
    await dialog.getByRole('button', { name: 'Avsluta genomförandet' }).click();

    await expectText(
      manager.locator('.alert--success'),
      `Genomförandet för Slutarsson, Sven på Hemtjänst Norr är avslutat ${todayInSweden()}.`,
    );
    expect(await dialog.count()).toBe(0);
    await expect.poll(listed).toEqual(['Längesen', 'Nyligen']);
    await expectText(count(manager), '2 personer att avsluta.');
    // The count in the navigation is over the 60 days chosen: 3, now 2.
    await folder(manager, /^Ej aktuella – att avsluta\s*,\s*2 att avsluta$/).waitFor();
    await expectNoAxeViolations(manager, 'Ej aktuella after closing');
    await shot(manager, 'not-current-closed');
    // The look-back is the user's: the list opens with it again, and the desk keeps counting over it.
    await manager.goto('/ej-aktuella');
    await expect.poll(listed).toEqual(['Längesen', 'Nyligen']);
    expect(await days.inputValue()).toBe('60');
    await folder(manager, /^Ej aktuella – att avsluta\s*,\s*2 att avsluta$/).waitFor();
    const closed = await bw.server.ownerDb
      .selectFrom('provider_cases')
      .select(['closed_on', 'closed_by_id'])
      .where('id', '=', cases.ended5.providerCaseId)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ closed_on: todayInSweden(), closed_by_id: bw.world.users.unitManager.userId });
  });
});
