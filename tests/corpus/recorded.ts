import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRoutine } from '../../src/core/routines';
import { parseTrace } from '../../src/core/trace';
import type { Scenario } from './scenarios';

const dir = join(import.meta.dirname, 'recorded');

interface Label {
  trace: string;
  routine: string;
  step: string;
  expected: string[];
  complete: boolean;
  note: string;
}

/** Traces recorded from the real models on the fake-camera clips, with their labels (recorded/*.label.json). */
export function recordedCorpus(): Scenario[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.label.json'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const label = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Label;
    const parsed = parseTrace(JSON.parse(readFileSync(join(dir, label.trace), 'utf8')));
    if (!parsed.ok) throw new Error(`${label.trace}: ${parsed.error}`);
    const routine = findRoutine(label.routine);
    const step = routine?.steps.find((s) => s.id === label.step);
    if (!routine || !step) throw new Error(`${file}: unknown routine or step`);
    return {
      name: `recorded ${label.trace} as ${routine.id}/${step.id}`,
      routine,
      step,
      size: parsed.trace,
      frames: [...parsed.trace.frames],
      expected: label.expected,
      complete: label.complete,
    };
  });
}
