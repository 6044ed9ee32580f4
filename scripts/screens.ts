// Takes the README's screenshots (docs/screens/*.png) of the built app in headless Chromium, with
// no camera: the demo for the session views, and a made-up history (clearly sample data).
//   npx tsx scripts/screens.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { toHistoryFile } from '../src/history/session-record.ts';
import { openApp } from '../tests/browser/app-session.ts';
import { sessionRecord, stepRecord } from '../tests/history/records.ts';

const out = join(import.meta.dirname, '..', 'docs', 'screens');
mkdirSync(out, { recursive: true });
await build({ logLevel: 'warn' });
const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('no preview address');

/** Five weeks of sample sessions, most days, accuracy improving. */
function sampleHistory(): string {
  const now = Date.now();
  const sessions = [];
  for (let day = 34; day >= 0; day--) {
    if (day % 5 === 3) continue;
    const startedAt = now - day * 86_400_000 - 3_600_000;
    const accuracy = 0.62 + 0.33 * (1 - day / 35);
    sessions.push(
      sessionRecord({
        id: `sample-${day}`,
        startedAt,
        endedAt: startedAt + 420_000,
        steps: [
          stepRecord({
            activeMs: 110_000 + (day % 4) * 30_000,
            verdicts: {
              good: Math.round(14 * accuracy),
              'wrong-direction': Math.round(14 * (1 - accuracy)),
              'too-short': 1,
            },
          }),
          stepRecord({
            step: 'brow-pinch',
            title: 'Brow pinch',
            kind: 'pinch',
            region: 'brow-outward',
            activeMs: day % 2 ? 70_000 : 0,
            verdicts: day % 2 ? { good: 8 } : {},
            status: day % 2 ? 'done' : 'skipped',
          }),
          stepRecord({
            step: 'cheek-circles',
            title: 'Cheek circles',
            kind: 'circle',
            region: 'cheek-circle',
            activeMs: 60_000,
            verdicts: { good: 9, 'wrong-direction': 1 },
          }),
        ],
      }),
    );
  }
  return JSON.stringify(toHistoryFile(sessions, now));
}

const session = await openApp(url, '/', null, {
  chromiumArgs: ['!--use-fake-device-for-media-stream'],
});
const page = session.page;
try {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('start-screen').waitFor();
  await page.screenshot({ path: join(out, 'start.png') });
  await page.click('start-screen button.demo');
  await page.waitForFunction(() => document.title.startsWith('Jawline'), null, { timeout: 30_000 });
  await page.waitForTimeout(6500);
  await page.screenshot({ path: join(out, 'demo-session.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, 'phone-session.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('routine-summary').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(out, 'summary.png') });
  await page.goto(new URL('/?history', url).href);
  await page.locator('history-screen').waitFor();
  await page.setInputFiles('history-screen input[type=file]', {
    name: 'sample-history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(sampleHistory()),
  });
  await page.locator('history-screen table.sessions').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, 'history.png'), fullPage: false });
  console.log(`screens written to ${out}`);
} finally {
  await session.close();
  await server.close();
}
