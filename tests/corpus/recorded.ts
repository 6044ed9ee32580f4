import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Routine } from '../../src/core/routine-schema';
import { findRoutine, sessionRoutine } from '../../src/core/routines';
import { parseTrace, type Trace } from '../../src/core/trace';
import type { PlannedStroke, Scenario } from './scenarios';

const dir = join(import.meta.dirname, 'recorded');

/**
 * A label for a recorded trace: the step(s) to run it against and what each should make of it.
 * "no-strokes": nothing there is a massage stroke, so only off-target hints may appear.
 * "correct" / "reversed": every stroke is made right (or the wrong way), as planned.
 */
type Label =
  | { trace: string; note: string; expect: 'no-strokes'; steps: Record<string, string[]> }
  | {
      trace: string;
      note: string;
      clip: string;
      expect: 'correct' | 'reversed';
      routine: string;
      step: string;
      strokes: PlannedStroke[];
    };

/**
 * Reads a trace file, gzipped or not. `validate: false` skips the schema check (the corpus test
 * checks every file; the mutation runs read them once per mutant and need the time).
 */
export function readTraceFile(name: string, validate = true): Trace {
  const bytes = readFileSync(join(dir, name));
  const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  if (!validate) return JSON.parse(text) as Trace;
  const parsed = parseTrace(JSON.parse(text));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.trace;
}

function routineStep(file: string, routineId: string, stepId: string) {
  const routine: Routine | undefined = findRoutine(routineId) ?? sessionRoutine(routineId);
  if (!routine) throw new Error(`${file}: unknown routine ${routineId}`);
  const step = routine.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`${file}: unknown step ${routineId}/${stepId}`);
  return { routine, step };
}

/** Share of the frames during the planned strokes in which the hand model found a hand. */
function handsFound(trace: Trace, strokes: readonly PlannedStroke[]): number {
  const during = trace.frames.filter((f) =>
    strokes.some((s) => f.t >= s.startMs && f.t <= s.endMs),
  );
  return during.length ? during.filter((f) => f.hands.length > 0).length / during.length : 0;
}

/** The labels of the recorded traces (recorded/*.label.json), by file name. */
export function recordedLabels(): { file: string; label: Label }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.label.json'))
    .sort()
    .map((file) => ({ file, label: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Label }));
}

/** Traces recorded from the real models on fake-camera clips, with their labels. */
export function recordedCorpus(validate = true): Scenario[] {
  return recordedLabels().flatMap(({ file, label }): Scenario[] => {
    const trace = readTraceFile(label.trace, validate);
    const base = { size: trace, frames: [...trace.frames] };
    if (label.expect === 'no-strokes') {
      return Object.entries(label.steps).flatMap(([routineId, stepIds]) =>
        stepIds.map((stepId) => {
          const { routine, step } = routineStep(file, routineId, stepId);
          return {
            ...base,
            name: `recorded ${label.trace} as ${routine.id}/${step.id}`,
            routine,
            step,
            expected: [],
            complete: false,
            noStrokes: true,
          };
        }),
      );
    }
    const { routine, step } = routineStep(file, label.routine, label.step);
    return [
      {
        ...base,
        name: `recorded ${label.clip} (${label.expect}) as ${routine.id}/${step.id}`,
        routine,
        step,
        expected: [],
        complete: label.expect === 'correct',
        recorded: {
          expect: label.expect,
          planned: label.strokes,
          handsFound: handsFound(trace, label.strokes),
        },
      },
    ];
  });
}

/**
 * The recordings as a slower machine would track them: every `step`-th frame only (15 frames a
 * second becomes 7.5 with 2, 5 with 3), with the same labels.
 */
export function atLowerRate(scenarios: readonly Scenario[], step: number): Scenario[] {
  return scenarios.map((s) => ({
    ...s,
    name: `${s.name} at 1/${step} rate`,
    frames: s.frames.filter((_, i) => i % step === 0),
  }));
}
