import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fixturesDir, waitForEvents, withApp } from './app-session';

const appUrl = inject('appUrl');

/** A still face and no hand: nothing is ever judged, so ending asks nothing. */
function stillFaceClip(): string {
  const dir = resolve(import.meta.dirname, '..', '..', '.clips', 'gestures');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'still-face.mjpeg');
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-loop', '1', '-framerate', '15', '-t', '3'],
    ...['-i', join(fixturesDir, 'bg_face_640x480.png'), '-vf', 'format=yuvj420p'],
    ...['-q:v', '5', '-f', 'mjpeg', out],
  ]);
  return out;
}

/**
 * An open hand held up beside the face, palm to the camera, for 3.5 s; 2 s without it; then held
 * up again for 3 s: the hand of the fixture video, cut out around it and laid beside the face
 * picture (a sign counts only beside a face in view). At 30 frames a second, the fake camera's rate.
 */
function openPalmClip(): string {
  const dir = resolve(import.meta.dirname, '..', '..', '.clips', 'gestures');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'open-palm-twice.mjpeg');
  const part = (from: number, to: number) => `[1:v]trim=${from}:${to},setpts=PTS-STARTPTS,fps=30`;
  execFileSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', '-loop', '1', '-framerate', '30'],
    ...['-i', join(fixturesDir, 'bg_face_640x480.png')],
    ...['-i', join(fixturesDir, 'hand_open_palm_640x360.mp4')],
    '-filter_complex',
    `${part(2.5, 6)}[a];${part(2.5, 4.5)}[b];${part(5, 8)}[c];` +
      '[a][b][c]concat=n=3:v=1,crop=200:260:170:60,scale=160:208[palm];' +
      "[0:v][palm]overlay=x=460:y=150:shortest=1:enable='not(between(t,3.5,5.5))',format=yuvj420p[out]",
    ...['-map', '[out]', '-q:v', '5', '-f', 'mjpeg', out],
  ]);
  return out;
}

describe('hands-free control in Chromium', () => {
  it('pauses when an open palm is held up, and goes on when it is held up again', async () => {
    await withApp(
      appUrl,
      '/?routine=facegym-daily&step=jawline-glide',
      openPalmClip(),
      async (session) => {
        const page = session.page;
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
        const paused = () => page.locator('session-view .paused').count();
        // The progress ring shows while the palm is held, then the session pauses by itself.
        await page.locator('session-view svg.gesture').waitFor({ timeout: 30_000 });
        await expect.poll(paused, { timeout: 30_000 }).toBe(1);
        expect(await page.locator('coach-feedback p').textContent()).toMatch(/open hand again/);
        // The palm goes down and comes up again: the session goes on.
        await expect.poll(paused, { timeout: 30_000 }).toBe(0);
        expect(session.consoleErrors).toEqual([]);
      },
    );
  });

  it('answers the keyboard, and keeps the mirror and hands-free choices across a reload', async () => {
    await withApp(
      appUrl,
      '/?routine=facegym-daily&step=laugh-line-walk',
      stillFaceClip(),
      async (session) => {
        const page = session.page;
        await waitForEvents(session, (e) => (e['massage-tracking'] ?? []).length > 0, 120_000);
        const title = () => page.locator('step-card h2').textContent();
        expect(await title()).toBe('Laugh-line walk');
        await page.keyboard.press('Space');
        await expect.poll(() => page.locator('session-view .paused').count()).toBe(1);
        await page.keyboard.press('Space');
        await expect.poll(() => page.locator('session-view .paused').count()).toBe(0);
        await page.keyboard.press('ArrowRight');
        await expect.poll(title).toBe('Jawline glide');
        await page.keyboard.press('ArrowLeft');
        await expect.poll(title).toBe('Laugh-line walk');
        await page.keyboard.press('r');
        await expect
          .poll(() => page.locator('session-view .caption').textContent())
          .toMatch(/^Step 2: Laugh-line walk/);
        // Settings: mirror off, hands-free off; a reload keeps both.
        await page.locator('session-view label.options input[type=checkbox]').first().uncheck();
        await page.locator('session-view .hands-free summary').click();
        await page.locator('session-view .hands-free input[type=checkbox]').uncheck();
        await page.reload();
        // NOTE: an event of the old page can arrive after the reload; the title says when the
        // new page's session (not its start-up, which ignores keys but End) is on.
        await page.waitForFunction(() => document.title.startsWith('Laugh-line walk'), null, {
          timeout: 120_000,
        });
        expect(await page.locator('session-view video.mirrored').count()).toBe(0);
        await page.locator('session-view .hands-free summary').click();
        expect(
          await page.locator('session-view .hands-free input[type=checkbox]').isChecked(),
        ).toBe(false);
        // Escape ends; with nothing counted there is nothing to lose, so it ends at once.
        await page.keyboard.press('Escape');
        await page.locator('routine-summary').waitFor({ timeout: 15_000 });
        expect(session.consoleErrors).toEqual([]);
      },
    );
  });
});
