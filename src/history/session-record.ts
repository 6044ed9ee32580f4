import { z } from 'zod';
import { REGIONS, type RegionId } from '../core/regions';
import { describeIssues, type Routine, STEP_KINDS } from '../core/routine-schema';
import { countOverSides, type StepTally } from '../core/step-engine';
import type { StrokeVerdict } from '../core/stroke-tracker';

/** The version of the history format; files of other versions are refused on import. */
export const HISTORY_VERSION = 1;

/** How far a step got: done (its target reached), begun but not finished, or skipped. */
export type StepStatus = 'done' | 'partial' | 'skipped';

/** A step spent less time than this, with no stroke counted, was skipped (ms). */
export const SKIPPED_UNDER_MS = 3000;

const VERDICTS = [
  'good',
  'wrong-direction',
  'off-target',
  'too-fast',
  'too-slow',
  'too-short',
  'no-pinch',
  'no-hold',
  'jaw-relaxed',
  'fingers-pulling',
] as const satisfies readonly StrokeVerdict[];

const regionIds = Object.keys(REGIONS) as [RegionId, ...RegionId[]];
const count = z.number().int().min(0).max(100_000);
const ms = z
  .number()
  .min(0)
  .max(24 * 60 * 60 * 1000);

const stepRecordSchema = z.strictObject({
  step: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  kind: z.enum(STEP_KINDS),
  region: z.enum(regionIds).nullable(),
  /** Good strokes (or reps) wanted, per side when `perSide`; 0 for timed steps. */
  reps: count,
  perSide: z.boolean(),
  /** How long a timed step lasts (ms); null for the others. */
  durationMs: ms.nullable(),
  /** Judged strokes by verdict. */
  verdicts: z.partialRecord(z.enum(VERDICTS), count),
  activeMs: ms,
  status: z.enum(['done', 'partial', 'skipped']),
});

/** One session as the history keeps it: counts and timings only, never frames or landmarks. */
export const sessionRecordSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    /** When it began and ended (ms since the epoch). */
    startedAt: z.number().int().min(0),
    endedAt: z.number().int().min(0),
    kind: z.enum(['routine', 'session']),
    /** The routine's or session's id, and its title when it was done. */
    source: z.string().min(1).max(100),
    title: z.string().min(1).max(200),
    steps: z.array(stepRecordSchema).min(1).max(200),
  })
  .refine((r) => r.endedAt >= r.startedAt, {
    message: 'ends before it starts',
    path: ['endedAt'],
  });

export type StepRecord = z.infer<typeof stepRecordSchema>;
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** What a history file holds. */
export const historyFileSchema = z.strictObject({
  app: z.literal('massage-coach'),
  version: z.literal(HISTORY_VERSION, {
    error: (issue) =>
      `this file is of history version ${JSON.stringify(issue.input)}; this app reads version ${HISTORY_VERSION}`,
  }),
  exportedAt: z.number().int().min(0),
  sessions: z.array(sessionRecordSchema).max(100_000),
});
export type HistoryFile = z.infer<typeof historyFileSchema>;

/** How a step of a routine went, from its tally. */
export function stepStatus(tally: StepTally): StepStatus {
  if (tally.completedAt !== null) return 'done';
  const strokes =
    countOverSides(tally.counts, 'good') +
    countOverSides(tally.counts, 'wrongDirection') +
    countOverSides(tally.counts, 'other');
  return strokes > 0 || tally.activeMs >= SKIPPED_UNDER_MS ? 'partial' : 'skipped';
}

/** The record of a session from its routine and the engine's tallies. */
export function toSessionRecord(input: {
  id: string;
  routine: Routine;
  kind: 'routine' | 'session';
  source: string;
  tallies: readonly StepTally[];
  startedAt: number;
  endedAt: number;
}): SessionRecord {
  const steps = input.routine.steps.map((step): StepRecord => {
    const tally = input.tallies.find((t) => t.step === step.id);
    return {
      step: step.id,
      title: step.title,
      kind: step.kind,
      region: step.region ?? null,
      reps: step.reps,
      perSide: step.sides === 'each',
      durationMs: step.kind === 'timed' ? step.durationMs : null,
      verdicts: tally ? { ...tally.verdicts } : {},
      activeMs: Math.round(tally?.activeMs ?? 0),
      status: tally ? stepStatus(tally) : 'skipped',
    };
  });
  return {
    id: input.id,
    startedAt: Math.round(input.startedAt),
    endedAt: Math.round(Math.max(input.endedAt, input.startedAt)),
    kind: input.kind,
    source: input.source,
    title: input.routine.title,
    steps,
  };
}

/** Judged strokes of a step (or of several) by kind: good, wrong way, and every other verdict. */
export function verdictTotals(steps: readonly StepRecord[]): {
  good: number;
  wrong: number;
  other: number;
} {
  let good = 0;
  let wrong = 0;
  let other = 0;
  for (const step of steps) {
    for (const [verdict, n] of Object.entries(step.verdicts)) {
      if (verdict === 'good') good += n;
      else if (verdict === 'wrong-direction') wrong += n;
      else other += n;
    }
  }
  return { good, wrong, other };
}

/** Time spent on the steps of a session (ms). */
export function activeTotalMs(record: SessionRecord): number {
  return record.steps.reduce((sum, step) => sum + step.activeMs, 0);
}

/** Whether every step of the session was done. */
export function allDone(record: SessionRecord): boolean {
  return record.steps.every((step) => step.status === 'done');
}

/** History files larger than this are refused before they are read (bytes). */
export const MAX_HISTORY_FILE_BYTES = 10 * 1024 * 1024;

/** The outcome of reading a history file. */
export type HistoryFileResult = { ok: true; file: HistoryFile } | { ok: false; error: string };

/** Reads and checks a history file's text; errors say what is wrong in words a person can act on. */
export function parseHistoryFile(text: string): HistoryFileResult {
  if (text.length > MAX_HISTORY_FILE_BYTES)
    return { ok: false, error: 'This file is too large to be a history file from this app.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a history file: it is not JSON.' };
  }
  const result = historyFileSchema.safeParse(data);
  if (!result.success)
    return {
      ok: false,
      error: `This file is not a history file this app can read: ${describeIssues(result.error)}.`,
    };
  const ids = new Set<string>();
  for (const session of result.data.sessions) {
    if (ids.has(session.id))
      return { ok: false, error: `This file lists session "${session.id}" twice.` };
    ids.add(session.id);
  }
  return { ok: true, file: result.data };
}

/** A history file of these sessions. */
export function toHistoryFile(sessions: readonly SessionRecord[], now: number): HistoryFile {
  return {
    app: 'massage-coach',
    version: HISTORY_VERSION,
    exportedAt: now,
    sessions: [...sessions],
  };
}
