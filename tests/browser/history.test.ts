import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { toHistoryFile } from '../../src/history/session-record';
import { sessionRecord, stepRecord } from '../history/records';
import { waitForEvents, withApp } from './app-session';

const appUrl = inject('appUrl');
const CLIP = 'gesture_face_hand_640x360_15fps.mjpeg';

/** Progress of the FaceGym routine left at the jawline glide with strokes counted, once per tab. */
function leftAtJawline() {
  if (sessionStorage.getItem('seeded')) return;
  sessionStorage.setItem('seeded', '1');
  const count = (good: number, wrongDirection = 0) => ({ good, wrongDirection, other: 0 });
  const none = { left: count(0), right: count(0), center: count(0) };
  localStorage.setItem(
    'massage-coach:progress',
    JSON.stringify({
      kind: 'routine',
      id: 'facegym-daily',
      title: 'FaceGym daily workout',
      stepId: 'jawline-glide',
      stepIndex: 2,
      stepCount: 4,
      tallies: [
        {
          step: 'chin-flicks',
          counts: { ...none, center: count(10, 2) },
          verdicts: { good: 10, 'wrong-direction': 2, 'too-slow': 1 },
          activeMs: 40_000,
          completed: true,
        },
        { step: 'laugh-line-walk', counts: none, completed: false },
        {
          step: 'jawline-glide',
          counts: { ...none, left: count(3), right: count(2) },
          verdicts: { good: 5 },
          activeMs: 30_000,
          completed: false,
        },
        { step: 'brow-pinch', counts: none, completed: false },
      ],
      savedAt: Date.now() - 60_000,
      startedAt: Date.now() - 120_000,
    }),
  );
}

describe('history in Chromium', () => {
  it('keeps an ended session in the history with its charts and face map, through a reload; a bad import changes nothing', async () => {
    await withApp(
      appUrl,
      '/',
      CLIP,
      async (session) => {
        const page = session.page;
        await page.click('start-screen button.resume-session');
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
        await page.click('session-controls [data-command=end]');
        await page.click('session-view .confirm-end button.confirm');
        await expect.poll(() => page.locator('routine-summary').count()).toBe(1);
        // The truth per step: done, not finished, skipped.
        const results = await page
          .locator('routine-summary tbody tr td:last-child')
          .allTextContents();
        expect(results).toEqual(['Done', 'Skipped', 'Not finished', 'Skipped']);
        expect(await page.locator('routine-summary h1').textContent()).toMatch(/1 of 4 steps done/);
        expect(await page.locator('routine-summary tbody tr').first().textContent()).toMatch(
          /too slow 1/,
        );
        expect(await page.title()).toMatch(/^Summary/);

        await page.click('routine-summary button:has-text("Your history")');
        await expect
          .poll(() => page.locator('history-screen table.sessions tbody tr').count())
          .toBe(1);
        expect(page.url()).toMatch(/\?history$/);
        expect(await page.title()).toMatch(/^Your history/);
        // Focus moves to the new screen's heading.
        expect(
          await page.evaluate(() => {
            let active: Element | null = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            return active?.textContent;
          }),
        ).toBe('Your history');
        const checkHistory = async () => {
          const row = page.locator('history-screen table.sessions tbody tr').first();
          expect(await row.textContent()).toMatch(/FaceGym daily workout.*1 of 4.*15 \/ 2/s);
          // Two uPlot charts drawn on canvases, and the face map shading the regions worked.
          expect(await page.locator('history-screen .chart canvas').count()).toBe(2);
          const worked = page.locator('history-screen face-map path[data-region]:not(.unworked)');
          const regions = new Set(
            await worked.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-region'))),
          );
          expect([...regions].sort()).toEqual(['chin-upward', 'jawline-outward']);
          expect(await page.locator('history-screen .stats').textContent()).toMatch(
            /Streak\s*1 day\b/,
          );
        };
        await checkHistory();

        await page.reload();
        await expect
          .poll(() => page.locator('history-screen table.sessions tbody tr').count())
          .toBe(1);
        await checkHistory();

        // A file with one bad session among good ones: refused whole, with a reason.
        const dir = tmpdir();
        const good = sessionRecord({ id: 'imported', steps: [stepRecord()] });
        const badPath = join(dir, 'bad-history.json');
        writeFileSync(
          badPath,
          JSON.stringify({
            ...toHistoryFile([good], Date.now()),
            sessions: [good, { ...good, id: 'x', startedAt: -1 }],
          }),
        );
        await page.setInputFiles('history-screen input[type=file]', badPath);
        await expect
          .poll(() => page.locator('history-screen .message').textContent())
          .toMatch(/Nothing was imported.*sessions\.1\.startedAt/);
        expect(await page.locator('history-screen table.sessions tbody tr').count()).toBe(1);

        const goodPath = join(dir, 'good-history.json');
        writeFileSync(goodPath, JSON.stringify(toHistoryFile([good], Date.now())));
        await page.setInputFiles('history-screen input[type=file]', goodPath);
        await expect
          .poll(() => page.locator('history-screen table.sessions tbody tr').count())
          .toBe(2);
        expect(await page.locator('history-screen .message').textContent()).toMatch(
          /Imported 1 session/,
        );

        // Reminders: a calendar file for the daily routine.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('history-screen button.remind-daily'),
        ]);
        expect(download.suggestedFilename()).toBe('massage-coach-daily-reminders.ics');
        const ics = await readFile((await download.path()) as string, 'utf8');
        expect(ics).toMatch(/RRULE:FREQ=DAILY/);

        // Delete asks first, then empties the history.
        await page.click('history-screen button.clear');
        await page.click('history-screen button.confirm-clear');
        await expect.poll(() => page.locator('history-screen table.sessions').count()).toBe(0);
        expect(session.consoleErrors).toEqual([]);
      },
      { initScript: leftAtJawline },
    );
  });
});
