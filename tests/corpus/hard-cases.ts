import type { RegionId, Side } from '../../src/core/regions';
import type { Effector, Routine, RoutineStep } from '../../src/core/routine-schema';
import { findRoutine } from '../../src/core/routines';
import {
  away,
  type HeadPose,
  liftedReturn,
  type MotionSegment,
  StrokeSynth,
  type SynthOptions,
  stroke,
} from '../support/stroke-synth';
import type { Scenario } from './scenarios';

/**
 * The ways real tracking and real people break stroke recognition, as a person doing it right
 * would notice: walking pinches, a short press, strong head motion, bursts of dropouts, brisk
 * flicks with a sideways return, handedness labels that flip, a fist whose fingers seem to
 * stretch for a frame. Built on a face and hands the generated corpus does not use together.
 */
interface HardCast {
  readonly label: string;
  readonly synth: StrokeSynth;
  readonly fps: number;
  /** The part of the hand that strokes: a fist works with its knuckles. */
  readonly effector: Effector;
}

const CASTS: readonly HardCast[] = [
  {
    label: 'face D, open hand',
    synth: new StrokeSynth('gesture_video_t2.6s', 'business_person'),
    fps: 24,
    effector: 'fingertips',
  },
  {
    label: 'face E, fist',
    synth: new StrokeSynth('business_person', 'gesture_video_t1.6s'),
    fps: 15,
    effector: 'knuckles',
  },
];

function routineStep(routineId: string, stepId: string): { routine: Routine; step: RoutineStep } {
  const routine = findRoutine(routineId);
  const step = routine?.steps.find((s) => s.id === stepId);
  if (!routine || !step) throw new Error(`unknown step ${routineId}/${stepId}`);
  return { routine, step };
}

/** Strong head motion: ±20° turn, ±12° roll, ±10% scale and some shift, all at once. */
const headMotion = (k: number): HeadPose => ({
  yawDeg: 20 * Math.sin(k * 2 * Math.PI),
  angle: ((12 * Math.PI) / 180) * Math.sin(k * 3 * Math.PI + 1),
  scale: 1 + 0.1 * Math.sin(k * 4 * Math.PI),
  dx: 0.03 * Math.sin(k * 5),
  dy: 0.02 * Math.cos(k * 4),
});

/** Bursts of dropouts: every 11 frames, the hand is lost for 4 in a row. */
const bursts = (frame: number) => frame % 11 >= 7;

function sides(step: RoutineStep): Side[] {
  if (step.sides === 'none') return Array.from({ length: step.reps }, () => 'center' as Side);
  return Array.from({ length: step.reps * 2 }, (_, i) => (i % 2 === 0 ? 'right' : 'left'));
}

/** A glide with a lifted return to the start. */
function glideAndReturn(
  step: RoutineStep,
  side: Side,
  reverse: boolean,
  effector: Effector,
  ms = 1000,
): MotionSegment[] {
  const region = step.region as RegionId;
  const [from, to] = reverse ? [0.97, 0.03] : [0.03, 0.97];
  return [
    stroke(region, side, from, to, ms, { effector }),
    liftedReturn(region, side, to, from, 500, 1.35, { effector }),
    away(250),
  ];
}

/**
 * Walking pinches along the brow: pinch and lift a little, let go (the fingers open and the
 * point between them slips back a bit), move on, pinch again, four times from inner to outer.
 */
function walkingPinches(side: Side, reverse: boolean): MotionSegment[] {
  const spots = [0.05, 0.33, 0.62, 0.92];
  const order = reverse ? [...spots].reverse() : spots;
  const dir = reverse ? -1 : 1;
  return order.flatMap((s, i) => {
    const at = (offset: number) => () => ({
      region: 'brow-outward' as RegionId,
      side,
      s: s + offset * dir,
    });
    const segments: MotionSegment[] = [
      { durationMs: 320, effector: 'pinch', at: at(0.03), pinch: () => true },
      { durationMs: 160, effector: 'pinch', at: at(-0.06) },
    ];
    const next = order[i + 1];
    if (next !== undefined)
      segments.push({
        durationMs: 220,
        effector: 'pinch',
        at: (k) => ({
          region: 'brow-outward',
          side,
          s: s - 0.06 * dir + (next - s + 0.06 * dir) * k,
        }),
      });
    return segments;
  });
}

/** A jaw-to-cheekbone stroke with a press of `holdMs` at the top, then a lifted return. */
function strokeAndPress(side: Side, holdMs: number, effector: Effector): MotionSegment[] {
  const region: RegionId = 'jaw-to-cheekbone';
  return [
    stroke(region, side, 0.03, 0.97, 900, { effector }),
    { durationMs: holdMs, effector, at: () => ({ region, side, s: 0.97 }) },
    liftedReturn(region, side, 0.97, 0.03, 500, 1.35, { effector }),
    away(300),
  ];
}

/**
 * Brisk chin flicks of a quarter second; between them the hand comes back down beside the chin
 * (off the path), not along it.
 */
function flicksWithSidewaysReturn(count: number): MotionSegment[] {
  const region: RegionId = 'chin-upward';
  return Array.from({ length: count }, () => [
    stroke(region, 'center', 0, 1, 250, { effector: 'fingertips' }),
    {
      durationMs: 450,
      effector: 'fingertips' as const,
      at: (k: number) => ({
        region,
        side: 'center' as Side,
        s: 1 - k,
        offset: { x: 0.28 * Math.sin(Math.PI * k), y: 0 },
      }),
    },
    {
      durationMs: 200,
      effector: 'fingertips' as const,
      at: () => ({ region, side: 'center' as Side, s: 0 }),
    },
  ]).flat();
}

