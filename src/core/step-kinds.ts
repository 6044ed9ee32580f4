import type { StepKind } from './routine-schema';

/** What the app needs to know of each kind of step, beyond its data. */
export interface StepKindSpec {
  /** Hands tracked when the step does not say: face exercises and timed steps need none. */
  readonly hands: 1 | 2;
  /** About how long one rep takes (ms), for the session clock's estimate. */
  readonly repMs: number;
  /** What the overlay draws: the region's paths and rings, a fixed arrow, or nothing. */
  readonly arrow: 'region' | 'chin-lift' | 'forehead-lift' | 'none';
}

/**
 * One entry per kind of step (a `Record`, so the compiler asks for every field of a new kind).
 * The schema of each kind is in routine-schema.ts, its recogniser in recognizers/index.ts.
 */
export const STEP_KIND_SPECS: Readonly<Record<StepKind, StepKindSpec>> = {
  glide: { hands: 2, repMs: 2500, arrow: 'region' },
  walk: { hands: 2, repMs: 3500, arrow: 'region' },
  flick: { hands: 2, repMs: 900, arrow: 'region' },
  pinch: { hands: 2, repMs: 3500, arrow: 'region' },
  circle: { hands: 2, repMs: 1500, arrow: 'region' },
  pluck: { hands: 2, repMs: 700, arrow: 'region' },
  'head-tilt': { hands: 1, repMs: 6000, arrow: 'chin-lift' },
  'brow-raise': { hands: 2, repMs: 2500, arrow: 'forehead-lift' },
  timed: { hands: 1, repMs: 0, arrow: 'none' },
};
