import type { RoutineStep } from '../core/routine-schema';
import { ROUTINES, SESSIONS, sessionRoutine } from '../core/routines';
import type { StartChoice } from './start-screen';

/** Where a deep link (`?routine=<id>&step=<id>` or `?session=<id>&step=<id>`) points. */
export interface DeepLink {
  readonly kind: 'routine' | 'session';
  readonly id: string;
  readonly step: string | undefined;
}

/** Reads a deep link from a query string; null when it names no routine or session. */
export function parseDeepLink(search: string): DeepLink | null {
  const params = new URLSearchParams(search);
  const session = params.get('session');
  const routine = params.get('routine');
  const step = params.get('step') ?? undefined;
  if (session) return { kind: 'session', id: session, step };
  if (routine) return { kind: 'routine', id: routine, step };
  return null;
}

/** Everything some steps need besides the hands, each thing once, in the order first needed. */
export function needsOf(steps: readonly RoutineStep[]): string[] {
  return [...new Set(steps.flatMap((step) => step.needs ?? []))];
}

/** What the start screen offers: the two sessions first, then each routine on its own. */
export const START_CHOICES: readonly StartChoice[] = [
  ...SESSIONS.map((plan) => ({
    id: plan.id,
    kind: 'session' as const,
    title: plan.title,
    summary: plan.summary,
    steps: sessionRoutine(plan.id)?.steps ?? [],
    needs: needsOf(sessionRoutine(plan.id)?.steps ?? []),
  })),
  ...ROUTINES.map((routine) => ({
    id: routine.id,
    kind: 'routine' as const,
    title: routine.title,
    summary: routine.summary,
    steps: routine.steps,
    needs: needsOf(routine.steps),
  })),
];
