import { z } from 'zod';
import { REGIONS, type RegionId } from './regions';
import { STEP_KIND_SPECS } from './step-kinds';

/** Steps whose strokes move a hand along a path. */
export const PATH_STROKE_KINDS = ['glide', 'walk', 'flick', 'pinch'] as const;
export type PathStrokeKind = (typeof PATH_STROKE_KINDS)[number];

/**
 * How a step is done and recognised: hand strokes along a path (glide, walk, flick, pinch),
 * circles, plucks along the lips, the two face exercises without hand strokes (head-tilt: head
 * pitch with the jaw pushed forward; brow-raise: forehead lifts under resting fingers), and timed
 * steps with nothing to track (applying serum, tools).
 */
export const STEP_KINDS = [
  ...PATH_STROKE_KINDS,
  'circle',
  'pluck',
  'head-tilt',
  'brow-raise',
  'timed',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Which part of the hand does the work; each is a point computed from hand landmarks. */
export const EFFECTORS = ['fingertips', 'index', 'thumb', 'knuckles', 'pinch'] as const;
export type Effector = (typeof EFFECTORS)[number];

const regionIds = Object.keys(REGIONS) as [RegionId, ...RegionId[]];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

/** A field a kind of step does not use: whatever it holds is dropped. */
const unused = z
  .unknown()
  .transform(() => undefined)
  .optional();

/** What every kind of step is made of, whatever its kind. */
const stepBase = {
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  instructions: z.array(z.string().min(1)).min(1),
  /** "each": `reps` per side; "both": `reps` in total over both sides; "none": a midline region or no region. */
  sides: z.enum(['each', 'both', 'none']),
  /** Good strokes (or reps) needed; 0 for timed steps. */
  reps: z.number().int().min(0).max(100),
  /** Hands the step is done with at once (1 or 2). */
  hands: z.number().int().min(1).max(2).optional(),
  /** The stroke is made with a tool held in the hand (the hand's points stand in for it). */
  tool: z.enum(['gua-sha', 'roller']).optional(),
  /** A press held at the end of each stroke, in ms (e.g. at the cheekbone). */
  holdMs: z.number().int().min(100).max(10_000).optional(),
  caution: z.string().min(1).optional(),
  /** What the step needs besides the hands (a tool, a product), listed before a session starts. */
  needs: z.array(z.string().min(1)).min(1).optional(),
  region: unused,
  effectors: unused,
  durationMs: unused,
  circleSense: unused,
};

/** A field a kind needs, with a message that says so when it is missing. */
const needed = <T extends z.ZodType>(
  kind: StepKind,
  field: string,
  schema: (message: z.core.$ZodErrorMap) => T,
) => schema((issue) => (issue.input === undefined ? `a ${kind} step needs ${field}` : undefined));
const region = (kind: StepKind) =>
  needed(kind, 'a region', (error) => z.enum(regionIds, { error }));
const effectors = (kind: StepKind) =>
  needed(kind, 'effectors', (error) => z.array(z.enum(EFFECTORS), { error }).min(1));

const pathStep = <K extends PathStrokeKind>(kind: K) =>
  z.object({
    ...stepBase,
    kind: z.literal(kind),
    region: region(kind),
    effectors: effectors(kind),
  });

/**
 * One schema per kind of step (`Record<StepKind, …>`, so a new kind cannot be left out), each with
 * the fields its kind needs: recognisers get steps of their own kind, typed.
 */
const STEP_SCHEMAS = {
  glide: pathStep('glide'),
  walk: pathStep('walk'),
  flick: pathStep('flick'),
  pinch: pathStep('pinch'),
  circle: z.object({
    ...stepBase,
    kind: z.literal('circle'),
    region: region('circle'),
    effectors: effectors('circle'),
    /** "up-near-nose" goes up on the side nearer the nose and out over the top. */
    circleSense: needed('circle', 'circleSense', (error) =>
      z.enum(['up-near-nose', 'down-near-nose'], { error }),
    ),
  }),
  pluck: z.object({
    ...stepBase,
    kind: z.literal('pluck'),
    region: region('pluck'),
    effectors: effectors('pluck'),
  }),
  'head-tilt': z.object({ ...stepBase, kind: z.literal('head-tilt') }),
  'brow-raise': z.object({
    ...stepBase,
    kind: z.literal('brow-raise'),
    region: region('brow-raise'),
    /** The fingers that rest on the forehead, when the step names them. */
    effectors: z.array(z.enum(EFFECTORS)).min(1).optional(),
  }),
  timed: z.object({
    ...stepBase,
    kind: z.literal('timed'),
    /** How long the step lasts, in ms. */
    durationMs: needed('timed', 'durationMs', (error) =>
      z.number({ error }).int().min(1000).max(600_000),
    ),
  }),
} satisfies Record<StepKind, z.ZodObject>;

/** One step of a routine (or of the tool and preparation steps), with its own consistency checks. */
// NOTE: the fields common to every kind are also checked on their own, so that a step of an
// unknown kind still hears about its other problems (a discriminated union stops at the kind).
const commonFields = z.object({
  ...(Object.fromEntries(
    Object.entries(stepBase).filter(([, schema]) => schema !== unused),
  ) as Omit<typeof stepBase, 'region' | 'effectors' | 'durationMs' | 'circleSense'>),
  kind: z.enum(STEP_KINDS),
});

export const stepSchema = z
  .intersection(
    commonFields,
    z.discriminatedUnion('kind', [
      STEP_SCHEMAS.glide,
      STEP_SCHEMAS.walk,
      STEP_SCHEMAS.flick,
      STEP_SCHEMAS.pinch,
      STEP_SCHEMAS.circle,
      STEP_SCHEMAS.pluck,
      STEP_SCHEMAS['head-tilt'],
      STEP_SCHEMAS['brow-raise'],
      STEP_SCHEMAS.timed,
    ]),
  )
  .superRefine((step, ctx) => {
    const problem = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (step.kind !== 'timed' && step.reps < 1) problem('reps', 'needs at least 1 rep');
    if (step.region) {
      const centred = REGIONS[step.region].paths.every((p) => p.side === 'center');
      if (centred !== (step.sides === 'none')) {
        problem(
          'sides',
          `region "${step.region}" is ${centred ? 'on the midline: use "none"' : 'on both sides: use "each" or "both"'}`,
        );
      }
    } else if (step.sides !== 'none') {
      problem('sides', 'a step without a region has sides "none"');
    }
  });

export const routineSchema = z
  .object({
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    source: z.string().min(1),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((routine, ctx) => {
    const seen = new Set<string>();
    routine.steps.forEach((step, i) => {
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'id'],
          message: `duplicate step id "${step.id}"`,
        });
      }
      seen.add(step.id);
    });
  });

