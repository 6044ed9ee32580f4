import type { TrackedFrame } from '../../src/core/frame';
import { type EngineEvent, StepEngine } from '../../src/core/step-engine';
import type { PlannedStroke, Scenario } from './scenarios';

/** What the engine made of one scenario. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly actual: string[];
  readonly completed: boolean;
  /** Aligned (expected, actual) verdict pairs; "-" marks a missed or extra stroke. */
  readonly pairs: [string, string][];
  readonly ok: boolean;
}

/** Totals over a corpus. */
export interface EvaluationReport {
  readonly results: ScenarioResult[];
  /** confusion[expected][actual] = count, verdicts without sides; "-" for none. */
  readonly confusion: Record<string, Record<string, number>>;
  readonly verdictsRight: number;
  readonly verdictsTotal: number;
  readonly completionsRight: number;
  readonly completionsTotal: number;
  /** Planned strokes of the recordings that the hand model never saw on their side: not counted. */
  readonly strokesUnseen: number;
}

/** Nose tip: the face's midline, to tell which side of the face a hand is on. */
const NOSE_TIP = 1;
/** Middle-finger knuckle: the middle of the hand. */
const HAND_MIDDLE = 9;

/**
 * Whether the hand model found a hand on a planned stroke's side of the face (any hand for a
 * stroke on the midline) in at least one frame of it. A stroke it never saw cannot be judged.
 */
export function strokeSeen(frames: readonly TrackedFrame[], stroke: PlannedStroke): boolean {
  return frames.some((f) => {
    const nose = f.face?.landmarks[NOSE_TIP];
    if (f.t < stroke.startMs || f.t > stroke.endMs || !nose) return false;
    return f.hands.some((hand) => {
      const x = hand.landmarks[HAND_MIDDLE]?.[0] ?? nose[0];
      // Unmirrored frame: the person's right side is on the image's left.
      if (stroke.side === 'right') return x < nose[0];
      if (stroke.side === 'left') return x > nose[0];
      return true;
    });
  });
}

/** Runs the engine over a scenario from its step and collects stroke verdicts and completion. */
export function runScenario(scenario: Scenario): { actual: string[]; completed: boolean } {
  const engine = new StepEngine(scenario.routine, scenario.size, scenario.step.id);
  const events: EngineEvent[] = [];
  for (const frame of scenario.frames) events.push(...engine.update(frame));
  const last = scenario.frames.at(-1);
  if (last) events.push(...engine.finish(last.t));
  const own = events.filter((e) => 'step' in e && e.step === scenario.step.id);
  return {
    actual: own.flatMap((e) => (e.type === 'stroke' ? [`${e.side}:${e.verdict}`] : [])),
    completed: own.some((e) => e.type === 'step-complete'),
  };
}

/** Aligns two verdict sequences with the fewest edits (substitutions count as one). */
export function align(expected: readonly string[], actual: readonly string[]): [string, string][] {
  const n = expected.length;
  const m = actual.length;
  const cost = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = expected[i - 1] === actual[j - 1] ? 0 : 1;
      const row = cost[i] as number[];
      const up = cost[i - 1] as number[];
      row[j] = Math.min(
        (up[j - 1] as number) + same,
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
      );
    }
  }
  const pairs: [string, string][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = cost[i]?.[j] as number;
    if (
      i > 0 &&
      j > 0 &&
      here === (cost[i - 1]?.[j - 1] as number) + (expected[i - 1] === actual[j - 1] ? 0 : 1)
    ) {
      pairs.push([expected[i - 1] as string, actual[j - 1] as string]);
      i--;
      j--;
    } else if (i > 0 && here === (cost[i - 1]?.[j] as number) + 1) {
      pairs.push([expected[i - 1] as string, '-']);
      i--;
    } else {
      pairs.push(['-', actual[j - 1] as string]);
      j--;
    }
  }
  return pairs.reverse();
}

const verdictOf = (label: string) =>
  label === '-' || label === '(none)' ? label : (label.split(':')[1] ?? label);

