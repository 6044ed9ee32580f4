import type { FrameSize, TrackedFrame } from '../../src/core/frame';
import type { RegionId, Side } from '../../src/core/regions';
import type { Routine, RoutineStep } from '../../src/core/routine-schema';
import { ROUTINES, TOOL_STEPS } from '../../src/core/routines';
import {
  away,
  liftedReturn,
  type MotionSegment,
  StrokeSynth,
  stroke,
} from '../support/stroke-synth';

/** A stroke of a recorded clip, from the plan that made the clip. */
export interface PlannedStroke {
  readonly side: Side;
  readonly direction: 'correct' | 'reversed';
  readonly startMs: number;
  readonly endMs: number;
}

/** A labelled trace: what the engine should make of it. */
export interface Scenario {
  readonly name: string;
  readonly routine: Routine;
  readonly step: RoutineStep;
  readonly size: FrameSize;
  readonly frames: TrackedFrame[];
  /** Expected stroke verdicts in order, as "side:verdict". */
  readonly expected: readonly string[];
  /** Whether the step should be completed by the end of the trace. */
  readonly complete: boolean;
  /** Only off-target hints are expected, at least one (the hand works the wrong area). */
  readonly offTargetOnly?: boolean;
  /** No stroke at all is made: off-target hints may appear, nothing else. */
  readonly noStrokes?: boolean;
  /**
   * A recording of the real models on a clip where every stroke is made right ("correct") or the
   * wrong way ("reversed"), as `planned`. Correct: the step completes with at most one
   * non-good verdict per ten strokes. Reversed: no good verdict and no completion.
   */
  readonly recorded?: {
    readonly expect: 'correct' | 'reversed';
    /** The strokes as planned: how many, and which of them the hand model saw at all. */
    readonly planned: readonly PlannedStroke[];
    /** Share of the frames during the planned strokes in which the hand model found a hand. */
    readonly handsFound: number;
  };
}

/** A face and a hand the corpus is built from (real landmarks), and the camera rate they play at. */
interface Cast {
  readonly label: string;
  readonly synth: StrokeSynth;
  readonly fps: number;
}

const CASTS: readonly Cast[] = [
  { label: 'face A', synth: new StrokeSynth('bg_face_640x480', 'business_person'), fps: 25 },
  { label: 'face B', synth: new StrokeSynth('business_person', 'woman_sitting_street'), fps: 20 },
  { label: 'face C', synth: new StrokeSynth('gesture_video_t2.6s', 'two_children_faces'), fps: 15 },
];

/** The sides strokes alternate over, and how many good strokes finish the step. */
function plan(step: RoutineStep): Side[] {
  if (step.sides === 'none') return Array.from({ length: step.reps }, () => 'center' as Side);
  const perSide = step.sides === 'each' ? step.reps : Math.ceil(step.reps / 2);
  return Array.from({ length: perSide * 2 }, (_, i) => (i % 2 === 0 ? 'right' : 'left') as Side);
}

const wobble = (k: number) => ({
  angle: Math.sin(k * 9) * 0.22,
  scale: 1 + Math.sin(k * 5) * 0.18,
  dx: Math.sin(k * 7) * 0.08,
  dy: Math.cos(k * 6) * 0.05,
});

// ---- strokes along paths ---------------------------------------------------------------------

function pathStroke(
  step: RoutineStep,
  side: Side,
  reverse: boolean,
  variant: 'normal' | 'slow' | 'no-pinch' | 'no-hold' = 'normal',
): MotionSegment[] {
  const region = step.region as RegionId;
  const [from, to] = reverse ? [0.97, 0.03] : [0.03, 0.97];
  const effector = step.effectors?.[0] ?? 'fingertips';
  switch (step.kind) {
    case 'flick':
      return [stroke(region, side, from, to, variant === 'slow' ? 1600 : 300, { effector })];
    case 'walk':
      return [
        {
          durationMs: 2400,
          effector,
          at: (k) => ({ region, side, s: from + (to - from) * Math.min(1, Math.floor(k * 5) / 4) }),
        },
      ];
    case 'pinch':
      return [
        stroke(region, side, from, to, 2400, {
          effector,
          ...(variant === 'no-pinch' ? {} : { pinch: (k: number) => Math.floor(k * 8) % 2 === 0 }),
        }),
      ];
    default: {
      const glide = stroke(region, side, from, to, 1000, { effector });
      if (!step.holdMs || reverse || variant === 'no-hold') return [glide];
      return [
        glide,
        { durationMs: step.holdMs + 300, effector, at: () => ({ region, side, s: to }) },
      ];
    }
  }
}

