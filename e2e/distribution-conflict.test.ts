import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, startBrowserWorld, type BrowserWorld, shot } from './harness.ts';
import { createSentAssignment } from '../test/fixtures/delivery-fixtures.ts';

describeInBrowser('two managers distributing the same new assignment', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  /** The distribution form of the assignment, opened by the user and ready to fill in. */
  async function openForm(user: 'unitManager' | 'operationsManager', assignmentId: string): Promise<Page> {
    const page = await bw.signedInPage(user);
    await page.goto(`/uppdrag/${assignmentId}/fordela`);
    await page.getByRole('heading', { level: 1, name: /Acceptera och fördela/ }).waitFor();
    return page;
  }

  /** One row per intervention at the unit, with a resource and form of delivery to tell them apart. */
  async function fillRows(page: Page, unit: string, resource: string, formOfDelivery: string): Promise<void> {
    for (const intervention of ['Personlig omvårdnad', 'Matdistribution']) {
      await page.getByRole('combobox', { name: `Utförarenhet (${intervention}, rad 1)` }).selectOption({ label: unit });
      await page.getByRole('textbox', { name: `Resurs (${intervention}, rad 1)` }).fill(resource);
      await page.getByRole('textbox', { name: `Genomförandeform (${intervention}, rad 1)` }).fill(formOfDelivery);
    }
    // Kept under distribution: the conflict is about accepting, not about sending on.
    await page.getByLabel('Till genomförande').uncheck();
  }

  it('saves the first; the second hears in Swedish who was first and keeps every field typed', async () => {
    const person = await bw.world.createPerson(['aoAuthority'], { firstName: 'Greta', lastName: 'Samtidig' });
    const assignment = await createSentAssignment(bw.server.ownerDb, bw.world, person.id);
    // Both managers of Hemtjänst egen regi open the same new assignment.
    const first = await openForm('unitManager', assignment.assignmentId);
    const second = await openForm('operationsManager', assignment.assignmentId);
    await fillRows(first, 'Hemtjänst Norr', 'Grupp Norr', 'Hemtjänst dag');
    await fillRows(second, 'Hemtjänst Söder', 'Kvällsgruppen', 'Hemtjänst kväll');
    await second.getByRole('textbox', { name: 'Timmar per besök (Personlig omvårdnad, rad 1)' }).fill('0,75');

    await first.getByRole('button', { name: 'Acceptera och fördela' }).click();
    await expectText(
      first.locator('.alert--success'),
      'Uppdraget är accepterat och fördelat på 2 rader under fördelning.',
    );

    // Until the second manager saves, their desk still offers the assignment to accept.
    const newAssignments = second
      .getByRole('navigation', { name: 'Mitt skrivbord' })
      .getByRole('link', { name: /^Nya uppdrag/ });
    await expectText(newAssignments, '1');
    await second.getByRole('button', { name: 'Acceptera och fördela' }).click();
    const conflict = second.getByRole('alert').filter({ hasText: 'Uppdraget har redan fördelats' });
    await expectText(conflict, 'Uppdraget har redan fördelats av Enhetschef unitManager.');
    await expectText(conflict, 'Det du har skrivit finns kvar nedan.');
    await conflict.getByRole('link', { name: 'Öppna uppdraget' }).waitFor();
    // Nothing typed is lost.
    for (const intervention of ['Personlig omvårdnad', 'Matdistribution']) {
      const unit = second.getByRole('combobox', { name: `Utförarenhet (${intervention}, rad 1)` });
      expect(await unit.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(
        'Hemtjänst Söder',
      );
      expect(await second.getByRole('textbox', { name: `Resurs (${intervention}, rad 1)` }).inputValue()).toBe(
        'Kvällsgruppen',
      );
      expect(
        await second.getByRole('textbox', { name: `Genomförandeform (${intervention}, rad 1)` }).inputValue(),
      ).toBe('Hemtjänst kväll');
    }
    expect(
      await second.getByRole('textbox', { name: 'Timmar per besök (Personlig omvårdnad, rad 1)' }).inputValue(),
    ).toBe('0,75');
    // The desk no longer counts an assignment that is not new any more.
    await expect.poll(() => newAssignments.innerText()).toBe('Nya uppdrag');
    await expectNoAxeViolations(second, 'the distribution form after a conflict');
    await shot(second, 'distribution-conflict-managers');

    // Only the first manager's rows were saved.
    const rows = await bw.server.ownerDb
      .selectFrom('deliveries')
      .select(['provider_unit_id', 'resource', 'form_of_delivery', 'status', 'created_by_id'])
      .where('assignment_id', '=', assignment.assignmentId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toEqual({
        provider_unit_id: bw.world.units.homeCareNorth,
        resource: 'Grupp Norr',
        form_of_delivery: 'Hemtjänst dag',
        status: 'under_distribution',
        created_by_id: bw.world.users.unitManager.userId,
      });
    }
  });
});
