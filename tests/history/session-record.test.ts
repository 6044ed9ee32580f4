import { describe, expect, it } from 'vitest';
import { findRoutine, TOOL_STEPS } from '../../src/core/routines';
import type { StepTally } from '../../src/core/step-engine';
import {
  allDone,
  HISTORY_VERSION,
  MAX_HISTORY_FILE_BYTES,
  parseHistoryFile,
  stepStatus,
  toHistoryFile,
  toSessionRecord,
  verdictTotals,
} from '../../src/history/session-record';
import { sessionRecord, stepRecord } from './records';

const zero = { good: 0, wrongDirection: 0, other: 0 };

function tally(step: string, over: Partial<StepTally> = {}): StepTally {
  return {
    step,
    counts: { left: { ...zero }, right: { ...zero }, center: { ...zero } },
    verdicts: {},
    activeMs: 0,
    startedAt: null,
    completedAt: null,
    ...over,
  };
}

describe('session records', () => {
  const routine = findRoutine('facegym-daily');
  if (!routine) throw new Error('facegym-daily missing');

  it('marks a step done only when its target was reached, and skipped when it was passed over', () => {
    expect(stepStatus(tally('a', { completedAt: 5000, activeMs: 100 }))).toBe('done');
    expect(
      stepStatus(
        tally('a', { counts: { left: { ...zero, other: 1 }, right: zero, center: zero } }),
      ),
    ).toBe('partial');
    expect(stepStatus(tally('a', { activeMs: 3000 }))).toBe('partial');
    expect(stepStatus(tally('a', { activeMs: 2999 }))).toBe('skipped');
  });

  it('lists every step of the routine with its target, verdicts, time and status', () => {
    const [first, second] = routine.steps;
    if (!first || !second) throw new Error('routine too short');
    const record = toSessionRecord({
      id: 'x',
      routine,
      kind: 'routine',
      source: routine.id,
      tallies: [
        tally(first.id, {
          verdicts: { good: 12, 'wrong-direction': 1, 'too-short': 2 },
          activeMs: 61_234.4,
          completedAt: 70_000,
        }),
      ],
      startedAt: 1000,
      endedAt: 900,
    });
    expect(record.steps).toHaveLength(routine.steps.length);
    expect(record.steps[0]).toMatchObject({
      step: first.id,
      title: first.title,
      reps: first.reps,
      perSide: first.sides === 'each',
      verdicts: { good: 12, 'wrong-direction': 1, 'too-short': 2 },
      activeMs: 61_234,
      status: 'done',
    });
    expect(record.steps[1]).toMatchObject({ step: second.id, status: 'skipped', activeMs: 0 });
    expect(record.endedAt).toBe(1000);
    expect(allDone(record)).toBe(false);
    expect(verdictTotals(record.steps)).toEqual({ good: 12, wrong: 1, other: 2 });
  });

  it('gives a timed step its duration as the target', () => {
    const timed = TOOL_STEPS.find((s) => s.kind === 'timed');
    if (timed?.kind !== 'timed') throw new Error('no timed tool step');
    const record = toSessionRecord({
      id: 'x',
      routine: { ...routine, steps: [timed] },
      kind: 'session',
      source: 's',
      tallies: [],
      startedAt: 0,
      endedAt: 0,
    });
    expect(record.steps[0]).toMatchObject({ kind: 'timed', durationMs: timed.durationMs });
  });
});

describe('history files', () => {
  const file = toHistoryFile(
    [sessionRecord(), sessionRecord({ startedAt: Date.UTC(2026, 10, 29) })],
    5,
  );

  it('reads back what it wrote', () => {
    const read = parseHistoryFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, file });
  });

  it.each([
    ['not JSON', '{"app": "massage', /not JSON/],
    ['another app', JSON.stringify({ ...file, app: 'other' }), /app/],
    ['another version', JSON.stringify({ ...file, version: HISTORY_VERSION + 1 }), /version 2/],
    ['no version', JSON.stringify({ ...file, version: undefined }), /version/],
    ['a field it does not know', JSON.stringify({ ...file, extra: 1 }), /extra/],
    [
      'a session with a negative count',
      JSON.stringify({
        ...file,
        sessions: [sessionRecord({ steps: [stepRecord({ verdicts: { good: -1 } })] })],
      }),
      /sessions\.0\.steps\.0\.verdicts\.good/,
    ],
    [
      'a session that ends before it starts',
      JSON.stringify({ ...file, sessions: [sessionRecord({ endedAt: 0 })] }),
      /ends before it starts/,
    ],
    [
      'a session with landmarks in it',
      JSON.stringify({ ...file, sessions: [{ ...sessionRecord(), landmarks: [[0.1, 0.2]] }] }),
      /landmarks/,
    ],
    [
      'the same session twice',
      JSON.stringify({ ...file, sessions: [sessionRecord(), sessionRecord()] }),
      /twice/,
    ],
    ['too large a file', ' '.repeat(MAX_HISTORY_FILE_BYTES + 1), /too large/],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const read = parseHistoryFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(reason);
  });
});
