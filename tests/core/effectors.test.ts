import { describe, expect, it } from 'vitest';
import { effectorPoint } from '../../src/core/effectors';
import type { Point3 } from '../../src/core/frame';
import type { EFFECTORS } from '../../src/core/routine-schema';
import { realHand } from '../support/traces';

const { hand } = realHand('business_person');
const at = (i: number) => hand.landmarks[i] as Point3;
const point = (effector: (typeof EFFECTORS)[number], landmarks = hand.landmarks) => {
  const out = { x: Number.NaN, y: Number.NaN };
  return effectorPoint(landmarks, effector, out) ? out : null;
};
const distance = (a: { x: number; y: number }, b: Point3) => Math.hypot(a.x - b[0], a.y - b[1]);

describe('effector points on a real hand', () => {
  it('puts the index and thumb points on their fingertips', () => {
    expect(point('index')).toEqual({ x: at(8)[0], y: at(8)[1] });
    expect(point('thumb')).toEqual({ x: at(4)[0], y: at(4)[1] });
  });

  it('puts the two-finger points midway between the fingers that do the work', () => {
    const fingertips = point('fingertips');
    const pinch = point('pinch');
    const knuckles = point('knuckles');
    if (!fingertips || !pinch || !knuckles) throw new Error('missing point');
    expect(distance(fingertips, at(8))).toBeCloseTo(distance(fingertips, at(12)), 9);
    expect(distance(fingertips, at(8)) * 2).toBeCloseTo(
      Math.hypot(at(8)[0] - at(12)[0], at(8)[1] - at(12)[1]),
      9,
    );
    expect(distance(pinch, at(4)) * 2).toBeCloseTo(
      Math.hypot(at(4)[0] - at(8)[0], at(4)[1] - at(8)[1]),
      9,
    );
    expect(distance(knuckles, at(6))).toBeCloseTo(distance(knuckles, at(10)), 9);
    // On an open hand the knuckles lie nearer the wrist than the fingertips.
    expect(distance(knuckles, at(0))).toBeLessThan(distance(fingertips, at(0)));
  });

  it('has no point when a landmark it needs is missing', () => {
    const partial = hand.landmarks.slice(0, 9); // up to the index tip, no middle finger
    expect(point('index', partial)).not.toBeNull();
    expect(point('fingertips', partial)).toBeNull();
    expect(point('knuckles', partial)).toBeNull();
  });
});
