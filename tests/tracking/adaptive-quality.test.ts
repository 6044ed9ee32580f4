import { describe, expect, it } from 'vitest';
import {
  AdaptiveQuality,
  ENOUGH_FPS,
  FAILED_RAISE_MS,
  MAX_RAISE_AFTER_MS,
  QUALITY_LEVELS,
  RAISE_AFTER_MS,
  SETTLE_MS,
  SUSTAIN_MS,
} from '../../src/tracking/adaptive-quality';

/** Feeds the same rates every 500 ms from `from` to `to` (ms); returns the times the level changed. */
const run = (
  quality: AdaptiveQuality,
  from: number,
  to: number,
  trackedFps: number,
  cameraFps = 30,
): number[] => {
  const changes: number[] = [];
  for (let t = from; t <= to; t += 500) {
    if (quality.update(t, trackedFps, cameraFps)) changes.push(t);
  }
  return changes;
};

/** Rates judged every 500 ms with no gap: `for(ms, fps)` goes on from where the last one ended. */
class Feed {
  t = 0;
  constructor(readonly quality = new AdaptiveQuality()) {
    quality.update(0, 20, 30);
  }
  /** Returns the times the level changed. */
  for(ms: number, trackedFps: number): number[] {
    const changes = run(this.quality, this.t + 500, this.t + ms, trackedFps);
    this.t += ms;
    return changes;
  }
  /** Feeds `trackedFps` until the level changes (within `limitMs`); returns when it did. */
  untilChange(trackedFps: number, limitMs = 200_000): number | undefined {
    const end = this.t + limitMs;
    while (this.t < end) {
      this.t += 500;
      if (this.quality.update(this.t, trackedFps, 30)) return this.t;
    }
    return undefined;
  }
}

