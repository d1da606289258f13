import type { Database } from '../db/client.js';
import { insertIdentityData } from '../db/repositories/identity.repository.js';
import { countOrganisations, insertOrganisationsData } from '../db/repositories/organisations.repository.js';
import { hashPassword } from '../services/identity/credentials.js';
import { buildDemoArea, type DemoOptions } from './demo-area.js';
import { DEMO_PASSWORD } from './demo-staff.js';

export interface DemoSummary {
  organisations: number;
  schools: number;
  services: number;
  teams: number;
  staff: number;
}

/** Writes a demo area in one transaction, so a failure leaves the database as it was. */
export async function writeDemoArea(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const area = buildDemoArea(options);
  // One argon2id hash for all: hashing each of hundreds of accounts would slow every start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  area.identity.users = area.identity.users.map((user) => ({ ...user, passwordHash }));
  await database.db.transaction(async (tx) => {
    await insertOrganisationsData(tx, area.organisations);
    await insertIdentityData(tx, area.identity);
  });
  return {
    organisations: area.organisations.organisations.length,
    schools: area.organisations.schools.length,
    services: area.organisations.services.length,
    teams: area.organisations.teams.length,
    staff: area.identity.users.length,
  };
}

/** `npm start` builds the demo area only into an empty database, never over real data. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return (await countOrganisations(database.db)) === 0;
}
