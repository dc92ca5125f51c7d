/**
 * The web app tells the server which requests the user set off: a poll sent while nobody touches
 * the page carries the background mark, so an unattended tab cannot keep its session alive past the
 * idle timeout; what follows a click does not (src/domain/user-activity.ts, migration 0031).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { BACKGROUND_REQUEST_HEADER } from '../src/domain/user-activity.ts';
import { describeInBrowser } from './browser.ts';
import { signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

describeInBrowser('what keeps a session alive', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it("marks the polls of an untouched tab as background, and the requests a click sets off as the user's", async () => {
    const page = await bw.newPage();
    await page.clock.install();
    await signIn(page, bw.world.users.careStaff.username);
    await page.getByRole('heading', { level: 1, name: 'Mitt skrivbord' }).waitFor();

    const sent: { path: string; isBackground: boolean }[] = [];
    const record = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/'))
        sent.push({ path: url.pathname, isBackground: request.headers()[BACKGROUND_REQUEST_HEADER] === '1' });
    };
    page.on('request', record);

    // Nobody touches the page: the counts (desk, unread messages) are polled, marked as background.
    // The page's clock is moved on half a minute at a time until a poll has gone out; a page that is
    // not in front skips its polls, so it is brought there first.
    await page.bringToFront();
    await expect
      .poll(
        async () => {
          await page.clock.runFor('00:31');
          return sent.length;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await page.clock.resume();
    expect(
      sent.every((request) => request.isBackground),
      JSON.stringify(sent),
    ).toBe(true);

    // A click: what it fetches is the user's doing.
    sent.length = 0;
    await page
      .getByRole('navigation', { name: 'Mitt skrivbord' })
      .getByRole('link', { name: /^Inkorg/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    expect(
      sent.some((request) => request.isBackground),
      JSON.stringify(sent),
    ).toBe(false);
  });
});
