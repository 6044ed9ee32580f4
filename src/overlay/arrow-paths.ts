import { REGIONS, type Side } from '../core/regions';
import type { RoutineStep } from '../core/routine-schema';
import { STEP_KIND_SPECS } from '../core/step-kinds';

/** A guide the overlay draws: landmark indices in drawing order (tail to head). */
export interface ArrowPath {
  readonly side: Side;
  readonly landmarks: readonly number[];
  /** The arrow closes on itself (a circular arrow). */
  readonly closed: boolean;
}

/** Landmarks of the chin-up arrow shown for the head-tilt exercise (chin up to the lower lip). */
const CHIN_LIFT = [152, 199, 200, 18];
/** Landmarks of the upward arrow shown for the forehead lift (between the brows up to the hairline). */
const FOREHEAD_LIFT = [9, 151, 10];

/**
 * The arrows for a step, in the direction of a correct stroke.
 *
 * Rings in regions.ts are listed going down on the side nearer the nose; circles in the
 * "up-near-nose" sense are drawn the other way round.
 */
export function arrowPaths(step: RoutineStep): ArrowPath[] {
  const arrow = STEP_KIND_SPECS[step.kind].arrow;
  if (arrow === 'chin-lift') return [{ side: 'center', landmarks: CHIN_LIFT, closed: false }];
  if (arrow === 'forehead-lift')
    return [{ side: 'center', landmarks: FOREHEAD_LIFT, closed: false }];
  if (arrow === 'none' || !step.region) return [];
  const region = REGIONS[step.region];
  return region.paths.map((path) => {
    if (region.shape !== 'ring')
      return { side: path.side, landmarks: path.landmarks, closed: false };
    const landmarks =
      step.circleSense === 'down-near-nose' ? path.landmarks : [...path.landmarks].reverse();
    return { side: path.side, landmarks, closed: true };
  });
}
