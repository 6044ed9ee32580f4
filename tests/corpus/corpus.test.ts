import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from './evaluate';
import { hardCases } from './hard-cases';
import { atLowerRate, recordedCorpus } from './recorded';
import { generatedCorpus } from './scenarios';

/** Share of a recording's stroke frames with a hand found, below which its strokes cannot all count. */
const MIN_HANDS_FOUND = 0.6;

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
  });

  it('counts no stroke in recordings where none is made', () => {
    for (const result of report.results.filter((r) => r.scenario.noStrokes))
      expect(result.ok, result.scenario.name).toBe(true);
  });

  /**
   * Every real-model recording judged as made: correct strokes all counted with at most one other
   * verdict per ten strokes, reversed ones never counted good. Where the hand model found the hand
   * in under MIN_HANDS_FOUND of a clip's stroke frames, strokes not seen cannot be counted, but
   * what was seen must not draw false feedback.
   */
  function expectRecordingsJudged(results: typeof report.results): void {
    const unseen = (r: (typeof results)[number]) =>
      r.scenario.recorded?.expect === 'correct' && r.scenario.recorded.handsFound < MIN_HANDS_FOUND;
    for (const r of results.filter(unseen)) {
      const misjudged = r.actual.filter((a) => !a.endsWith(':good')).length;
      expect(misjudged * 10, r.scenario.name).toBeLessThanOrEqual(
        r.scenario.recorded?.strokes ?? 0,
      );
    }
    const failing = results.filter((r) => !r.ok && !unseen(r));
    expect(
      failing.map((r) => r.scenario.name),
      formatReport(evaluate(failing.map((r) => r.scenario))),
    ).toEqual([]);
  }

  it('judges the real-model recordings of correct and reversed strokes as made', () => {
    const recorded = report.results.filter((r) => r.scenario.recorded);
    const kinds = recorded.map((r) => r.scenario.recorded?.expect);
    expect(kinds).toContain('correct');
    expect(kinds).toContain('reversed');
    expectRecordingsJudged(recorded);
  });

  it('judges them the same on a slow machine, at 7.5 and 5 tracked frames a second', () => {
    const recorded = scenarios.filter((s) => s.recorded);
    for (const step of [2, 3])
      expectRecordingsJudged(evaluate(atLowerRate(recorded, step)).results);
  });

  it('completes every step whose correct strokes were all made, and no other', () => {
    const decided = report.results.filter((r) => !r.scenario.recorded);
    for (const result of decided)
      expect(result.completed, result.scenario.name).toBe(result.scenario.complete);
  });
});
