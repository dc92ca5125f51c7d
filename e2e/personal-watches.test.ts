/**
 * Personal watches (bevakningar) in the browser: a case officer at a desk sets a watch on a person
 * for today with Bevaka, sees it on the person page and under Att göra on the desk, opens Mina
 * bevakningar from the card and clears it; care staff do the same at 390 px, with an overdue watch
 * on the card, and delete one. Every screen and the open dialog pass axe, and at 390 px nothing
 * scrolls sideways.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  PHONE,
  sharedSessions,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { dayFromToday } from '../test/fixtures/desk-fixtures.ts';
import { createSentAssignment } from '../test/fixtures/delivery-fixtures.ts';

describeInBrowser('personal watches', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;

  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
  });
  afterAll(async () => bw?.close());

  /** Bevaka on the person page: the dialog, checked with axe while open, filled and saved. */
  async function setWatch(page: Page, dueOn: string, note: string) {
    await page.getByRole('button', { name: 'Bevaka', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny bevakning' });
    await dialog.waitFor();
    // Saving empty says what is missing, on the fields.
    await dialog.getByRole('button', { name: 'Spara bevakning' }).click();
    await expectText(dialog, 'Skriv vad som ska bevakas.');
    await dialog.getByLabel('Datum').fill(dueOn);
    await dialog.getByLabel('Vad ska bevakas?').fill(note);
    await expectNoAxeViolations(page, 'the Bevaka dialog');
    await dialog.getByRole('button', { name: 'Spara bevakning' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectText(page.getByRole('status').filter({ hasText: 'Bevakningen är sparad' }), 'Bevakningen är sparad');
  }

  it('a case officer sets a watch for today, sees it on the desk and clears it', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Bo', lastName: 'Bevaksson' });
    const page = await open('caseOfficer', `/personer/${person.id}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await setWatch(page, todayInSweden(), 'Ring dottern om hemtjänsten.');

    const onPerson = page.getByRole('list', { name: 'Mina bevakningar på personen' });
    await expectText(onPerson, 'Ring dottern om hemtjänsten.');
    await expectText(onPerson, 'Idag');
    await expectNoAxeViolations(page, 'the person page with a watch');

    await page.goto('/');
    const card = page.getByRole('link', { name: '1 bevakning i dag' });
    await card.waitFor();
    await expectNoAxeViolations(page, 'the desk with a watch due today');
    await card.click();
    await page.waitForURL('**/bevakningar');
    const list = page.getByRole('list', { name: 'Öppna bevakningar' });
    await expectText(list, 'Ring dottern om hemtjänsten.');
    await expectText(list, 'Bevaksson');
    await expectNoAxeViolations(page, 'Mina bevakningar');

    await list.getByRole('button', { name: /^Klarmarkera/ }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'klarmarkerad' }), 'Bevakningen är klarmarkerad.');
    await expectText(page.locator('main'), 'Du har inga öppna bevakningar.');
    await page.getByRole('link', { name: 'Klarmarkerade' }).click();
    const done = page.getByRole('list', { name: 'Klarmarkerade bevakningar' });
    await expectText(done, 'Klar');
    await expectText(done, 'Ring dottern om hemtjänsten.');
    await page.goto('/');
    // The card is gone with the watch: nothing else waits for this officer.
    await expectText(page.locator('.waiting-work'), 'Inget väntar på dig just nu.');
  });

  it('care staff at 390 px set one, see an overdue one on the desk, open its person and delete one', async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Alva', lastName: 'Almgren' });
    // Set some days ago for yesterday: overdue now.
    await bw.server.ownerDb
      .insertInto('personal_watches')
      .values({
        municipality_id: bw.world.municipalityId,
        user_id: bw.world.users.careStaff.userId,
        person_id: person.id,
        due_on: dayFromToday(-1),
        note: 'Kolla att hjälpmedlen har kommit.',
      })
      .execute();
    const page = await open('careStaff', `/personer/${person.id}`);
    await page.setViewportSize(PHONE);
    await setWatch(page, dayFromToday(3), 'Fråga om matlådorna räcker.');
    const onPerson = page.getByRole('list', { name: 'Mina bevakningar på personen' });
    await expectText(onPerson, 'Förfallen');
    await expectText(onPerson, 'Kommande');
    await expectNoAxeViolations(page, 'the person page with watches at 390 px');

    await page.goto('/');
    const card = page.getByRole('link', { name: '1 förfallen bevakning' });
    await card.waitFor();
    await expectNoAxeViolations(page, 'the desk with an overdue watch at 390 px');
    await card.click();
    const list = page.getByRole('list', { name: 'Öppna bevakningar' });
    await expectText(list, 'Kolla att hjälpmedlen har kommit.');
    await expectNoAxeViolations(page, 'Mina bevakningar at 390 px');

    await list
      .getByRole('listitem')
      .filter({ hasText: 'Fråga om matlådorna räcker.' })
      .getByRole('button', { name: /^Ta bort/ })
      .click();
    await expectText(page.getByRole('status').filter({ hasText: 'borttagen' }), 'Bevakningen är borttagen.');
    expect(await list.getByRole('listitem').count()).toBe(1);

    await list.getByRole('link', { name: /Almgren/ }).click();
    await page.waitForURL(`**/personer/${person.id}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });

  it('a case officer sets one on a case from the case page, and it links back to the case', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Cecilia', lastName: 'Casesson' });
    const sent = await createSentAssignment(bw.server.ownerDb, bw.world, person.id);
    const page = await open('caseOfficer', `/arenden/${sent.decision.caseId}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await setWatch(page, dayFromToday(10), 'Ny bedömning inför beslutets slut.');
    await page.goto(`/personer/${person.id}`);
    const onPerson = page.getByRole('list', { name: 'Mina bevakningar på personen' });
    await expectText(onPerson, 'Kommande');
    await onPerson.getByRole('link', { name: /^Ärende / }).click();
    await page.waitForURL(`**/arenden/${sent.decision.caseId}`);
  });
});
