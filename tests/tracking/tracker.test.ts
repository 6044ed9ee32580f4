import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectionResult } from '../../src/tracking/landmark-worker-client';
import { type LandmarkDetector, Tracker } from '../../src/tracking/tracker';

/** A landmark worker stand-in: one request at a time, as the real one; results resolved by hand. */
class FakeDetector implements LandmarkDetector {
  readonly delegate = 'CPU';
  readonly timestamps: number[] = [];
  /** The number of hands asked for, at each change. */
  readonly configured: number[] = [];
  private pending: ((result: DetectionResult) => void) | null = null;

  constructor(private readonly result: Partial<DetectionResult> = {}) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  detect(_bitmap: ImageBitmap, timestamp: number): Promise<DetectionResult> {
    if (this.pending) return Promise.reject(new Error('A detection is already running.'));
    this.timestamps.push(timestamp);
    return new Promise((resolve) => {
      this.pending = resolve;
    });
  }

  async configure(numHands: number): Promise<void> {
    this.configured.push(numHands);
  }

  dispose(): void {}

  finish(): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.({ inferenceMs: 5, faces: [], hands: [], ...this.result });
  }
}

/** createImageBitmap that resolves only when told to, like a copy that takes a while. */
const copies: (() => void)[] = [];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Offers frames at times `ts` at once, lets their images be copied, then has every worker finish
 * what it took.
 */
async function offerAndFinish(
  tracker: Tracker,
  face: FakeDetector,
  hands: FakeDetector[],
  ...ts: number[]
): Promise<void> {
  for (const t of ts) tracker.offer({} as ImageBitmapSource, t, t);
  for (const copy of copies.splice(0)) copy();
  await flush();
  for (const hand of hands) hand.finish();
  face.finish();
  await flush();
}