/** Evaluates the engine on every scenario. */
export function evaluate(scenarios: readonly Scenario[]): EvaluationReport {
  const confusion: Record<string, Record<string, number>> = {};
  const tally = (e: string, a: string) => {
    confusion[e] ??= {};
    const row = confusion[e] as Record<string, number>;
    row[a] = (row[a] ?? 0) + 1;
  };
  let verdictsRight = 0;
  let verdictsTotal = 0;
  let completionsRight = 0;
  let strokesUnseen = 0;
  const results = scenarios.map((scenario) => {
    const { actual, completed } = runScenario(scenario);
    let pairs: [string, string][];
    let verdictsOk: boolean;
    if (scenario.noStrokes) {
      const strokes = actual.filter((a) => !a.endsWith(':off-target'));
      pairs = strokes.length
        ? strokes.map((a) => ['-', a] as [string, string])
        : [['(none)', '(none)']];
      verdictsOk = strokes.length === 0;
    } else if (scenario.offTargetOnly) {
      // Only hints are expected: at least one, and nothing else.
      const hintsOnly = actual.length > 0 && actual.every((a) => a.endsWith(':off-target'));
      pairs = [['*:off-target', hintsOnly ? '*:off-target' : actual.join(',') || '-']];
      verdictsOk = hintsOnly;
    } else if (scenario.recorded) {
      const { expect: kind, planned } = scenario.recorded;
      const strokes = planned.length;
      const seen = planned.filter((p) => strokeSeen(scenario.frames, p)).length;
      strokesUnseen += planned.length - seen;
      const want = kind === 'correct' ? 'good' : 'wrong-direction';
      // Each verdict is paired with what the plan made; unjudged planned strokes are misses.
      pairs = actual.map((a) => [`*:${want}`, a.endsWith(`:${want}`) ? `*:${want}` : a]);
      const matched = pairs.filter(([e, a]) => e === a).length;
      const counted = kind === 'correct' && completed ? matched : seen;
      for (let i = matched; i < counted; i++) pairs.push([`*:${want}`, '-']);
      const misjudged = actual.filter((a) => !a.endsWith(`:${want}`)).length;
      verdictsOk =
        kind === 'correct' ? misjudged * 10 <= strokes : !actual.some((a) => a.endsWith(':good'));
    } else {
      pairs = align(scenario.expected, actual);
      verdictsOk = pairs.every(([e, a]) => e === a);
    }
    for (const [e, a] of pairs) {
      tally(verdictOf(e), a.includes(',') ? 'other' : verdictOf(a));
      verdictsTotal++;
      if (e === a) verdictsRight++;
    }
    if (completed === scenario.complete) completionsRight++;
    return {
      scenario,
      actual,
      completed,
      pairs,
      ok: verdictsOk && completed === scenario.complete,
    };
  });
  return {
    results,
    confusion,
    verdictsRight,
    verdictsTotal,
    completionsRight,
    completionsTotal: scenarios.length,
    strokesUnseen,
  };
}

/** The report as text: a confusion table and the two headline figures. */
export function formatReport(report: EvaluationReport): string {
  const labels = [
    ...new Set(Object.entries(report.confusion).flatMap(([e, row]) => [e, ...Object.keys(row)])),
  ].sort();
  const width = Math.max(16, ...labels.map((l) => l.length + 2));
  const pad = (s: string) => s.padStart(width);
  const lines = [
    `${'expected \\ actual'.padEnd(width)}${labels.map(pad).join('')}`,
    ...labels
      .filter((e) => report.confusion[e])
      .map(
        (e) =>
          `${e.padEnd(width)}${labels.map((a) => pad(String(report.confusion[e]?.[a] ?? 0))).join('')}`,
      ),
    '',
    `stroke verdicts right: ${report.verdictsRight}/${report.verdictsTotal} (${((100 * report.verdictsRight) / Math.max(1, report.verdictsTotal)).toFixed(1)}%)`,
    `step-completion decisions right: ${report.completionsRight}/${report.completionsTotal} (${((100 * report.completionsRight) / Math.max(1, report.completionsTotal)).toFixed(1)}%)`,
  ];
  const failed = report.results.filter((r) => !r.ok);
  lines.push(
    `scenarios fully right: ${report.results.length - failed.length}/${report.results.length}`,
  );
  if (report.strokesUnseen) {
    lines.push(
      `planned strokes the hand model never saw on their side (not counted): ${report.strokesUnseen}`,
    );
  }
  if (failed.length) {
    lines.push('', 'scenarios with differences:');
    for (const r of failed) {
      lines.push(
        `  ${r.scenario.name}: expected [${r.scenario.offTargetOnly ? 'off-target hints' : r.scenario.expected.join(' ')}] complete=${r.scenario.complete}; got [${r.actual.join(' ')}] complete=${r.completed}`,
      );
    }
  }
  return lines.join('\n');
}
