// Replays each recorded clip trace (tests/corpus/recorded/*.trace.json.gz with a new-form label)
// through the step engine at its labelled step, and prints the verdicts against the labelled
// strokes: the offline twin of eval:live, without a browser.
//   npm run --silent check:recorded
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findRoutine, sessionRoutine } from '../../src/core/routines/index.ts';
import { StepEngine } from '../../src/core/step-engine.ts';
import { parseTrace } from '../../src/core/trace.ts';
import type { labelOf } from './record-clips.ts';

type Label = ReturnType<typeof labelOf>;

const dir = join(import.meta.dirname, '..', '..', 'tests', 'corpus', 'recorded');

/** Labels of the clip recordings (the older no-stroke labels have no "strokes"). */
export function readClipLabels(): Label[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.label.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter((l): l is Label => Array.isArray(l.strokes) && String(l.trace).endsWith('.gz'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const label of readClipLabels()) {
    const parsed = parseTrace(
      JSON.parse(gunzipSync(readFileSync(join(dir, label.trace))).toString()),
    );
    if (!parsed.ok) throw new Error(`${label.trace}: ${parsed.error}`);
    const routine = findRoutine(label.routine) ?? sessionRoutine(label.routine);
    if (!routine) throw new Error(`${label.trace}: unknown routine ${label.routine}`);
    const engine = new StepEngine(routine, parsed.trace, label.step);
    const verdicts: Record<string, number> = {};
    let completed = false;
    const take = (events: ReturnType<StepEngine['update']>) => {
      for (const e of events) {
        if (e.type === 'stroke' && e.step === label.step)
          verdicts[e.verdict] = (verdicts[e.verdict] ?? 0) + 1;
        if (e.type === 'step-complete' && e.step === label.step) completed = true;
      }
    };
    for (const frame of parsed.trace.frames) take(engine.update(frame));
    const last = parsed.trace.frames.at(-1);
    if (last) take(engine.finish(last.t));
    const list = Object.entries(verdicts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `${label.clip.padEnd(40)} ${label.expect.padEnd(8)} strokes ${String(label.strokes.length).padStart(2)}  ${list || 'no verdicts'}  complete ${completed ? 'yes' : 'no'}`,
    );
  }
}