function pathScenarios(cast: Cast, routine: Routine, step: RoutineStep): Scenario[] {
  const sides = plan(step);
  const good = (extra: Partial<MotionSegment> = {}) =>
    sides.flatMap((side) => [
      ...pathStroke(step, side, false).map((s) => ({ ...s, ...extra })),
      away(500),
    ]);
  const scenarios: Scenario[] = [];
  const add = (
    name: string,
    segments: MotionSegment[],
    expected: string[],
    complete: boolean,
    options = {},
  ) => scenarios.push(make(cast, routine, step, name, segments, expected, complete, options));
  const goods = sides.map((s) => `${s}:good`);
  add('all good', [away(300), ...good()], goods, true, { jitterPx: 1 });
  add('head moving throughout', [away(300), ...good({ pose: wobble })], goods, true);
  add('hand dropouts and jitter', [away(300), ...good()], goods, true, {
    dropHandsEvery: 4,
    jitterPx: 2,
    seed: 7,
  });
  const reversed = sides.slice(0, 3);
  add(
    'reversed',
    [away(300), ...reversed.flatMap((side) => [...pathStroke(step, side, true), away(600)])],
    reversed.map((s) => `${s}:wrong-direction`),
    false,
  );
  const effector = step.effectors?.[0] ?? 'fingertips';
  const withReturns = sides
    .slice(0, 4)
    .flatMap((side) => [
      ...pathStroke(step, side, false),
      liftedReturn(step.region as RegionId, side, 0.97, 0.05, 450, 1.35, { effector }),
      away(300),
    ]);
  add(
    'lifted returns along the path between strokes',
    [away(300), ...withReturns],
    sides.slice(0, 4).map((s) => `${s}:good`),
    false,
  );
  const reversedWithReturns = sides
    .slice(0, 3)
    .flatMap((side) => [
      ...pathStroke(step, side, true),
      liftedReturn(step.region as RegionId, side, 0.05, 0.97, 450, 1.35, { effector }),
      away(300),
    ]);
  add(
    'reversed, with lifted returns',
    [away(300), ...reversedWithReturns],
    sides.slice(0, 3).map((s) => `${s}:wrong-direction`),
    false,
  );
  if (step.kind !== 'flick') {
    // A slide back on the skin is a stroke the wrong way, even right after a good one.
    const slidBack = sides
      .slice(0, 2)
      .flatMap((side) => [
        ...pathStroke(step, side, false),
        stroke(step.region as RegionId, side, 0.97, 0.03, 1000, { effector }),
        away(600),
      ]);
    add(
      'slides back on the skin',
      [away(300), ...slidBack],
      sides.slice(0, 2).flatMap((s) => [`${s}:good`, `${s}:wrong-direction`]),
      false,
    );
  }
  const variant =
    step.kind === 'flick'
      ? 'slow'
      : step.kind === 'pinch'
        ? 'no-pinch'
        : step.holdMs
          ? 'no-hold'
          : null;
  if (variant) {
    const verdict = { slow: 'too-slow', 'no-pinch': 'no-pinch', 'no-hold': 'no-hold' }[variant];
    add(
      `${variant} strokes`,
      [
        away(300),
        ...sides
          .slice(0, 3)
          .flatMap((side) => [...pathStroke(step, side, false, variant), away(600)]),
      ],
      sides.slice(0, 3).map((s) => `${s}:${verdict}`),
      false,
    );
  }
  return [...scenarios, ...commonNegatives(cast, routine, step)];
}

// ---- circles -----------------------------------------------------------------------------------

