/**
 * Issue 15: every screen of every role works at 390×844. Each of the nine roles signs in on a
 * phone-sized page and visits every screen it can reach (a person with each of its tabs, the main
 * dialogs, the Meny open), with data behind each (phone-screens-data.ts). For every state: no
 * sideways scroll, the page's heading in view, and axe clean. What fails is collected, with the
 * role, the screen and the pixels, so one run lists it all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.ts';
import { expectNoAxeViolations, shot, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';
import { createPhoneData, type PhoneData, type PhoneRole } from './phone-screens-data.ts';
import { AUTHORITY_ROLES, MANAGER_ROLES } from '../src/domain/roles.ts';
import { TEST_USERS, type TestWorld } from '../test/factories.ts';

/** Something to open on a screen (a dialog, mostly): the state is checked, then Escape closes it. */
interface Opener {
  what: string;
  action: (page: Page) => Promise<void>;
}

/** One screen: where it is, text that proves its data arrived, and what to open on it. */
interface Screen {
  path: string;
  shows?: string;
  /** Click each tab and check each. */
  hasTabs?: boolean;
  opens?: Opener[];
}

/** Opens the dialog of the first button whose name starts with the text. */
const dialog = (button: string): Opener => ({
  what: button,
  action: async (page) => {
    await page
      .getByRole('button', { name: new RegExp(`^${button.replace(/[/()]/g, '\\$&')}`) })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
  },
});

