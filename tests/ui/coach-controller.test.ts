import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrackedFrame } from '../../src/core/frame';
import { findRoutine } from '../../src/core/routines';
import type { EngineSnapshot } from '../../src/core/step-engine';
import type { AdaptiveQuality } from '../../src/tracking/adaptive-quality';
import type { FrameSource } from '../../src/tracking/frame-source';
import { CAPTION_MS, CoachController, VERDICT_MS } from '../../src/ui/coach-controller';
import { lightingMessage, liveMessage, slowTrackingMessage } from '../../src/ui/feedback-text';
import { VoiceController } from '../../src/ui/voice-controller';
import { realFace } from '../support/traces';

/** A lit host that only counts the updates asked of it. */
class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

const routine = findRoutine('facegym-daily');
if (!routine) throw new Error('the FaceGym routine is missing');
const firstStep = routine.steps[0];
const secondStep = routine.steps[1];
if (!firstStep || !secondStep) throw new Error('the FaceGym routine has too few steps');

const frame: TrackedFrame = { t: 0, face: null, hands: [] };
const snapshotWith = (feedback: EngineSnapshot['feedback'], step = firstStep) =>
  ({ feedback, step }) as EngineSnapshot;
/** A live source whose adaptive quality measured `fps` tracked, of `cameraFps` the camera sends. */
const sourceAt = (fps: number, cameraFps = 30) =>
  ({
    quality: {
      rates: { tracked: fps, camera: cameraFps, wanted: Math.min(cameraFps, 20) },
    } as unknown as AdaptiveQuality,
  }) as FrameSource;