function scenario(
  cast: HardCast,
  routineId: string,
  stepId: string,
  name: string,
  segments: MotionSegment[],
  expected: string[],
  complete: boolean,
  options: SynthOptions = {},
): Scenario[] {
  const { routine, step } = routineStep(routineId, stepId);
  if (!(step.effectors ?? ['fingertips']).includes(cast.effector) && step.kind !== 'pinch')
    return [];
  return [
    {
      name: `${routine.id}/${step.id}: ${name} (${cast.label})`,
      routine,
      step,
      size: cast.synth.size,
      frames: cast.synth.render([away(400), ...segments, away(700)], { fps: cast.fps, ...options }),
      expected,
      complete,
    },
  ];
}

function castCases(cast: HardCast): Scenario[] {
  const daily = 'facegym-daily';
  const jaw = routineStep(daily, 'jawline-glide').step;
  const jawSides = sides(jaw);
  const good = (list: Side[]) => list.map((s) => `${s}:good`);
  const pinchSides: Side[] = ['right', 'left', 'right', 'left', 'right', 'left', 'right', 'left'];
  const withHead = (segments: MotionSegment[]) =>
    segments.map((segment, i, all) => ({
      ...segment,
      // The head keeps moving across segments: progress through the whole list.
      pose: (k: number) => headMotion((i + k) / all.length),
    }));
  const smile = routineStep('anma', 'smile-lines').step;
  return [
    ...scenario(
      cast,
      daily,
      'brow-pinch',
      'walking pinches, inner to outer',
      pinchSides.flatMap((side) => [...walkingPinches(side, false), away(400)]),
      good(pinchSides),
      true,
      { jitterPx: 1 },
    ),
    ...scenario(
      cast,
      daily,
      'brow-pinch',
      'walking pinches, outer to inner',
      pinchSides.slice(0, 4).flatMap((side) => [...walkingPinches(side, true), away(400)]),
      pinchSides.slice(0, 4).map((s) => `${s}:wrong-direction`),
      false,
      { jitterPx: 1 },
    ),
    ...scenario(
      cast,
      'anma',
      'jaw-to-cheekbone',
      'a press for a moment (0.45 to 0.8 s) at the cheekbone',
      (['right', 'left', 'right', 'left', 'right', 'left', 'right', 'left'] as Side[]).flatMap(
        (side, i) => strokeAndPress(side, 450 + ((i * 50) % 350), cast.effector),
      ),
      good(['right', 'left', 'right', 'left', 'right', 'left', 'right', 'left']),
      true,
    ),
    ...scenario(
      cast,
      'anma',
      'jaw-to-cheekbone',
      'no press at the cheekbone',
      (['right', 'left'] as Side[]).flatMap((side) => strokeAndPress(side, 0, cast.effector)),
      ['right:no-hold', 'left:no-hold'],
      false,
    ),
    ...scenario(
      cast,
      'anma',
      'smile-lines',
      'reversed, with lifted returns',
      (['right', 'left', 'right', 'left'] as Side[]).flatMap((side) =>
        glideAndReturn(smile, side, true, cast.effector, 800),
      ),
      ['right', 'left', 'right', 'left'].map((s) => `${s}:wrong-direction`),
      false,
    ),
    ...scenario(
      cast,
      'anma',
      'smile-lines',
      'correct, with lifted returns',
      sides(smile).flatMap((side) => glideAndReturn(smile, side, false, cast.effector, 800)),
      good(sides(smile)),
      true,
    ),
    ...scenario(
      cast,
      daily,
      'jawline-glide',
      'strong head motion and bursts of dropouts',
      withHead(jawSides.flatMap((side) => glideAndReturn(jaw, side, false, cast.effector, 1200))),
      good(jawSides),
      true,
      { dropHands: bursts, seed: 3 },
    ),
    ...scenario(
      cast,
      daily,
      'jawline-glide',
      'reversed under strong head motion',
      withHead(
        (['right', 'left', 'right'] as Side[]).flatMap((side) =>
          glideAndReturn(jaw, side, true, cast.effector, 1200),
        ),
      ),
      ['right', 'left', 'right'].map((s) => `${s}:wrong-direction`),
      false,
      { dropHands: bursts, seed: 4 },
    ),
    ...scenario(
      cast,
      daily,
      'chin-flicks',
      'strong head motion and bursts of dropouts',
      withHead(flicksWithSidewaysReturn(10)),
      good(Array<Side>(10).fill('center')),
      true,
      { dropHands: (f) => f % 9 >= 7, seed: 5 },
    ),
    ...scenario(
      cast,
      daily,
      'chin-flicks',
      'brisk flicks with the hand coming back beside the chin',
      flicksWithSidewaysReturn(10),
      good(Array<Side>(10).fill('center')),
      true,
      { jitterPx: 1 },
    ),
    ...scenario(
      cast,
      daily,
      'jawline-glide',
      'handedness label flipping and fingers flickering straight',
      jawSides.flatMap((side) => glideAndReturn(jaw, side, false, cast.effector, 1100)),
      good(jawSides),
      true,
      { flipLabel: (f) => f % 3 === 0, stretchFingers: (f) => f % 4 === 1, jitterPx: 1 },
    ),
  ];
}

/** The hard cases, on two casts. */
export function hardCases(): Scenario[] {
  return CASTS.flatMap(castCases);
}
