import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  PHONE,
  expectFieldError,
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  shot,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { createDeliveryRows, createSentAssignment, type SentAssignment } from '../test/fixtures/delivery-fixtures.ts';
import { createFixtureDecision } from '../test/fixtures/assignment-fixtures.ts';

/**
 * Tidsfrister (issue 16) as its users meet it. The fixtures' decisions are dated 2026-01-15, so
 * with today's date their interventions are long past three months when no delivery has started:
 * the case officer sees them counted on the desk and listed by rule, with the IVO details to fill
 * in, and opens the case; the provider's manager sees an assignment unreceived for more than 24
 * hours escalated to them; the administrator changes a time, and the list follows it.
 */
describeInBrowser('Tidsfrister', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;
  /** Not delivered: two interventions past three months, and its assignment sent just now (waiting). */
  let undelivered: SentAssignment;
  /** Delivered from 2026-02-01 and interrupted since 2026-05-31, with no day set to resume. */
  let interruptionId: string;
  /** Not delivered, and its assignment sent 30 hours ago: past 24 hours, the provider's managers told. */
  let unreceived: SentAssignment;
  /** A protected identity's decision, not delivered: listed by number, the name never sent. */
  let hidden: { id: string; identityNumber: string };

  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
    const db = bw.server.ownerDb;
    const ulla = await bw.world.createPerson(['aoAuthority'], { firstName: 'Ulla', lastName: 'Undersson' });
    undelivered = await createSentAssignment(db, bw.world, ulla.id);

    const arne = await bw.world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Arne',
      lastName: 'Avbrottsson',
    });
    const delivered = await createSentAssignment(db, bw.world, arne.id);
    const rows = await createDeliveryRows(db, bw.world, delivered, bw.world.units.homeCareNorth, {
      startedOn: '2026-02-01',
    });
    interruptionId = (
      await db
        .insertInto('interruptions')
        .values({
          municipality_id: bw.world.municipalityId,
          delivery_id: rows.deliveryIds[0]!,
          from_date: '2026-05-31',
          to_date: null,
          reason: 'Sjukhusvistelse',
          created_by_id: bw.world.users.unitManager.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    const olle = await bw.world.createPerson(['aoAuthority'], { firstName: 'Olle', lastName: 'Okvitterad' });
    hidden = await bw.world.createPerson(['aoAuthority'], {
      firstName: 'Hemlig',
      lastName: 'Hemligsson',
      protectedIdentity: true,
    });
    await createFixtureDecision(db, bw.world, hidden.id);

    // A sent assignment is frozen, so its time is given as it is sent.
    unreceived = await createSentAssignment(db, bw.world, olle.id, { sentAt: new Date(Date.now() - 30 * 3_600_000) });
  });
  afterAll(async () => bw?.close());

  const deskNav = (page: Page) => page.getByRole('navigation', { name: 'Mitt skrivbord' });
  const section = (page: Page, name: string) =>
    page.getByRole('region', { name: new RegExp(`^${escapeRegExp(name)}`) });
  const rowOf = (table: Locator, name: string) => table.getByRole('row').filter({ hasText: name });

  it('counts the passed and due on the desk, lists them by rule with the IVO details, and opens the case', async () => {
    const page = await open('caseOfficer', '/');
    // Passed: Ulla's two, the protected person's two, Arne's interruption, Olle's two and his
    // assignment; waiting: Ulla's assignment.
    const folder = deskNav(page).getByRole('link', { name: /^Tidsfrister\s*,\s*8 passerade, 1 idag eller väntar$/ });
    await folder.waitFor();
    // Seen: one number; heard: what it is made of.
    expect(await folder.locator('[aria-hidden="true"]').innerText()).toBe('9');
    const waiting = page.getByRole('region', { name: 'Att göra' });
    await waiting.getByRole('link', { name: '9 tidsfrister att bevaka, 8 passerade' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tidsfrister' }).waitFor();
    await expectText(page.getByRole('main'), '8 passerade, 1 idag eller väntar.');

    const notDelivered = section(page, 'Ej verkställda beslut (tre månader)');
    const care = rowOf(notDelivered, 'Undersson, Ulla').filter({ hasText: 'Personlig omvårdnad' });
    await expectText(care, '2026-01-15');
    await expectText(care, '2026-04-15');
    await expectText(care, 'Passerad');
    const careItem = undelivered.decision.interventions[0]!.id;
    expect(await care.getByRole('link', { name: /^Uppgifter till IVO/ }).getAttribute('href')).toBe(
      `/ivo/uppgifter/beslut/${careItem}`,
    );

    // A protected identity as every list shows one: the number, and "Skyddad identitet" for the name.
    const number = hidden.identityNumber.replace(/^(\d{8})(\d{4})$/, '$1-$2');
    const masked = rowOf(notDelivered, number);
    expect(await masked.count()).toBe(2);
    await expectText(masked.first(), 'Skyddad identitet');
    expect(await page.getByRole('main').innerText()).not.toContain('Hemligsson');

    const interrupted = section(page, 'Avbrott som inte återupptagits');
    const arne = rowOf(interrupted, 'Avbrottsson, Arne');
    await expectText(arne, '2026-05-31');
    expect(await arne.getByRole('link', { name: /^Uppgifter till IVO/ }).getAttribute('href')).toBe(
      `/ivo/uppgifter/avbrott/${interruptionId}`,
    );

    const assignments = section(page, 'Uppdrag som inte tagits emot');
    await expectText(rowOf(assignments, 'Undersson, Ulla'), 'Väntar');
    await expectText(rowOf(assignments, 'Okvitterad, Olle'), 'Chef påmind');
    // Nothing IVO is told about an assignment; it opens the assignment.
    expect(await rowOf(assignments, 'Okvitterad, Olle').getByRole('link', { name: /IVO/ }).count()).toBe(0);
    expect(
      await rowOf(assignments, 'Okvitterad, Olle')
        .getByRole('link', { name: /^Öppna uppdraget/ })
        .getAttribute('href'),
    ).toBe(`/uppdrag/${unreceived.assignmentId}`);
    await expectNoAxeViolations(page, 'Tidsfrister for the case officer');
    await shot(page, 'watches-officer');

    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'Tidsfrister for the case officer at 390 px');
    await shot(page, 'phone-watches');

    await care.getByRole('link', { name: /^Öppna ärendet/ }).click();
    await page.waitForURL(`**/arenden/${undelivered.decision.caseId}`);
    await page.getByRole('heading', { level: 1, name: /Ärende/ }).waitFor();
  });

  it("shows the provider's manager an assignment unreceived past 24 hours as escalated to them, and the interruption at their unit", async () => {
    const page = await open('operationsManager', '/');
    await deskNav(page)
      .getByRole('link', { name: /^Tidsfrister\s*,/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tidsfrister' }).waitFor();
    const assignments = section(page, 'Uppdrag som inte tagits emot');
    const olle = rowOf(assignments, 'Okvitterad, Olle');
    await expectText(olle, 'Passerad');
    await expectText(olle, 'Chef påmind');
    await expectText(rowOf(assignments, 'Undersson, Ulla'), 'Väntar');
    const arne = rowOf(section(page, 'Avbrott som inte återupptagits'), 'Avbrottsson, Arne');
    expect(await arne.getByRole('link', { name: /^Öppna insatserna/ }).getAttribute('href')).toMatch(
      /^\/personer\/[0-9a-f-]+\?flik=insatser$/,
    );
    // The IVO report is the authority's.
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /Uppgifter till IVO/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page, "Tidsfrister for the provider's manager");

    await olle.getByRole('link', { name: /^Öppna uppdraget/ }).click();
    await page.waitForURL(`**/uppdrag/${unreceived.assignmentId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(unreceived.assignmentNumber) }).waitFor();
  });

  it('lets the administrator change the times, refusing one out of range on its field, and the lists follow', async () => {
    const page = await open('administrator', '/admin');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Tidsfrister' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tidsfrister' }).waitFor();
    const months = page.getByRole('textbox', { name: /Påminnelse om ej verkställt beslut/ });
    await expect.poll(() => months.inputValue()).toBe('2');
    await months.fill('5');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expectFieldError(months, 'Högst 3 månader.');
    await expectNoAxeViolations(page, 'Tidsfrister settings with an error');

    await months.fill('1');
    const hours = page.getByRole('textbox', { name: /^Timmar innan okvitterat uppdrag går till utförarens chef/ });
    await hours.fill('48');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'sparade' }), 'Tidsfristerna är sparade.');
    await page.reload();
    await expect.poll(() => hours.inputValue()).toBe('48');
    await expect.poll(() => months.inputValue()).toBe('1');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'Tidsfrister settings at 390 px');
    await shot(page, 'phone-watch-settings');

    // 30 hours is within 48: Olle's assignment waits again.
    const manager = await open('operationsManager', '/tidsfrister');
    await expectText(rowOf(section(manager, 'Uppdrag som inte tagits emot'), 'Okvitterad, Olle'), 'Väntar');
  });

  it('says so when there is nothing to watch, and is not there for those without watches', async () => {
    const page = await open('ifoCaseOfficer', '/tidsfrister');
    await expectText(page.getByRole('main'), 'Inga tidsfrister att bevaka just nu.');
    // No count while nothing has passed or is due.
    await deskNav(page)
      .getByRole('link', { name: /^Tidsfrister$/ })
      .waitFor();
    await expectNoAxeViolations(page, 'Tidsfrister with nothing to watch');

    const staff = await open('careStaff', '/');
    expect(
      await deskNav(staff)
        .getByRole('link', { name: /^Tidsfrister/ })
        .count(),
    ).toBe(0);
    await staff.goto('/tidsfrister');
    await staff.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
