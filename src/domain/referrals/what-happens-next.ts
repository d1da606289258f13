import { londonDate } from '../people/child-details.js';

/**
 * What a referrer is told on submitting, in plain words: who looks at the request, by when, and
 * how they will be contacted. The wording never names mental health services for a young
 * person's own request, so a notification seen by someone else at home gives nothing away.
 */
export type ReferrerKind = 'school' | 'gp' | 'professional' | 'parent' | 'self';

/** The day `workingDays` working days (Monday to Friday) after `from`, as an ISO date in England. */
export function addWorkingDays(from: Date, workingDays: number): string {
  const day = new Date(`${londonDate(from)}T12:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Monday 7 December 2026", the GOV.UK style (no comma after the day's name). */
export function formatLongDate(isoDate: string): string {
  const parts = Object.fromEntries(
    longDate.formatToParts(new Date(`${isoDate}T12:00:00Z`)).map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

export interface WhatHappensNext {
  headline: string;
  steps: string[];
  /** The date by which triage will have looked at the request (ISO date). */
  lookedAtBy: string;
}

export function whatHappensNext(input: {
  kind: ReferrerKind;
  receivedAt: Date;
  isUrgent: boolean;
  triageWorkingDays: number;
  contactRoutes: readonly string[];
}): WhatHappensNext {
  const days = input.isUrgent ? 1 : input.triageWorkingDays;
  const lookedAtBy = addWorkingDays(input.receivedAt, days);
  const by = formatLongDate(lookedAtBy);
  const how = input.contactRoutes.length > 0 ? ` by ${joinWords(input.contactRoutes.map(routeWords))}` : '';
  if (input.kind === 'self') {
    return {
      headline: 'We have got your request',
      steps: [
        `Someone from our team will read it by ${by}.`,
        `We will contact you${how}, the way you chose. We will not tell anyone else unless we are worried about your safety.`,
        'If you feel unsafe before then, call 999 or go to A&E. You can also call NHS 111 and choose the mental health option.',
      ],
      lookedAtBy,
    };
  }
  const who = input.kind === 'parent' ? 'you' : 'you and the family';
  return {
    headline: 'Referral received',
    steps: [
      `A clinician at the single point of access will look at it by ${by}${input.isUrgent ? ', because you told us it is urgent' : ''}.`,
      `They may discuss it with other services at a multi-agency meeting, and will decide which service can help best.`,
      `We will tell ${who}${how} what we decided and what happens next.`,
      'If the young person is at risk now, call 999. For urgent mental health help, call NHS 111 and choose the mental health option.',
    ],
    lookedAtBy,
  };
}

function routeWords(route: string): string {
  return (
    ({ phone: 'phone', text: 'text message', email: 'email', letter: 'letter' } as Record<string, string>)[
      route
    ] ?? route
  );
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
