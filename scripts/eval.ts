// Runs the step engine over the labelled corpus and prints a confusion table of verdicts and the
// share of correct step-completion decisions.
import { evaluate, formatReport } from '../tests/corpus/evaluate.ts';
import { recordedCorpus } from '../tests/corpus/recorded.ts';
import { generatedCorpus } from '../tests/corpus/scenarios.ts';

const scenarios = [...generatedCorpus(), ...recordedCorpus()];
const report = evaluate(scenarios);
console.log(
  `${scenarios.length} scenarios, ${scenarios.reduce((a, s) => a + s.frames.length, 0)} frames\n`,
);
console.log(formatReport(report));