function circleTurns(
  cast: Cast,
  step: RoutineStep,
  side: Side,
  turns: number,
  sense: 1 | -1,
  extra: Partial<MotionSegment> = {},
): MotionSegment {
  const { center, radius } = cast.synth.ring(step.region as RegionId, side);
  // Angle sign (face coordinates, y down) of the step's own sense on this side.
  const own = (side === 'left' ? 1 : -1) * (step.circleSense === 'down-near-nose' ? -1 : 1);
  const start = side === 'left' ? Math.PI : 0;
  return {
    durationMs: 1200 * turns,
    effector: step.effectors?.[0] ?? 'fingertips',
    at: (k) => {
      const a = start + own * sense * 2 * Math.PI * turns * k;
      return { face: { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) } };
    },
    ...extra,
  };
}

/** A motion, then the hand lifting off it and going out beside the face on its side, still in view. */
function liftedOff(motion: MotionSegment, side: Side): MotionSegment[] {
  const end = motion.at(1);
  const from = end && 'face' in end ? end.face : { x: 0, y: 0 };
  const to = { x: side === 'right' ? -1.4 : 1.4, y: 0.3 };
  const leaving: MotionSegment = {
    durationMs: 700,
    at: (k) => {
      const u = Math.min(1, k / 0.5);
      return { face: { x: from.x + (to.x - from.x) * u, y: from.y + (to.y - from.y) * u } };
    },
  };
  return [motion, leaving];
}

function circleScenarios(cast: Cast, routine: Routine, step: RoutineStep): Scenario[] {
  const perSide = step.sides === 'each' ? step.reps : Math.ceil(step.reps / 2);
  const both = (sense: 1 | -1, turns: number, extra: Partial<MotionSegment> = {}) =>
    (['right', 'left'] as Side[]).flatMap((side) => [
      circleTurns(cast, step, side, turns, sense, extra),
      away(600),
    ]);
  const goods = (['right', 'left'] as Side[]).flatMap((side) =>
    Array.from({ length: perSide }, () => `${side}:good`),
  );
  const scenarios = [
    make(cast, routine, step, 'all good', [away(300), ...both(1, perSide + 0.15)], goods, true, {
      jitterPx: 1,
    }),
    make(
      cast,
      routine,
      step,
      'head moving throughout',
      [away(300), ...both(1, perSide + 0.15, { pose: wobble })],
      goods,
      true,
    ),
    make(
      cast,
      routine,
      step,
      'hand dropouts and jitter',
      [away(300), ...both(1, perSide + 0.15)],
      goods,
      true,
      {
        dropHandsEvery: 4,
        jitterPx: 2,
        seed: 11,
      },
    ),
    make(
      cast,
      routine,
      step,
      'reversed',
      [away(300), ...both(-1, 2.15)],
      ['right', 'right', 'left', 'left'].map((s) => `${s}:wrong-direction`),
      false,
    ),
    make(
      cast,
      routine,
      step,
      'half circles',
      [
        away(300),
        ...liftedOff(circleTurns(cast, step, 'right', 0.6, 1), 'right'),
        ...liftedOff(circleTurns(cast, step, 'left', 0.6, 1), 'left'),
        away(300),
      ],
      ['right:too-short', 'left:too-short'],
      false,
    ),
  ];
  return [...scenarios, ...commonNegatives(cast, routine, step)];
}

// ---- plucks ------------------------------------------------------------------------------------

function plucks(count: number, closedMs: number, onLips: boolean): MotionSegment[] {
  return Array.from({ length: count }, (_, i) => {
    const s = 0.1 + (0.8 * (i % 6)) / 5;
    const at = () =>
      onLips
        ? { region: 'lips' as RegionId, side: 'center' as Side, s }
        : { region: 'cheek-outward' as RegionId, side: 'right' as Side, s: 0.3 };
    return [
      { durationMs: 240, effector: 'pinch' as const, at },
      { durationMs: closedMs, effector: 'pinch' as const, at, pinch: () => true },
      { durationMs: 240, effector: 'pinch' as const, at },
    ];
  }).flat();
}

