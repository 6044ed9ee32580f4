// Replays a landmark trace through the step engine and prints its events as NDJSON.
//   npm run --silent replay -- <trace.json[.gz]> --routine <routine-or-session-id> [--step <step-id>]
//   npm run --silent replay -- --list
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { findRoutine, ROUTINES, SESSIONS, sessionRoutine } from '../src/core/routines/index.ts';
import { StepEngine } from '../src/core/step-engine.ts';
import { readTraceText } from '../src/core/trace.ts';

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(2);
}

function list(): void {
  const routines = ROUTINES.map((r) => ({
    id: r.id,
    title: r.title,
    steps: r.steps.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      reps: s.reps,
      sides: s.sides,
    })),
  }));
  process.stdout.write(`${JSON.stringify({ routines })}\n`);
}

function replay(file: string, routineId: string, stepId: string | undefined): void {
  const routine = findRoutine(routineId) ?? sessionRoutine(routineId);
  if (!routine)
    fail(
      `unknown routine "${routineId}" (known: ${[...ROUTINES, ...SESSIONS].map((r) => r.id).join(', ')})`,
    );
  if (stepId && !routine.steps.some((s) => s.id === stepId))
    fail(`routine "${routineId}" has no step "${stepId}"`);
  let text: string;
  try {
    const bytes = readFileSync(file);
    text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    fail(
      `cannot read ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const parsed = readTraceText(text);
  if (!parsed.ok) fail(`${file} is not a usable landmark trace: ${parsed.error}`);
  const { trace } = parsed;
  const engine = new StepEngine(routine, trace, stepId);
  const lines: string[] = [];
  const emit = (events: ReturnType<StepEngine['update']>) => {
    for (const e of events) {
      if (e.type === 'stroke')
        lines.push(
          JSON.stringify({
            type: 'stroke',
            t: e.t,
            step: e.step,
            verdict: e.verdict,
            side: e.side,
          }),
        );
      else if (e.type === 'step-complete')
        lines.push(JSON.stringify({ type: 'step-complete', t: e.t, step: e.step }));
      else if (e.type === 'routine-complete')
        lines.push(JSON.stringify({ type: 'routine-complete', t: e.t, routine: e.routine }));
    }
  };
  for (const frame of trace.frames) emit(engine.update(frame));
  const last = trace.frames.at(-1);
  if (last) emit(engine.finish(last.t));
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { routine: { type: 'string' }, step: { type: 'string' }, list: { type: 'boolean' } },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.list) list();
else {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    fail('usage: replay <trace.json> --routine <routine-id> [--step <step-id>] | --list');
  if (typeof values.routine !== 'string') fail('missing --routine <routine-id>');
  replay(file, values.routine, typeof values.step === 'string' ? values.step : undefined);
}