/** The screens a role reaches, from the menu's folders and the links on the pages. */
function screensOf(role: PhoneRole, d: PhoneData, world: TestWorld): Screen[] {
  const roles = TEST_USERS[role].roles;
  const has = (list: readonly string[]) => roles.some((r) => list.includes(r));
  const isAuthority = has(AUTHORITY_ROLES);
  const isDistributor = has([...MANAGER_ROLES, 'coordinator']);
  const isKeeper = has([...MANAGER_ROLES, 'authority_manager', 'coordinator', 'alarm_manager', 'administrator']);
  const screens: Screen[] = [{ path: '/' }, { path: '/befattning' }];
  if (role === 'administrator') {
    screens.push(
      { path: '/admin/organisation', shows: 'Äldreomsorg' },
      { path: '/admin/anvandare', shows: 'Enhetschef' },
      { path: '/admin/anvandare/ny' },
      { path: `/admin/anvandare/${world.users.unitManager.userId}`, shows: 'Hemtjänst Norr' },
      { path: '/admin/insatskatalog', shows: 'Personlig omvårdnad' },
      { path: '/admin/insatskatalog/ny' },
      {
        path: `/admin/insatskatalog/${world.catalogue.interventionTypes.get('AO:Personlig omvårdnad')}`,
        shows: 'Personlig omvårdnad',
      },
      { path: '/admin/lagrum', shows: 'SoL' },
      { path: '/admin/lagrum/ny' },
      { path: `/admin/lagrum/${world.catalogue.legalBases.get('SoL 11 kap. 1 §')}`, shows: 'SoL' },
      { path: '/admin/tidsfrister', shows: 'Tidsfrister' },
    );
  } else {
    screens.push(
      { path: '/personer/sok' },
      { path: `/personer/sok?q=${encodeURIComponent(d.lastName.slice(0, 5))}`, shows: d.lastName },
      { path: '/personer/senast' },
      { path: `/personer/${d.personId}`, shows: d.lastName, hasTabs: true },
      { path: '/enheter' },
      { path: `/enheter/${world.units[TEST_USERS[role].unit]}` },
      { path: '/mina-personer' },
      { path: '/bevakningar', shows: 'Mina bevakningar' },
    );
    if (isAuthority || isDistributor) screens.push({ path: '/personer/ny' });
    if (role === 'careStaff') screens.push({ path: `/personer/${d.personId}`, opens: [dialog('Bevaka')] });
    if (isAuthority || has(MANAGER_ROLES)) screens.push({ path: '/tidsfrister', shows: 'Tidsfrister' });
  }
  if (isAuthority) {
    screens.push(
      { path: '/arenden' },
      {
        path: `/arenden/${d.caseId}`,
        opens: [
          dialog('Avsluta beslut'),
          dialog('Avsluta ärende'),
          ...(role === 'authorityManager' ? [dialog('Byt handläggare')] : []),
        ],
      },
      { path: `/arenden/${d.caseId}/beslut/nytt` },
      { path: `/uppdrag/nytt?decisionId=${d.unwrittenDecisionId}` },
      { path: `/uppdrag/${d.draftAssignmentId}`, opens: [dialog('Skicka'), dialog('Ta bort utkast')] },
      { path: `/uppdrag/${d.draftAssignmentId}/redigera` },
      { path: `/uppdrag/${d.sentAssignmentId}` },
      { path: '/ivo/rapport' },
      { path: `/ivo/uppgifter/beslut/${d.undeliveredInterventionId}` },
    );
  }
  if (!isAuthority && role !== 'administrator') {
    screens.push({ path: '/nya-uppdrag' }, { path: `/uppdrag/${d.sentAssignmentId}` });
    screens.push({ path: `/genomforande/${d.providerCaseId}`, shows: d.lastName });
  }
  if (isDistributor || role === 'alarmManager') screens.push({ path: '/uppdrag/nya' });
  if (isDistributor) {
    screens.push(
      { path: `/uppdrag/${d.newAssignmentId}/fordela` },
      { path: '/ej-aktuella', shows: 'Ejaktuell', opens: [dialog('Avsluta')] },
    );
  }
  if (role === 'unitManager') {
    // The row dialogs of the Insatser tab, once: every manager sees the same.
    screens.push({
      path: `/personer/${d.personId}?flik=insatser`,
      shows: 'Personlig omvårdnad',
      opens: [
        'Registrera verkställighetsdatum',
        'Rätta uppgifter',
        'Historik',
        'Återkalla (ändra tid)',
        'Rätta/Avsluta',
        'Avbrott',
        'Byt utförare',
      ].map(dialog),
    });
  }
  screens.push(
    { path: '/meddelanden/inkorg', shows: 'Angående planeringen' },
    { path: '/meddelanden/arkiv', shows: 'Angående planeringen' },
    { path: '/meddelanden/skickat', shows: 'Angående planeringen' },
    { path: '/meddelanden/nytt' },
    { path: `/meddelanden/${d.messageId}`, shows: 'Angående planeringen' },
  );
  if (isKeeper) screens.push({ path: '/sandlistor', shows: 'Alla på' }, { path: 'first send list' });
  return screens;
}

