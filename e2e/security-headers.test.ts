/**
 * The Content-Security-Policy in a real browser: the app and the API docs work under it with no
 * violation reported, an inline script is refused (so the listener really hears violations), and
 * no other site can frame the app (ASVS 3.4.3, 3.4.6).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { normalizeTestNumber } from '../seeds/lib/test-numbers.ts';
import { describeInBrowser } from './browser.ts';
import { expectText, signIn, startBrowserWorld, type BrowserWorld } from './harness.ts';

interface Violations {
  events: string[];
  console: string[];
}

/**
 * Records every CSP violation the page reports, both as the DOM's `securitypolicyviolation` event
 * (registered before any of the page's own scripts run) and as Chromium's console error.
 */
async function watchViolations(page: Page): Promise<Violations> {
  const seen: Violations = { events: [], console: [] };
  await page.exposeFunction('reportCspViolation', (text: string) => {
    seen.events.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) seen.console.push(message.text());
  });
  return seen;
}

describeInBrowser('the Content-Security-Policy in the browser', () => {
  let bw: BrowserWorld;
  beforeAll(async () => {
    bw = await startBrowserWorld();
  });
  afterAll(async () => bw?.close());

  it('lets the app sign in, search and open a person with no violation, and refuses an inline script', async () => {
    const person = await bw.world.createPerson(['homeCareNorth'], { firstName: 'Märta', lastName: 'Åström' });
    const page = await bw.newPage();
    const violations = await watchViolations(page);
    await signIn(page, bw.world.users.careStaff.username);
    await page.goto(`/personer/sok?q=${encodeURIComponent('åström')}`);
    await page.getByRole('link', { name: normalizeTestNumber(person.identityNumber) }).click();
    await page.getByRole('heading', { level: 1, name: 'Åström, Märta' }).waitFor();
    expect(violations).toEqual({ events: [], console: [] });

    // An injected inline script must not run, and the listener must hear the refusal.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.body.append(script);
      return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.events).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
  });

  it('shows the API documentation with no violation', async () => {
    const page = await bw.newPage();
    const violations = await watchViolations(page);
    await page.goto('/api/docs');
    // The operations are listed only after the UI's scripts fetched and rendered the document.
    await expectText(page.locator('#swagger-ui'), '/api/persons/{personId}');
    expect(violations).toEqual({ events: [], console: [] });
  });

  it('cannot be framed by another site', async () => {
    const page = await bw.newPage();
    const violations = await watchViolations(page);
    // A page of no origin of ours (about:blank), as another site would be, framing the sign-in page.
    await page.setContent(`<iframe src="${bw.server.baseUrl}/logga-in" title="Vardag"></iframe>`);
    await expect.poll(() => violations.console.join('\n')).toMatch(/frame-ancestors 'none'/);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(
      await frame
        ?.locator('body')
        .innerText()
        .catch(() => ''),
    ).not.toContain('Logga in');
  });
});
