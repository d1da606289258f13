import { en, en_GB, Faker } from '@faker-js/faker';
import type { IdentityData } from '../db/repositories/identity.repository.js';
import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import type { onlineServices, riskPhrases, selfHelpArticles } from '../db/schema/online.js';
import { defaultRiskPhrases } from '../domain/online/risk-phrases.js';
import { bodyOf, demoOnlineArticles } from './demo-online-articles.js';
import { type DemoOnlineContext, type DemoOnlineRows, emptyRows } from './demo-online-chats.js';
import { addYoungPeople, DEMO_MONTHS_OF_CHATS } from './demo-online-people.js';
import { addDemoRiver } from './demo-online-river.js';
import { demoEmailFor } from './demo-staff.js';

export { DEMO_YOUNG_PERSON_USERNAME } from './demo-online-river.js';

// The demo area's online support service (ADR 0021): Lantern Online CIC's service for 11 to 19 year
// olds, open afternoons and evenings on weekdays and evenings at weekends, with the default risk
// phrases, and six months of young people's accounts, chats, bookings and messages.

export interface DemoOnline extends DemoOnlineRows {
  services: (typeof onlineServices.$inferInsert)[];
  riskPhrases: (typeof riskPhrases.$inferInsert)[];
  /** The self-help articles, published: written by the named counsellor, reviewed by the named duty senior. */
  articles: (typeof selfHelpArticles.$inferInsert)[];
}

const weekdays = [1, 2, 3, 4, 5];
const DAY_MS = 86_400_000;

/**
 * The service always; its young people's activity only in a demo area with months of referrals
 * (`npm start`, the CLI, browser journeys), as casework and school work are. Most integration tests
 * build the area without referrals, and 17,000 chat messages would add seconds to each of them.
 * `activity` overrides that, for tests of this file.
 */
export function buildDemoOnline(
  seed: number,
  area: { organisations: OrganisationsData; identity: IdentityData; referrals?: { referrals: unknown[] } },
  now: Date,
  { activity = (area.referrals?.referrals.length ?? 0) > 0 }: { activity?: boolean } = {},
): DemoOnline {
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed(seed + 7_007);
  const provider = area.organisations.organisations.find((o) => o.kind === 'online-provider');
  const organisationId = provider?.id;
  if (!organisationId) return { services: [], riskPhrases: [], articles: [], ...emptyRows() };
  const service = {
    id: faker.string.uuid(),
    organisationId,
    name: 'Lantern Online',
    minAge: 11,
    maxAge: 19,
    openingHours: [
      ...weekdays.map((dayOfWeek) => ({ dayOfWeek, opens: '12:00', closes: '22:00' })),
      ...[6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '18:00', closes: '22:00' })),
    ],
    chatLimit: 3,
    alertAcknowledgeMinutes: 5,
    furtherEscalationEmail: 'on-call-manager@demo.lantern.example',
  };
  const phrases = defaultRiskPhrases.map((p) => ({
    id: faker.string.uuid(),
    organisationId,
    phrase: p.phrase,
    category: p.category,
    addedAt: now,
  }));
  const rows = emptyRows();
  const holding = (role: string) => {
    const ids = new Set(area.identity.userRoles.filter((r) => r.role === role).map((r) => r.userId));
    return area.identity.users.filter((u) => ids.has(u.id as string));
  };
  const counsellorUsers = holding('online-counsellor');
  const counsellors = counsellorUsers.map((u) => u.id as string);
  const dutySeniors = holding('online-duty-senior').map((u) => u.id as string);
  if (activity && counsellors.length > 0) {
    const scared = phrases.find((p) => p.phrase === 'scared to go home');
    const ctx: DemoOnlineContext = {
      faker,
      now,
      serviceId: service.id,
      counsellors,
      dutySeniors,
      scaredPhrase: scared ? { phraseId: scared.id, phrase: scared.phrase, category: scared.category } : null,
      rows,
    };
    const today = Math.floor(now.getTime() / DAY_MS);
    const firstDay = today - Math.round((DEMO_MONTHS_OF_CHATS * 365) / 12);
    addYoungPeople(ctx, area.organisations, firstDay);
    const named = counsellorUsers.find((u) => u.email === demoEmailFor('online-counsellor'));
    addDemoRiver(ctx, area.organisations, (named?.id as string | undefined) ?? (counsellors[0] as string));
    for (const account of rows.accounts) account.organisationId = organisationId;
  }
  const writer =
    counsellorUsers.find((u) => u.email === demoEmailFor('online-counsellor')) ?? counsellorUsers[0];
  const reviewer = holding('online-duty-senior').find((u) => u.email === demoEmailFor('online-duty-senior'));
  const articles =
    writer?.id && reviewer?.id
      ? demoOnlineArticles.map((article, i) => {
          const publishedAt = new Date(now.getTime() - (120 - i * 9) * DAY_MS);
          return {
            id: faker.string.uuid(),
            serviceId: service.id,
            slug: article.slug,
            title: article.title,
            summary: article.summary,
            body: bodyOf(article),
            topic: article.topic,
            status: 'published',
            writtenBy: writer.id as string,
            submittedAt: new Date(publishedAt.getTime() - 2 * DAY_MS),
            reviewedBy: reviewer.id as string,
            reviewComment: 'Clear and kind. Published.',
            publishedAt,
            updatedAt: publishedAt,
          };
        })
      : [];
  return { services: [service], riskPhrases: phrases, articles, ...rows };
}