function pluckScenarios(cast: Cast, routine: Routine, step: RoutineStep): Scenario[] {
  const goods = Array.from({ length: step.reps }, () => 'center:good');
  return [
    make(
      cast,
      routine,
      step,
      'all good',
      [away(300), ...plucks(step.reps, 200, true), away(400)],
      goods,
      true,
      { jitterPx: 1 },
    ),
    make(
      cast,
      routine,
      step,
      'hand dropouts and jitter',
      [away(300), ...plucks(step.reps, 240, true), away(400)],
      goods,
      true,
      {
        dropHandsEvery: 5,
        jitterPx: 1.5,
        seed: 5,
      },
    ),
    make(
      cast,
      routine,
      step,
      'slow squeezes',
      [away(300), ...plucks(3, 1200, true), away(400)],
      ['center:too-slow', 'center:too-slow', 'center:too-slow'],
      false,
    ),
    make(
      cast,
      routine,
      step,
      'pinches on the cheek, not the lips',
      [away(300), ...plucks(6, 200, false), away(400)],
      [],
      false,
      {
        offTargetOnly: true,
      },
    ),
    ...commonNegatives(cast, routine, step),
  ];
}

// ---- face exercises ----------------------------------------------------------------------------

function chinLifts(
  count: number,
  options: { riseMs?: number; peak?: number; jaw?: number } = {},
): MotionSegment[] {
  const riseMs = options.riseMs ?? 2600;
  const peak = options.peak ?? 26;
  const jaw = options.jaw ?? 0.45;
  const face = (pitch: (k: number) => number, ms: number): MotionSegment => ({
    durationMs: ms,
    at: () => null,
    pose: (k) => ({ angle: 0, scale: 1, dx: 0, dy: 0, pitchDeg: pitch(k) }),
    blendshapes: () => ({ jawForward: jaw }),
  });
  return Array.from({ length: count }, () => [
    face(() => 0, 700),
    face((k) => peak * k, riseMs),
    face(() => peak, 500),
    face((k) => peak * (1 - k), 1500),
  ]).flat();
}

function browLifts(count: number, fingerRise: number, hands: boolean): MotionSegment[] {
  const rest = { x: 0, y: -0.62 };
  const lift = (k: number) => Math.sin(Math.PI * k);
  return Array.from({ length: count }, () => [
    {
      durationMs: 600,
      at: () => (hands ? { face: rest } : null),
      effector: 'index' as const,
      blendshapes: () => ({ browInnerUp: 0.08 }),
    },
    {
      durationMs: 1400,
      effector: 'index' as const,
      at: (k: number) => (hands ? { face: { x: rest.x, y: rest.y - fingerRise * lift(k) } } : null),
      blendshapes: (k: number) => ({
        browInnerUp: 0.08 + 0.7 * lift(k),
        browOuterUpLeft: 0.6 * lift(k),
        browOuterUpRight: 0.6 * lift(k),
      }),
    },
  ]).flat();
}

function exerciseScenarios(cast: Cast, routine: Routine, step: RoutineStep): Scenario[] {
  const goods = Array.from({ length: step.reps }, () => 'center:good');
  if (step.kind === 'head-tilt') {
    return [
      make(cast, routine, step, 'all good', [...chinLifts(step.reps), away(800)], goods, true, {
        jitterPx: 1,
      }),
      make(
        cast,
        routine,
        step,
        'jaw relaxed',
        [...chinLifts(3, { jaw: 0.02 }), away(800)],
        Array(3).fill('center:jaw-relaxed'),
        false,
      ),
      make(
        cast,
        routine,
        step,
        'lifted too fast',
        [...chinLifts(3, { riseMs: 600 }), away(800)],
        Array(3).fill('center:too-fast'),
        false,
      ),
      make(
        cast,
        routine,
        step,
        'shallow lifts',
        [...chinLifts(2, { peak: 15 }), away(800)],
        Array(2).fill('center:too-short'),
        false,
      ),
      make(
        cast,
        routine,
        step,
        'head turning and tilting sideways only',
        [
          {
            durationMs: 6000,
            at: () => null,
            pose: wobble,
            blendshapes: () => ({ jawForward: 0.4 }),
          },
        ],
        [],
        false,
      ),
    ];
  }
  return [
    make(
      cast,
      routine,
      step,
      'all good',
      [...browLifts(step.reps, 0.02, true), away(600)],
      goods,
      true,
      {
        jitterPx: 1,
      },
    ),
    make(
      cast,
      routine,
      step,
      'fingers pulling the forehead',
      [...browLifts(3, 0.18, true), away(600)],
      Array(3).fill('center:fingers-pulling'),
      false,
    ),
    make(
      cast,
      routine,
      step,
      'hands not on the forehead',
      [...browLifts(3, 0, false), away(600)],
      Array(3).fill('center:off-target'),
      false,
    ),
    make(
      cast,
      routine,
      step,
      'fingers resting, forehead still',
      [
        {
          durationMs: 5000,
          effector: 'index',
          at: () => ({ face: { x: 0, y: -0.62 } }),
          blendshapes: () => ({ browInnerUp: 0.1 }),
        },
      ],
      [],
      false,
    ),
  ];
}

