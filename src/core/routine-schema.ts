import { z } from 'zod';
import { REGIONS, type RegionId } from './regions';

/** How a step's strokes move. */
export const STROKE_KINDS = ['glide', 'walk', 'flick', 'pinch'] as const;
export type StrokeKind = (typeof STROKE_KINDS)[number];

/** Which part of the hand does the work; each is a point computed from hand landmarks. */
export const EFFECTORS = ['fingertips', 'index', 'thumb', 'knuckles', 'pinch'] as const;
export type Effector = (typeof EFFECTORS)[number];

const regionIds = Object.keys(REGIONS) as [RegionId, ...RegionId[]];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

const stepSchema = z.object({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  instructions: z.array(z.string().min(1)).min(1),
  kind: z.enum(STROKE_KINDS),
  region: z.enum(regionIds),
  /** "each": `reps` per side; "both": `reps` in total over both sides; "none": a midline region. */
  sides: z.enum(['each', 'both', 'none']),
  reps: z.number().int().min(1).max(100),
  effectors: z.array(z.enum(EFFECTORS)).min(1),
  caution: z.string().min(1).optional(),
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
      const centred = REGIONS[step.region].paths.every((p) => p.side === 'center');
      if (centred !== (step.sides === 'none')) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'sides'],
          message: `region "${step.region}" is ${centred ? 'on the midline: use "none"' : 'on both sides: use "each" or "both"'}`,
        });
      }
    });
  });

/** A validated routine. */
export type Routine = z.infer<typeof routineSchema>;
/** A validated step of a routine. */
export type RoutineStep = Routine['steps'][number];

/** The outcome of validating routine data. */
export type RoutineParseResult = { ok: true; routine: Routine } | { ok: false; error: string };

/** Validates routine data (built in or imported); errors name the field and what is wrong with it. */
export function parseRoutine(data: unknown): RoutineParseResult {
  const result = routineSchema.safeParse(data);
  if (result.success) return { ok: true, routine: result.data };
  const error = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(routine)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error };
}
