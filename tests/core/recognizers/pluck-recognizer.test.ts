import { describe, expect, it } from 'vitest';
import { FaceSpace } from '../../../src/core/face-space';
import type { Point3 } from '../../../src/core/frame';
import { PluckRecognizer } from '../../../src/core/recognizers/pluck-recognizer';
import { findRoutine } from '../../../src/core/routines';
import type { Vec2 } from '../../../src/core/vec2';
import { recognize } from '../../support/recognize';
import { away, type MotionSegment, StrokeSynth } from '../../support/stroke-synth';
import { realFace } from '../../support/traces';

const synth = new StrokeSynth();
const found = findRoutine('anma')?.steps.find((s) => s.id === 'lip-pluck');
if (found?.kind !== 'pluck') throw new Error('lip-pluck missing');
const step = found;

/** Face coordinates of a landmark of the synth's (real) face. */
function landmark(index: number): Vec2 {
  const { size, landmarks } = realFace();
  const space = new FaceSpace();
  space.fit(landmarks, size);
  const p = landmarks[index] as Point3;
  return space.toFace(p[0], p[1], { x: 0, y: 0 });
}
const upperLip = () => ({ region: 'lips' as const, side: 'center' as const, s: 0.5 });
const lowerLip = landmark(17);
const cheek = { x: -0.3, y: 0.1 };
const offFace = { x: -1.2, y: 0.2 };

/** The pinch point held at a place, closed for `closedMs` in the middle of 1.2 s plus that. */
function pluck(closedMs: number, at: MotionSegment['at'] = upperLip): MotionSegment[] {
  return [
    { durationMs: 400, effector: 'pinch', at },
    { durationMs: closedMs, effector: 'pinch', at, pinch: () => true },
    { durationMs: 400, effector: 'pinch', at },
  ];
}
const face = (p: Vec2) => () => ({ face: p });

const judge = (segments: MotionSegment[]) =>
  recognize(new PluckRecognizer(step), synth.size, synth.render(segments));

describe('PluckRecognizer (lip plucks)', () => {
  it('counts a quick pinch on either lip', () => {
    expect(judge([away(200), ...pluck(280), ...pluck(280, face(lowerLip))])).toEqual([
      'center:good',
      'center:good',
    ]);
  });

  it('calls a pinch held on the lip for long a squeeze, too slow', () => {
    expect(judge([away(200), ...pluck(1200)])).toEqual(['center:too-slow']);
  });

  it('calls a quick pinch elsewhere on the face off target, and ignores pinches off the face', () => {
    expect(judge([away(200), ...pluck(280, face(cheek))])).toEqual(['center:off-target']);
    expect(judge([away(200), ...pluck(1200, face(cheek))])).toEqual([]);
    expect(judge([away(200), ...pluck(280, face(offFace))])).toEqual([]);
  });

  it('judges a pinch by where it closed, not where it opens', () => {
    const slide = (k: number) => {
      const lip = synth.pathPoint('lips', 'center', 0.5);
      return { face: { x: lip.x + (cheek.x - lip.x) * k, y: lip.y + (cheek.y - lip.y) * k } };
    };
    expect(
      judge([
        away(200),
        { durationMs: 200, effector: 'pinch', at: upperLip },
        { durationMs: 280, effector: 'pinch', at: slide, pinch: () => true },
        { durationMs: 400, effector: 'pinch', at: face(cheek) },
      ]),
    ).toEqual(['center:good']);
  });

  it('drops a pinch whose hand was lost before it opened', () => {
    const closedThenGone = [
      away(200),
      { durationMs: 400, effector: 'pinch' as const, at: upperLip },
      { durationMs: 200, effector: 'pinch' as const, at: upperLip, pinch: () => true },
      away(1000),
      { durationMs: 400, effector: 'pinch' as const, at: upperLip },
    ];
    expect(judge(closedThenGone)).toEqual([]);
  });

  it('drops a pinch whose hand was lost, even when that hand comes back to the same slot', () => {
    // The other hand rests on the cheek throughout, so the pinching hand, lost for a second,
    // comes back to its own slot.
    const segments: MotionSegment[] = [
      away(200),
      { durationMs: 400, effector: 'pinch', at: upperLip },
      { durationMs: 200, effector: 'pinch', at: upperLip, pinch: () => true },
      away(1000),
      { durationMs: 400, effector: 'pinch', at: upperLip },
    ];
    const pinching = synth.render(segments);
    const resting = synth.render([
      { durationMs: 2200, effector: 'pinch', hand: 'left', at: face({ x: 0.35, y: 0.1 }) },
    ]);
    const frames = pinching.map((frame, i) => ({
      ...frame,
      hands: [...frame.hands, ...(resting[i]?.hands ?? [])],
    }));
    expect(recognize(new PluckRecognizer(step), synth.size, frames)).toEqual([]);
  });

  it('keeps a pinch through a dropout of a frame or two', () => {
    const frames = synth.render([away(200), ...pluck(280)], {
      dropHands: (i) => i === 18 || i === 19,
    });
    expect(recognize(new PluckRecognizer(step), synth.size, frames)).toEqual(['center:good']);
  });

  it('forgets a closed pinch when the step ends', () => {
    const recognizer = new PluckRecognizer(step);
    const closing = synth.render([away(200), ...pluck(200).slice(0, 2)]);
    recognize(recognizer, synth.size, closing);
    const opening = synth.render([{ durationMs: 200, effector: 'pinch', at: upperLip }], {
      startT: 1000,
    });
    expect(recognize(recognizer, synth.size, opening)).toEqual([]);
  });

  it('is on target while the pinch point is at the lips', () => {
    const recognizer = new PluckRecognizer(step);
    expect(recognizer.needsHands).toBe(true);
    const seen: boolean[] = [];
    const frames = synth.render([
      { durationMs: 200, effector: 'pinch', at: face(cheek) },
      { durationMs: 200, effector: 'pinch', at: face(lowerLip) },
    ]);
    recognize(recognizer, synth.size, [...frames, { t: 9999, face: null, hands: [] }], {
      onFrame: () => seen.push(recognizer.onTarget),
    });
    expect(seen).toEqual([...Array(5).fill(false), ...Array(5).fill(true), false]);
  });
});
