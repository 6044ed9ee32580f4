// The camera check before counting, on the fake camera: the face framed and the light on it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fixturesDir, withApp } from './app-session';

const appUrl = inject('appUrl');

/** The face picture held still for 3 s through an ffmpeg filter, as a fake-camera clip. */
function faceClip(name: string, filter: string): string {
  const dir = resolve(import.meta.dirname, '..', '..', '.clips', 'camera-check');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${name}.mjpeg`);
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-loop', '1', '-framerate', '15', '-t', '3'],
    ...['-i', join(fixturesDir, 'bg_face_640x480.png')],
    ...['-vf', `${filter},format=yuvj420p`, '-q:v', '5', '-f', 'mjpeg', out],
  ]);
  return out;
}

const feedback = async (page: import('playwright-core').Page) =>
  (await page.locator('coach-feedback p').textContent())?.trim();

describe('the camera check in Chromium', () => {
  it('asks a face far from the camera to come closer, and counts nothing meanwhile', async () => {
    // The picture shrunk to half, in the middle of a black frame: the face a seventh as wide.
    const clip = faceClip('far', 'scale=320:240,pad=640:480:160:120');
    await withApp(appUrl, '/?routine=facegym-daily&step=jawline-glide', clip, async (session) => {
      await expect
        .poll(() => feedback(session.page), { timeout: 90_000 })
        .toBe('Come a little closer to the camera.');
      expect(session.events['massage-stroke'] ?? []).toEqual([]);
    });
  });

  it('says when the room is too dark to see the hands', async () => {
    const clip = faceClip('dark', 'colorchannelmixer=rr=0.3:gg=0.3:bb=0.3');
    await withApp(appUrl, '/?routine=facegym-daily&step=jawline-glide', clip, async (session) => {
      await expect
        .poll(() => feedback(session.page), { timeout: 90_000 })
        .toMatch(/^It is too dark for me to see your hands well/);
      expect(session.consoleErrors).toEqual([]);
    });
  });

  it('says nothing of the light when it is good', async () => {
    const clip = faceClip('lit', 'null');
    await withApp(appUrl, '/?routine=facegym-daily&step=jawline-glide', clip, async (session) => {
      // Past the camera check and two light readings.
      await expect
        .poll(() => feedback(session.page), { timeout: 90_000 })
        .toBe('Bring your hands up to your face so I can see them.');
      await session.page.waitForTimeout(2500);
      // NOTE: on a busy machine the slow-tracking notice may take the line: any notice but light.
      expect(await feedback(session.page)).not.toMatch(/dark|shadow|light/i);
    });
  });
});
