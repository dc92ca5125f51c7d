/**
 * Browser tests drive Debian's Chromium with playwright-core. Without Chromium they are skipped
 * with a loud notice — unless REQUIRE_BROWSER=1 (CI), which makes them fail instead.
 */
import { describe, it } from 'vitest';
import { findChromium, isBrowserRequired } from './chromium.ts';

export { launchBrowser } from './chromium.ts';

let warned = false;

/** `describe` for browser tests: runs with Chromium, fails without it when required, else skips loudly. */
export function describeInBrowser(name: string, body: () => void): void {
  if (findChromium()) {
    describe(name, body);
    return;
  }
  if (isBrowserRequired) {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error('Chromium was not found (`which chromium`), and REQUIRE_BROWSER=1 makes browser tests fail instead of skipping. Install it: apt-get install -y chromium');
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn('\n' + '!'.repeat(78) + '\n!! BROWSER TESTS SKIPPED: Chromium not found. Install it (apt-get install -y chromium)\n!! or run with REQUIRE_BROWSER=1 to make this a failure.\n' + '!'.repeat(78) + '\n');
  }
  describe.skip(`${name} (skipped: no Chromium)`, body);
}
