import { describe, expect, it } from 'vitest';
import {
  dayKey,
  minutesByDay,
  recentDays,
  regionWorkThisWeek,
  startOfWeek,
  streakDays,
  weeklyAccuracy,
} from '../../src/history/history-stats';
import { sessionRecord, stepRecord } from './records';

/** Local time on a day of November or December 2026. */
const at = (month: number, day: number, hour = 9) => new Date(2026, month, day, hour).getTime();
const NOV = 10;
const DEC = 11;

const session = (month: number, day: number, minutes = 2, hour = 9) =>
  sessionRecord({
    id: `s-${month}-${day}-${hour}`,
    startedAt: at(month, day, hour),
    endedAt: at(month, day, hour) + minutes * 60_000,
    steps: [stepRecord({ activeMs: minutes * 60_000 })],
  });

describe('history figures', () => {
  it('adds up the minutes of each local day', () => {
    const days = minutesByDay([session(NOV, 29, 2), session(NOV, 29, 3, 20), session(NOV, 30, 1)]);
    expect(days.get(dayKey(at(NOV, 29)))).toBe(5);
    expect(days.get(dayKey(at(NOV, 30)))).toBe(1);
  });

  it('leaves out sessions in which nothing was done', () => {
    const empty = sessionRecord({
      startedAt: at(NOV, 28),
      endedAt: at(NOV, 28),
      steps: [stepRecord({ activeMs: 0, verdicts: {}, status: 'skipped' })],
    });
    expect(minutesByDay([empty]).size).toBe(0);
  });

  it('counts the streak of days in a row up to today, or up to yesterday in the morning', () => {
    const records = [session(NOV, 27), session(NOV, 28), session(NOV, 29), session(NOV, 30)];
    expect(streakDays(records, at(NOV, 30, 21))).toBe(4);
    expect(streakDays(records, at(DEC, 1, 7))).toBe(4);
    expect(streakDays(records, at(DEC, 2, 7))).toBe(0);
    expect(streakDays([session(NOV, 26), ...records.slice(1)], at(NOV, 30, 21))).toBe(3);
    expect(streakDays([], at(NOV, 30))).toBe(0);
  });

  it('gives the minutes of the last days, today last, across a month end', () => {
    const days = recentDays([session(NOV, 30, 4), session(DEC, 1, 2)], at(DEC, 1, 22), 3);
    expect(days.map((d) => [dayKey(d.day), d.minutes])).toEqual([
      [dayKey(at(NOV, 29)), 0],
      [dayKey(at(NOV, 30)), 4],
      [dayKey(at(DEC, 1)), 2],
    ]);
  });

  it('gives direction accuracy per week from Monday, null for a week without strokes', () => {
    // 30 Nov 2026 is a Monday.
    expect(startOfWeek(at(DEC, 3))).toBe(new Date(2026, NOV, 30).getTime());
    const good = sessionRecord({
      id: 'a',
      startedAt: at(DEC, 1),
      endedAt: at(DEC, 1),
      steps: [stepRecord({ verdicts: { good: 9, 'wrong-direction': 1, 'off-target': 5 } })],
    });
    const older = sessionRecord({
      id: 'b',
      startedAt: at(NOV, 17),
      endedAt: at(NOV, 17),
      steps: [stepRecord({ verdicts: { good: 1, 'wrong-direction': 3 } })],
    });
    const weeks = weeklyAccuracy([good, older], at(DEC, 3), 3);
    expect(weeks.map((w) => w.accuracy)).toEqual([0.25, null, 0.9]);
    expect(weeks[2]).toMatchObject({ good: 9, wrong: 1 });
  });

  it('tells how much each region was worked in the last seven days', () => {
    const recent = sessionRecord({
      id: 'a',
      startedAt: at(DEC, 1),
      endedAt: at(DEC, 1),
      steps: [
        stepRecord({
          region: 'jawline-outward',
          activeMs: 60_000,
          verdicts: { good: 10, 'too-short': 2 },
        }),
        stepRecord({ step: 'serum', kind: 'timed', region: null, activeMs: 30_000, verdicts: {} }),
      ],
    });
    const old = sessionRecord({
      id: 'b',
      startedAt: at(NOV, 20),
      endedAt: at(NOV, 20),
      steps: [stepRecord({ region: 'brow-outward' })],
    });
    const work = regionWorkThisWeek([recent, old], at(DEC, 3));
    expect(work.get('jawline-outward')).toEqual({ strokes: 12, activeMs: 60_000 });
    expect(work.has('brow-outward')).toBe(false);
    expect(work.size).toBe(1);
  });
});
