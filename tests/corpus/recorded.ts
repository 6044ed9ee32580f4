import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRoutine } from '../../src/core/routines';
import { parseTrace } from '../../src/core/trace';
import type { Scenario } from './scenarios';

const dir = join(import.meta.dirname, 'recorded');

/**
 * A label for a recorded trace: the steps to run it against and what each should make of it.
 * "no-strokes": nothing there is a massage stroke, so only off-target hints may appear.
 */
interface Label {
  trace: string;
  note: string;
  expect: 'no-strokes';
  steps: Record<string, string[]>;
}

/** Traces recorded from the real models on the fake-camera clips, with their labels (recorded/*.label.json). */
export function recordedCorpus(): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.label.json'))
    .flatMap((file) => {
      const label = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Label;
      const parsed = parseTrace(JSON.parse(readFileSync(join(dir, label.trace), 'utf8')));
      if (!parsed.ok) throw new Error(`${label.trace}: ${parsed.error}`);
      const { trace } = parsed;
      return Object.entries(label.steps).flatMap(([routineId, stepIds]) => {
        const routine = findRoutine(routineId);
        if (!routine) throw new Error(`${file}: unknown routine ${routineId}`);
        return stepIds.map((stepId) => {
          const step = routine.steps.find((s) => s.id === stepId);
          if (!step) throw new Error(`${file}: unknown step ${routineId}/${stepId}`);
          return {
            name: `recorded ${label.trace} as ${routine.id}/${step.id}`,
            routine,
            step,
            size: trace,
            frames: [...trace.frames],
            expected: [],
            complete: false,
            noStrokes: true,
          };
        });
      });
    });
}