/** A validated routine. */
export type Routine = z.infer<typeof routineSchema>;
/** A validated step of a routine. */
export type RoutineStep = Routine['steps'][number];
/** A validated step of one kind. */
export type StepOf<K extends StepKind> = Extract<RoutineStep, { kind: K }>;

/** The outcome of validating routine data. */
export type RoutineParseResult = { ok: true; routine: Routine } | { ok: false; error: string };

/** How many hands to track in a step: as its data says, else none needed for face exercises and timed steps, else two. */
export function handsFor(step: RoutineStep): 1 | 2 {
  if (step.hands) return step.hands as 1 | 2;
  return STEP_KIND_SPECS[step.kind].hands;
}

/** Joins zod's issues into one message that names each field and what is wrong with it. */
export function describeIssues(error: z.ZodError): string {
  // A field common to every kind is checked twice (see stepSchema): each problem is named once.
  const lines = error.issues.map(
    (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
  );
  return [...new Set(lines)].join('; ');
}

/** Validates routine data (built in or imported); errors name the field and what is wrong with it. */
export function parseRoutine(data: unknown): RoutineParseResult {
  const result = routineSchema.safeParse(data);
  return result.success
    ? { ok: true, routine: result.data }
    : { ok: false, error: describeIssues(result.error) };
}
