/**
 * Rapport till IVO (issue 16): the case officer records why a decision is late, previews the
 * quarter with the row still missing its texts flagged, downloads the CSV; the authority manager
 * marks the quarter reported and the next quarter shows the rows as Återrapport. At desktop and at
 * phone width (no sideways scroll), axe clean. The fixture's decision is dated 2026-01-15, so its
 * three months ran out on 2026-04-15 and the second and third quarters of 2026 report it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import {
  expectNoAxeViolations,
  expectText,
  PHONE,
  sharedSessions,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.ts';
import { createFixtureDecision, type FixtureDecision } from '../test/fixtures/assignment-fixtures.ts';

const DESKTOP = { width: 1280, height: 800 };

describeInBrowser('Rapport till IVO', () => {
  let bw: BrowserWorld;
  let open: ReturnType<typeof sharedSessions>;
  let decision: FixtureDecision;

  beforeAll(async () => {
    bw = await startBrowserWorld();
    open = sharedSessions(bw);
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Örjan', lastName: 'Ångström' });
    decision = await createFixtureDecision(bw.server.ownerDb, bw.world, person.id);
  });
  afterAll(async () => bw?.close());

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  it('records the details, previews the quarter, downloads the CSV, marks it reported and sees the re-report next quarter', async () => {
    const care = decision.interventions[0]!.id;
    const officer = await open('caseOfficer', `/ivo/uppgifter/beslut/${care}`);
    await officer.setViewportSize(DESKTOP);
    await expectText(officer.getByRole('heading', { level: 1 }), 'Uppgifter till IVO');
    await officer.getByLabel('Skäl till dröjsmålet').fill('Ingen ledig personal i området; rekrytering pågår.');
    await officer.getByLabel('Konsekvenser för den enskilde').fill('Dottern hjälper till med omvårdnaden.');
    await officer.getByRole('button', { name: 'Lägg till erbjudande' }).click();
    await officer.getByRole('textbox', { name: 'Erbjudande 1, datum' }).fill('2026-05-04');
    await officer.getByLabel('Erbjudande 1, vad').fill('Hemtjänst från annan utförare');
    await officer.getByLabel('Tackade nej').check();
    await expectNoAxeViolations(officer, 'Uppgifter till IVO');
    await officer.getByRole('button', { name: 'Spara' }).click();
    await expectText(officer.getByRole('status').filter({ hasText: 'sparade' }), 'Uppgifterna till IVO är sparade.');

    // The quarter: reached from the desk's folder, then the second quarter of 2026.
    await officer.goto('/');
    await officer.getByRole('link', { name: 'Rapport till IVO' }).first().click();
    await expectText(officer.getByRole('heading', { level: 1 }), 'Rapport till IVO');
    await officer.goto('/ivo/rapport?kvartal=2026-Q2');
    const table = officer.getByRole('table', { name: 'Rapport till IVO, Kvartal 2 2026' });
    await expectText(table, 'Ingen ledig personal i området');
    await expectText(table, 'Saknas: skäl till dröjsmålet och konsekvenser för den enskilde');
    expect(await table.getByText('Ny', { exact: true }).count()).toBe(2);
    await expectText(
      officer.getByRole('alert').or(officer.getByRole('status')).filter({ hasText: 'saknar' }),
      'En rad saknar',
    );
    await expectNoAxeViolations(officer, 'Rapport till IVO, förhandsgranskning');
    expect(await officer.getByRole('button', { name: 'Markera som rapporterad' }).count()).toBe(0);

    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: 'Ladda ner CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ivo-rapport-2026-Q2.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Kommun;Nämnd;Kvartal;Rapporterande person;Typ av rapport;Personnummer;/);
    expect(csv).toContain('Ingen ledig personal i området; rekrytering pågår.');
    expect(csv).toContain('2026-05-04 avböjt (Hemtjänst från annan utförare)');

    // The flagged row links to its form.
    await table.getByRole('link', { name: /Fyll i/ }).click();
    await expectText(officer.getByRole('heading', { level: 1 }), 'Uppgifter till IVO');
    expect(officer.url()).toContain(`/ivo/uppgifter/beslut/${decision.interventions[1]!.id}`);

    // The authority manager marks the quarter reported.
    const manager = await open('authorityManager', '/ivo/rapport?kvartal=2026-Q2');
    await manager.setViewportSize(DESKTOP);
    await expectText(manager.getByRole('table', { name: 'Rapport till IVO, Kvartal 2 2026' }), 'Örjan Ångström');
    await manager.getByRole('button', { name: 'Markera som rapporterad' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Markera som rapporterad' });
    await expectText(dialog, 'Kvartal 2 2026 med 2 rader markeras som rapporterat till IVO.');
    await expectNoAxeViolations(manager, 'Markera som rapporterad');
    await dialog.getByRole('button', { name: 'Markera som rapporterad' }).click();
    await expectText(
      manager.getByRole('status').filter({ hasText: 'markerat' }),
      'Kvartal 2 2026 är markerat som rapporterat till IVO.',
    );

    // The next quarter: both rows are re-reports.
    await manager.goto('/ivo/rapport?kvartal=2026-Q3');
    const next = manager.getByRole('table', { name: 'Rapport till IVO, Kvartal 3 2026' });
    await expectText(next, 'Återrapport');
    expect(await next.getByText('Återrapport', { exact: true }).count()).toBe(2);
    expect(await next.getByText('Ny', { exact: true }).count()).toBe(0);
  });

  it('fits a phone: the report and the details form scroll no sideways and pass axe', async () => {
    const officer = await open('caseOfficer', '/ivo/rapport?kvartal=2026-Q3');
    await officer.setViewportSize(PHONE);
    await expectText(officer.getByRole('table', { name: /Rapport till IVO, Kvartal 3 2026/ }), 'Återrapport');
    await noSidewaysScroll(officer);
    await expectNoAxeViolations(officer, 'Rapport till IVO på telefon');
    await officer.goto(`/ivo/uppgifter/beslut/${decision.interventions[0]!.id}`);
    await expectText(officer.getByRole('heading', { level: 1 }), 'Uppgifter till IVO');
    await noSidewaysScroll(officer);
    await expectNoAxeViolations(officer, 'Uppgifter till IVO på telefon');
  });

  it('notes on the case page’s decision what is to be reported, linking to its details', async () => {
    const officer = await open('caseOfficer', `/arenden/${decision.caseId}`);
    await officer.setViewportSize(DESKTOP);
    const note = officer.getByRole('note').filter({ hasText: 'Ska rapporteras till IVO' });
    await expectText(note, 'Personlig omvårdnad är inte verkställd');
    await expectNoAxeViolations(officer, 'Ärendet med anteckning om IVO');
    await note.getByRole('link', { name: /Fyll i uppgifter till IVO/ }).click();
    await expectText(officer.getByRole('heading', { level: 1 }), 'Uppgifter till IVO');
  });
});
