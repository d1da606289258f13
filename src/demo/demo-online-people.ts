import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import {
  addChat,
  chatStart,
  type DemoOnlineContext,
  londonAt,
  MINUTE_MS,
  weekdayOf,
} from './demo-online-chats.js';
import { asyncFromYoungPerson, asyncToYoungPerson, usernameWords } from './demo-online-text.js';

// The demo area's young people on online support: about 350 anonymous accounts (about 70% girls,
// as in the source documents), about 1,500 chats over the six months before `now`, about 60
// bookings (some still to come) and message threads between chats.

export const DEMO_ACCOUNTS = 350;
export const DEMO_CHATS = 1_500;
export const DEMO_BOOKINGS = 60;
export const DEMO_MONTHS_OF_CHATS = 6;
const UPCOMING_BOOKINGS = 10;
const THREADS = 120;

const ages: [number, number][] = [
  [11, 6],
  [12, 10],
  [13, 14],
  [14, 16],
  [15, 16],
  [16, 13],
  [17, 10],
  [18, 8],
  [19, 7],
];
const genders: [string, number][] = [
  ['girl', 72],
  ['boy', 20],
  ['non-binary', 4],
  ['self-described', 2],
  ['prefer-not-to-say', 2],
];
const descriptions = ['genderfluid', 'questioning', 'agender', 'demigirl'];
const heardFrom: [string, number][] = [
  ['school', 35],
  ['friend', 20],
  ['social-media', 20],
  ['search', 10],
  ['gp', 7],
  ['family', 5],
  ['other', 3],
];

const pick = <T>(ctx: DemoOnlineContext, options: [T, number][]) =>
  ctx.faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));

interface Account {
  id: string;
  /** How much this young person uses the service: most a little, a few a lot. */
  weight: number;
  chatTimes: Date[];
}

/** Accounts, their chats and bookings, and message threads. */
export function addYoungPeople(ctx: DemoOnlineContext, organisations: OrganisationsData, firstDay: number) {
  const { faker, rows } = ctx;
  const today = Math.floor(ctx.now.getTime() / 86_400_000);
  const secondary = organisations.schools.filter((s) => s.highestAge >= 11 && s.phase !== 'primary');
  const councils = organisations.organisations.filter((o) => o.kind === 'local-authority');
  const accounts: Account[] = [];
  for (let n = 0; n < DEMO_ACCOUNTS; n += 1) {
    const age = pick(ctx, ages);
    const gender = pick(ctx, genders);
    const schools = secondary.filter((s) => s.highestAge >= age && s.lowestAge <= age);
    const where = faker.number.float();
    const id = faker.string.uuid();
    const username = `${faker.helpers.arrayElement(usernameWords.first)}-${faker.helpers.arrayElement(usernameWords.second)}-${n + 1}`;
    rows.accounts.push({
      id,
      serviceId: ctx.serviceId,
      organisationId: '',
      username,
      usernameKey: username,
      passwordHash: '',
      ageAtSignUp: age,
      gender,
      genderDescription: gender === 'self-described' ? faker.helpers.arrayElement(descriptions) : null,
      schoolUrn: where < 0.75 && schools.length > 0 ? faker.helpers.arrayElement(schools).urn : null,
      area: where >= 0.75 && where < 0.88 ? (faker.helpers.arrayElement(councils)?.name ?? null) : null,
      heardFrom: pick(ctx, heardFrom),
      signedUpAt: ctx.now,
    });
    accounts.push({ id, weight: 1 / (0.08 + faker.number.float()) ** 0.9, chatTimes: [] });
  }
  // Chats go to accounts in proportion to their weight; a few accounts get none (messages only, or unused).
  const total = accounts.reduce((sum, a) => sum + a.weight, 0);
  for (let c = 0; c < DEMO_CHATS - (DEMO_BOOKINGS - UPCOMING_BOOKINGS); c += 1) {
    let r = faker.number.float() * total;
    const account =
      accounts.find((a) => {
        r -= a.weight;
        return r <= 0;
      }) ?? (accounts[0] as Account);
    account.chatTimes.push(chatStart(faker, firstDay, today - 1));
  }
  for (const account of accounts) {
    for (const queuedAt of account.chatTimes.sort((a, b) => a.getTime() - b.getTime())) {
      addChat(ctx, {
        accountId: account.id,
        kind: 'drop-in',
        queuedAt,
        counsellor: counsellorFor(ctx),
        leaves: faker.number.float() < 0.05,
      });
    }
  }
  addBookings(ctx, accounts, firstDay, today);
  addThreads(ctx, accounts.slice(0, THREADS), firstDay, today);
  // Each signed up shortly before they first used the service (or some time in the window, unused).
  const firstUse = new Map<string, number>();
  for (const chat of rows.chats) {
    const at = chat.queuedAt.getTime();
    if (at < (firstUse.get(chat.accountId) ?? Number.POSITIVE_INFINITY)) firstUse.set(chat.accountId, at);
  }
  for (const message of rows.messages) {
    const at = message.sentAt.getTime();
    if (at < (firstUse.get(message.accountId) ?? Number.POSITIVE_INFINITY))
      firstUse.set(message.accountId, at);
  }
  for (const account of rows.accounts) {
    const first = firstUse.get(account.id as string) ?? chatStart(faker, firstDay, today - 1).getTime();
    account.signedUpAt = new Date(first - faker.number.int({ min: 3, max: 40 }) * MINUTE_MS);
  }
}

