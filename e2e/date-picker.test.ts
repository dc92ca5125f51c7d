/**
 * The shared form parts of issue 15, item 5, on the officer's decision form: a date typed
 * ÅÅÅÅ-MM-DD and one picked by keyboard in the calendar (a modal dialog in Swedish, weeks from
 * Monday) are both saved; the calendar in a dialog closes alone on Escape; a long text counts its
 * characters and speaks near the limit; the page's heading takes focus without a ring; a select
 * with long options is as wide as they are. At 390 px nothing scrolls sideways, calendar open or not.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInSweden } from '../src/domain/dates.ts';
import { addDays } from '../src/domain/periods.ts';
import { createCase } from '../seeds/lib/cases.ts';
import { createFixtureDecision } from '../test/fixtures/assignment-fixtures.ts';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  sharedSessions,
  shot,
  startBrowserWorld,
  tabTo,
  type BrowserWorld,
} from './harness.ts';

describeInBrowser('date fields, counters, focus and widths', () => {
  let bw: BrowserWorld;
  let openPage: ReturnType<typeof sharedSessions>;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    openPage = sharedSessions(bw);
  });
  afterAll(async () => bw?.close());

  /** A new case for a new person, the decision form open at the given size. */
  async function decisionForm(width: number, height: number): Promise<Page> {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Åsa', lastName: 'Öhrström' });
    const opened = await createCase(bw.server.ownerDb, {
      municipalityId: bw.world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: bw.world.units.aoAuthority,
      caseOfficerId: bw.world.users.caseOfficer.userId,
    });
    const page = await openPage('caseOfficer', '/');
    await page.setViewportSize({ width, height });
    await page.goto(`/arenden/${opened.id}/beslut/nytt`);
    await page.getByRole('heading', { level: 1, name: 'Registrera beslut' }).waitFor();
    // The legal bases arrive after the page: wait for them, so the layout is the final one.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Lagrum' }).locator('option').count())
      .toBeGreaterThan(1);
    return page;
  }

  /** How far the page reaches past the screen's right edge (0: no sideways scroll). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('saves a typed date and one picked by keyboard in the calendar, with the counter and the heading as they should be', async () => {
    const page = await decisionForm(1280, 800);

    // The heading has focus for screen readers, without the thick ring that looked like a fault.
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await heading.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('none');

    // The legal basis shows its whole text: the select is wider than the chosen option's text.
    const basis = page.getByRole('combobox', { name: 'Lagrum' });
    await basis.selectOption(bw.world.catalogue.legalBases.get('SoL 11 kap. 1 §')!);
    const fit = await basis.evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(select).font;
      return { text: context.measureText(select.selectedOptions[0]!.text).width, box: select.clientWidth };
    });
    expect(fit.text).toBeGreaterThan(200);
    expect(fit.box).toBeGreaterThan(fit.text + 20);

    // Typed: the decision date, as before.
    const decisionDay = addDays(todayInSweden(), -3);
    await page.getByRole('textbox', { name: 'Beslutsdatum' }).fill(decisionDay);

    // Picked: from the text box, Tab to the calendar button, open it, a day on and a week on, Enter.
    const from = page.getByRole('textbox', { name: 'Gäller från' });
    await from.fill(decisionDay);
    await from.focus();
    const open = page.getByRole('button', { name: 'Välj datum i kalendern för Gäller från' });
    await tabTo(page, open, 1);
    await page.keyboard.press('Enter');
    const calendar = page.getByRole('dialog', { name: 'Gäller från' });
    await calendar.waitFor();
    // It opens on the typed day, with focus on it; the grid is named by its month, weeks start on Monday.
    const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await expect.poll(focusedDay).toContain(', vald');
    // (The weekday row is hidden from screen readers, whose day buttons say "onsdag 4 mars 2026".)
    const weekdays = await calendar.locator('thead th').allInnerTexts();
    expect(weekdays).toEqual(['v.', 'må', 'ti', 'on', 'to', 'fr', 'lö', 'sö']);
    await expectNoAxeViolations(page, 'the calendar open on the decision form');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const picked = addDays(decisionDay, 8);
    await expect.poll(focusedDay).toMatch(new RegExp(`^(Idag, )?\\S+ ${Number(picked.slice(8))} `));
    await page.keyboard.press('Enter');
    await expect.poll(() => calendar.isVisible()).toBe(false);
    // The pick is in the text box, and focus is back there, so a screen reader reads it.
    expect(await from.inputValue()).toBe(picked);
    expect(await from.evaluate((element) => element === document.activeElement)).toBe(true);

    // Escape closes without a change, and focus goes back to the button.
    await open.click();
    await calendar.waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.isVisible()).toBe(false);
    expect(await from.inputValue()).toBe(picked);
    expect(await open.evaluate((element) => element === document.activeElement)).toBe(true);

    const to = addDays(picked, 90);
    await page.getByRole('textbox', { name: 'Gäller till och med' }).fill(to);
    await page
      .getByRole('combobox', { name: 'Insats 1' })
      .selectOption(bw.world.catalogue.interventionTypes.get('AO:Personlig omvårdnad')!);
    await page.getByRole('textbox', { name: /Beviljad omfattning/ }).fill('10');

    // The counter: under the field, read with it, and spoken only near the limit.
    const justification = page.getByRole('textbox', { name: 'Motivering' });
    const field = page.locator('.field').filter({ has: justification });
    const spoken = field.locator('[aria-live="polite"]');
    await expectText(field, '0 av 4000 tecken');
    await justification.fill('Behöver stöd med personlig omvårdnad.');
    await expectText(field, '37 av 4000 tecken');
    expect(await justification.evaluate((element) => element.getAttribute('aria-describedby'))).toContain('-count');
    await page.waitForTimeout(1200);
    expect(await spoken.textContent()).toBe('');
    await justification.fill('x'.repeat(3995));
    await expectText(field, '3995 av 4000 tecken');
    await expect.poll(() => spoken.textContent()).toBe('5 tecken kvar.');
    await justification.fill('Behöver stöd med personlig omvårdnad.');
    await expectNoAxeViolations(page, 'the decision form, dates and counter filled in');
    await shot(page, 'date-picker-decision-1280');

    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
    const card = page.locator('article.decision-card').first();
    await expectText(card, `${picked} – ${to}`);
    await expectText(card, decisionDay);
  });

  it('fits a 390 px phone: the form and the open calendar scroll no sideways, pass axe, and a tap picks a day', async () => {
    const page = await decisionForm(390, 844);
    expect(await overflow(page)).toBe(0);
    await expectNoAxeViolations(page, 'the decision form on a phone');

    // The calendar's code and stylesheet load when it first opens: under the app's strict CSP, unrefused.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) refused.push(message.text());
    });
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Content Security Policy: ${event.effectiveDirective}`),
      ),
    );
    const from = page.getByRole('textbox', { name: 'Gäller från' });
    await from.fill('2026-03-10');
    await page.getByRole('button', { name: 'Välj datum i kalendern för Gäller från' }).click();
    const calendar = page.getByRole('dialog', { name: 'Gäller från' });
    await calendar.waitFor();
    await expectText(calendar, 'mars 2026');
    const box = (await calendar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the calendar open on a phone');
    expect(refused).toEqual([]);
    // Its own stylesheet applies (react-day-picker's, recoloured): the chosen day is filled.
    expect(
      await calendar
        .getByRole('button', { name: /10 mars 2026, vald/ })
        .evaluate((element) => getComputedStyle(element).backgroundColor),
    ).toBe('rgb(26, 90, 138)');
    await shot(page, 'date-picker-calendar-390');

    await calendar.getByRole('button', { name: 'Gå till nästa månad' }).click();
    await expectText(calendar, 'april 2026');
    await calendar.getByRole('button', { name: /torsdag 2 april 2026/ }).click();
    await expect.poll(() => calendar.isVisible()).toBe(false);
    expect(await from.inputValue()).toBe('2026-04-02');
  });

  it('closes only the calendar on Escape when it was opened in a dialog, and the dialog saves the picked day', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Ingrid', lastName: 'Ålander' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
    const page = await openPage('caseOfficer', `/arenden/${decision.caseId}`);
    await page
      .locator('article.decision-card')
      .first()
      .getByRole('button', { name: /Avsluta beslut/ })
      .click();
    const ending = page.getByRole('dialog', { name: /Avsluta beslut/ });
    await ending.waitFor();
    await ending.getByRole('button', { name: 'Välj datum i kalendern för Sista dag beslutet gäller' }).click();
    const calendar = page.getByRole('dialog', { name: 'Sista dag beslutet gäller' });
    await calendar.waitFor();
    await expectNoAxeViolations(page, 'the calendar open in the end-decision dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.isVisible()).toBe(false);
    expect(await ending.isVisible()).toBe(true);

    // "I dag" picks today; the decision (from 2026-02-01, until further notice) ends on it.
    await ending.getByRole('button', { name: 'Välj datum i kalendern för Sista dag beslutet gäller' }).click();
    await calendar.getByRole('button', { name: 'I dag' }).click();
    const day = ending.getByRole('textbox', { name: 'Sista dag beslutet gäller' });
    expect(await day.inputValue()).toBe(todayInSweden());
    await ending.getByRole('combobox', { name: 'Avslutsorsak' }).selectOption('Behovet upphört');
    await ending.getByRole('button', { name: 'Avsluta beslut' }).click();
    await expect.poll(() => ending.isVisible()).toBe(false);
    await expectText(page.locator('article.decision-card').first(), 'Avslutat');
  });
});
