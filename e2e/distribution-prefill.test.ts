import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
import { createAssignment } from '../seeds/lib/assignments.ts';
import { createFixtureDecision } from '../test/fixtures/assignment-fixtures.ts';

describeInBrowser('Acceptera och fördela starts from the assignment', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  /**
   * An assignment sent to Hemtjänst egen regi as an officer writes one: personal care 20 h a month,
   * 30 minutes a visit every day with two staff; meals 7 times a week, 20 minutes, Monday to
   * Friday; and a personal alarm.
   */
  async function sentAssignment(): Promise<{ assignmentId: string; personId: string }> {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Berit', lastName: 'Förifylld' });
    const decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id, { withAlarm: true });
    const [care, meals, alarm] = decision.interventions;
    const officer = bw.world.users.caseOfficer.userId;
    const created = await createAssignment(bw.server.ownerDb, {
      municipalityId: bw.world.municipalityId,
      caseId: decision.caseId,
      decisionId: decision.decisionId,
      personId: person.id,
      providerId: bw.world.units.homeCare,
      createdById: officer,
      interventions: [
        {
          ...care!,
          decisionInterventionId: care!.id,
          minutesPerOccasion: 30,
          plannedDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          isTwoStaff: true,
        },
        {
          ...meals!,
          decisionInterventionId: meals!.id,
          minutesPerOccasion: 20,
          plannedDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
        },
        { ...alarm!, decisionInterventionId: alarm!.id },
      ],
      sent: { byId: officer },
    });
    return { assignmentId: created.id, personId: person.id };
  }

  async function openForm(page: Page, assignmentId: string): Promise<void> {
    await page.goto(`/uppdrag/${assignmentId}/fordela`);
    await page.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
  }

  const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
  const selected = (page: Page, name: string) =>
    page
      .getByRole('combobox', { name, exact: true })
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');

  it('opens filled in from what the officer granted, Till genomförande ticked, and a personal alarm without time', async () => {
    const { assignmentId } = await sentAssignment();
    const manager = await bw.signedInPage('unitManager');
    await openForm(manager, assignmentId);

    const care = 'Personlig omvårdnad, rad 1';
    expect(await textbox(manager, `Timmar per besök (${care})`).inputValue()).toBe('0,5');
    expect(await textbox(manager, `+ Dubbel (${care})`).inputValue()).toBe('0,5');
    expect(await selected(manager, `Utförs (${care})`)).toBe('Hela veckan');
    expect(await textbox(manager, `Tid/Frekv (${care})`).inputValue()).toBe('20');
    expect(await selected(manager, `Enhet för tid/frekvens (${care})`)).toBe('tim/månad');
    expect(await textbox(manager, `Fr.o.m. (${care})`).inputValue()).toBe(todayInSweden());

    const meals = 'Matdistribution, rad 1';
    expect(await textbox(manager, `Timmar per besök (${meals})`).inputValue()).toBe('0,33');
    expect(await textbox(manager, `+ Dubbel (${meals})`).inputValue()).toBe('');
    expect(await selected(manager, `Utförs (${meals})`)).toBe('Vardagar');
    expect(await textbox(manager, `Tid/Frekv (${meals})`).inputValue()).toBe('7');
    expect(await selected(manager, `Enhet för tid/frekvens (${meals})`)).toBe('ggr/vecka');

    // A personal alarm is not planned as visits: no hours, days or frequency to fill in.
    const alarm = manager.locator('fieldset.distribution-intervention').filter({ hasText: 'Trygghetslarm' });
    await expectText(alarm, 'Trygghetslarm planeras inte i besök, så ingen tidsåtgång anges.');
    expect(await alarm.getByRole('textbox', { name: /^Timmar per besök/ }).count()).toBe(0);
    expect(await alarm.getByRole('combobox', { name: /^Utförs/ }).count()).toBe(0);
    expect(await alarm.getByRole('textbox', { name: /^Tid\/Frekv/ }).count()).toBe(0);

    expect(await manager.getByLabel('Till genomförande').isChecked()).toBe(true);
    await expectNoAxeViolations(manager, 'the distribution form filled in from the assignment');
    await shot(manager, 'distribution-prefilled');
  });

  it('shows a period outside the decision and the other problems on their fields at once, before any confirmation; after accepting the page says so', async () => {
    const { assignmentId, personId } = await sentAssignment();
    const manager = await bw.signedInPage('unitManager');
    await openForm(manager, assignmentId);
    const care = 'Personlig omvårdnad, rad 1';
    const meals = 'Matdistribution, rad 1';
    // The decision runs from 2026-02-01; a visit lasts at most 24 hours; no unit is chosen yet (the provider has two).
    await textbox(manager, `Fr.o.m. (${care})`).fill('2026-01-15');
    await textbox(manager, `Timmar per besök (${meals})`).fill('30');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();

    await expectFieldError(
      textbox(manager, `Fr.o.m. (${care})`),
      'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).',
    );
    await expectFieldError(textbox(manager, `Timmar per besök (${meals})`), 'Högst 24 timmar per besök.');
    for (const intervention of ['Personlig omvårdnad', 'Matdistribution', 'Trygghetslarm'])
      await expectFieldError(
        manager.getByRole('combobox', { name: `Utförarenhet (${intervention}, rad 1)` }),
        'Välj utförarenhet.',
      );
    // Nothing was asked and nothing sent: the confirmation never opened, the assignment is still new.
    expect(await manager.getByRole('dialog', { name: 'Till genomförande' }).count()).toBe(0);
    const state = () =>
      bw.server.ownerDb
        .selectFrom('assignment_states')
        .select('status')
        .where('assignment_id', '=', assignmentId)
        .executeTakeFirstOrThrow();
    expect((await state()).status).toBe('new');
    await expectNoAxeViolations(manager, 'the distribution form with every error at once');
    await shot(manager, 'distribution-errors-at-once');

    await textbox(manager, `Fr.o.m. (${care})`).fill('2026-02-01');
    await textbox(manager, `Timmar per besök (${meals})`).fill('0,33');
    for (const unit of await manager.getByRole('combobox', { name: /^Utförarenhet/ }).all())
      await unit.selectOption({ label: 'Hemtjänst Norr' });
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    const confirm = manager.getByRole('dialog', { name: 'Till genomförande' });
    await expectText(confirm.getByRole('table'), '2026-02-01–t.v.');
    await expectText(confirm.getByRole('table'), 'Trygghetslarm');
    await confirm.getByRole('button', { name: 'Skicka till genomförande' }).click();

    const offer = manager.getByRole('dialog', { name: 'Skicka meddelande?' });
    await expectText(offer, 'Vill du skicka ett meddelande till berörda?');
    // Behind the question the page says what happened, not that the assignment cannot be distributed.
    const main = manager.locator('main');
    await expectText(main, 'Uppdraget är accepterat och insatserna är skickade till genomförande.');
    // The form's options are read again once accepted (no longer new): what they say must not show.
    await manager.waitForLoadState('networkidle');
    expect(await main.innerText()).not.toContain('kan inte fördelas här längre');
    expect(await manager.getByRole('button', { name: 'Acceptera och fördela' }).count()).toBe(0);
    await expectNoAxeViolations(manager, 'the accepted assignment behind the message offer');
    await shot(manager, 'distribution-accepted');
    await offer.getByRole('button', { name: 'Nej' }).click();
    await manager.waitForURL(`**/uppdrag/${assignmentId}`);
    await expectText(
      manager.locator('.alert--success'),
      'Uppdraget är accepterat och insatserna är skickade till genomförande.',
    );

    // What was filled in is what was saved; the personal alarm's row has no time.
    const rows = await bw.server.ownerDb
      .selectFrom('deliveries as d')
      .innerJoin('assignment_interventions as ai', 'ai.id', 'd.assignment_intervention_id')
      .innerJoin('intervention_types as it', 'it.id', 'ai.intervention_type_id')
      .select(['it.name', 'd.status', 'd.hours_per_visit', 'd.extra_hours_two_staff', 'd.days', 'd.frequency'])
      .select(['d.frequency_unit', 'd.period_from'])
      .where('d.person_id', '=', personId)
      .orderBy('it.name')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Matdistribution',
        status: 'sent_to_delivery',
        hours_per_visit: '0.33',
        extra_hours_two_staff: null,
        days: 'weekdays',
        frequency: '7.00',
        frequency_unit: 'times_per_week',
        period_from: todayInSweden(),
      },
      {
        name: 'Personlig omvårdnad',
        status: 'sent_to_delivery',
        hours_per_visit: '0.50',
        extra_hours_two_staff: '0.50',
        days: 'whole_week',
        frequency: '20.00',
        frequency_unit: 'hours_per_month',
        period_from: '2026-02-01',
      },
      {
        name: 'Trygghetslarm',
        status: 'sent_to_delivery',
        hours_per_visit: null,
        extra_hours_two_staff: null,
        days: null,
        frequency: null,
        frequency_unit: null,
        period_from: todayInSweden(),
      },
    ]);
  });

  it('fits a phone: no sideways scroll at 390 px, with and without errors, and axe finds nothing', async () => {
    const { assignmentId } = await sentAssignment();
    const manager = await bw.signedInPage('unitManager');
    await manager.setViewportSize({ width: 390, height: 844 });
    await openForm(manager, assignmentId);
    const scrollWidth = () => manager.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(manager, 'the distribution form at 390 px');
    await shot(manager, 'distribution-phone');
    await textbox(manager, 'Fr.o.m. (Personlig omvårdnad, rad 1)').fill('2026-01-15');
    await manager.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await expectFieldError(
      textbox(manager, 'Fr.o.m. (Personlig omvårdnad, rad 1)'),
      'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).',
    );
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(manager, 'the distribution form with errors at 390 px');
    await shot(manager, 'distribution-phone-errors');
  });
});
