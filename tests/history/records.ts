import type { SessionRecord, StepRecord } from '../../src/history/session-record';

/** A step record with the given verdicts and time. */
export function stepRecord(overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    step: 'jawline-glide',
    title: 'Jawline glide',
    kind: 'glide',
    region: 'jawline-outward',
    reps: 8,
    perSide: true,
    durationMs: null,
    verdicts: { good: 16, 'wrong-direction': 2, 'too-short': 1 },
    activeMs: 90_000,
    status: 'done',
    ...overrides,
  };
}

/** A session record of one step, started at `startedAt`. */
export function sessionRecord(overrides: Partial<SessionRecord> = {}): SessionRecord {
  const startedAt = overrides.startedAt ?? Date.UTC(2026, 10, 30, 8, 0);
  return {
    id: `s-${startedAt}`,
    startedAt,
    endedAt: startedAt + 120_000,
    kind: 'routine',
    source: 'facegym-daily',
    title: 'FaceGym daily workout',
    steps: [stepRecord()],
    ...overrides,
  };
}
