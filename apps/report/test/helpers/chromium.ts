import { existsSync } from 'node:fs';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser). Missing
 * Chromium is a failure with instructions, never a skip: the dashboard's escaping and its script
 * are only proven in a real browser.
 */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; the dashboard tests need a real browser. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launchPersistentContext(tempDir('sec-report-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
