import type { Point3 } from './frame';
import type { Effector } from './routine-schema';

/** Hand landmark indices averaged into each effector point. */
export const EFFECTOR_LANDMARKS: Readonly<Record<Effector, readonly number[]>> = {
  // Index and middle fingertips: what touches the skin in flicks, walks and glides.
  fingertips: [8, 12],
  index: [8],
  thumb: [4],
  // Middle joints of index and middle finger: the knuckles of a loosely bent hand.
  knuckles: [6, 10],
  // Between thumb tip and index tip: where a pinch grips.
  pinch: [4, 8],
};

/** Normalised image position of an effector (x, y) written into `out`; false if landmarks are missing. */
export function effectorPoint(
  hand: readonly Point3[],
  effector: Effector,
  out: { x: number; y: number },
): boolean {
  const indices = EFFECTOR_LANDMARKS[effector];
  let x = 0;
  let y = 0;
  for (const i of indices) {
    const p = hand[i];
    if (!p) return false;
    x += p[0];
    y += p[1];
  }
  out.x = x / indices.length;
  out.y = y / indices.length;
  return true;
}
