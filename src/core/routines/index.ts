import { parseRoutine, type Routine } from '../routine-schema';
import anma from './anma.json';
import facegymDaily from './facegym-daily.json';
import facegymRelease from './facegym-release.json';

function mustParse(data: unknown): Routine {
  const result = parseRoutine(data);
  if (!result.ok) throw new Error(`Built-in routine is invalid: ${result.error}`);
  return result.routine;
}

/** The built-in routines, validated at load. */
export const ROUTINES: readonly Routine[] = [facegymDaily, facegymRelease, anma].map(mustParse);

/** Looks up a built-in routine by id. */
export function findRoutine(id: string): Routine | undefined {
  return ROUTINES.find((r) => r.id === id);
}
