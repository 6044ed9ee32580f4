import { describe, expect, it } from 'vitest';
import { reminderCalendar } from '../../src/history/reminders';

const now = new Date(2026, 11, 1, 10, 30).getTime();

/** The events of a calendar, each as a map of its properties (alarms left out). */
function events(text: string): Record<string, string>[] {
  return text
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((block) => {
      const event = block.split('BEGIN:VALARM')[0] ?? '';
      return Object.fromEntries(
        event
          .split('\r\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
      );
    });
}

describe('reminder calendar files', () => {
  it('sets the daily routine morning and evening, every day, from today', () => {
    const text = reminderCalendar('daily', now);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const list = events(text);
    expect(list.map((e) => [e.DTSTART, e.RRULE])).toEqual([
      ['20261201T080000', 'FREQ=DAILY'],
      ['20261201T210000', 'FREQ=DAILY'],
    ]);
    expect(new Set(list.map((e) => e.UID)).size).toBe(2);
    expect(text.match(/BEGIN:VALARM/g)).toHaveLength(2);
  });

  it('sets the extended session three or four days apart', () => {
    const [event] = events(reminderCalendar('extended', now));
    expect(event?.RRULE).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(event?.SUMMARY).toMatch(/extended session/);
  });

  it('writes only CRLF lines of at most 75 characters', () => {
    for (const plan of ['daily', 'extended'] as const) {
      const lines = reminderCalendar(plan, now).split('\r\n');
      expect(lines.every((l) => !l.includes('\n') && l.length <= 75)).toBe(true);
    }
  });
});
