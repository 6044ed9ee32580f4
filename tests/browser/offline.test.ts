import { describe, expect, inject, it } from 'vitest';
import { waitForEvents, withApp } from './app-session';

const appUrl = inject('appUrl');
const CLIP = 'gesture_face_hand_640x360_15fps.mjpeg';

describe('offline in Chromium', () => {
  it('is installable, and after one visit starts and runs a session with no network', async () => {
    await withApp(
      appUrl,
      '/',
      CLIP,
      async (session) => {
        const page = session.page;
        const manifest = await page.evaluate(async () => {
          const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]');
          return link
            ? ((await (await fetch(link.href)).json()) as {
                icons: { sizes: string }[];
                display: string;
              })
            : null;
        });
        expect(manifest?.display).toBe('standalone');
        expect(manifest?.icons.map((i) => i.sizes)).toEqual(
          expect.arrayContaining(['192x192', '512x512']),
        );
        // The service worker installs and precaches the app, the runtime and the models.
        const cached = () =>
          page.evaluate(async () => {
            const names = await caches.keys();
            const urls: string[] = [];
            for (const name of names)
              for (const request of await (await caches.open(name)).keys())
                urls.push(new URL(request.url).pathname);
            return urls;
          });
        await page.evaluate(() => navigator.serviceWorker.ready);
        await expect
          .poll(cached, { timeout: 60_000 })
          .toEqual(
            expect.arrayContaining([
              '/models/face_landmarker.task',
              '/models/hand_landmarker.task',
              '/mediapipe/vision_wasm_internal.wasm',
              '/mediapipe/vision_bundle.js',
            ]),
          );

        await session.context.setOffline(true);
        await page.goto(new URL('/?routine=facegym-daily&step=jawline-glide', appUrl).href);
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 2, 120_000);
        expect(await page.locator('step-card h2').textContent()).toBe('Jawline glide');
        expect(session.consoleErrors).toEqual([]);
      },
      { serviceWorkers: 'allow' },
    );
  });
});
