// Runs the step engine over the labelled corpus and prints a confusion table of verdicts and the
// share of correct step-completion decisions.
import { evaluate, formatReport } from '../tests/corpus/evaluate.ts';
import { hardCases } from '../tests/corpus/hard-cases.ts';
import { recordedCorpus } from '../tests/corpus/recorded.ts';
import { generatedCorpus } from '../tests/corpus/scenarios.ts';

const sets = {
  generated: generatedCorpus(),
  'hard cases': hardCases(),
  'real-model recordings': recordedCorpus(),
};
for (const [name, set] of Object.entries(sets)) {
  const part = evaluate(set);
  const lines = formatReport(part).split('\n');
  console.log(
    `${name}: ${set.length} scenarios; ${lines.find((l) => l.startsWith('stroke verdicts'))}; ${lines.find((l) => l.startsWith('scenarios fully'))}`,
  );
}
const recorded = evaluate(sets['real-model recordings']).results.filter((r) => r.scenario.recorded);
for (const r of recorded) {
  const kinds = new Map<string, number>();
  for (const a of r.actual) {
    const verdict = a.split(':')[1] ?? a;
    kinds.set(verdict, (kinds.get(verdict) ?? 0) + 1);
  }
  console.log(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.scenario.name}: ${r.scenario.recorded?.strokes} strokes made, hands found in ${Math.round(100 * (r.scenario.recorded?.handsFound ?? 0))}% of their frames; ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'no verdict'}; step ${r.completed ? 'completed' : 'not completed'}`,
  );
}
console.log('');
const scenarios = Object.values(sets).flat();
const report = evaluate(scenarios);
console.log(
  `${scenarios.length} scenarios, ${scenarios.reduce((a, s) => a + s.frames.length, 0)} frames\n`,
);
console.log(formatReport(report));
