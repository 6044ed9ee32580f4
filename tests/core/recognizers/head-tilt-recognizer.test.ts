import { describe, expect, it } from 'vitest';
import type { TrackedFrame } from '../../../src/core/frame';
import { HeadTiltRecognizer } from '../../../src/core/recognizers/head-tilt-recognizer';
import { recognize } from '../../support/recognize';
import { type MotionSegment, StrokeSynth } from '../../support/stroke-synth';

const synth = new StrokeSynth();

/** The head held at a pitch (degrees, chin up positive) or moving between two, jaw forward as given. */
function head(durationMs: number, from: number, to = from, jawForward = 0.3): MotionSegment {
  return {
    durationMs,
    at: () => null,
    pose: (k) => ({ angle: 0, scale: 1, dx: 0, dy: 0, pitchDeg: from + (to - from) * k }),
    blendshapes: () => ({ jawForward }),
  };
}

/** One rep: rise from rest to `peak` in `riseMs`, hold, come back down, rest. */
function rep(peak: number, riseMs = 2000, jawForward = 0.3, rest = 0): MotionSegment[] {
  return [
    head(riseMs, rest, rest + peak, jawForward),
    head(400, rest + peak, rest + peak, jawForward),
    head(1200, rest + peak, rest, jawForward),
    head(600, rest),
  ];
}

// The head moves slowly: 15 frames a second is plenty, and keeps the test quick.
const judge = (segments: MotionSegment[], flush = true) =>
  recognize(new HeadTiltRecognizer(synth.size), synth.size, synth.render(segments, { fps: 15 }), {
    flush,
  });

describe('HeadTiltRecognizer (platysma stretch)', () => {
  it('counts a slow chin raise with the jaw pushed forward', () => {
    expect(judge([head(600, 0), ...rep(25), ...rep(22)])).toEqual(['center:good', 'center:good']);
  });

  it('calls a raise with the jaw relaxed jaw-relaxed', () => {
    expect(judge([head(600, 0), ...rep(25, 2000, 0.02)])).toEqual(['center:jaw-relaxed']);
  });

  it('calls a quick jerk of the head too fast', () => {
    expect(judge([head(600, 0), ...rep(25, 500)])).toEqual(['center:too-fast']);
  });

  it('calls a raise that stops well short of the ceiling too short, and ignores a small nod', () => {
    expect(judge([head(600, 0), ...rep(14)])).toEqual(['center:too-short']);
    expect(judge([head(600, 0), ...rep(10)])).toEqual([]);
  });

  it('judges a rep still under way when the step ends', () => {
    const rising = [head(600, 0), head(2000, 0, 25), head(400, 25)];
    expect(judge(rising, false)).toEqual([]);
    expect(judge(rising)).toEqual(['center:good']);
    expect(judge([head(600, 0)])).toEqual([]);
  });

  it('takes a lower resting pitch as the new rest, so the next raise is measured from there', () => {
    // The person starts with the chin a little up and then settles lower before the first rep.
    expect(judge([head(400, 10), head(400, 10, 0), head(600, 0), ...rep(20)])).toEqual([
      'center:good',
    ]);
  });

  it('measures raises from the pitch the head rests at when the step starts', () => {
    // Resting with the chin 14 degrees up from the start: no rep, and a raise of 20 from there is
    // one, not one begun before the step.
    expect(judge([head(1500, 14)])).toEqual([]);
    expect(judge([head(600, 14), ...rep(20, 2000, 0.3, 14)])).toEqual(['center:good']);
  });

  it('follows a slow drift of the resting head instead of taking it for a rep', () => {
    // 15 degrees up over 30 s, as people settle: no rep, and the next raises count from there.
    const drift = [head(30_000, 0, 15), head(600, 15)];
    expect(judge(drift)).toEqual([]);
    expect(judge([...drift, ...rep(20, 2000, 0.3, 15), ...rep(20, 2000, 0.3, 15)])).toEqual([
      'center:good',
      'center:good',
    ]);
  });

  it('is on target while the face is seen, and needs no hands', () => {
    const recognizer = new HeadTiltRecognizer(synth.size);
    expect(recognizer.needsHands).toBe(false);
    const frames = synth.render([head(200, 0)]);
    const lost: TrackedFrame = { t: 1000, face: null, hands: [] };
    const onTarget: boolean[] = [];
    recognize(recognizer, synth.size, [...frames, lost], {
      onFrame: () => onTarget.push(recognizer.onTarget),
    });
    expect(onTarget).toEqual([...frames.map(() => true), false]);
  });
});