describe('CoachController', () => {
  let now = 0;
  let host: FakeHost;
  let coach: CoachController;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    host = new FakeHost();
    coach = new CoachController(
      host,
      new VoiceController(host, undefined),
      () => true,
      () => now,
    );
    coach.begin(routine);
  });
  afterEach(() => vi.useRealTimers());

  it('says the room is too dark once two readings a second apart agree, and stops once lit', () => {
    const face = realFace();
    const seen: TrackedFrame = { t: 0, face: { landmarks: face.landmarks }, hands: [] };
    let level = 20;
    const source = {
      ...sourceAt(30),
      lightSample: () => ({ width: 4, height: 4, luma: new Uint8Array(16).fill(level) }),
    } as FrameSource;
    coach.frameTracked(seen, snapshotWith('hands-ready'), source);
    expect(coach.message).toEqual(liveMessage('hands-ready'));
    now = 1000;
    coach.frameTracked(seen, snapshotWith('hands-ready'), source);
    expect(coach.message).toEqual(lightingMessage('too-dark'));
    // A framing problem is more pressing than the light.
    coach.frameTracked(seen, snapshotWith('face-too-far'), source);
    expect(coach.message).toEqual(liveMessage('face-too-far'));
    level = 150;
    now = 2000;
    coach.frameTracked(seen, snapshotWith('hands-ready'), source);
    expect(coach.message).toEqual(liveMessage('hands-ready'));
  });

  it('takes a caption down on its own timer, with no frame coming in', () => {
    coach.engineEvent({ type: 'step-start', t: 0, step: firstStep.id }, routine);
    expect(coach.caption?.text).toBeTruthy();
    const updates = host.updates;
    vi.advanceTimersByTime(CAPTION_MS - 1);
    expect(coach.caption).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(coach.caption).toBeNull();
    expect(host.updates).toBeGreaterThan(updates);
  });

  it('does not praise a face exercise while nothing is done, and says the step again on asking', () => {
    const faceRoutine = findRoutine('facegym-release');
    const tilt = faceRoutine?.steps.find((s) => s.kind === 'head-tilt');
    if (!faceRoutine || !tilt) throw new Error('no head-tilt step');
    coach.begin(faceRoutine);
    coach.frameTracked(frame, snapshotWith('on-target', tilt), sourceAt(30));
    expect(coach.message?.tone).toBe('info');
    expect(coach.message?.text).toMatch(/do the movement/);
    coach.frameTracked(frame, snapshotWith('on-target'), sourceAt(30));
    expect(coach.message?.tone).toBe('good');
    coach.repeat(snapshotWith('on-target', tilt));
    expect(coach.caption?.text).toMatch(new RegExp(`^Step \\d+: ${tilt.title}`));
  });

  it('keeps a verdict on screen for a moment, then shows the live hint again', () => {
    coach.engineEvent(
      { type: 'stroke', t: 0, step: firstStep.id, side: 'left', verdict: 'wrong-direction' },
      routine,
    );
    const verdict = coach.message;
    expect(verdict?.tone).toBe('bad');
    expect(coach.flash?.verdict).toBe('wrong-direction');
    now = VERDICT_MS;
    coach.frameTracked(frame, snapshotWith('no-face'), sourceAt(30));
    expect(coach.message).toEqual(verdict);
    now = VERDICT_MS + 1;
    coach.frameTracked(frame, snapshotWith('no-face'), sourceAt(30));
    expect(coach.message?.text).toMatch(/face/i);
  });

  it('names the next step when a step is done, and the end after the last', () => {
    coach.engineEvent({ type: 'step-complete', t: 0, step: firstStep.id }, routine);
    expect(coach.message?.text).toContain(secondStep.title);
    const last = routine.steps.at(-1);
    coach.engineEvent({ type: 'step-complete', t: 0, step: last?.id ?? '' }, routine);
    expect(coach.message?.text).toMatch(/routine done/i);
  });

  it('says tracking is slow once it has run slow for a few seconds, and not before', () => {
    const slow = sourceAt(5);
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    now = 2000;
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    expect(coach.message).not.toEqual(slowTrackingMessage(5, 30));
    now = 3100;
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    expect(coach.message).toEqual(slowTrackingMessage(5, 30));
    // A stroke cut short at that rate is blamed on tracking, not on the person.
    coach.engineEvent(
      { type: 'stroke', t: 0, step: firstStep.id, side: 'left', verdict: 'too-short' },
      routine,
    );
    expect(coach.message).toEqual(slowTrackingMessage(5, 30));
  });

  it('blames a camera that sends few frames, not the device, when nearly all are tracked', () => {
    const slowCamera = sourceAt(6, 7);
    coach.frameTracked(frame, snapshotWith('on-target'), slowCamera);
    now = 3100;
    coach.frameTracked(frame, snapshotWith('on-target'), slowCamera);
    expect(coach.message).toEqual(slowTrackingMessage(6, 7));
    expect(coach.message?.text).toMatch(/Your camera sends only 7 frames a second/);
    expect(slowTrackingMessage(6, 30).text).toMatch(/Tracking is slow on this device \(6 frames/);
    // Three quarters of what the camera sends is the line between the two.
    expect(slowTrackingMessage(6, 8).text).toMatch(/Your camera sends only 8/);
    expect(slowTrackingMessage(5.9, 8).text).toMatch(/Tracking is slow on this device/);
  });

  it('says nothing of the rate before the adaptive quality has measured one', () => {
    const unmeasured = { quality: { rates: null } as unknown as AdaptiveQuality } as FrameSource;
    for (let i = 0; i < 6; i++) {
      coach.frameTracked(frame, snapshotWith('on-target'), unmeasured);
      now += 1000;
    }
    expect(coach.message).toEqual(liveMessage('on-target', false));
  });

  it('does not count a pause as slow tracking', () => {
    const slow = sourceAt(5);
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    coach.pause();
    now = 10_000;
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    now = 11_000;
    coach.frameTracked(frame, snapshotWith('on-target'), slow);
    expect(coach.message).not.toEqual(slowTrackingMessage(5, 30));
  });

  it('says nothing more once ended, and leaves no caption timer behind', () => {
    coach.engineEvent({ type: 'step-start', t: 0, step: firstStep.id }, routine);
    coach.end();
    expect(coach.caption).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    coach.engineEvent({ type: 'step-start', t: 0, step: firstStep.id }, routine);
    expect(coach.caption).toBeNull();
  });
});
