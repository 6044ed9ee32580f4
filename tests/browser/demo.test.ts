import { describe, expect, inject, it } from 'vitest';
import { waitForEvents, withApp } from './app-session';
import { countArrowPixels, countFacePixels } from './pixels';

const appUrl = inject('appUrl');
const CLIP = 'gesture_face_hand_640x360_15fps.mjpeg';

describe('the demo and the mannequin in Chromium', () => {
  it('runs the demo without any camera, from the camera error: strokes judged on a neutral face, then the summary', async () => {
    await withApp(
      appUrl,
      '/',
      null,
      async (session) => {
        const page = session.page;
        expect(
          await page.evaluate(
            async () =>
              (await navigator.mediaDevices.enumerateDevices()).filter(
                (d) => d.kind === 'videoinput',
              ).length,
          ),
        ).toBe(0);
        // Starting with the camera fails (there is none); the error screen offers the demo.
        await page.click('start-screen button.start');
        await page.locator('massage-app .error').waitFor({ timeout: 30_000 });
        await page.click('massage-app .error button.demo');
        await expect
          .poll(() => page.locator('session-view .replay-badge').textContent(), { timeout: 30_000 })
          .toMatch(/Demo/);
        expect(await page.locator('step-card h2').textContent()).toBe('Jawline glide');
        await waitForEvents(session, (e) => (e['massage-stroke'] ?? []).length >= 3, 60_000);
        const verdicts = (session.events['massage-stroke'] ?? []).map(
          (e) => (e as { verdict: string }).verdict,
        );
        expect(verdicts.filter((v) => v === 'good').length).toBeGreaterThanOrEqual(3);
        // The face is drawn from the landmarks: many light-grey pixels where no video is.
        const shot = await page.locator('session-view').screenshot();
        expect(countFacePixels(shot)).toBeGreaterThan(5000);
        await page.locator('routine-summary').waitFor({ timeout: 60_000 });
        expect(await page.locator('routine-summary h1').textContent()).toMatch(/1 of 4 steps done/);
        expect(
          await page.evaluate(
            () => (window as unknown as { __cameraStreams: unknown[] }).__cameraStreams.length,
          ),
        ).toBe(0);
        expect(session.consoleErrors).toEqual([]);
      },
      { chromiumArgs: ['!--use-fake-device-for-media-stream'] },
    );
  });

  it('draws arrows a phone can show, and thicker ones on a laptop', async () => {
    await withApp(
      appUrl,
      '/',
      null,
      async (session) => {
        const page = session.page;
        await page.setViewportSize({ width: 390, height: 844 });
        await page.click('start-screen button.demo');
        const overlay = page.locator('stroke-overlay');
        const state = () =>
          overlay.evaluate((el) => {
            const o = el as unknown as { arrowThickness: number; visibleArrows: number };
            return { thickness: o.arrowThickness, arrows: o.visibleArrows };
          });
        await expect.poll(async () => (await state()).arrows, { timeout: 60_000 }).toBe(2);
        const phone = (await state()).thickness;
        // At least 5 CSS pixels across, and really drawn.
        expect(phone).toBeGreaterThanOrEqual(5);
        expect(
          countArrowPixels(await page.locator('session-view .stage').screenshot()),
        ).toBeGreaterThan(150);
        await page.setViewportSize({ width: 1280, height: 900 });
        await expect.poll(async () => (await state()).thickness).toBeGreaterThan(phone);
      },
      { chromiumArgs: ['!--use-fake-device-for-media-stream'] },
    );
  });

  it('hides the video behind a neutral face when asked, and keeps tracking', async () => {
    await withApp(appUrl, '/?routine=facegym-daily&step=jawline-glide', CLIP, async (session) => {
      const page = session.page;
      await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
      await page.locator('session-view input.mannequin').check();
      const opacity = () =>
        page.locator('session-view video').evaluate((v) => getComputedStyle(v).opacity);
      await expect.poll(opacity).toBe('0');
      const before = (session.events['massage-tracking'] ?? []).length;
      await waitForEvents(
        session,
        (e) => (e['massage-tracking'] ?? []).length > before + 2,
        60_000,
      );
      await expect
        .poll(async () => countFacePixels(await page.locator('session-view .stage').screenshot()), {
          timeout: 20_000,
        })
        .toBeGreaterThan(5000);
      // Arrows are still drawn over it.
      expect(
        countArrowPixels(await page.locator('session-view .stage').screenshot()),
      ).toBeGreaterThan(50);
    });
  });
});
