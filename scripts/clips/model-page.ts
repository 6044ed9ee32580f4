// Opens the test-only landmark recorder page (tests/harness) in headless Chromium on a vite dev
// server, so scripts can run the app's own tracker on pictures and clips.

import type { BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { fixtures, root } from './sources.ts';

export interface ModelPage {
  page: Page;
  /** URL under which the page can fetch a file on disk. */
  fileUrl(path: string): string;
  close(): Promise<void>;
}

export async function openModelPage(html: string): Promise<ModelPage> {
  const server: ViteDevServer = await createServer({
    root,
    logLevel: 'error',
    // No file watching or hot reload: a source edited during a long recording must not reload the page.
    server: { port: 0, fs: { allow: [root, fixtures] }, watch: null, hmr: false },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? '';
  const context: BrowserContext = await launchChromium();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(`${base}${html}`);
  // The dev server may reload the page once after optimising dependencies on first load.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('load');
  return {
    page,
    // A fresh query each time: the page must not reuse a cached picture of the same name.
    fileUrl: (path) => `/@fs${path}?v=${Date.now()}${Math.random()}`,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
