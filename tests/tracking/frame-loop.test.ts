import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrackedFrame } from '../../src/core/frame';
import type { QualityLevel } from '../../src/tracking/adaptive-quality';
import { QUALITY_LEVELS } from '../../src/tracking/adaptive-quality';
import { CameraFrameLoop } from '../../src/tracking/frame-loop';
import type { Tracker } from '../../src/tracking/tracker';

/** A video whose frames arrive when the test says, and a tracker that notes the times offered. */
function setUp(continueFrom?: number) {
  let now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const visibility: (() => void)[] = [];
  const page = { hidden: false };
  vi.stubGlobal('document', {
    get hidden() {
      return page.hidden;
    },
    addEventListener: (_: string, listener: () => void) => visibility.push(listener),
    removeEventListener: () => {},
  });
  let pending: ((now: number, meta: object) => void) | null = null;
  let presented = 0;
  const video = {
    videoWidth: 640,
    videoHeight: 480,
    requestVideoFrameCallback: (callback: (now: number, meta: object) => void) => {
      pending = callback;
      return 1;
    },
    cancelVideoFrameCallback: () => {
      pending = null;
    },
  } as unknown as HTMLVideoElement;
  const offered: number[] = [];
  const qualities: QualityLevel[] = [];
  let emit: ((frame: TrackedFrame, capturedAt: number) => void) | null = null;
  const tracker = {
    saturatedAt: () => false,
    listen: (listener: (frame: TrackedFrame, capturedAt: number) => void) => {
      emit = listener;
    },
    offer: (_: unknown, t: number) => offered.push(t),
    setQuality: (level: QualityLevel) => qualities.push(level),
    lastTimings: { faceMs: 0, handMs: 0 },
    dispose: () => {},
  } as unknown as Tracker;
  const loop = new CameraFrameLoop(video, tracker, () => {}, continueFrom);
  return {
    loop,
    offered,
    qualities,
    /** The tracker hands back a frame captured now. */
    track() {
      emit?.({ t: now, face: null, hands: [] } as unknown as TrackedFrame, now);
    },
    /** Lets `ms` pass, then delivers a camera frame if the loop asked for one. */
    frame(ms: number) {
      now += ms;
      presented++;
      const callback = pending;
      pending = null;
      callback?.(now, {});
    },
    /** Like `frame`, with the video's count of presented frames: `skipped` were never called back. */
    presentedFrame(ms: number, skipped = 0) {
      now += ms;
      presented += 1 + skipped;
      const callback = pending;
      pending = null;
      callback?.(now, { presentedFrames: presented });
    },
    wait(ms: number) {
      now += ms;
    },
    hide(hidden: boolean) {
      page.hidden = hidden;
      for (const listener of visibility) listener();
    },
  };
}

describe('CameraFrameLoop', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.unstubAllGlobals());

  it('leaves the time spent paused out of the frames’ clock, which keeps increasing', () => {
    const { loop, offered, frame, wait } = setUp();
    loop.start(() => {});
    frame(40);
    frame(40);
    loop.stop();
    wait(12_000);
    loop.start(() => {});
    frame(40);
    expect(offered).toEqual([1040, 1080, 1120]);
  });

  it('goes on from the frame time of the loop it takes over from', () => {
    // The clock reads 1000 now; the loop before stopped at frame time 600.
    const { loop, offered, frame } = setUp(600);
    loop.start(() => {});
    frame(40);
    frame(40);
    expect(offered).toEqual([640, 680]);
    expect(loop.lastFrameT).toBe(680);
  });

  it('leaves out the time the page was hidden too', () => {
    const { loop, offered, frame, wait, hide } = setUp();
    loop.start(() => {});
    frame(40);
    hide(true);
    wait(5000);
    frame(40);
    hide(false);
    frame(40);
    expect(offered).toEqual([1040, 1080]);
  });

  it('lowers the tracking quality while frames are tracked far slower than the camera sends them', () => {
    const { loop, qualities, frame, track } = setUp();
    loop.start(() => {});
    // 30 camera frames a second, one in five tracked: 6 a second.
    for (let i = 0; i < 30 * 6; i++) {
      frame(33);
      if (i % 5 === 0) track();
    }
    expect(loop.quality.levelIndex).toBeGreaterThan(0);
    expect(qualities.at(-1)).toBe(QUALITY_LEVELS[loop.quality.levelIndex]);
    expect(loop.quality.rates?.tracked).toBeCloseTo(6, 0);
    expect(loop.quality.rates?.wanted).toBe(20);
  });

  it('keeps full quality while every camera frame is tracked', () => {
    const { loop, qualities, frame, track } = setUp();
    loop.start(() => {});
    for (let i = 0; i < 30 * 10; i++) {
      frame(33);
      track();
    }
    expect(loop.quality.levelIndex).toBe(0);
    expect(qualities).toEqual([]);
  });

  it('counts the camera frames a busy page was not called back for', () => {
    const { loop, qualities, presentedFrame, track, hide } = setUp();
    loop.start(() => {});
    // Called back every 100 ms for one frame in three of a 30 fps camera, and each one tracked.
    for (let i = 0; i < 80; i++) {
      presentedFrame(100, 2);
      track();
    }
    expect(loop.quality.rates?.wanted).toBe(20);
    expect(loop.quality.rates?.tracked).toBeCloseTo(10, 0);
    expect(loop.quality.levelIndex).toBeGreaterThan(0);
    const levels = qualities.length;
    // Frames presented while the page was hidden are not frames missed.
    hide(true);
    presentedFrame(10_000, 300);
    hide(false);
    for (let i = 0; i < 8; i++) {
      presentedFrame(100);
      track();
    }
    expect(loop.quality.rates?.wanted).toBeLessThan(20);
    expect(qualities).toHaveLength(levels);
  });

  it('does not count the models’ first, slow run as a slow device', () => {
    const { loop, qualities, frame, track } = setUp();
    loop.start(() => {});
    // Three seconds of camera frames before the first one is tracked, then every one.
    for (let i = 0; i < 90; i++) frame(33);
    for (let i = 0; i < 150; i++) {
      frame(33);
      track();
    }
    expect(qualities).toEqual([]);
    expect(loop.quality.rates?.tracked).toBeCloseTo(30, 0);
  });
});
