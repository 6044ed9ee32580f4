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
    for (const routine of new Set(scenarios.filter((s) => !s.recorded).map((s) => s.routine))) {
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

  it('judges every stroke attempt of the generated corpus and the hard cases right', () => {
    const built = evaluate(scenarios.filter((s) => !s.recorded && !s.noStrokes));
    expect(built.verdictsRight, formatReport(built)).toBe(built.verdictsTotal);
    expect(built.completionsRight, formatReport(built)).toBe(built.completionsTotal);
    // NOTE: 1,400 scenarios of generated frames: about 20 s on this 2-core machine when it is busy.
  }, 120_000);

  it('counts no stroke in recordings where none is made', () => {
    for (const result of report.results.filter((r) => r.scenario.noStrokes))
      expect(result.ok, result.scenario.name).toBe(true);
  });

  it('completes every step whose correct strokes were all made, and no other', () => {
    const decided = report.results.filter((r) => !r.scenario.recorded);
    for (const result of decided)
      expect(result.completed, result.scenario.name).toBe(result.scenario.complete);
  });
});
