import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from './evaluate';
import { hardCases } from './hard-cases';
import { recordedCorpus } from './recorded';
import { generatedCorpus } from './scenarios';

describe('the engine on the labelled corpus', () => {
  const scenarios = [...generatedCorpus(), ...hardCases(), ...recordedCorpus()];
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

  it('judges every stroke attempt right', () => {
    expect(report.verdictsRight, formatReport(report)).toBe(report.verdictsTotal);
  });

  it('completes every correct real-model recording with at most one non-good verdict in ten strokes, and rejects every reversed one', () => {
    const recorded = report.results.filter((r) => r.scenario.recorded);
    expect(recorded.map((r) => r.scenario.recorded?.expect)).toContain('correct');
    expect(recorded.map((r) => r.scenario.recorded?.expect)).toContain('reversed');
    for (const result of recorded) expect(result.ok, result.scenario.name).toBe(true);
  });

  it('decides every step completion right', () => {
    expect(report.completionsRight, formatReport(report)).toBe(report.completionsTotal);
  });
});