describe('Tracker', () => {
  beforeEach(() => {
    copies.length = 0;
    vi.stubGlobal(
      'createImageBitmap',
      () =>
        new Promise((resolve) => {
          copies.push(() => resolve({ close() {} }));
        }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('never gives a second frame to a worker still copying the first one', async () => {
    const face = new FakeDetector();
    const hands = [new FakeDetector(), new FakeDetector()];
    const tracker = Tracker.fromDetectors(face, hands, 1);
    const errors: Error[] = [];
    tracker.listen(
      () => {},
      (error) => errors.push(error),
    );
    const source = {} as ImageBitmapSource;
    tracker.offer(source, 1, 1);
    // The first frame's image is still being copied: the second goes to the other hand worker.
    tracker.offer(source, 2, 2);
    expect(tracker.saturatedAt(3)).toBe(true);
    tracker.offer(source, 3, 3);
    for (const copy of copies) copy();
    await flush();
    expect(errors).toEqual([]);
    expect(hands.map((h) => h.timestamps)).toEqual([[1], [2]]);
    expect(face.timestamps).toEqual([1]);
  });

  it('calls a frame unused by the frame clock: hands busy, the face not due until its interval', async () => {
    const face = new FakeDetector();
    const hands = [new FakeDetector(), new FakeDetector()];
    const tracker = Tracker.fromDetectors(face, hands, 1);
    tracker.listen(
      () => {},
      () => {},
    );
    tracker.setQuality({ faceIntervalMs: 200, overlayFrameMs: 0, maxPixelRatio: 2 });
    // Far from performance.now(), as after a long pause (the frame clock leaves paused time out).
    const start = 1_000_000;
    tracker.offer({} as ImageBitmapSource, start, start);
    for (const copy of copies.splice(0)) copy();
    await flush();
    face.finish();
    await flush();
    tracker.offer({} as ImageBitmapSource, start + 50, start + 50);
    for (const copy of copies.splice(0)) copy();
    await flush();
    expect(face.timestamps).toEqual([start]);
    expect(hands.map((h) => h.timestamps)).toEqual([[start], [start + 50]]);
    expect(tracker.saturatedAt(start + 100)).toBe(true);
    expect(tracker.saturatedAt(start + 200)).toBe(false);
  });

  it('emits a frame per hand result in time order, with the latest face carried forward', async () => {
    const faceLandmarks = [[0.5, 0.5, 0]] as [number, number, number][];
    const face = new FakeDetector({ faces: [{ landmarks: faceLandmarks, blendshapes: {} }] });
    const hand = new FakeDetector();
    const tracker = Tracker.fromDetectors(face, [hand], 1);
    const frames: { t: number; face: unknown }[] = [];
    tracker.listen(
      (frame) => frames.push({ t: frame.t, face: frame.face }),
      () => {},
    );
    tracker.offer({} as ImageBitmapSource, 10, 10);
    for (const copy of copies.splice(0)) copy();
    await flush();
    face.finish();
    await flush();
    hand.finish();
    await flush();
    // The hand worker is free again and takes the newest frame.
    tracker.offer({} as ImageBitmapSource, 20, 20);
    for (const copy of copies.splice(0)) copy();
    await flush();
    hand.finish();
    await flush();
    expect(frames.map((f) => f.t)).toEqual([10, 20]);
    expect(frames.every((f) => f.face !== null)).toBe(true);
  });

  it('uses one hand worker on a machine too slow for two', async () => {
    const face = new FakeDetector();
    const hands = [new FakeDetector({ inferenceMs: 300 }), new FakeDetector({ inferenceMs: 300 })];
    const tracker = Tracker.fromDetectors(face, hands, 1);
    tracker.listen(
      () => {},
      () => {},
    );
    // Two frames while the first worker is busy: the second worker takes the second one if used.
    const run = (t: number) => offerAndFinish(tracker, face, hands, t, t + 1);
    await run(300);
    expect(hands.map((h) => h.timestamps.length)).toEqual([1, 1]);
    for (let t = 2; t <= 40; t++) await run(t * 300);
    const before = hands.map((h) => h.timestamps.length);
    for (let t = 41; t <= 60; t++) await run(t * 300);
    // Slow inference measured: from then on every frame goes to the first hand worker.
    expect(hands[1]?.timestamps.length).toBe(before[1]);
    expect(hands[0]?.timestamps.length).toBe((before[0] ?? 0) + 20);
  });

  it('on a two-hand step, lets the one hand worker of a slow machine take every frame', async () => {
    const face = new FakeDetector();
    const oneHand = {
      hands: [{ landmarks: [], worldLandmarks: [], handedness: 'Left', score: 1 }],
    };
    const slow = { inferenceMs: 300, ...oneHand } as Partial<DetectionResult>;
    const hands = [new FakeDetector(slow), new FakeDetector(slow)];
    const tracker = Tracker.fromDetectors(face, hands, 2);
    tracker.listen(
      () => {},
      () => {},
    );
    // Frames 100 ms apart, closer than the first worker's occasional look for a second hand.
    const run = (t: number) => offerAndFinish(tracker, face, hands, t);
    for (let t = 1; t <= 40; t++) await run(t * 100);
    const before = hands[0]?.timestamps.length ?? 0;
    for (let t = 41; t <= 60; t++) await run(t * 100);
    expect(hands[0]?.timestamps.length).toBe(before + 20);
  });

  it('on a two-hand step with one hand in view, tracks it cheaply and looks for a second now and then', async () => {
    const face = new FakeDetector();
    const hand = { landmarks: [], worldLandmarks: [], handedness: 'Left', score: 1 };
    const result: { hands: unknown[] } = { hands: [hand] };
    const hands = [
      new FakeDetector(result as Partial<DetectionResult>),
      new FakeDetector(result as Partial<DetectionResult>),
    ];
    const tracker = Tracker.fromDetectors(face, hands, 2);
    tracker.listen(
      () => {},
      () => {},
    );
    // Two frames at once, every 40 ms.
    const run = (t: number) => offerAndFinish(tracker, face, hands, t, t + 1);
    for (let t = 40; t <= 1000; t += 40) await run(t);
    // The second worker tracks the one hand on every frame it can take; the first keeps looking
    // for two (palm detection), on the first frame offered 250 ms or more after its last look.
    expect(hands[1]?.configured).toEqual([1]);
    expect(hands[0]?.configured).toEqual([]);
    expect(hands[0]?.timestamps).toEqual([40, 320, 600, 880]);
    expect(hands[1]?.timestamps.length).toBeGreaterThanOrEqual(20);
    // A second hand comes into view: both look for two again.
    result.hands = [hand, { ...hand, handedness: 'Right' }];
    await run(1040);
    await run(1080);
    await run(1120);
    expect(hands[1]?.configured.at(-1)).toBe(2);
  });

  it('leaves out a frame where one hand worker misses a hand the other has just tracked', async () => {
    const face = new FakeDetector();
    const oneHand = {
      hands: [{ landmarks: [], worldLandmarks: [], handedness: 'Left', score: 1 }],
    };
    // The first worker (looking by palm detection) finds nothing; the second tracks a hand.
    const hands = [new FakeDetector(), new FakeDetector(oneHand as Partial<DetectionResult>)];
    const tracker = Tracker.fromDetectors(face, hands, 1);
    const emitted: { t: number; hands: number }[] = [];
    tracker.listen(
      (frame) => emitted.push({ t: frame.t, hands: frame.hands.length }),
      () => {},
    );
    // Two frames at once: the first worker takes one, the second the next.
    const run = (t: number) => offerAndFinish(tracker, face, hands, t, t + 1);
    await run(100);
    await run(200);
    // Long after the second worker last saw the hand, an empty frame is news again.
    await run(900);
    expect(emitted).toEqual([
      { t: 100, hands: 0 },
      { t: 101, hands: 1 },
      { t: 201, hands: 1 },
      { t: 900, hands: 0 },
      { t: 901, hands: 1 },
    ]);
  });

  it('reports a failing worker and emits nothing after dispose', async () => {
    const face = new FakeDetector();
    const hand = new FakeDetector();
    hand.detect = () => Promise.reject(new Error('wasm aborted'));
    const tracker = Tracker.fromDetectors(face, [hand], 1);
    const errors: string[] = [];
    const frames: number[] = [];
    tracker.listen(
      (frame) => frames.push(frame.t),
      (error) => errors.push(error.message),
    );
    tracker.offer({} as ImageBitmapSource, 1, 1);
    for (const copy of copies.splice(0)) copy();
    await flush();
    expect(errors).toEqual(['wasm aborted']);
    tracker.dispose();
    tracker.offer({} as ImageBitmapSource, 2, 2);
    expect(copies).toEqual([]);
    expect(frames).toEqual([]);
  });
});
