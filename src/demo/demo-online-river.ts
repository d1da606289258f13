import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import { addChat, type DemoOnlineContext, londonAt, MINUTE_MS, weekdayOf } from './demo-online-chats.js';
import { chatThemes } from './demo-online-text.js';

/** The named demo young person: sign in at /online/sign-in with this username and the demo password. */
export const DEMO_YOUNG_PERSON_USERNAME = 'demo-river';

const DAY_MS = 86_400_000;

const journal = [
  'Mocks start next week. I feel sick thinking about it but I made a timetable.',
  'Talked to the counsellor again. Doing revision in short bits is actually better.',
  'Had a nice walk with Sam after school. Felt lighter.',
  'Maths went ok! Not perfect but ok.',
];
const moodNotes = ['tired', 'worried about mocks', 'good day with Sam', 'slept better', null, null];
const goals: [string, number[]][] = [
  ['Feel calmer before exams', [3, 4, 6]],
  ['Tell Mum how I am feeling', [2, 3, 5]],
];

/**
 * River, 15, who has chatted four times about exam worries, has a booking on Wednesday evening
 * with the named demo counsellor, a message thread, a journal, three weeks of moods and two goals.
 */
export function addDemoRiver(ctx: DemoOnlineContext, organisations: OrganisationsData, counsellor: string) {
  const { faker, rows, now } = ctx;
  const today = Math.floor(now.getTime() / DAY_MS);
  const id = faker.string.uuid();
  const school = organisations.schools.find((s) => s.phase === 'secondary');
  const exams = chatThemes.find((t) => t.key === 'exams') ?? chatThemes[0];
  const chatDays = [today - 40, today - 26, today - 12, today - 4];
  const eveningOf = (day: number, minute: number) => {
    let d = day;
    while (weekdayOf(d) >= 6) d -= 1;
    return londonAt(d, minute);
  };
  rows.accounts.push({
    id,
    serviceId: ctx.serviceId,
    organisationId: '',
    username: DEMO_YOUNG_PERSON_USERNAME,
    usernameKey: DEMO_YOUNG_PERSON_USERNAME,
    passwordHash: '',
    ageAtSignUp: 15,
    gender: 'non-binary',
    schoolUrn: school?.urn ?? null,
    heardFrom: 'school',
    signedUpAt: new Date(eveningOf(chatDays[0] as number, 18 * 60).getTime() - 10 * MINUTE_MS),
  });
  chatDays.forEach((day, i) => {
    const isBooked = i === 2;
    const queuedAt = eveningOf(day, (18 + (i % 2)) * 60 + 5);
    let bookingId: string | undefined;
    if (isBooked) {
      bookingId = faker.string.uuid();
      rows.bookings.push({
        id: bookingId,
        accountId: id,
        counsellorUserId: counsellor,
        startsAt: queuedAt,
        status: 'attended',
        bookedAt: new Date(queuedAt.getTime() - 5 * DAY_MS),
        bookedBy: counsellor,
      });
    }
    addChat(ctx, {
      accountId: id,
      kind: isBooked ? 'booked' : 'drop-in',
      bookingId,
      queuedAt,
      counsellor,
      theme: exams,
      riskLevel: i === 0 ? 'low' : 'none-identified',
    });
  });
  // Wednesday evening this week (or the next weekday), with the same counsellor.
  let next = today + 2;
  while (weekdayOf(next) >= 6) next += 1;
  rows.bookings.push({
    id: faker.string.uuid(),
    accountId: id,
    counsellorUserId: counsellor,
    startsAt: londonAt(next, 18 * 60),
    status: 'booked',
    bookedAt: new Date(now.getTime() - 3 * DAY_MS),
    bookedBy: counsellor,
  });
  const asked = londonAt(today - 3, 19 * 60 + 12);
  const thread: [string, string, Date][] = [
    ['from-young-person', 'Can I talk to the same person again after my maths mock?', asked],
    [
      'to-young-person',
      'Of course. I’ve booked you in for Wednesday at 6pm. Good luck with maths!',
      new Date(asked.getTime() + 50 * MINUTE_MS),
    ],
    ['from-young-person', 'Thank you!! It went ok I think', londonAt(today - 2, 17 * 60 + 40)],
    [
      'to-young-person',
      'That’s brilliant to hear. Looking forward to hearing about it on Wednesday.',
      londonAt(today - 1, 12 * 60 + 15),
    ],
  ];
  for (const [direction, body, sentAt] of thread) {
    rows.messages.push({
      accountId: id,
      direction,
      senderUserId: direction === 'to-young-person' ? counsellor : null,
      body,
      sentAt,
    });
  }
  // The service has read everything; River has not yet read the last reply.
  rows.messageReads.push({ accountId: id, side: 'service', readUpTo: londonAt(today - 2, 17 * 60 + 40) });
  rows.messageReads.push({
    accountId: id,
    side: 'young-person',
    readUpTo: londonAt(today - 2, 17 * 60 + 40),
  });
  journal.forEach((body, i) => {
    rows.journalEntries.push({ accountId: id, body, writtenAt: londonAt(today - 20 + i * 5, 21 * 60 + 10) });
  });
  // Three weeks of moods, most days, getting a little better.
  for (let d = 21; d >= 1; d -= 1) {
    if (d % 4 === 3) continue;
    const mood = Math.min(
      5,
      Math.max(1, Math.round(2 + (21 - d) / 8 + faker.number.int({ min: -1, max: 1 }) * 0.6)),
    );
    rows.moodEntries.push({
      accountId: id,
      mood,
      note: moodNotes[d % moodNotes.length] ?? null,
      recordedAt: londonAt(today - d, 20 * 60 + 30),
    });
  }
  goals.forEach(([goal, ratings], g) => {
    const goalId = faker.string.uuid();
    const setAt = londonAt(chatDays[0] as number, 18 * 60 + 40 + g);
    rows.goals.push({ id: goalId, accountId: id, goal, setAt });
    ratings.forEach((rating, r) => {
      rows.goalRatings.push({
        goalId,
        accountId: id,
        rating,
        ratedAt: londonAt(today - 35 + r * 14, 19 * 60 + g),
      });
    });
  });
  return id;
}
