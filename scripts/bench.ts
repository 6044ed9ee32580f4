// Benchmark: the step engine's cost per frame over the labelled corpus (all step kinds).
import { StepEngine } from '../src/core/step-engine.ts';
import { quantile } from '../src/tracking/pipeline-stats.ts';
import { generatedCorpus } from '../tests/corpus/scenarios.ts';

const scenarios = generatedCorpus();
const byKind = new Map<string, number[]>();
const all: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const scenario of scenarios) {
    const engine = new StepEngine(scenario.routine, scenario.size, scenario.step.id);
    for (const frame of scenario.frames) {
      const start = process.hrtime.bigint();
      engine.update(frame);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (round === 0) continue; // the first round warms up the JIT
      all.push(ms);
      const list = byKind.get(scenario.step.kind) ?? [];
      list.push(ms);
      byKind.set(scenario.step.kind, list);
    }
  }
}

const row = (label: string, values: number[]) =>
  `${label.padEnd(12)} ${String(values.length).padStart(7)}  ${quantile(values, 0.5).toFixed(4).padStart(8)}  ${quantile(values, 0.95).toFixed(4).padStart(8)}  ${quantile(values, 0.99).toFixed(4).padStart(8)}`;

console.log(
  `step engine cost per frame, ms (node ${process.version}, ${scenarios.length} scenarios, 2 timed rounds)`,
);
console.log(
  `${'kind'.padEnd(12)} ${'frames'.padStart(7)}  ${'median'.padStart(8)}  ${'p95'.padStart(8)}  ${'p99'.padStart(8)}`,
);
for (const [kind, values] of [...byKind.entries()].sort()) console.log(row(kind, values));
console.log(row('all', all));