// ---- shared negatives --------------------------------------------------------------------------

function commonNegatives(cast: Cast, routine: Routine, step: RoutineStep): Scenario[] {
  const target = step.region as RegionId;
  const restSide: Side = step.sides === 'none' ? 'center' : 'right';
  return [
    make(
      cast,
      routine,
      step,
      'hand resting on the target while the head moves',
      [
        {
          durationMs: 5000,
          at: () => ({ region: target, side: restSide, s: 0.5 }),
          pose: wobble,
          effector: step.effectors?.[0] ?? 'fingertips',
        },
      ],
      [],
      false,
    ),
    make(cast, routine, step, 'no hands', [away(4000)], [], false),
    make(
      cast,
      routine,
      step,
      'rubbing the wrong area',
      [away(200), { durationMs: 4000, at: (k) => ({ face: wrongArea(step, k) }) }],
      [],
      false,
      { offTargetOnly: true },
    ),
  ];
}

/** A point scrubbing back and forth over an area the step does not target. */
function wrongArea(step: RoutineStep, k: number): { x: number; y: number } {
  const upper = ['brow-outward', 'eye-socket-circle', 'forehead'].includes(step.region ?? '');
  return upper
    ? { x: -0.25 + 0.5 * Math.sin(k * 14) * 0.5, y: 0.62 }
    : { x: -0.2 + 0.4 * Math.sin(k * 14) * 0.5, y: -0.58 };
}

function make(
  cast: Cast,
  routine: Routine,
  step: RoutineStep,
  name: string,
  segments: MotionSegment[],
  expected: string[],
  complete: boolean,
  options: {
    jitterPx?: number;
    dropHandsEvery?: number;
    seed?: number;
    offTargetOnly?: boolean;
  } = {},
): Scenario {
  const frames = cast.synth.render(segments, { fps: cast.fps, ...options });
  return {
    name: `${routine.id}/${step.id}: ${name} (${cast.label})`,
    routine,
    step,
    size: cast.synth.size,
    frames,
    expected,
    complete,
    ...(options.offTargetOnly ? { offTargetOnly: true } : {}),
  };
}

/** The generated corpus: every recognised step of every routine, positives and negatives. */
export function generatedCorpus(): Scenario[] {
  return CASTS.flatMap((cast) => castScenarios(cast));
}

/** Tool steps that can be recognised run as a routine of their own. */
const TOOLS_ROUTINE: Routine = {
  id: 'tools',
  title: 'Tool steps',
  summary: 'Preparation and tool steps used by sessions',
  source: 'tool-steps.json',
  steps: [...TOOL_STEPS],
};

function castScenarios(cast: Cast): Scenario[] {
  return [...ROUTINES, TOOLS_ROUTINE].flatMap((routine) =>
    routine.steps.flatMap((step) => {
      switch (step.kind) {
        case 'glide':
        case 'walk':
        case 'flick':
        case 'pinch':
          return pathScenarios(cast, routine, step);
        case 'circle':
          return circleScenarios(cast, routine, step);
        case 'pluck':
          return pluckScenarios(cast, routine, step);
        case 'head-tilt':
        case 'brow-raise':
          return exerciseScenarios(cast, routine, step);
        default:
          return [];
      }
    }),
  );
}
