import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from './evaluate';
import { recordedCorpus } from './recorded';
import { generatedCorpus } from './scenarios';

describe('the engine on the labelled corpus', () => {
  const scenarios = [...generatedCorpus(), ...recordedCorpus()];
  const report = evaluate(scenarios);

  it('covers every recognised step of every routine with positives and negatives', () => {
    const steps = new Set(scenarios.map((s) => `${s.routine.id}/${s.step.id}`));
    for (const routine of new Set(scenarios.map((s) => s.routine))) {
      for (const step of routine.steps.filter((s) => s.kind !== 'timed')) {
        expect(steps, step.id).toContain(`${routine.id}/${step.id}`);
        const own = scenarios.filter((s) => s.step.id === step.id);
        expect(
          own.some((s) => s.complete),
          `${step.id} positive`,
        ).toBe(true);
        expect(
          own.some((s) => !s.complete && s.expected.length === 0),
          `${step.id} negative`,
        ).toBe(true);
      }
    }
  });

  it('judges at least 98% of stroke attempts right', () => {
    expect(
      report.verdictsRight / report.verdictsTotal,
      formatReport(report),
    ).toBeGreaterThanOrEqual(0.98);
  });

  it('decides every step completion right', () => {
    expect(report.completionsRight, formatReport(report)).toBe(report.completionsTotal);
  });
});
