import { parseRoutine, type Routine } from '../routine-schema';
import facegymDaily from './facegym-daily.json';

function mustParse(data: unknown): Routine {
  const result = parseRoutine(data);
  if (!result.ok) throw new Error(`Built-in routine is invalid: ${result.error}`);
  return result.routine;
}

/** The built-in routines, validated at load. */
export const ROUTINES: readonly Routine[] = [mustParse(facegymDaily)];

/** Looks up a built-in routine by id. */
export function findRoutine(id: string): Routine | undefined {
  return ROUTINES.find((r) => r.id === id);
}
