import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core: no browser download, the real engine. */
export const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.CI === 'true';

/** Whether browser tests can run here; in CI a missing Chromium is an error, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (REQUIRED)
    throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist (apt-get install chromium)`);
  process.stderr.write(`${CHROMIUM} not found; browser tests are skipped.\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine has no network beyond loopback: keep Chromium from reaching out at all.
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

/** Serves `fetch` on a free loopback port; returns its base URL and a way to stop it. */
export async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
