// Debian's Chromium, headless, for the pre-render, the benchmarks and the end-to-end tests.
// playwright-core comes from tests/e2e's npm packages (scripts/setup.sh installs them).
import { createRequire } from 'node:module';

const { chromium } = createRequire(new URL('../tests/e2e/package.json', import.meta.url))('playwright-core');

// Without the background-networking flags Chromium keeps trying to reach Google's hosts,
// which this machine's closed network refuses; --no-sandbox because the tests run as root.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Playwright's launch() already gives each browser a fresh temporary --user-data-dir (and
// deletes it on close).
export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', // never a downloaded browser
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    ...options,
  });
}

// A browser with a profile kept in `userDataDir`: closed and launched again on the same
// folder, it is the same browser restarted (its storage is still there).
export function launchPersistent(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    locale: 'en-US',
    timezoneId: 'UTC',
    ...options,
  });
}
