/**
 * The desk on a phone (issue 15, item 1, begun): below a tablet's width the folders fold away
 * behind a Meny button, so the page comes first; the button is a disclosure (aria-expanded,
 * aria-controls), and going to another page folds the folders away again. On a desktop they stay.
 * No page is wider than the phone: a wide table scrolls inside its own box.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('the desk menu on a phone', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it('folds the folders behind Meny at 390 px, shows the page first, and opens, goes and folds again', async () => {
    const page = await bw.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, bw.world.users.careStaff.username);
    // By its label, not its role: folded away, the navigation is out of the accessibility tree.
    const nav = page.locator('nav[aria-label="Mitt skrivbord"]');
    const menu = page.getByRole('button', { name: 'Meny', exact: true });
    await menu.waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.getAttribute('aria-controls')).toBe(await nav.getAttribute('id'));
    // The page's own heading is on the first screen, not under 550 px of menu.
    const heading = await page.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).boundingBox();
    expect(heading!.y).toBeLessThan(300);
    await expectNoAxeViolations(page, 'the desk on a phone, menu folded');

    await menu.click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => nav.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the desk on a phone, menu open');

    await nav.getByRole('link', { name: 'Sök person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sök person' }).waitFor();
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // Opened and closed again with the button itself.
    await menu.click();
    await expect.poll(() => nav.isVisible()).toBe(true);
    await menu.click();
    await expect.poll(() => nav.isVisible()).toBe(false);
  });

  it('keeps the folders in view on a desktop, with no Meny button', async () => {
    const page = await bw.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, bw.world.users.careStaff.username);
    await page.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Mitt skrivbord' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Meny', exact: true }).isVisible()).toBe(false);
  });

  /** How far the page reaches past the screen's right edge, in pixels (0: it does not scroll sideways). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('scrolls no page sideways at 390 px: the desk, the folders, a person with every tab, the administration', async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Åsa', lastName: 'Öberg-Lindqvist' });
    const paths: Record<'unitManager' | 'caseOfficer' | 'administrator', string[]> = {
      unitManager: [
        '/',
        '/nya-uppdrag',
        '/ej-aktuella',
        '/mina-personer',
        '/personer/sok',
        '/meddelanden/inkorg',
        '/meddelanden/skickat',
        '/sandlistor',
        `/personer/${person.id}`,
      ],
      caseOfficer: ['/', '/personer/ny', '/meddelanden/inkorg'],
      administrator: ['/admin/organisation', '/admin/anvandare', '/admin/insatskatalog', '/admin/lagrum'],
    };
    const wide: string[] = [];
    for (const [user, userPaths] of Object.entries(paths) as [keyof typeof paths, string[]][]) {
      const page = await bw.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, bw.world.users[user].username);
      for (const path of userPaths) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        if ((await overflow(page)) > 0) wide.push(`${user} ${path}: ${await overflow(page)} px`);
        // The button keeps its own height whatever the page below it (a short page once stretched it).
        const menu = await page.getByRole('button', { name: 'Meny', exact: true }).boundingBox();
        if (!menu || menu.height > 60) {
          wide.push(`${user} ${path}: Meny ${menu ? `${Math.round(menu.height)} px tall` : 'missing'}`);
        }
        if (path.startsWith('/personer/') && path !== '/personer/sok') {
          for (const tab of await page.getByRole('tab').all()) {
            await tab.click();
            await page.waitForLoadState('networkidle');
            if ((await overflow(page)) > 0)
              wide.push(`${user} ${path}, tab ${await tab.innerText()}: ${await overflow(page)} px`);
          }
        }
      }
      await page.close();
    }
    expect(wide).toEqual([]);
  });
});
