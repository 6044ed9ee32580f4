// The plan of a clip: everything needed to rebuild it, and the ground truth for its strokes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plansDir } from './sources.ts';

/** No hand in view at the start and the end: model loading, and the fake camera's loop. */
export const LEAD_MS = 2500;
/** Hand timing around each stroke (see make-clips.ts for how they are drawn). */
export const TOUCH_MS = 250;
export const LIFT_MS = 200;
export const ENTER_MS = 700;

export type Side = 'left' | 'right' | 'center';
export type Direction = 'correct' | 'reversed';
export type HandKind = 'open' | 'fist' | 'pinch';
export type Motion = 'glide' | 'walk' | 'flick' | 'circle' | 'pinch-walk';

export interface PlannedStroke {
  side: Side;
  direction: Direction;
  /** Skin contact (the judged stroke), in ms from the clip's first frame. */
  startMs: number;
  endMs: number;
  effector: 'fingertips' | 'index' | 'knuckles' | 'thumb' | 'pinch';
  hand: HandKind;
  /** Which of the person's hands does it (for centre strokes, the hand that is used). */
  handSide: 'left' | 'right';
  motion: Motion;
  /** Strokes with the same contact number follow each other without lifting (circles). */
  contact: number;
  /** Press held still at the stroke's end, inside [startMs, endMs]. */
  holdMs?: number;
  /** Walks: number of small hops. */
  hops?: number;
}

export interface HeadMotion {
  rotateDeg: number;
  scale: number;
  shiftPx: number;
  periodMs: number;
}

export interface ClipPlan {
  name: string;
  note: string;
  routine: string;
  step: string;
  /** Deep link that opens the app at this step. */
  link: string;
  face: 'bg-face' | 'business' | 'gesture-face';
  fps: number;
  durationMs: number;
  expect: Direction;
  headMotion: HeadMotion | null;
  /** How far the fingers lean from upright toward the midline (degrees); else 26, or 14 on the midline. */
  fingerTiltDeg?: number;
  /**
   * Made after the engine's rules, to measure them on clips they were not tuned on: no rule may be
   * changed to suit one of these, and they are not recorded into the corpus.
   */
  heldOut?: boolean;
  strokes: PlannedStroke[];
}

export function readPlans(): ClipPlan[] {
  return readdirSync(plansDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(plansDir, f), 'utf8')) as ClipPlan);
}

/** Clips small enough for a quick live run (npm run eval:live -- --short, and the browser test). */
export const SHORT_SET = [
  'smile-lines-correct-open-both',
  'jawline-glide-correct-fist-both-head',
  'jawline-glide-reversed-open-head',
];
