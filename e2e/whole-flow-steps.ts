/**
 * The steps of e2e/whole-flow.test.ts, each done in the web UI as staff would do it: clicking the
 * folders, links and buttons and typing in the forms — nothing of the flow is written to the
 * database. Each step checks what the user sees and runs axe on the screens it reaches.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, expectText } from './harness.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import { addDays } from '../src/domain/periods.ts';

/** A day counted from today (negative: in the past), as the forms take it. */
export const day = (offset: number): string => addDays(todayInSweden(), offset);

export const deskNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Mitt skrivbord' });

/** On a phone the folders are folded behind Meny: open it first, as the user would. */
export async function unfoldMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Meny', exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
}

export async function openFolder(page: Page, name: RegExp | string, heading: string): Promise<void> {
  await unfoldMenu(page);
  await deskNav(page).getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Chooses the option whose text starts with the given words (labels may carry more, e.g. "(utan systemåtkomst)"). */
export async function chooseStartingWith(select: Locator, startsWith: string): Promise<void> {
  const find = () =>
    select
      .locator('option')
      .evaluateAll(
        (options, prefix) =>
          (options as HTMLOptionElement[]).find((option) => option.text.startsWith(prefix as string))?.value ?? '',
        startsWith,
      );
  await expect.poll(find, { message: `an option starting "${startsWith}"` }).not.toBe('');
  await select.selectOption(await find());
}

export interface NewPerson {
  number: string;
  firstName: string;
  lastName: string;
}

/** Registrera person from the desk; lands on the person page. */
export async function registerPerson(page: Page, person: NewPerson): Promise<void> {
  await openFolder(page, 'Registrera person', 'Registrera person');
  await page.getByRole('textbox', { name: 'Personnummer' }).fill(person.number);
  await page.getByRole('textbox', { name: 'Förnamn' }).fill(person.firstName);
  await page.getByRole('textbox', { name: 'Efternamn' }).fill(person.lastName);
  await page.getByRole('button', { name: 'Registrera', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `${person.lastName}, ${person.firstName}` }).waitFor();
  await expectText(
    page.getByRole('main').getByRole('status').filter({ hasText: 'Personen' }),
    'Personen är registrerad.',
  );
}

/** From the person page: Ärenden → Öppna ärende; lands on the case page and answers its number. */
export async function openCase(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: 'Öppna ärende' }).click();
  await page.getByRole('dialog', { name: 'Öppna ärende' }).getByRole('button', { name: 'Öppna ärende' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /Ärende ÄO-\d{4}-\d{5}/ });
  await heading.waitFor();
  return /ÄO-\d{4}-\d{5}/.exec(await heading.innerText())![0];
}

/** Registrera beslut: granted under SoL from 60 days ago, tills vidare, personal care 20 h a month and meals 7 a week. */
export async function recordDecision(
  page: Page,
  legalBasisId: string,
  personalCareId: string,
  mealsId: string,
): Promise<void> {
  await page.getByRole('link', { name: 'Registrera beslut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Registrera beslut' }).waitFor();
  await page.getByRole('combobox', { name: 'Lagrum' }).selectOption(legalBasisId);
  await page.getByRole('textbox', { name: 'Beslutsdatum' }).fill(day(-62));
  await page.getByRole('textbox', { name: 'Gäller från' }).fill(day(-60));
  await page.getByLabel('Tills vidare').check();
  await page.getByRole('combobox', { name: 'Insats 1' }).selectOption(personalCareId);
  await page
    .getByRole('group', { name: 'Insatsrad 1' })
    .getByRole('textbox', { name: /Beviljad omfattning/ })
    .fill('20');
  await page.getByRole('button', { name: 'Lägg till insats' }).click();
  await page.getByRole('combobox', { name: 'Insats 2' }).selectOption(mealsId);
  await page
    .getByRole('group', { name: 'Insatsrad 2' })
    .getByRole('textbox', { name: /Beviljad omfattning/ })
    .fill('7');
  await page
    .getByRole('textbox', { name: 'Motivering' })
    .fill('Behöver hjälp med personlig omvårdnad och mat efter sjukhusvistelse.');
  await expectNoAxeViolations(page, 'the decision form, filled in');
  await page.getByRole('button', { name: 'Registrera beslut' }).click();
  await page.getByRole('heading', { level: 1, name: /Ärende ÄO-/ }).waitFor();
  const card = page.locator('article.decision-card').first();
  await expectText(card, 'Bifall');
  await expectText(card, `${day(-60)} – tills vidare`);
}

