// Replays each recorded clip trace (tests/corpus/recorded/*.trace.json.gz with a new-form label)
// through the step engine at its labelled step, and prints the verdicts against the labelled
// strokes: the offline twin of eval:live, without a browser.
//   npm run --silent check:recorded
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Routine } from '../../src/core/routine-schema.ts';
import { findRoutine, sessionRoutine } from '../../src/core/routines/index.ts';
import { StepEngine } from '../../src/core/step-engine.ts';
import type { Trace } from '../../src/core/trace.ts';
import { parseTrace } from '../../src/core/trace.ts';
import { readPlans } from './plan.ts';
import { detectionStats, type labelOf } from './record-clips.ts';

type Label = ReturnType<typeof labelOf>;

const dir = join(import.meta.dirname, '..', '..', 'tests', 'corpus', 'recorded');

/** Labels of the clip recordings (the older no-stroke labels have no "strokes"). */
export function readClipLabels(): Label[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.label.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter((l): l is Label => Array.isArray(l.strokes) && String(l.trace).endsWith('.gz'));
}

/** Runs a trace through the engine at `stepId`; the verdicts it gives there and whether the step completed. */
function judge(routine: Routine, trace: Trace, stepId: string): string {
  const engine = new StepEngine(routine, trace, stepId);
  const verdicts: Record<string, number> = {};
  let completed = false;
  const take = (events: ReturnType<StepEngine['update']>) => {
    for (const e of events) {
      if (e.type === 'stroke' && e.step === stepId)
        verdicts[e.verdict] = (verdicts[e.verdict] ?? 0) + 1;
      if (e.type === 'step-complete' && e.step === stepId) completed = true;
    }
  };
  for (const frame of trace.frames) take(engine.update(frame));
  const last = trace.frames.at(-1);
  if (last) take(engine.finish(last.t));
  const list = Object.entries(verdicts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${list || 'no verdicts'}, complete ${completed ? 'yes' : 'no'}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const label of readClipLabels()) {
    const parsed = parseTrace(
      JSON.parse(gunzipSync(readFileSync(join(dir, label.trace))).toString()),
    );
    if (!parsed.ok) throw new Error(`${label.trace}: ${parsed.error}`);
    const routine = findRoutine(label.routine) ?? sessionRoutine(label.routine);
    if (!routine) throw new Error(`${label.trace}: unknown routine ${label.routine}`);
    const plan = readPlans().find((p) => p.name === label.clip);
    const stats = plan ? detectionStats(plan, parsed.trace.frames) : null;
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    const detection = stats
      ? `face ${pct(stats.face)}, hand on skin ${pct(stats.handInContact)} (all ${pct(stats.allHandsInContact)}), hands when none ${stats.handsWhenNone}`
      : 'no plan';
    let result: string;
    try {
      result = judge(routine, parsed.trace, label.step);
    } catch (error) {
      // The engine may be mid-change; the detection figures still hold.
      result = `engine failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    console.log(
      `${label.clip.padEnd(40)} ${label.expect.padEnd(8)} strokes ${String(label.strokes.length).padStart(2)}  ${result}  | ${detection}`,
    );
  }
}
