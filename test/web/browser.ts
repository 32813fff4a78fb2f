import fs from 'node:fs';
import path from 'node:path';
import { Browser, ConsoleMessage, Page, chromium } from 'playwright-core';
import { projectRoot } from '../../src/paths';

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  // Root in CI and containers: Chromium's sandbox needs a user namespace it may not get.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Console errors and uncaught exceptions of a page (CSP violations and failed loads included). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return errors;
}

/** test-artifacts/<name>: kept by CI, ignored by git. */
export function artifact(name: string): string {
  const dir = path.join(projectRoot, 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
