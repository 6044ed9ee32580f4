import type { RegionId } from '../core/regions';
import { activeTotalMs, type SessionRecord, verdictTotals } from './session-record';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of a time, as `YYYY-MM-DD`. */
export function dayKey(ms: number): string {
  const date = new Date(ms);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Local midnight of the day `ms` falls on, moved by `days` days. */
export function startOfDay(ms: number, days = 0): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/** Whether a session counts as practice: time spent on a step or a stroke judged. */
export function practised(record: SessionRecord): boolean {
  const { good, wrong, other } = verdictTotals(record.steps);
  return activeTotalMs(record) > 0 || good + wrong + other > 0;
}

/** Minutes practised per local day, by `YYYY-MM-DD`. */
export function minutesByDay(records: readonly SessionRecord[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const record of records) {
    if (!practised(record)) continue;
    const key = dayKey(record.startedAt);
    days.set(key, (days.get(key) ?? 0) + activeTotalMs(record) / 60_000);
  }
  return days;
}

/**
 * Days in a row with practice, up to today; a streak is not broken until a whole day has gone by
 * without practice (so in the morning yesterday's streak still stands).
 */
export function streakDays(records: readonly SessionRecord[], now: number): number {
  const days = minutesByDay(records);
  let day = days.has(dayKey(now)) ? 0 : -1;
  let streak = 0;
  while (days.has(dayKey(startOfDay(now, day)))) {
    streak++;
    day--;
  }
  return streak;
}

/** Minutes per day over the last `count` days, today last. */
export function recentDays(
  records: readonly SessionRecord[],
  now: number,
  count: number,
): { day: number; minutes: number }[] {
  const days = minutesByDay(records);
  return Array.from({ length: count }, (_, i) => {
    const day = startOfDay(now, i - count + 1);
    return { day, minutes: days.get(dayKey(day)) ?? 0 };
  });
}

/** One week of direction accuracy: good strokes over good and wrong-way ones. */
export interface WeekAccuracy {
  /** Local midnight of the week's Monday. */
  readonly weekStart: number;
  readonly good: number;
  readonly wrong: number;
  /** good / (good + wrong); null for a week without such strokes. */
  readonly accuracy: number | null;
}

/** Monday 00:00 (local) of the week `ms` falls in. */
export function startOfWeek(ms: number): number {
  const weekday = (new Date(ms).getDay() + 6) % 7;
  return startOfDay(ms, -weekday);
}

/** Direction accuracy over the last `count` weeks, this week last. */
export function weeklyAccuracy(
  records: readonly SessionRecord[],
  now: number,
  count: number,
): WeekAccuracy[] {
  const thisWeek = startOfWeek(now);
  const weeks = Array.from({ length: count }, (_, i) => ({
    weekStart: startOfWeek(thisWeek - (count - 1 - i) * 7 * DAY_MS + DAY_MS / 2),
    good: 0,
    wrong: 0,
  }));
  for (const record of records) {
    const week = weeks.find((w) => w.weekStart === startOfWeek(record.startedAt));
    if (!week) continue;
    const { good, wrong } = verdictTotals(record.steps);
    week.good += good;
    week.wrong += wrong;
  }
  return weeks.map((w) => ({
    ...w,
    accuracy: w.good + w.wrong > 0 ? w.good / (w.good + w.wrong) : null,
  }));
}

/** How much each region of the face was worked: judged strokes and time. */
export interface RegionWork {
  strokes: number;
  activeMs: number;
}

/** Work per region over the last seven days (today included). */
export function regionWorkThisWeek(
  records: readonly SessionRecord[],
  now: number,
): Map<RegionId, RegionWork> {
  const since = startOfDay(now, -6);
  const work = new Map<RegionId, RegionWork>();
  for (const record of records) {
    if (record.startedAt < since || record.startedAt > now) continue;
    for (const step of record.steps) {
      if (!step.region) continue;
      const entry = work.get(step.region) ?? { strokes: 0, activeMs: 0 };
      const { good, wrong, other } = verdictTotals([step]);
      entry.strokes += good + wrong + other;
      entry.activeMs += step.activeMs;
      work.set(step.region, entry);
    }
  }
  return work;
}