describeInBrowser('every screen of every role on a phone (390×844)', () => {
  let bw: BrowserWorld;
  let data: PhoneData;
  beforeAll(async () => {
    bw = await startBrowserWorld();
    data = await createPhoneData(bw);
  });
  afterAll(async () => bw?.close());

  /** How far the page, and an open dialog (which scrolls on its own), reach past their right edge, in pixels. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const dialog = document.querySelector('dialog[open]');
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        dialog: dialog ? dialog.scrollWidth - dialog.clientWidth : 0,
      };
    });

  /** Requests in flight per page, so a screen counts as loaded once none is (networkidle waits 500 ms more). */
  const inFlight = new WeakMap<Page, number>();
  const track = (page: Page) => {
    inFlight.set(page, 0);
    const done = () => inFlight.set(page, (inFlight.get(page) ?? 1) - 1);
    page.on('request', () => inFlight.set(page, (inFlight.get(page) ?? 0) + 1));
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  };
  /** Waits for the screen's data: no request in flight twice in a row, and no spinner. */
  const settle = async (page: Page) => {
    await expect
      .poll(async () => {
        if (inFlight.get(page)) return false;
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30))));
        return !inFlight.get(page) && (await page.locator('.spinner').count()) === 0;
      })
      .toBe(true);
  };
  /** Goes to the path inside the app, as a link does: no reload, so axe and the session stay. */
  const go = (page: Page, path: string) =>
    page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);

  /** Checks one state: no sideways scroll (page or dialog), a heading in view, axe clean; adds what fails. */
  async function check(page: Page, where: string, problems: string[]): Promise<void> {
    await shot(page, `phone ${where}`.replace(/[^\p{L}\d]+/gu, '-').slice(0, 120));
    const wide = await overflow(page);
    if (wide.page !== 0) problems.push(`${where}: ${wide.page} px too wide`);
    if (wide.dialog !== 0) problems.push(`${where}: the dialog ${wide.dialog} px too wide`);
    if (!(await page.getByRole('heading', { level: 1 }).first().isVisible())) problems.push(`${where}: no h1 in view`);
    try {
      await expectNoAxeViolations(page, where);
    } catch (error) {
      // The assertion's actual value is the list of violations, each with the nodes it found.
      problems.push(`${where}: axe: ${((error as { actual?: string[] }).actual ?? [String(error)]).join('; ')}`);
    }
  }

  /** Signs the role in at 390×844 and visits each of its screens; the problems found. */
  async function walk(role: PhoneRole): Promise<string[]> {
    const problems: string[] = [];
    const page = await bw.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    track(page);
    await signIn(page, bw.world.users[role].username);
    for (const screen of screensOf(role, data, bw.world)) {
      let path = screen.path;
      if (path === 'first send list') {
        const href = await page.locator('a[href^="/sandlistor/"]').first().getAttribute('href');
        if (!href) {
          problems.push(`${role} /sandlistor: no send list to open`);
          continue;
        }
        path = href;
      }
      const where = `${role} ${path}`;
      await go(page, path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settle(page);
      if (screen.shows && !(await page.locator('main').innerText()).includes(screen.shows))
        problems.push(`${where}: "${screen.shows}" not shown`);
      await check(page, where, problems);
      if (path === '/') {
        await page.getByRole('button', { name: 'Meny', exact: true }).click();
        await check(page, `${where} with Meny open`, problems);
        await page.getByRole('button', { name: 'Meny', exact: true }).click();
        // The user's menu in the header opens under its button, within the screen.
        const userMenu = page.locator('.user-menu__button');
        await userMenu.click();
        const list = await page.locator('.user-menu__list').boundingBox();
        if (!list || list.x < 0 || list.x + list.width > 390)
          problems.push(
            `${where}, user menu: ${list ? `${Math.round(list.x)}–${Math.round(list.x + list.width)} px` : 'not shown'}`,
          );
        await check(page, `${where} with the user menu open`, problems);
        await userMenu.click();
      }
      if (screen.hasTabs) {
        for (const tab of await page.getByRole('tab').all()) {
          await tab.click();
          await settle(page);
          await check(page, `${where}, tab ${await tab.innerText()}`, problems);
        }
      }
      for (const opener of screen.opens ?? []) {
        await opener.action(page);
        await settle(page);
        await check(page, `${where}, ${opener.what}`, problems);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
      }
    }
    await page.close();
    return problems;
  }

  /** The roles' walks; each `it` has room for a busy machine (alone on two cores the file takes about a minute and a half). */
  async function walkAll(roles: PhoneRole[]): Promise<void> {
    // The roles side by side: a screen mostly waits for the server, so two or three pages share the time.
    const results = await Promise.all(roles.map((role) => walk(role)));
    expect(results.flat()).toEqual([]);
  }

  it(
    'the authority side: the case officer and the authority manager',
    () => walkAll(['caseOfficer', 'authorityManager']),
    180_000,
  );

  it(
    'the provider managers: operations manager, unit manager, coordinator',
    () => walkAll(['operationsManager', 'unitManager', 'coordinator']),
    180_000,
  );

  it(
    'the provider staff: care staff, licensed staff, alarm manager',
    () => walkAll(['careStaff', 'licensedStaff', 'alarmManager']),
    180_000,
  );

  it('the administration', () => walkAll(['administrator']), 180_000);
});
