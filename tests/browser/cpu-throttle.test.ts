import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, profileDirOf } from './chromium';
import { RendererThrottle, rendererPids } from './cpu-throttle';

/** Rounds of a fixed busy loop a dedicated worker completes a second, measured over `ms`. */
async function workerRate(page: Page, ms: number): Promise<number> {
  const before = await page.evaluate(() => (window as unknown as { rounds: number }).rounds);
  await page.waitForTimeout(ms);
  const after = await page.evaluate(() => (window as unknown as { rounds: number }).rounds);
  return ((after - before) * 1000) / ms;
}

describe('the renderer throttle of the slow-device test', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await launchChromium();
    page = await context.newPage();
    await page.goto('data:text/html,<p>busy worker</p>');
    await page.evaluate(() => {
      const source = `function spin(){let x=0;for(let i=0;i<1e6;i++)x+=Math.sqrt(i);postMessage(x);setTimeout(spin,0)}spin()`;
      const worker = new Worker(URL.createObjectURL(new Blob([source])));
      const state = window as unknown as { rounds: number };
      state.rounds = 0;
      worker.onmessage = () => state.rounds++;
    });
  });

  afterAll(() => context.close());

  it('finds the browser’s renderer processes', () => {
    expect(rendererPids(profileDirOf(context)).length).toBeGreaterThan(0);
  });

  it('slows a worker, not only the main thread, and lets it run at full speed again', async () => {
    await page.waitForTimeout(500);
    const free = await workerRate(page, 2000);
    const throttle = new RendererThrottle(context, 4);
    throttle.start();
    const slowed = await workerRate(page, 2000).finally(() => throttle.stop());
    const released = await workerRate(page, 2000);
    console.log(
      `worker rounds a second: ${free.toFixed(0)} free, ${slowed.toFixed(0)} slowed four times, ${released.toFixed(0)} released`,
    );
    // Four times in principle; the timers' own delays give the renderer a little more time.
    expect(free / slowed).toBeGreaterThan(2.5);
    expect(released / slowed).toBeGreaterThan(2.5);
  }, 30_000);
});
