import { parseRoutine, type Routine, type RoutineStep } from '../routine-schema';
import {
  buildSessionRoutine,
  parseSessions,
  parseToolSteps,
  type SessionPlan,
} from '../session-plan';
import anma from './anma.json';
import facegymDaily from './facegym-daily.json';
import facegymRelease from './facegym-release.json';
import sessions from './sessions.json';
import toolSteps from './tool-steps.json';

function mustParse(data: unknown): Routine {
  const result = parseRoutine(data);
  if (!result.ok) throw new Error(`Built-in routine is invalid: ${result.error}`);
  return result.routine;
}

/** The built-in routines from the seed articles, validated at load. */
export const ROUTINES: readonly Routine[] = [facegymDaily, facegymRelease, anma].map(mustParse);

/** Preparation and tool steps (serum, roller, moisturiser, gua sha), used by sessions. */
export const TOOL_STEPS: readonly RoutineStep[] = parseToolSteps(toolSteps);

/** Session plans: a daily five-minute session and an extended one. */
export const SESSIONS: readonly SessionPlan[] = parseSessions(sessions);

/** Looks up a built-in routine by id. */
export function findRoutine(id: string): Routine | undefined {
  return ROUTINES.find((r) => r.id === id);
}

/** The routine a session runs as, or undefined for an unknown session id. */
export function sessionRoutine(id: string): Routine | undefined {
  const plan = SESSIONS.find((s) => s.id === id);
  return plan ? buildSessionRoutine(plan, ROUTINES, TOOL_STEPS) : undefined;
}
