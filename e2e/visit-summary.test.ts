/**
 * Inför besöket (issue 15, item 2): care staff open a person between visits on a phone and see,
 * first, how to reach them and get in, what is important to know and what their unit does today,
 * with the assignment's instructions; the person's tabs stay one row that scrolls in its own box;
 * nothing scrolls sideways; axe finds nothing, on a phone and on a desktop. The staff view of the
 * provider case and the assignment page show the address and phone too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  shot,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { createDeliveryRows, createSentAssignment, type SentAssignment } from '../test/fixtures/delivery-fixtures.ts';
import { dayFromToday } from '../test/fixtures/desk-fixtures.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describeInBrowser('Inför besöket', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;
  let personId: string;
  let sent: SentAssignment;
  let providerCaseId: string;

  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
    const { ownerDb } = bw.server;
    const world = bw.world;
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Åsa',
      lastName: 'Öberg-Lindqvist',
      address: { street: 'Ängsvägen 4', postalCode: '123 45', city: 'Åby', validFrom: '2020-01-01' },
    });
    personId = person.id;
    await ownerDb
      .updateTable('persons')
      .set({
        phone: '08-123 456',
        mobile_phone: '070-111 22 33',
        door_code: '4711',
        visit_info: 'Andra våningen, hissen till höger.',
        important_info: 'Handskar och förkläden finns i badrumsskåpet.',
      })
      .where('id', '=', personId)
      .execute();
    const base = { municipality_id: world.municipalityId, person_id: personId };
    await ownerDb
      .insertInto('person_keys')
      .values({ ...base, key_number: 'N-17', description: 'Nyckelskåpet på kontoret' })
      .execute();
    await ownerDb
      .insertInto('person_relatives')
      .values({ ...base, name: 'Britt Åberg', relation: 'Dotter', phone: '070-999 88 77', is_next_of_kin: true })
      .execute();
    sent = await createSentAssignment(ownerDb, world, personId, {
      extras: {
        instructions: 'Ring på två gånger och vänta, Åsa hör dåligt.',
        interventions: { plannedTimes: 'morgon och kväll', isTwoStaff: true },
      },
    });
    const rows = await createDeliveryRows(ownerDb, world, sent, world.units.homeCareNorth, {
      periodFrom: dayFromToday(-5),
      hoursPerVisit: 0.5,
      days: 'whole_week',
      frequency: 2,
      frequencyUnit: 'times_per_day',
    });
    providerCaseId = rows.providerCaseIds[0]!;
  });
  afterAll(async () => bw?.close());

  /** How far the page reaches past the screen's right edge (0: it does not scroll sideways). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  /** The summary's region, by its heading. */
  const summaryOf = (page: Page) => page.getByRole('region', { name: 'Inför besöket' });

  async function expectSummary(page: Page) {
    const summary = summaryOf(page);
    await expectText(summary, 'Ängsvägen 4');
    const text = await summary.innerText();
    for (const expected of [
      '123 45 Åby',
      '4711',
      'N-17',
      'Andra våningen, hissen till höger.',
      'Viktigt att veta',
      'Handskar och förkläden finns i badrumsskåpet.',
      'Personlig omvårdnad',
      '0,5 tim/besök · 2 ggr/dygn · Hela veckan · morgon och kväll',
      'Två personal',
      'Ring på två gånger och vänta, Åsa hör dåligt.',
      'Hjälp med dusch.',
      'Britt Åberg',
    ])
      expect(text, expected).toContain(expected);
    expect(await summary.getByRole('link', { name: '08-123 456' }).getAttribute('href')).toBe('tel:08123456');
    expect(await summary.getByRole('link', { name: /070-111 22 33/ }).getAttribute('href')).toBe('tel:0701112233');
    expect(await summary.getByRole('link', { name: '070-999 88 77' }).getAttribute('href')).toBe('tel:0709998877');
  }

  it('shows care staff the summary first on a phone, the tabs on one row that scrolls in its own box, nothing wider than the phone', async () => {
    const page = await open('careStaff', '/');
    await page.setViewportSize(PHONE);
    await page.goto(`/personer/${personId}`);
    await page.getByRole('heading', { level: 1, name: /Öberg-Lindqvist/ }).waitFor();
    await expectSummary(page);
    await page.waitForLoadState('networkidle');
    await shot(page, 'visit-summary-390');

    // First: on the first screen, and above the tabs.
    const heading = await page.getByRole('heading', { level: 2, name: 'Inför besöket' }).boundingBox();
    const tabList = page.getByRole('tablist', { name: 'Uppgifter om personen' });
    const tabsBox = await tabList.boundingBox();
    expect(heading!.y).toBeLessThan(PHONE.height / 2);
    expect(tabsBox!.y).toBeGreaterThan(heading!.y);
    const address = await summaryOf(page).getByText('Ängsvägen 4').boundingBox();
    expect(address!.y + address!.height).toBeLessThan(PHONE.height);

    // The tabs: one row (every tab at the same height), scrolling inside the list, not the page.
    const tabs = await page.getByRole('tab').all();
    expect(tabs.length).toBeGreaterThanOrEqual(9);
    const tops = new Set<number>();
    for (const tab of tabs) tops.add(Math.round((await tab.boundingBox())!.y));
    expect([...tops]).toHaveLength(1);
    expect(tabsBox!.height).toBeLessThan(60);
    expect(await tabList.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await overflow(page)).toBe(0);
    await expectNoAxeViolations(page, 'a person with Inför besöket at 390 px');

    // The keyboard still reaches the last tab, which scrolls into the list's view and opens.
    await page.getByRole('tab', { name: 'Personuppgifter' }).focus();
    await page.keyboard.press('End');
    const last = tabs[tabs.length - 1]!;
    await expect.poll(() => last.getAttribute('aria-selected')).toBe('true');
    const listBox = (await tabList.boundingBox())!;
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(listBox.x + listBox.width + 1);
    expect(await overflow(page)).toBe(0);
    await expectNoAxeViolations(page, 'a person at 390 px with the last tab open');
  });

  it('shows the same summary on a desktop', async () => {
    const page = await open('careStaff', '/');
    await page.setViewportSize(DESKTOP);
    await page.goto(`/personer/${personId}`);
    await page.getByRole('heading', { level: 1, name: /Öberg-Lindqvist/ }).waitFor();
    await expectSummary(page);
    await page.waitForLoadState('networkidle');
    expect(await overflow(page)).toBe(0);
    await shot(page, 'visit-summary-1280');
    await expectNoAxeViolations(page, 'a person with Inför besöket at 1280 px');
  });

  it('is not shown to the case officer, who reads the person in the tabs', async () => {
    const page = await open('caseOfficer', `/personer/${personId}`);
    await page.getByRole('tab', { name: 'Personuppgifter' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Inför besöket' }).count()).toBe(0);
  });

  it('gives the address and a phone to call on the provider case and the assignment page, at 390 px', async () => {
    const page = await open('careStaff', '/');
    await page.setViewportSize(PHONE);
    await page.goto(`/genomforande/${providerCaseId}`);
    const contact = page.getByRole('definition').filter({ hasText: 'Ängsvägen 4' });
    await expectText(contact, '123 45 Åby');
    expect(await page.getByRole('link', { name: '08-123 456' }).getAttribute('href')).toBe('tel:08123456');
    await page.waitForLoadState('networkidle');
    expect(await overflow(page)).toBe(0);
    await expectNoAxeViolations(page, 'the provider case at 390 px');

    const manager = await open('unitManager', '/');
    await manager.setViewportSize(PHONE);
    await manager.goto(`/uppdrag/${sent.assignmentId}`);
    await expectText(manager.getByRole('definition').filter({ hasText: 'Ängsvägen 4' }), '123 45 Åby');
    expect(await manager.getByRole('link', { name: /070-111 22 33/ }).getAttribute('href')).toBe('tel:0701112233');
    await manager.waitForLoadState('networkidle');
    expect(await overflow(manager)).toBe(0);
    await expectNoAxeViolations(manager, 'the assignment at the provider at 390 px');
  });
});
