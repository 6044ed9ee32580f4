import { describe, expect, inject, it } from 'vitest';
import { cameraTrackStates, waitForEvents, withApp } from './app-session';

const appUrl = inject('appUrl');
const CLIP = 'gesture_face_hand_640x360_15fps.mjpeg';

/** Progress of the FaceGym routine left at the jawline glide, as the app keeps it. */
function leftAtJawline() {
  // Once per tab: a reload must not bring the progress back.
  if (sessionStorage.getItem('seeded')) return;
  sessionStorage.setItem('seeded', '1');
  const count = (good: number) => ({ good, wrongDirection: 0, other: 0 });
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
        { step: 'chin-flicks', counts: { ...none, center: count(10) }, completed: true },
        { step: 'laugh-line-walk', counts: none, completed: false },
        {
          step: 'jawline-glide',
          counts: { ...none, left: count(3), right: count(2) },
          completed: false,
        },
        { step: 'brow-pinch', counts: none, completed: false },
      ],
      savedAt: Date.now() - 60_000,
    }),
  );
}

describe('sessions that survive a reload, End and Back', () => {
  it('resumes an unfinished session, asks before ending it, keeps the summary on reload, and Back stays in the app', async () => {
    await withApp(
      appUrl,
      '/',
      CLIP,
      async (session) => {
        const page = session.page;
        const offer = page.locator('start-screen .resume');
        await expect.poll(() => offer.textContent()).toMatch(/step 3 of 4,\s+with 15 good strokes/);
        await page.click('start-screen button.resume-session');
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
        // At the step it was left on, with its counts.
        expect(await page.locator('step-card h2').textContent()).toBe('Jawline glide');
        expect(page.url()).toContain('routine=facegym-daily&step=jawline-glide');
        const good = (side: string) =>
          page.locator(`step-card .count[data-side=${side}] b.good-count`).textContent();
        expect([await good('left'), await good('right')]).toEqual(['3', '2']);

        // End asks first; Keep going goes on.
        await page.click('session-controls [data-command=end]');
        await expect.poll(() => page.locator('session-view .confirm-end').count()).toBe(1);
        expect(await page.locator('session-view .paused').count()).toBe(1);
        await page.click('session-view button.keep-going');
        const before = (session.events['massage-tracking'] ?? []).length;
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > before, 60_000);
        expect(await page.locator('session-view .confirm-end').count()).toBe(0);

        // End for real: the summary, which a reload shows again instead of restarting.
        await page.click('session-controls [data-command=end]');
        await page.click('session-view .confirm-end button.confirm');
        await expect.poll(() => page.locator('routine-summary').count()).toBe(1);
        // Step, target, good, wrong way, other, time, result.
        const firstRow = () =>
          page.locator('routine-summary tbody tr').first().locator('th, td').allTextContents();
        const chinFlicks = ['Chin flicks', '10 strokes', '10', '0', '0'];
        expect((await firstRow()).slice(0, 5)).toEqual(chinFlicks);
        expect((await firstRow())[6]).toBe('Done');
        await page.reload();
        await expect.poll(() => page.locator('routine-summary').count()).toBe(1);
        expect((await firstRow()).slice(0, 5)).toEqual(chinFlicks);
        expect(await cameraTrackStates(page)).toEqual([]);
        // Finished: nothing left to resume. Back goes to the app's start screen.
        await page.goBack();
        await expect.poll(() => page.locator('start-screen').count()).toBe(1);
        expect(new URL(page.url()).origin).toBe(new URL(appUrl).origin);
        expect(await page.locator('start-screen .resume').count()).toBe(0);
      },
      { initScript: leftAtJawline },
    );
  });

  it('stops loading at once on Back while the models load', async () => {
    await withApp(appUrl, '/', CLIP, async (session) => {
      const page = session.page;
      await page.click('start-screen button.start');
      await expect.poll(() => page.locator('session-view .loading').count()).toBe(1);
      await page.goBack();
      await expect.poll(() => page.locator('start-screen').count()).toBe(1);
      // Long enough for the models to have loaded, had they gone on.
      await page.waitForTimeout(12_000);
      expect((await cameraTrackStates(page)).every((s) => s === 'ended')).toBe(true);
      expect(session.events['massage-tracking'] ?? []).toEqual([]);
      expect(await page.locator('start-screen').count()).toBe(1);
    });
  });

  it('goes back to the start screen on Back during a session, camera off, and forward again', async () => {
    await withApp(appUrl, '/', CLIP, async (session) => {
      const page = session.page;
      await page.click('start-screen button.start');
      await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
      expect(page.url()).toMatch(/\?session=/);
      await page.goBack();
      await expect.poll(() => page.locator('start-screen').count()).toBe(1);
      await expect
        .poll(async () => (await cameraTrackStates(page)).every((s) => s === 'ended'))
        .toBe(true);
      await page.goForward();
      const before = (session.events['massage-tracking'] ?? []).length;
      await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > before, 120_000);
      expect(await page.locator('step-card h2').count()).toBe(1);
    });
  });
});

describe('pause in Chromium', () => {
  it('stops the step clock while paused, and goes on from where it was', async () => {
    await withApp(appUrl, '/?session=extended&step=gold-roller', CLIP, async (session) => {
      const page = session.page;
      await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 3, 120_000);
      const left = async () => {
        const text = (await page.locator('session-view .step-left').textContent()) ?? '';
        const [minutes, seconds] = (text.match(/(\d+):(\d+)/) ?? []).slice(1).map(Number);
        return (minutes ?? 0) * 60 + (seconds ?? 0);
      };
      await page.click('session-controls [data-command=pause]');
      await page.waitForTimeout(1000);
      const atPause = await left();
      expect(atPause).toBeGreaterThan(60);
      await page.waitForTimeout(4000);
      expect(await left()).toBe(atPause);
      await page.click('session-controls [data-command=resume]');
      await expect.poll(left, { timeout: 30_000 }).toBeLessThan(atPause);
      // Going on from where it was: nothing of the pause was counted.
      expect(await left()).toBeGreaterThanOrEqual(atPause - 3);
    });
  });
});

describe('the start screen step list', () => {
  it('shows each step with its picture and what a session needs, and starts at a chosen step', async () => {
    await withApp(appUrl, '/', CLIP, async (session) => {
      const page = session.page;
      await page.locator('start-screen label[data-choice=extended]').click();
      expect(await page.locator('start-screen .needs').textContent()).toBe(
        'You will need: a facial roller, a serum, a moisturiser, a gua sha stone.',
      );
      await page.locator('start-screen label[data-choice=anma]').click();
      expect(await page.locator('start-screen .needs').count()).toBe(0);
      await page.locator('start-screen .step-list summary').click();
      const pictures = page.locator('start-screen .step-list step-picture svg');
      expect(await pictures.count()).toBe(5);
      // Each picture draws its stroke and says in words where the hands go.
      expect(
        await page.locator('start-screen li[data-step=eye-circles] svg').getAttribute('aria-label'),
      ).toMatch(/^Where the hands go: fingertips on the bone around the eye/);
      expect(
        await page.locator('start-screen li[data-step=eye-circles] svg path.stroke').count(),
      ).toBe(2);
      await page.getByRole('button', { name: 'Start at Eye circles' }).click();
      await expect
        .poll(() => page.locator('step-card h2').textContent(), { timeout: 60_000 })
        .toBe('Eye circles');
      expect(new URL(page.url()).search).toBe('?routine=anma&step=eye-circles');
      expect(await page.locator('step-card step-picture svg path.stroke').count()).toBe(2);
      expect(session.consoleErrors).toEqual([]);
    });
  });
});
