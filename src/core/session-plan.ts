import { z } from 'zod';
import { describeIssues, type Routine, type RoutineStep, stepSchema } from './routine-schema';
import { STEP_KIND_SPECS } from './step-kinds';

const partSchema = z.union([
  z.object({ tool: z.string().min(1) }).strict(),
  z
    .object({ routine: z.string().min(1), repsScale: z.number().min(0.25).max(4).optional() })
    .strict(),
]);

const sessionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  parts: z.array(partSchema).min(1),
});

/** A session: tool steps and whole routines in order, from the seed article's recommended lengths. */
export type SessionPlan = z.infer<typeof sessionSchema>;

/** Validates the tool steps file. */
export function parseToolSteps(data: unknown): RoutineStep[] {
  const result = z.object({ steps: z.array(stepSchema) }).safeParse(data);
  if (!result.success) throw new Error(`Tool steps are invalid: ${describeIssues(result.error)}`);
  return result.data.steps;
}

/** Validates the sessions file. */
export function parseSessions(data: unknown): SessionPlan[] {
  const result = z.object({ sessions: z.array(sessionSchema) }).safeParse(data);
  if (!result.success) throw new Error(`Sessions are invalid: ${describeIssues(result.error)}`);
  return result.data.sessions;
}

/** Builds the one routine a session runs as: its parts' steps in order, reps scaled where asked. */
export function buildSessionRoutine(
  plan: SessionPlan,
  routines: readonly Routine[],
  tools: readonly RoutineStep[],
): Routine {
  const steps = plan.parts.flatMap((part): RoutineStep[] => {
    if ('tool' in part) {
      const step = tools.find((s) => s.id === part.tool);
      if (!step) throw new Error(`Session "${plan.id}" uses an unknown tool step "${part.tool}".`);
      return [step];
    }
    const routine = routines.find((r) => r.id === part.routine);
    if (!routine)
      throw new Error(`Session "${plan.id}" uses an unknown routine "${part.routine}".`);
    const scale = part.repsScale ?? 1;
    return routine.steps.map((s) => ({ ...s, reps: Math.max(1, Math.round(s.reps * scale)) }));
  });
  const ids = new Set(steps.map((s) => s.id));
  if (ids.size !== steps.length) throw new Error(`Session "${plan.id}" repeats a step.`);
  return {
    id: plan.id,
    title: plan.title,
    summary: plan.summary,
    source: 'composed session',
    steps,
  };
}

/** Typical time one good stroke (or rep) takes, with the hand's return, in ms. */
/** Time to read a step and get the hands in place, and the rest after it (ms). */
const SETTLE_MS = 12_000;

/** A rough estimate of how long a step takes (ms), for the session clock. */
export function estimateStepMs(step: RoutineStep): number {
  if (step.kind === 'timed') return (step.durationMs ?? 0) + 2000;
  const strokes = step.sides === 'each' ? step.reps * 2 : step.reps;
  return strokes * (STEP_KIND_SPECS[step.kind].repMs + (step.holdMs ?? 0)) + SETTLE_MS;
}

/** Estimated time left (ms) from a step on, counting the time already spent in it. */
export function estimateRemainingMs(
  routine: Routine,
  stepIndex: number,
  elapsedInStepMs: number,
): number {
  let total = 0;
  routine.steps.forEach((step, i) => {
    if (i > stepIndex) total += estimateStepMs(step);
    if (i === stepIndex) total += Math.max(0, estimateStepMs(step) - elapsedInStepMs);
  });
  return total;
}
