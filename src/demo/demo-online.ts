import { en_GB, Faker } from '@faker-js/faker';
import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import type { onlineServices, riskPhrases } from '../db/schema/online.js';
import { defaultRiskPhrases } from '../domain/online/risk-phrases.js';

// The demo area's online support service (ADR 0021): Lantern Online CIC's service for 11 to 19 year
// olds, open afternoons and evenings on weekdays and evenings at weekends, with the default risk phrases.

export interface DemoOnline {
  services: (typeof onlineServices.$inferInsert)[];
  riskPhrases: (typeof riskPhrases.$inferInsert)[];
}

const weekdays = [1, 2, 3, 4, 5];

export function buildDemoOnline(
  seed: number,
  area: { organisations: OrganisationsData },
  now: Date,
): DemoOnline {
  const faker = new Faker({ locale: [en_GB] });
  faker.seed(seed + 7_007);
  const provider = area.organisations.organisations.find((o) => o.kind === 'online-provider');
  const organisationId = provider?.id;
  if (!organisationId) return { services: [], riskPhrases: [] };
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
  return {
    services: [service],
    riskPhrases: defaultRiskPhrases.map((p) => ({
      id: faker.string.uuid(),
      organisationId,
      phrase: p.phrase,
      category: p.category,
      addedAt: now,
    })),
  };
}
