import { z } from 'zod';
import type { StepTally } from '../core/step-engine';
import { type SessionRecord, sessionRecordSchema } from '../history/session-record';

/** A session's progress, kept so that a reload or a closed tab can go on where it was. */
export interface SavedProgress {
  readonly kind: 'routine' | 'session';
  readonly id: string;
  readonly title: string;
  /** The step the person was on, and its place. */
  readonly stepId: string;
  readonly stepIndex: number;
  readonly stepCount: number;
  /** Each step's counts so far, and whether it was done. */
  readonly tallies: readonly SavedTally[];
  /** When it was saved, and when the session began (ms since the epoch). */
  readonly savedAt: number;
  readonly startedAt?: number;
}

export interface SavedTally {
  readonly step: string;
  readonly counts: StepTally['counts'];
  readonly verdicts?: StepTally['verdicts'];
  readonly activeMs?: number;
  readonly completed: boolean;
}

/** Progress older than this is not offered any more (ms). */
export const RESUME_WITHIN_MS = 12 * 60 * 60 * 1000;
const PROGRESS_KEY = 'massage-coach:progress';
const SUMMARY_KEY = 'massage-coach:summary';

const count = z.object({
  good: z.number().int().min(0),
  wrongDirection: z.number().int().min(0),
  other: z.number().int().min(0),
});
const tally = z.object({
  step: z.string(),
  counts: z.object({ left: count, right: count, center: count }),
  verdicts: z.record(z.string(), z.number().int().min(0)).optional(),
  activeMs: z.number().min(0).optional(),
  completed: z.boolean(),
});
const progress = z.object({
  kind: z.enum(['routine', 'session']),
  id: z.string(),
  title: z.string(),
  stepId: z.string(),
  stepIndex: z.number().int().min(0),
  stepCount: z.number().int().min(1),
  tallies: z.array(tally),
  savedAt: z.number(),
  startedAt: z.number().optional(),
});

/** The counts of each step, as kept. */
export function toSavedTallies(tallies: readonly StepTally[]): SavedTally[] {
  return tallies.map((t) => ({
    step: t.step,
    counts: t.counts,
    verdicts: t.verdicts,
    activeMs: t.activeMs,
    completed: t.completedAt !== null,
  }));
}

function read<T>(storage: Storage | undefined, key: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(storage?.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    // NOTE: storage can be off (private modes) or hold something that is not JSON: no progress then.
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // NOTE: a full or disabled storage only loses the chance to resume; the session goes on.
  }
}

/** Progress to offer for resuming, if there is recent progress. */
export function loadProgress(
  storage: Storage | undefined = globalThis.localStorage,
  now = Date.now(),
): SavedProgress | null {
  const saved = read(storage, PROGRESS_KEY, progress);
  return saved && now - saved.savedAt <= RESUME_WITHIN_MS && saved.savedAt <= now ? saved : null;
}

/** Keeps progress (null forgets it). */
export function saveProgress(
  saved: SavedProgress | null,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  write(storage, PROGRESS_KEY, saved);
}

/** The last finished session of this tab, so that reloading its summary shows it again. */
export function loadSummary(
  storage: Storage | undefined = globalThis.sessionStorage,
): SessionRecord | null {
  return read(storage, SUMMARY_KEY, sessionRecordSchema);
}

export function saveSummary(
  saved: SessionRecord | null,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  write(storage, SUMMARY_KEY, saved);
}