describe('AdaptiveQuality', () => {
  it('starts at full quality and stays there while tracking keeps up', () => {
    const quality = new AdaptiveQuality();
    expect(run(quality, 0, 60_000, 29)).toEqual([]);
    expect(quality.levelIndex).toBe(0);
    expect(quality.level).toBe(QUALITY_LEVELS[0]);
  });

  it('lowers one level once tracking has stayed behind for a while, not on a short dip', () => {
    const feed = new Feed();
    // Behind for less than the sustain time, then caught up again: nothing changes.
    expect(feed.for(SUSTAIN_MS - 500, 8)).toEqual([]);
    expect(feed.for(1000, 25)).toEqual([]);
    expect(feed.quality.levelIndex).toBe(0);
    // Behind for long enough: one level down, exactly when the sustain time is reached.
    const behindFrom = feed.t + 500;
    expect(feed.for(4000, 8)).toEqual([behindFrom + SUSTAIN_MS]);
    expect(feed.quality.levelIndex).toBe(1);
  });

  it('goes down step by step, letting each change settle, and never below the cheapest level', () => {
    const quality = new AdaptiveQuality();
    const changes = run(quality, 0, 60_000, 5);
    expect(quality.levelIndex).toBe(QUALITY_LEVELS.length - 1);
    expect(changes).toHaveLength(QUALITY_LEVELS.length - 1);
    for (let i = 1; i < changes.length; i++) {
      expect((changes[i] as number) - (changes[i - 1] as number)).toBeGreaterThanOrEqual(
        SETTLE_MS + SUSTAIN_MS,
      );
    }
  });

  it('each level spends less than the one before', () => {
    for (let i = 1; i < QUALITY_LEVELS.length; i++) {
      const richer = QUALITY_LEVELS[i - 1];
      const cheaper = QUALITY_LEVELS[i];
      expect(cheaper?.faceIntervalMs).toBeGreaterThan(richer?.faceIntervalMs ?? Infinity);
      expect(cheaper?.overlayFrameMs).toBeGreaterThan(richer?.overlayFrameMs ?? Infinity);
      expect(cheaper?.maxPixelRatio).toBeLessThan(richer?.maxPixelRatio ?? 0);
    }
  });

  it('judges a fast camera against the rate strokes need, not its own', () => {
    const quality = new AdaptiveQuality();
    expect(quality.rates).toBeNull();
    // 18 of a 60 fps camera's frames is plenty for a stroke.
    run(quality, 0, 30_000, 18, 60);
    expect(quality.levelIndex).toBe(0);
    expect(quality.rates).toEqual({ tracked: 18, camera: 60, wanted: ENOUGH_FPS });
    // A 10 fps camera tracked at 7 is behind it.
    run(quality, 30_000, 40_000, 7, 10);
    expect(quality.levelIndex).toBeGreaterThan(0);
  });

  it('judges nothing while the camera sends no frames', () => {
    const quality = new AdaptiveQuality();
    expect(run(quality, 0, 30_000, 0, 0)).toEqual([]);
    expect(quality.levelIndex).toBe(0);
  });

  it('raises a level after tracking has kept up for a while, and not in between the thresholds', () => {
    const feed = new Feed();
    feed.for(20_000, 5);
    const lowest = feed.quality.levelIndex;
    expect(lowest).toBeGreaterThan(0);
    // 16 of 20 wanted is neither behind nor comfortably keeping up.
    expect(feed.for(40_000, 16)).toEqual([]);
    const keptUpFrom = feed.t + 500;
    expect(feed.for(RAISE_AFTER_MS + 500, 20)).toEqual([keptUpFrom + RAISE_AFTER_MS]);
    expect(feed.quality.levelIndex).toBe(lowest - 1);
  });

  it('waits twice as long before the next try after a raise that did not hold, up to a cap', () => {
    const feed = new Feed();
    feed.untilChange(5);
    expect(feed.quality.levelIndex).toBe(1);
    let wait = RAISE_AFTER_MS;
    for (let i = 0; i < 7; i++) {
      // Keeps up: raised once the wait is over (judging starts once the last change settled).
      const settledAt = feed.t + SETTLE_MS;
      const raisedAt = feed.untilChange(25) as number;
      expect(raisedAt - settledAt).toBe(wait);
      expect(feed.quality.levelIndex).toBe(0);
      // Behind at once at full quality: lowered again soon after the raise.
      const loweredAt = feed.untilChange(5) as number;
      expect(loweredAt - raisedAt).toBeLessThan(FAILED_RAISE_MS);
      wait = Math.min(2 * wait, MAX_RAISE_AFTER_MS);
    }
    expect(wait).toBe(MAX_RAISE_AFTER_MS);
  });

  it('halves the wait again after a raise that held', () => {
    const feed = new Feed();
    feed.untilChange(5);
    // Three raises that did not hold: the wait is eight times the first.
    for (let i = 0; i < 3; i++) {
      feed.untilChange(25);
      feed.untilChange(5);
    }
    let settledAt = feed.t + SETTLE_MS;
    expect((feed.untilChange(25) as number) - settledAt).toBe(8 * RAISE_AFTER_MS);
    // This one holds; behind again much later, the next wait is half as long.
    feed.for(FAILED_RAISE_MS, 25);
    feed.untilChange(5);
    settledAt = feed.t + SETTLE_MS;
    expect((feed.untilChange(25) as number) - settledAt).toBe(4 * RAISE_AFTER_MS);
  });

  it('does not lower the level for rates that dip below the line now and then', () => {
    const feed = new Feed();
    // 8 and 16 of 20 wanted in turn, each for a second: never behind for 2 s on end.
    for (let i = 0; i < 20; i++) {
      expect(feed.for(1000, i % 2 ? 16 : 8)).toEqual([]);
    }
    expect(feed.quality.levelIndex).toBe(0);
  });

  it('keeps the first wait after a raise that held', () => {
    const feed = new Feed();
    feed.untilChange(5);
    feed.untilChange(25);
    expect(feed.quality.levelIndex).toBe(0);
    // Behind again only long after the raise: that raise held.
    feed.for(FAILED_RAISE_MS, 25);
    feed.untilChange(5);
    expect(feed.quality.levelIndex).toBe(1);
    const settledAt = feed.t + SETTLE_MS;
    expect((feed.untilChange(25) as number) - settledAt).toBe(RAISE_AFTER_MS);
  });

  it('starts afresh after a gap in the measurements, as after a pause', () => {
    const quality = new AdaptiveQuality();
    run(quality, 0, SUSTAIN_MS - 500, 5);
    // Paused for ten seconds; behind again, for less than the sustain time, after it.
    expect(run(quality, 11_500, 11_500 + SUSTAIN_MS, 5)).toEqual([]);
    expect(quality.levelIndex).toBe(0);
    expect(run(quality, 12_000 + SUSTAIN_MS, 12_000 + SUSTAIN_MS, 5)).toEqual([
      12_000 + SUSTAIN_MS,
    ]);
  });
});
