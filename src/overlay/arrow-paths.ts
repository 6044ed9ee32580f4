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

/** What the side choice needs of a step's tally: strokes judged per side. */
type SideTally = Readonly<Record<Side, { good: number; wrongDirection: number; other: number }>>;

/** The side order a one-side-at-a-time step suggests when nothing has been done yet. */
const FIRST_SIDES: readonly Side[] = ['right', 'left'];

/**
 * The sides whose arrows are shown, or null for all. A step done with one hand, a number of
 * strokes on each side, is worked one side at a time: only that side's arrow shows, the side the
 * person has begun (any stroke judged there) until it is done, else the first side not done.
 */
export function sidesShown(step: RoutineStep, counts: SideTally): readonly Side[] | null {
  if (step.sides !== 'each' || (step.hands ?? 2) !== 1) return null;
  const done = (side: Side) => counts[side].good >= step.reps;
  const begun = (side: Side) =>
    counts[side].good + counts[side].wrongDirection + counts[side].other > 0;
  const current =
    FIRST_SIDES.find((side) => begun(side) && !done(side)) ??
    FIRST_SIDES.find((side) => !done(side));
  return current ? [current] : null;
}
