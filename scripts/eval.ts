// Runs the step engine over the labelled corpus and prints a confusion table of verdicts and the
// share of correct step-completion decisions.
import { evaluate, formatReport } from '../tests/corpus/evaluate.ts';
import { hardCases } from '../tests/corpus/hard-cases.ts';
import { atLowerRate, recordedCorpus } from '../tests/corpus/recorded.ts';
import { generatedCorpus } from '../tests/corpus/scenarios.ts';

const recordings = recordedCorpus();
const sets = {
  generated: generatedCorpus(),
  'hard cases': hardCases(),
  'real-model recordings': recordings,
  // A slow machine tracks fewer frames: the same recordings at 7.5 and 5 frames a second.
  'recordings at 7.5 fps': atLowerRate(recordings, 2),
  'recordings at 5 fps': atLowerRate(recordings, 3),
};
for (const [name, set] of Object.entries(sets)) {
  const part = evaluate(set);
  const lines = formatReport(part).split('\n');
  console.log(
    `${name}: ${set.length} scenarios; ${lines.find((l) => l.startsWith('stroke verdicts'))}; ${lines.find((l) => l.startsWith('scenarios fully'))}${part.strokesUnseen ? `; ${part.strokesUnseen} planned stroke(s) never seen by the hand model, not counted` : ''}`,
  );
}
const recorded = evaluate(recordings).results.filter((r) => r.scenario.recorded);
for (const r of recorded) {
  const kinds = new Map<string, number>();
  for (const a of r.actual) {
    const verdict = a.split(':')[1] ?? a;
    kinds.set(verdict, (kinds.get(verdict) ?? 0) + 1);
  }
  console.log(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.scenario.name}: ${r.scenario.recorded?.planned.length} strokes made, hands found in ${Math.round(100 * (r.scenario.recorded?.handsFound ?? 0))}% of their frames; ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'no verdict'}; step ${r.completed ? 'completed' : 'not completed'}`,
  );
}
for (const name of ['recordings at 7.5 fps', 'recordings at 5 fps'] as const) {
  for (const r of evaluate(sets[name]).results.filter((r) => !r.ok && r.scenario.recorded))
    console.log(`  FAIL ${r.scenario.name}: ${r.actual.join(' ') || 'no verdict'}`);
}
console.log('');
const scenarios = [...sets.generated, ...sets['hard cases'], ...recordings];
const report = evaluate(scenarios);
console.log(
  `${scenarios.length} scenarios, ${scenarios.reduce((a, s) => a + s.frames.length, 0)} frames\n`,
);
console.log(formatReport(report));
