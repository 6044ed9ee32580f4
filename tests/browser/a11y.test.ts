import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { toHistoryFile } from '../../src/history/session-record';
import { sessionRecord } from '../history/records';
import { waitForEvents, withApp } from './app-session';

const appUrl = inject('appUrl');
const SIZES = [
  [1280, 900],
  [390, 844],
] as const;

/** Runs axe on the page at both sizes, with and without reduced motion; returns every violation. */
async function violations(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const motion of ['reduce', 'no-preference'] as const) {
    await page.emulateMedia({ reducedMotion: motion });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        found.push(
          `${screen} ${width}x${height} ${motion}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

describe('accessibility in Chromium', () => {
  it('has no axe violation on any screen, on a laptop and a phone, with and without reduced motion', async () => {
    await withApp(
      appUrl,
      '/',
      null,
      async (session) => {
        const page = session.page;
        const found: string[] = [];
        await page.locator('start-screen').waitFor();
        // The start button is in view on a laptop screen.
        expect(await page.locator('start-screen button.start').isVisible()).toBe(true);
        found.push(...(await violations(page, 'start')));
        // The step list open, with its pictures and buttons.
        await page.locator('start-screen .step-list summary').click();
        found.push(...(await violations(page, 'start, steps listed')));

        await page.click('start-screen button.start');
        await page.locator('massage-app .error').waitFor({ timeout: 30_000 });
        found.push(...(await violations(page, 'error')));

        await page.click('massage-app .error button.demo');
        await waitForEvents(session, (e) => (e['massage-stroke'] ?? []).length >= 1, 60_000);
        found.push(...(await violations(page, 'session')));
        await page.keyboard.press('Escape');
        await page.locator('session-view .confirm-end').waitFor();
        found.push(...(await violations(page, 'end question')));
        await page.click('session-view .confirm-end button.confirm');
        await page.locator('routine-summary').waitFor({ timeout: 20_000 });
        found.push(...(await violations(page, 'summary')));

        await page.goto(new URL('/?history', appUrl).href);
        await page.locator('history-screen').waitFor();
        found.push(...(await violations(page, 'empty history')));
        const file = toHistoryFile(
          [sessionRecord({ startedAt: Date.now() - 3_600_000, endedAt: Date.now() })],
          Date.now(),
        );
        await page.setInputFiles('history-screen input[type=file]', {
          name: 'history.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(file)),
        });
        await page.locator('history-screen table.sessions').waitFor();
        found.push(...(await violations(page, 'history')));
        expect(found).toEqual([]);
      },
      { chromiumArgs: ['!--use-fake-device-for-media-stream'] },
    );
  });

  it('keeps the arrows still with reduced motion, and moves the bead without', async () => {
    await withApp(
      appUrl,
      '/',
      null,
      async (session) => {
        const page = session.page;
        await page.click('start-screen button.demo');
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 30, 60_000);
        await page.keyboard.press('Space');
        await page.locator('session-view .paused').waitFor();
        const renders = () =>
          page
            .locator('stroke-overlay')
            .evaluate((o) => (o as unknown as { renders: number }).renders);
        const rendersOver = async (ms: number) => {
          const before = await renders();
          await page.waitForTimeout(ms);
          return (await renders()) - before;
        };
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.waitForTimeout(300);
        // At most a redraw for a change of message; a moving bead redraws 25 times a second.
        expect(await rendersOver(2000)).toBeLessThanOrEqual(2);
        await page.emulateMedia({ reducedMotion: 'no-preference' });
        expect(await rendersOver(2000)).toBeGreaterThan(10);
        // The setting overrides the system: still arrows although the system does not ask.
        await page.selectOption('session-view select.motion', 'reduce');
        await page.waitForTimeout(300);
        // At most a redraw for a change of message; a moving bead redraws 25 times a second.
        expect(await rendersOver(2000)).toBeLessThanOrEqual(2);
      },
      { chromiumArgs: ['!--use-fake-device-for-media-stream'] },
    );
  });
});
