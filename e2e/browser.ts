/**
 * Browser tests drive Debian's Chromium with playwright-core. Without Chromium they are skipped
 * with a loud notice — unless REQUIRE_BROWSER=1 (CI), which makes them fail instead.
 */
import { describe, it } from 'vitest';
import { findChromium, isBrowserRequired } from './chromium.ts';

export { launchBrowser } from './chromium.ts';

let warned = false;

/**
 * A browser test walks several screens, each waiting for the server; on a busy two-core machine
 * (a full run beside a benchmark) one took 30 s where it takes 5 alone. The waits inside stay short
 * (10 s each); only the whole test gets room.
 */
const BROWSER_TEST_TIMEOUT_MS = 90_000;

/** `describe` for browser tests: runs with Chromium, fails without it when required, else skips loudly. */
export function describeInBrowser(name: string, body: () => void): void {
  if (findChromium()) {
    describe(name, { timeout: BROWSER_TEST_TIMEOUT_MS }, body);
    return;
  }
  if (isBrowserRequired) {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(
          'Chromium was not found (`which chromium`), and REQUIRE_BROWSER=1 makes browser tests fail instead of skipping. Install it: apt-get install -y chromium',
        );
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: Chromium not found. Install it (apt-get install -y chromium)\n!! or run with REQUIRE_BROWSER=1 to make this a failure.\n${'!'.repeat(78)}\n`,
    );
  }
  describe.skip(`${name} (skipped: no Chromium)`, body);
}