export function counsellorFor(ctx: DemoOnlineContext): string {
  const pool =
    ctx.faker.number.float() < 0.15 && ctx.dutySeniors.length > 0 ? ctx.dutySeniors : ctx.counsellors;
  return ctx.faker.helpers.arrayElement(pool);
}

/** Bookings with a named counsellor: the past ones attended (a booked chat), missed or cancelled. */
function addBookings(ctx: DemoOnlineContext, accounts: Account[], firstDay: number, today: number) {
  const { faker, rows } = ctx;
  const regulars = accounts.filter((a) => a.chatTimes.length >= 2);
  for (let b = 0; b < DEMO_BOOKINGS - 1; b += 1) {
    const account = faker.helpers.arrayElement(regulars.length > 0 ? regulars : accounts);
    const isUpcoming = b < UPCOMING_BOOKINGS - 1;
    let day = isUpcoming
      ? today + faker.number.int({ min: 1, max: 14 })
      : faker.number.int({ min: firstDay + 7, max: today - 1 });
    while (weekdayOf(day) >= 6) day += 1;
    const startsAt = londonAt(day, faker.helpers.arrayElement([16, 17, 18, 19, 20]) * 60);
    const counsellor = counsellorFor(ctx);
    const id = faker.string.uuid();
    const status = isUpcoming
      ? 'booked'
      : faker.helpers.weightedArrayElement([
          { value: 'attended', weight: 80 },
          { value: 'missed', weight: 10 },
          { value: 'cancelled-by-young-person', weight: 10 },
        ]);
    const bookedAt = new Date(startsAt.getTime() - faker.number.int({ min: 2, max: 10 }) * 86_400_000);
    rows.bookings.push({
      id,
      accountId: account.id,
      counsellorUserId: counsellor,
      startsAt,
      minutes: 50,
      status,
      bookedAt: bookedAt < ctx.now ? bookedAt : new Date(ctx.now.getTime() - 86_400_000),
      bookedBy: faker.number.float() < 0.8 ? counsellor : null,
    });
    if (status === 'attended') {
      const queuedAt = new Date(startsAt.getTime() - faker.number.int({ min: 0, max: 3 }) * MINUTE_MS);
      addChat(ctx, { accountId: account.id, kind: 'booked', bookingId: id, queuedAt, counsellor });
    }
  }
}

/** Message threads between chats: the young person writes, a counsellor replies within a day. */
function addThreads(ctx: DemoOnlineContext, accounts: Account[], firstDay: number, today: number) {
  const { faker, rows } = ctx;
  for (const account of accounts) {
    const exchanges = faker.number.int({ min: 1, max: 3 });
    let last = new Date(0);
    for (let e = 0; e < exchanges; e += 1) {
      const sentAt = chatStart(faker, firstDay, today - 1);
      rows.messages.push({
        accountId: account.id,
        direction: 'from-young-person',
        body: faker.helpers.arrayElement(asyncFromYoungPerson),
        sentAt,
      });
      const reply = new Date(sentAt.getTime() + faker.number.int({ min: 20, max: 600 }) * MINUTE_MS);
      const repliedAt = reply < ctx.now ? reply : new Date(ctx.now.getTime() - MINUTE_MS);
      rows.messages.push({
        accountId: account.id,
        direction: 'to-young-person',
        senderUserId: counsellorFor(ctx),
        body: faker.helpers.arrayElement(asyncToYoungPerson),
        sentAt: repliedAt,
      });
      if (repliedAt > last) last = repliedAt;
    }
    // Both sides have read everything, so the demo inbox starts clear.
    rows.messageReads.push({ accountId: account.id, side: 'service', readUpTo: last });
    rows.messageReads.push({ accountId: account.id, side: 'young-person', readUpTo: last });
  }
}
