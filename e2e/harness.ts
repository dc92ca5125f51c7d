/**
 * One browser and one app server per test file, against the test database; helpers to sign in
 * through the real sign-in page and to check a page with axe-core.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { createTestWorld, TEST_PASSWORD, type TestWorld, type UserKey } from '../test/factories.ts';
import { launchBrowser } from './browser.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export interface BrowserWorld {
  server: TestServer;
  world: TestWorld;
  browser: Browser;
  /** A fresh page in its own context (own cookies), Swedish locale and time zone. */
  newPage(): Promise<Page>;
  /** A new page signed in as the user through the sign-in form, on the desk. */
  signedInPage(user: UserKey): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  const webBuildError = inject('webBuildError');
  if (webBuildError) throw new Error(`The web app did not build, so browser tests cannot run:\n${webBuildError}`);
  const server = await startTestServer();
  const world = await createTestWorld(server.ownerDb, server.baseUrl);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };
  return {
    server,
    world,
    browser,
    newPage,
    async signedInPage(user) {
      const page = await newPage();
      await signIn(page, world.users[user].username);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/** Signs in through the form and waits for the desk. */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  // The sign-in page has an h1 too: wait to leave it before waiting for the next page's heading.
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Where screenshots go while developing (SCREENSHOTS=/some/dir); nothing is written otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** A phone's width: the layout's breakpoint for the folded menu is 900 px, phones are at most this. */
export const PHONE_MAX_WIDTH = 480;
/** The phone the browser tests hold: 390 × 844. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails with the violations listed. At a
 * phone's width it also fails when the page scrolls sideways (issue 15): every screen a test checks
 * on a phone is checked for both.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const width = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  if (width <= PHONE_MAX_WIDTH) {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${what} scrolls sideways at ${width} px`).toBe(0);
  }
  // Evaluated through the DevTools protocol: an added <script> is inline, which the app's CSP refuses.
  axeSource ??= readFileSync(axePath, 'utf8');
  // Once per document: parsing axe again on every check of a page that has not navigated took half a second.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only the violations are read: collecting every passing node took most of the run.
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  });
  expect(violations, `axe-core violations on ${what}`).toEqual([]);
}

/** Waits until the element's text contains the expected text (playwright-core has no web-first expect). */
export async function expectText(locator: Locator, expected: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) ? await locator.first().innerText() : ''), {
      timeout,
      message: `waiting for "${expected}"`,
    })
    .toContain(expected);
}

/**
 * Waits for a list to show one text and no longer show another: after a filter, the text that
 * stays proves nothing until the one that goes has gone.
 */
export async function expectTextWithout(
  locator: Locator,
  expected: string,
  gone: string,
  timeout = 10_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = (await locator.count()) ? await locator.first().innerText() : '';
        return text.includes(expected) && !text.includes(gone);
      },
      { timeout, message: `waiting for "${expected}" without "${gone}"` },
    )
    .toBe(true);
}

/**
 * Waits until the field is marked invalid and its description (aria-describedby) holds the
 * message: the error is next to the field for everyone, screen readers included.
 */
export async function expectFieldError(field: Locator, message: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(() => field.getAttribute('aria-invalid'), { timeout, message: 'waiting for aria-invalid' })
    .toBe('true');
  await expect
    .poll(
      () =>
        field.evaluate((element) =>
          (element.getAttribute('aria-describedby') ?? '')
            .split(/\s+/)
            .map((id) => (id ? (element.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
            .join(' '),
        ),
      { timeout, message: `waiting for "${message}" in the field's description` },
    )
    .toContain(message);
}

/** Presses Tab until the target has focus; fails after `maxPresses` (keyboard-only paths). */
export async function tabTo(page: Page, target: Locator, maxPresses = 15): Promise<void> {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => element === document.activeElement, handle)) return;
  }
  throw new Error(`Tab did not reach the target in ${maxPresses} presses`);
}

/**
 * Pages for users who sign in through the form once per file: each later page gets that session's
 * cookie in a fresh context (own history and cache) and opens at `path`. Saves a sign-in (a
 * password hash check) per test; not for tests that sign out or end the session.
 */
export function sharedSessions(bw: BrowserWorld): (user: UserKey, path: string) => Promise<Page> {
  const cookies = new Map<UserKey, Promise<Awaited<ReturnType<BrowserContext['cookies']>>>>();
  return async (user, path) => {
    const signedIn = cookies.get(user);
    const page = signedIn ? await bw.newPage() : await bw.signedInPage(user);
    if (signedIn) await page.context().addCookies(await signedIn);
    else cookies.set(user, page.context().cookies());
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  };
}
