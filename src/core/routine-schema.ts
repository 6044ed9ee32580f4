import { z } from 'zod';
import { REGIONS, type RegionId } from './regions';

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

/** One step of a routine (or of the tool and preparation steps), with its own consistency checks. */
export const stepSchema = z
  .object({
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    instructions: z.array(z.string().min(1)).min(1),
    kind: z.enum(STEP_KINDS),
    /** The target region; every kind but "head-tilt" and "timed" has one. */
    region: z.enum(regionIds).optional(),
    /** "each": `reps` per side; "both": `reps` in total over both sides; "none": a midline region or no region. */
    sides: z.enum(['each', 'both', 'none']),
    /** Good strokes (or reps) needed; 0 for timed steps. */
    reps: z.number().int().min(0).max(100),
    /** Parts of the hand that do the work (hand-stroke kinds). */
    effectors: z.array(z.enum(EFFECTORS)).min(1).optional(),
    /** A press held at the end of each stroke, in ms (e.g. at the cheekbone). */
    holdMs: z.number().int().min(100).max(10_000).optional(),
    /** How long a timed step lasts, in ms. */
    durationMs: z.number().int().min(1000).max(600_000).optional(),
    /** Sense of circles: "up-near-nose" goes up on the side nearer the nose and out over the top. */
    circleSense: z.enum(['up-near-nose', 'down-near-nose']).optional(),
    /** Hands the step is done with at once (1 or 2); face exercises and timed steps need none. */
    hands: z.number().int().min(1).max(2).optional(),
    /** The stroke is made with a tool held in the hand (the hand's points stand in for it). */
    tool: z.enum(['gua-sha', 'roller']).optional(),
    caution: z.string().min(1).optional(),
  })
  .superRefine((step, ctx) => {
    const problem = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    const needsRegion = step.kind !== 'head-tilt' && step.kind !== 'timed';
    const handKind =
      (PATH_STROKE_KINDS as readonly string[]).includes(step.kind) ||
      step.kind === 'circle' ||
      step.kind === 'pluck';
    if (needsRegion && !step.region) problem('region', `a ${step.kind} step needs a region`);
    if (handKind && !step.effectors) problem('effectors', `a ${step.kind} step needs effectors`);
    if (step.kind === 'timed' && !step.durationMs)
      problem('durationMs', 'a timed step needs durationMs');
    if (step.kind !== 'timed' && step.reps < 1) problem('reps', 'needs at least 1 rep');
    if (step.kind === 'circle' && !step.circleSense)
      problem('circleSense', 'a circle step needs circleSense');
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

/** The outcome of validating routine data. */
export type RoutineParseResult = { ok: true; routine: Routine } | { ok: false; error: string };

/** How many hands to track in a step: as its data says, else none needed for face exercises and timed steps, else two. */
export function handsFor(step: RoutineStep): 1 | 2 {
  if (step.hands) return step.hands as 1 | 2;
  return step.kind === 'head-tilt' || step.kind === 'timed' ? 1 : 2;
}

/** Joins zod's issues into one message that names each field and what is wrong with it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
    .join('; ');
}

/** Validates routine data (built in or imported); errors name the field and what is wrong with it. */
export function parseRoutine(data: unknown): RoutineParseResult {
  const result = routineSchema.safeParse(data);
  return result.success
    ? { ok: true, routine: result.data }
    : { ok: false, error: describeIssues(result.error) };
}