/** Skriv uppdrag from the case page to Hemtjänst egen regi, saved as a draft; answers its number. */
export async function writeAssignment(page: Page): Promise<string> {
  await page
    .getByRole('link', { name: /Skriv uppdrag/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: 'Skriv uppdrag' }).waitFor();
  await chooseStartingWith(page.getByRole('combobox', { name: 'Utförare' }), 'Hemtjänst egen regi');
  const meals = page.getByRole('group', { name: /Matdistribution/ });
  await meals.getByRole('textbox', { name: 'Minuter per tillfälle' }).fill('6');
  await meals.getByLabel('Måndag').check();
  await page
    .getByRole('group', { name: /Personlig omvårdnad/ })
    .getByLabel(/två personal/)
    .check();
  // 20 h + 7 × 6 min × 52/12 a month = 1382 min, rounded up to 23 h 15 min.
  await expectText(page.locator('.assignment-total'), 'Beviljad tid totalt: 23 tim 15 min per månad');
  await page
    .getByRole('textbox', { name: 'Behov – Känsla av trygghet' })
    .fill('Känner sig otrygg på natten efter fallet.');
  await page.getByRole('textbox', { name: 'Mål – Känsla av trygghet' }).fill('Sova tryggt hemma.');
  await page
    .getByRole('textbox', { name: 'Instruktioner till utföraren' })
    .fill('Nyckel i nyckelgömman, ring på två gånger.');
  await page.getByLabel('Ny brukare').check();
  await page.getByRole('textbox', { name: 'Överlämning per telefon till' }).fill('Maja Sandberg');
  await page.getByRole('textbox', { name: 'När gjordes överlämningen' }).fill(`${day(-1)} 14:30`);
  await expectNoAxeViolations(page, 'the assignment form, filled in');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /Uppdrag U-\d{4}-\d{5}/ });
  await heading.waitFor();
  await expectText(page.locator('.alert--success'), 'är sparat som utkast');
  return /U-\d{4}-\d{5}/.exec(await heading.innerText())![0];
}

/** Previews the draft as PDF (the link the page offers) and sends it after the confirmation. */
export async function previewAndSend(page: Page, number: string): Promise<void> {
  const preview = await page.request.get(
    (await page.getByRole('link', { name: /Förhandsgranska \(PDF\)/ }).getAttribute('href'))!,
  );
  expect(preview.status()).toBe(200);
  expect(preview.headers()['content-type']).toBe('application/pdf');
  expect((await preview.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.getByRole('button', { name: 'Skicka' }).click();
  const dialog = page.getByRole('dialog', { name: `Skicka uppdrag ${number}?` });
  await expectText(dialog, 'Hemtjänst egen regi');
  await expectNoAxeViolations(page, 'the send confirmation');
  await dialog.getByRole('button', { name: 'Skicka uppdraget' }).click();
  await expectText(page.locator('.alert--success'), 'Uppdraget är skickat till Hemtjänst egen regi.');
}

/** Opens the message with this subject from the inbox folder. */
export async function openMessage(page: Page, subject: string): Promise<void> {
  await openFolder(page, /^Inkorg/, 'Inkorg');
  await page.getByRole('table').getByRole('link', { name: subject }).first().click();
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();
}

/** Finds the person from the desk's quick search and opens them on the given tab. */
export async function openPerson(page: Page, person: NewPerson, tab: string): Promise<void> {
  await unfoldMenu(page);
  await deskNav(page).getByRole('link', { name: 'Översikt' }).click();
  await page.getByRole('textbox', { name: /Sök person/ }).fill(person.number);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: `${person.lastName}, ${person.firstName}` })
    .getByRole('link', { name: person.number })
    .click();
  await page.getByRole('heading', { level: 1, name: `${person.lastName}, ${person.firstName}` }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

export const deliveriesOf = (page: Page): Locator =>
  page.getByRole('table', { name: 'Personens insatser och verkställighet' });

/** The actions under the person's row of this intervention whose period starts on the day. */
export const actionsOf = (page: Page, name: string, from: string): Locator =>
  deliveriesOf(page).getByRole('group', { name: new RegExp(`^Åtgärder för ${name}, ${from}`) });

/** The table row of this intervention whose period starts on the day. */
export const rowOf = (page: Page, name: string, from: string): Locator =>
  deliveriesOf(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })
    .filter({ hasText: from });

/** Confirms "Till genomförande" and declines the offer to write a message. */
export async function confirmSendToDelivery(page: Page, expectRows: string[]): Promise<void> {
  const confirm = page.getByRole('dialog', { name: 'Till genomförande' });
  for (const row of expectRows) await expectText(confirm.getByRole('table'), row);
  await confirm.getByRole('button', { name: 'Skicka till genomförande' }).click();
  await page.getByRole('dialog', { name: 'Skicka meddelande?' }).getByRole('button', { name: 'Nej' }).click();
}

/** Byt utförare for one row, to the other provider's unit from the day; answers the new assignment's number. */
export async function requestProviderChange(
  page: Page,
  actions: Locator,
  toUnit: string,
  from: string,
): Promise<string> {
  await actions.getByRole('button', { name: /^Byt utförare/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Byt utförare/ });
  await dialog.getByRole('radio', { name: toUnit }).check();
  await dialog.getByRole('textbox', { name: /Första dag hos den nya utföraren/ }).fill(from);
  await dialog.getByRole('button', { name: 'Granska bytet' }).click();
  await expectText(dialog, 'Sista dag hos');
  await expectText(dialog, addDays(from, -1));
  await expectNoAxeViolations(page, 'the change of provider summary');
  await dialog.getByRole('button', { name: 'Skicka byte av utförare' }).click();
  await expectText(dialog, 'Vill du skicka ett meddelande till berörda?');
  const title = await dialog.locator('.alert__title').innerText();
  await dialog.getByRole('button', { name: 'Nej' }).click();
  return /Uppdrag (U-\d{4}-\d+)/.exec(title)![1]!;
}
