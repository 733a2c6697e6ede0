import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` overrides it. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Headless, and quiet: no sandbox (tests run as root), GPU, background traffic or first run. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The installed Chromium's path. Throws, saying how to install it, when there is none: the
 * browser tests fail rather than skip without a browser.
 */
export function chromiumPath(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(`CHROMIUM_PATH is ${configured}, but there is no file there`);
    }
    return configured;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `The web store's browser tests need Chromium, and none was found (looked at ${CANDIDATES.join(', ')}). ` +
        "Install Debian's package (apt-get update && apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

/** Starts the installed Chromium, headless, through playwright-core. */
export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
}
