import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  type AppSession,
  cameraTrackStates,
  fixturesDir,
  waitForEvents,
  withApp,
} from './app-session';

const appUrl = inject('appUrl');
const JAWLINE = '/?routine=facegym-daily&step=jawline-glide';
const CLIP = 'gesture_face_hand_640x360_15fps.mjpeg';

/** Sets this browser's camera permission for every origin, through CDP. */
async function setCameraPermission(context: BrowserContext, setting: 'denied' | 'granted') {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.setPermission', { permission: { name: 'camera' }, setting });
}

const trackedFrames = (session: AppSession) => (session.events['massage-tracking'] ?? []).length;
/** Waits until more than `frames` tracking events have arrived. */
const untilTracked = (session: AppSession, frames: number, timeoutMs: number) =>
  waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > frames, timeoutMs);
const stepTitle = (session: AppSession) => session.page.locator('step-card h2').textContent();
const errorText = (session: AppSession) =>
  session.page.locator('massage-app .error-message').textContent();

/** Makes the page's first camera request fail with the DOMException named in `window.__cameraFault`. */
function failFirstCameraRequest() {
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  let failed = false;
  navigator.mediaDevices.getUserMedia = (constraints) => {
    const fault = (window as unknown as { __cameraFault?: string }).__cameraFault;
    if (fault && !failed) {
      failed = true;
      return Promise.reject(new DOMException('camera fault for a test', fault));
    }
    return getUserMedia(constraints);
  };
}

