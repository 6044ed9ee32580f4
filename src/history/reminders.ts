/** Which rhythm a reminder file sets: the daily routine, or the longer session. */
export type ReminderPlan = 'daily' | 'extended';

interface ReminderEvent {
  readonly id: string;
  readonly title: string;
  readonly hour: number;
  readonly minutes: number;
  readonly rule: string;
}

/** The rhythm the FaceGym article recommends: the daily routine morning and evening, the extended session every three or four days. */
const PLANS: Readonly<Record<ReminderPlan, readonly ReminderEvent[]>> = {
  daily: [
    {
      id: 'daily-morning',
      title: 'Face massage: morning routine',
      hour: 8,
      minutes: 0,
      rule: 'FREQ=DAILY',
    },
    {
      id: 'daily-evening',
      title: 'Face massage: evening routine',
      hour: 21,
      minutes: 0,
      rule: 'FREQ=DAILY',
    },
  ],
  // Monday and Thursday: three days apart, then four.
  extended: [
    {
      id: 'extended',
      title: 'Face massage: the extended session',
      hour: 19,
      minutes: 30,
      rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    },
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date-time with no time zone ("floating"): the reminder keeps its hour when travelling. */
function floating(date: Date, hour: number, minutes: number): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}T${pad(hour)}${pad(minutes)}00`;
}

function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/**
 * A calendar file (iCalendar, RFC 5545) with repeating reminders for a plan, starting on the day
 * of `now`, each with an alert at its time. Nothing is sent anywhere: the person opens the file
 * in their own calendar app.
 */
export function reminderCalendar(plan: ReminderPlan, now: number): string {
  const today = new Date(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//massage-coach//reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const event of PLANS[plan]) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}-${utcStamp(now)}@massage-coach.local`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${floating(today, event.hour, event.minutes)}`,
      'DURATION:PT10M',
      `RRULE:${event.rule}`,
      `SUMMARY:${event.title}`,
      'DESCRIPTION:Open Massage coach and follow the arrows.',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${event.title}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  // NOTE: iCalendar lines end in CRLF.
  return `${lines.join('\r\n')}\r\n`;
}
