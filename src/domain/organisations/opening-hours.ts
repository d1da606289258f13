/** A session when a service is open, in Europe/London wall-clock time. */
export interface OpeningSession {
  /** ISO day of week: 1 Monday to 7 Sunday. */
  dayOfWeek: number;
  /** 'HH:MM' or 'HH:MM:SS'. */
  opens: string;
  closes: string;
}

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function minutes(time: string): number {
  const [hours = '0', mins = '0'] = time.split(':');
  return Number(hours) * 60 + Number(mins);
}

/** '9am', '5:30pm', 'midnight', 'midday': the style of the NHS.UK content guide. */
export function formatTime(time: string): string {
  const total = minutes(time) % (24 * 60);
  if (total === 0) return 'midnight';
  if (total === 12 * 60) return 'midday';
  const hours = Math.floor(total / 60);
  const mins = total % 60;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  return mins === 0 ? `${hour12}${suffix}` : `${hour12}:${String(mins).padStart(2, '0')}${suffix}`;
}

/** Describes opening hours in plain lines, joining neighbouring days with the same hours. */
export function describeOpeningHours(sessions: readonly OpeningSession[]): string[] {
  if (sessions.length === 0) return [];
  const byDay = new Map<number, string>();
  for (const session of [...sessions].sort((a, b) => minutes(a.opens) - minutes(b.opens))) {
    const isAllDay = minutes(session.opens) === 0 && minutes(session.closes) === 0;
    const text = isAllDay ? '24 hours' : `${formatTime(session.opens)} to ${formatTime(session.closes)}`;
    const existing = byDay.get(session.dayOfWeek);
    byDay.set(session.dayOfWeek, existing ? `${existing} and ${text}` : text);
  }
  const lines: string[] = [];
  let day = 1;
  while (day <= 7) {
    const hours = byDay.get(day);
    if (!hours) {
      day += 1;
      continue;
    }
    let last = day;
    while (last < 7 && byDay.get(last + 1) === hours) last += 1;
    const days =
      day === 1 && last === 7
        ? 'Every day'
        : last === day
          ? dayNames[day - 1]
          : `${dayNames[day - 1]} to ${dayNames[last - 1]}`;
    lines.push(`${days}: ${hours}`);
    day = last + 1;
  }
  return lines;
}

// Made once: building a formatter costs far more than using one.
const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London wall-clock day (1–7) and minute of day for an instant. */
export function londonWallClock(now: Date): { dayOfWeek: number; minuteOfDay: number } {
  const parts = londonFormat.formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const dayOfWeek = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { dayOfWeek, minuteOfDay: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * Whether a service is open at an instant. A session closing at 00:00 runs to midnight; a session
 * that goes past midnight is stored as two (the database refuses closes before opens).
 */
export function isOpenAt(sessions: readonly OpeningSession[], now: Date): boolean {
  const { dayOfWeek, minuteOfDay } = londonWallClock(now);
  return sessions.some((session) => {
    if (session.dayOfWeek !== dayOfWeek) return false;
    const opens = minutes(session.opens);
    const closes = minutes(session.closes) === 0 ? 24 * 60 : minutes(session.closes);
    return minuteOfDay >= opens && minuteOfDay < closes;
  });
}