describe('camera faults in Chromium', () => {
  it('says how to allow a refused camera, and Try again really retries the chosen step', async () => {
    await withApp(
      appUrl,
      JAWLINE,
      CLIP,
      async (session) => {
        const page = session.page;
        await expect.poll(() => errorText(session), { timeout: 30_000 }).toMatch(/refused/);
        expect(await errorText(session)).toMatch(/In Chrome, .*“Allow”/);
        await setCameraPermission(session.context, 'granted');
        await page.click('massage-app button.retry');
        await untilTracked(session, 3, 120_000);
        // The routine and step chosen before the failure are kept.
        expect(await stepTitle(session)).toBe('Jawline glide');
      },
      {
        // Without the flag that accepts every camera prompt, the permission set through CDP rules.
        chromiumArgs: ['!--use-fake-ui-for-media-stream'],
        beforeOpen: (context) => setCameraPermission(context, 'denied'),
      },
    );
  });

  it('waits for the camera prompt to be answered, and End gives up the start', async () => {
    await withApp(
      appUrl,
      JAWLINE,
      CLIP,
      async (session) => {
        const page = session.page;
        await expect
          .poll(() => page.locator('session-view .loading').textContent(), { timeout: 30_000 })
          .toMatch(/Waiting for the camera: choose “Allow” when your browser asks/);
        await page.click('session-controls [data-command=end]');
        await expect.poll(() => page.locator('start-screen').count()).toBe(1);
        expect(trackedFrames(session)).toBe(0);
      },
      {
        // Without the flag that accepts every camera prompt, and with the permission unset, the
        // prompt stays open: no one answers it in a headless browser.
        chromiumArgs: ['!--use-fake-ui-for-media-stream'],
        initScript: () => {
          // NOTE: headless Chromium may answer an unset prompt by itself; this one never answers.
          navigator.mediaDevices.getUserMedia = () => new Promise(() => {});
        },
      },
    );
  });

  it('offers a camera connected after the failure, as soon as it is connected', async () => {
    await withApp(
      appUrl,
      JAWLINE,
      CLIP,
      async (session) => {
        const page = session.page;
        await expect.poll(() => errorText(session), { timeout: 30_000 }).toMatch(/No camera/);
        expect(await page.locator('massage-app camera-picker option').count()).toBe(0);
        await page.evaluate(() => {
          (window as unknown as { __cameras: number }).__cameras = 2;
          navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
        });
        await expect.poll(() => page.locator('massage-app camera-picker option').count()).toBe(2);
      },
      {
        initScript: () => {
          // Cameras come and go with window.__cameras; none at first, so the camera fails.
          const state = window as unknown as { __cameras: number };
          state.__cameras = 0;
          navigator.mediaDevices.enumerateDevices = async () =>
            Array.from({ length: state.__cameras }, (_, i) => ({
              deviceId: `camera-${i}`,
              groupId: 'g',
              kind: 'videoinput' as const,
              label: `Camera ${i + 1}`,
              toJSON: () => ({}),
            }));
          navigator.mediaDevices.getUserMedia = () =>
            Promise.reject(new DOMException('no camera', 'NotFoundError'));
        },
      },
    );
  });

  for (const [fault, explained] of [
    ['NotReadableError', /busy: another app or browser tab/],
    ['NotFoundError', /No camera was found/],
    ['OverconstrainedError', /Choose another camera/],
  ] as const) {
    it(`explains ${fault} and recovers with Try again`, async () => {
      await withApp(
        appUrl,
        JAWLINE,
        CLIP,
        async (session) => {
          await expect.poll(() => errorText(session), { timeout: 30_000 }).toMatch(explained);
          // The camera failed: the models stop loading with it, and nothing is tracked.
          expect(trackedFrames(session)).toBe(0);
          await session.page.click('massage-app button.retry');
          await untilTracked(session, 0, 120_000);
          expect(await stepTitle(session)).toBe('Jawline glide');
        },
        {
          initScript: failFirstCameraRequest,
          beforeOpen: async (context) => {
            await context.addInitScript((name) => {
              (window as unknown as { __cameraFault?: string }).__cameraFault = name;
            }, fault);
          },
        },
      );
    });
  }

  it('pauses with its progress when the camera is unplugged, and goes on with it', async () => {
    await withApp(appUrl, JAWLINE, CLIP, async (session) => {
      const page = session.page;
      await untilTracked(session, 3, 120_000);
      // NOTE: a track ends by itself (no stop() call) when its device goes away; fired here by hand.
      await page.evaluate(() => {
        const streams = (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams;
        streams.at(-1)?.getVideoTracks()[0]?.dispatchEvent(new Event('ended'));
      });
      await expect.poll(() => page.locator('session-view .camera-lost').count()).toBe(1);
      expect(await page.locator('session-view .paused').count()).toBe(1);
      const before = trackedFrames(session);
      await page.waitForTimeout(1000);
      expect(trackedFrames(session) - before).toBeLessThanOrEqual(1);
      await page.click('session-view button.go-on');
      await untilTracked(session, before + 3, 60_000);
      expect(await page.locator('session-view .camera-lost').count()).toBe(0);
      expect(await stepTitle(session)).toBe('Jawline glide');
    });
  });

  it('stands still while the tab is hidden, lets the camera go after a while, and goes on when shown', async () => {
    await withApp(appUrl, JAWLINE, CLIP, async (session) => {
      const page = session.page;
      await untilTracked(session, 3, 120_000);
      // NOTE: headless Chromium never hides its page; the page is told it is hidden instead.
      const setHidden = (hidden: boolean) =>
        page.evaluate((value) => {
          Object.defineProperty(document, 'hidden', { value, configurable: true });
          Object.defineProperty(document, 'visibilityState', {
            value: value ? 'hidden' : 'visible',
            configurable: true,
          });
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
      await setHidden(true);
      // Frames already in the models when the page hid still come out; then nothing more.
      await page.waitForTimeout(1500);
      const before = trackedFrames(session);
      await expect
        .poll(async () => (await cameraTrackStates(page)).every((s) => s === 'ended'), {
          timeout: 25_000,
        })
        .toBe(true);
      expect(trackedFrames(session)).toBe(before);
      await setHidden(false);
      await untilTracked(session, before + 3, 60_000);
      expect((await cameraTrackStates(page)).filter((s) => s === 'live')).toHaveLength(1);
      expect(await stepTitle(session)).toBe('Jawline glide');
      expect(session.consoleErrors).toEqual([]);
    });
  });

  it('starts the tracking models again when their workers die, and the session goes on', async () => {
    await withApp(appUrl, JAWLINE, CLIP, async (session) => {
      const page = session.page;
      await untilTracked(session, 3, 120_000);
      const workers = page.workers();
      expect(workers.length).toBeGreaterThanOrEqual(2);
      // NOTE: a worker that closes itself sends no error: tracking just stops.
      await Promise.all(
        workers.map((worker) => worker.evaluate(() => self.close()).catch(() => undefined)),
      );
      await page.waitForTimeout(1500);
      const stopped = trackedFrames(session);
      await untilTracked(session, stopped + 3, 120_000);
      expect(await page.locator('massage-app .error-message').count()).toBe(0);
      expect(await stepTitle(session)).toBe('Jawline glide');
      expect(page.workers().length).toBeGreaterThanOrEqual(2);
    });
  });

  it('offers a camera picker when there are several, switches to the chosen one and remembers it', async () => {
    await withApp(
      appUrl,
      JAWLINE,
      null,
      async (session) => {
        const page = session.page;
        await untilTracked(session, 0, 120_000);
        const options = page.locator('session-view camera-picker.options option');
        await expect.poll(() => options.count()).toBe(2);
        const second = await options.nth(1).getAttribute('value');
        await page.locator('session-view camera-picker.options select').selectOption(second ?? '');
        await expect
          .poll(() =>
            page.evaluate(() => {
              const streams = (window as unknown as { __cameraStreams: MediaStream[] })
                .__cameraStreams;
              const live = streams.filter((s) => s.getVideoTracks()[0]?.readyState === 'live');
              return live.map((s) => s.getVideoTracks()[0]?.getSettings().deviceId);
            }),
          )
          .toEqual([second]);
        const before = trackedFrames(session);
        await untilTracked(session, before, 60_000);
        // A reload opens the chosen camera again, not the first one.
        await page.reload();
        await page.waitForFunction(() => document.title.startsWith('Jawline glide'), null, {
          timeout: 120_000,
        });
        await expect
          .poll(() =>
            page.evaluate(() => {
              const streams = (window as unknown as { __cameraStreams: MediaStream[] })
                .__cameraStreams;
              return streams.map((s) => s.getVideoTracks()[0]?.getSettings().deviceId);
            }),
          )
          .toEqual([second]);
      },
      { chromiumArgs: ['--use-fake-device-for-media-stream=device-count=2'] },
    );
  });
});

describe('model loading faults in Chromium', () => {
  for (const [fault, explained] of [
    [
      'unreachable',
      /Could not load the hand tracking model .*Check your connection, then try again/,
    ],
    ['truncated', /Could not load the face tracking model/],
    ['missing its runtime', /Could not load the (face|hand) tracking model/],
  ] as const) {
    it(`shows the download, explains a model that is ${fault}, and Try again really retries`, async () => {
      let broken = 0;
      let healed = false;
      await withApp(
        appUrl,
        JAWLINE,
        CLIP,
        async (session) => {
          const page = session.page;
          await expect.poll(() => errorText(session), { timeout: 120_000 }).toMatch(explained);
          expect(broken).toBeGreaterThan(0);
          expect(trackedFrames(session)).toBe(0);
          healed = true;
          await page.click('massage-app button.retry');
          // The bytes of the models are shown while they load.
          await expect
            .poll(() => page.locator('session-view .loading').textContent(), { timeout: 60_000 })
            .toMatch(/Loading the tracking models… \d+% \(\d+\.\d of \d+\.\d MB\)/);
          await untilTracked(session, 0, 120_000);
          expect(await stepTitle(session)).toBe('Jawline glide');
        },
        {
          beforeOpen: async (context) => {
            // The downloads fail until the retry.
            const brokenUrl = {
              unreachable: '**/hand_landmarker.task',
              truncated: '**/face_landmarker.task',
              'missing its runtime': '**/vision_wasm_internal.wasm',
            }[fault];
            await context.route(brokenUrl, async (route) => {
              if (healed) return route.continue();
              broken++;
              if (fault === 'missing its runtime') return route.fulfill({ status: 404, body: '' });
              if (fault === 'unreachable') return route.abort('connectionrefused');
              const response = await route.fetch();
              const body = await response.body();
              return route.fulfill({ response, body: body.subarray(0, 4096) });
            });
          },
        },
      );
    });
  }
});

/** A three-second fake-camera clip of one still picture through an ffmpeg filter. */
function stillClip(name: string, picture: string, filter: string): string {
  const dir = resolve(import.meta.dirname, '..', '..', '.clips', 'faces');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${name}.mjpeg`);
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-loop', '1', '-framerate', '15', '-t', '3'],
    ...['-i', join(fixturesDir, picture), '-vf', `${filter},format=yuvj420p`],
    ...['-q:v', '5', '-f', 'mjpeg', out],
  ]);
  return out;
}

describe('faces in view in Chromium', () => {
  const feedback = (session: AppSession) => session.page.locator('coach-feedback p').textContent();

  it('says so when no face is in view', async () => {
    // The picture cropped to its edge: hair and a shoulder, no face.
    const clip = stillClip('no-face', 'bg_face_640x480.png', 'crop=200:480:0:0,scale=640:480');
    await withApp(appUrl, JAWLINE, clip, async (session) => {
      await untilTracked(session, 3, 120_000);
      await expect
        .poll(() => feedback(session), { timeout: 30_000 })
        .toMatch(/I can’t see your face/);
    });
  });

  it('says so when a second face is in view, and keeps coaching', async () => {
    const clip = stillClip(
      'two-faces',
      'two_children_faces.jpg',
      'scale=640:-2,pad=640:480:0:(oh-ih)/2',
    );
    await withApp(appUrl, JAWLINE, clip, async (session) => {
      await untilTracked(session, 3, 120_000);
      await expect.poll(() => feedback(session), { timeout: 30_000 }).toMatch(/more than one face/);
    });
  });

  it('says so when the face is partly out of the picture', async () => {
    const clip = stillClip('part-out', 'bg_face_640x480.png', 'crop=380:480:260:0,pad=640:480:0:0');
    await withApp(appUrl, JAWLINE, clip, async (session) => {
      await untilTracked(session, 3, 120_000);
      await expect
        .poll(() => feedback(session), { timeout: 30_000 })
        .toMatch(/Part of your face is out of the picture/);
    });
  });
});
