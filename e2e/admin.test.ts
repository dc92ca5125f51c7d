import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, expectText, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('administration: units, users and positions', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it('creates a unit under a provider, renames it, creates a user with a position who can then sign in', async () => {
    const page = await bw.signedInPage('administrator');
    await page
      .getByRole('navigation', { name: 'Mitt skrivbord' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await expectNoAxeViolations(page, 'the organisation page');

    // The tree: a unit's name is a button that opens it on the right.
    await page.getByRole('button', { name: 'Hemtjänst egen regi', exact: true }).click();
    const provider = page.getByRole('article', { name: 'Hemtjänst egen regi' });
    await provider.waitFor();
    await expectNoAxeViolations(page, 'a provider opened in the organisation');
    const create = provider.getByRole('form', { name: 'Skapa underenhet till Hemtjänst egen regi' });
    await create.getByRole('combobox', { name: 'Typ av enhet' }).selectOption({ label: 'Utförarenhet' });
    await create.getByRole('textbox', { name: 'Namn', exact: true }).fill('Hemtjänst Väster');
    await create.getByRole('button', { name: 'Skapa enhet' }).click();

    // The new unit opens at once, in the tree under its provider.
    const created = page.getByRole('article', { name: 'Hemtjänst Väster' });
    await created.waitFor();
    await expectText(created, 'Utförarenhet');
    const unitId = new URL(page.url()).searchParams.get('enhet');
    expect(unitId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Hemtjänst Väster', exact: true }).waitFor();

    const edit = created.getByRole('form', { name: 'Ändra enhet' });
    await edit.getByRole('textbox', { name: 'Namn', exact: true }).fill('Hemtjänst Väst');
    await edit.getByRole('button', { name: 'Spara' }).click();
    await expectText(
      page
        .getByRole('article', { name: 'Hemtjänst Väst' })
        .getByRole('form', { name: 'Ändra enhet' })
        .getByRole('status'),
      'Sparat',
    );
    await page.getByRole('button', { name: 'Hemtjänst Väst', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Hemtjänst Väster', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'a renamed unit');

    // A new user, then a position on the new unit with roles from checkboxes.
    const username = `eva.lind.${randomBytes(3).toString('hex')}`;
    const password = 'ett-långt-lösenord-1';
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    await expectNoAxeViolations(page, 'the user list');
    await page.getByRole('link', { name: 'Ny användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny användare' }).waitFor();
    await page.getByRole('textbox', { name: 'Användarnamn' }).fill(username);
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Eva Lind');
    await page.getByRole('textbox', { name: 'E-post' }).fill('eva.lind@example.org');
    await page.getByLabel('Första lösenord').fill(password);
    await expectNoAxeViolations(page, 'the new-user form');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eva Lind' }).waitFor();
    await expectText(page.getByRole('main'), `Användaren ${username} är skapad. Lägg till en befattning.`);
    await expectText(page.getByRole('main'), 'Användaren har ingen befattning');

    await page.getByRole('button', { name: 'Lägg till befattning' }).click();
    const position = page.getByRole('form', { name: 'Ny befattning' });
    await position.getByRole('combobox', { name: 'Enhet' }).selectOption(unitId!);
    await position.getByRole('textbox', { name: 'Titel' }).fill('Undersköterska');
    await position.getByRole('button', { name: 'Lägg till' }).click();
    await expectText(position.getByRole('group', { name: /Roller/ }), 'Välj minst en roll.');
    await expectNoAxeViolations(page, 'the new-position form with an error');
    await position.getByRole('checkbox', { name: 'Omvårdnadspersonal' }).check();
    await position.getByRole('checkbox', { name: 'Samordnare' }).check();
    await position.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('status').filter({ hasText: 'Befattningen Undersköterska är tillagd.' }).waitFor();
    const positions = page.getByRole('table', { name: 'Befattningar för Eva Lind' });
    await expectText(positions, 'Hemtjänst Väst');
    await expectText(positions, 'Omvårdnadspersonal');
    await expectNoAxeViolations(page, 'the user with a position');

    // The new user signs in in a browser of their own and works in the new position.
    const newUserPage = await bw.newPage();
    await signIn(newUserPage, username, password);
    await newUserPage.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).waitFor();
    await expectText(newUserPage.getByRole('banner'), 'Undersköterska, Hemtjänst Väst');
    await expectText(newUserPage.getByRole('banner'), 'Eva Lind');
  });

  it('shows no admin screen to anyone but the administrator', async () => {
    const page = await bw.signedInPage('unitManager');
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['/admin', '/admin/anvandare', '/admin/organisation']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Administration' }).count(), path).toBe(0);
      expect(await page.getByRole('heading', { name: /^(Organisation|Användare)$/ }).count(), path).toBe(0);
    }
    await expectNoAxeViolations(page, 'the no-access page');
  });
});
