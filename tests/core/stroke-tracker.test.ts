import { describe, expect, it } from 'vitest';
import { STROKE_TUNING, type StrokeAttempt, StrokeTracker } from '../../src/core/stroke-tracker';

/**
 * Feeds positions along the path at 40 ms per frame; "off" is the hand seen off the path (lifted
 * away), null a frame without the hand.
 */
function feed(
  tracker: StrokeTracker,
  positions: (number | 'off' | null)[],
  startT = 0,
  pinch = false,
  palm = 1,
): StrokeAttempt[] {
  const attempts: StrokeAttempt[] = [];
  positions.forEach((s, i) => {
    const sample = s === null || s === 'off' ? s : { s, pinch, distance: 0, palm };
    const attempt = tracker.update(startT + i * 40, sample);
    if (attempt) attempts.push(attempt);
  });
  return attempts;
}

const ramp = (from: number, to: number, frames: number) =>
  Array.from({ length: frames }, (_, i) => from + ((to - from) * i) / (frames - 1));
const away = (frames: number) => Array<'off'>(frames).fill('off');

describe('StrokeTracker', () => {
  it('judges a full stroke in the path direction good, and the reverse wrong-direction', () => {
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...ramp(0, 1, 25), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['good']);
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...ramp(1, 0, 25), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['wrong-direction']);
  });

  it('ignores the return right after a stroke when the hand is off the skin, not when it is on it', () => {
    const lifted = new StrokeTracker(STROKE_TUNING.glide);
    const stroke = feed(lifted, [...ramp(0, 1, 25), 'off', 'off', 'off']);
    const back = feed(lifted, [...ramp(1, 0, 10), ...away(12)], 2000, false, 1.12);
    expect([...stroke, ...back].map((a) => a.verdict)).toEqual(['good']);
    const onSkin = feed(new StrokeTracker(STROKE_TUNING.glide), [
      ...ramp(0, 1, 25),
      ...ramp(1, 0, 10),
      ...away(12),
    ]);
    expect(onSkin.map((a) => a.verdict)).toEqual(['good', 'wrong-direction']);
  });

  it('calls a real but short try too short, and ignores a small slide', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    expect(feed(tracker, [...ramp(0, 0.35, 10), ...away(12)]).map((a) => a.verdict)).toEqual([
      'too-short',
    ]);
    expect(feed(tracker, [...ramp(0.5, 0.62, 10), ...away(12)], 5000)).toEqual([]);
  });

  it('bridges short hand dropouts inside one stroke', () => {
    const positions = ramp(0, 1, 25).map((s, i) => (i % 3 === 1 ? null : s));
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...positions, ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['good']);
  });

  it('needs the press held at the end when the step has a hold', () => {
    const tuning = { ...STROKE_TUNING.glide, holdMs: 600 };
    const held = feed(new StrokeTracker(tuning), [
      ...ramp(0, 1, 20),
      ...Array(20).fill(1),
      ...away(12),
    ]);
    expect(held.map((a) => a.verdict)).toEqual(['good']);
    const lifted = feed(new StrokeTracker(tuning), [...ramp(0, 1, 20), ...away(12)]);
    expect(lifted.map((a) => a.verdict)).toEqual(['no-hold']);
  });

  it('reports how much of the hold is done', () => {
    const tracker = new StrokeTracker({ ...STROKE_TUNING.glide, holdMs: 800 });
    feed(tracker, [...ramp(0, 1, 20), ...Array(10).fill(1)]);
    // The hold counts from entering the last fifth of the path (frame 16 at 0.84) to frame 29.
    expect(tracker.holdProgress(29 * 40)).toBeCloseTo((13 * 40) / 800, 6);
  });

  it('times flicks and needs pinches for pinch strokes', () => {
    expect(
      feed(new StrokeTracker(STROKE_TUNING.flick), [...ramp(0, 1, 40), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['too-slow']);
    expect(
      feed(new StrokeTracker(STROKE_TUNING.pinch), [...ramp(0, 1, 30), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['no-pinch']);
  });

  it('puts a floor under the travel needed on a short path', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    tracker.setPathLength(0.15); // a tenth of a face width is two thirds of this path
    expect(feed(tracker, [...ramp(0, 0.55, 15), ...away(12)]).map((a) => a.verdict)).toEqual([
      'too-short',
    ]);
  });
});
