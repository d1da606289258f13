import type { Faker } from '@faker-js/faker';
import { roleDefinitions, type StaffRole, staffRoles } from '../access/roles.js';
import type { IdentityData } from '../db/repositories/identity.repository.js';

interface Team {
  id: string;
}

export interface StaffPlan {
  icbId: string;
  trustId: string;
  onlineProviderId: string;
  councils: { id: string; schools: { urn: number }[] }[];
  mhstTeams: Team[];
  camhsTeams: Team[];
  /** Early help is run by the council, so its workers belong to the council. */
  earlyHelpTeams: (Team & { councilId: string })[];
  onlineTeam: Team;
  spaTeam: Team;
}

/** Every demo account's password. The demo area is fictional; never load it next to real data. */
export const DEMO_PASSWORD = 'lantern-demo-2026';

/** The email of the first demo user holding a role, so the README can name one account per role. */
export function demoEmailFor(role: StaffRole): string {
  return `${role}@demo.lantern.example`;
}

/** Staff for every role, in the teams and schools where that role works. */
export function buildDemoStaff(faker: Faker, plan: StaffPlan): IdentityData {
  const data: IdentityData = { users: [], userRoles: [] };
  const firstOfRole = new Set<StaffRole>();
  const add = (
    role: StaffRole,
    organisationId: string,
    where: { teamId?: string; schoolUrn?: number } = {},
  ) => {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const isFirst = !firstOfRole.has(role);
    firstOfRole.add(role);
    const email = isFirst
      ? demoEmailFor(role)
      : `${firstName}.${lastName}.${data.users.length}@demo.lantern.example`
          .toLowerCase()
          .replace(/[^a-z0-9.@-]/g, '');
    // The named account for each role is already enrolled for a second factor, with a known secret;
    // everyone else enrols on first sign-in, as a new member of staff would.
    const needsFactor = isFirst && roleDefinitions[role].requiresSecondFactor;
    const totpSecret = faker.string.fromCharacters('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 32);
    const user = {
      id: faker.string.uuid(),
      email,
      displayName: `${firstName} ${lastName}`,
      organisationId,
      totpSecret: needsFactor ? totpSecret : null,
      totpConfirmedAt: needsFactor ? new Date('2026-01-01T00:00:00Z') : null,
    };
    data.users.push(user);
    data.userRoles.push({
      id: faker.string.uuid(),
      userId: user.id,
      role,
      teamId: where.teamId ?? null,
      schoolUrn: where.schoolUrn ?? null,
    });
  };
  const times = (count: number, fn: () => void) => {
    for (let n = 0; n < count; n += 1) fn();
  };

  add('system-administrator', plan.trustId);
  times(2, () => add('commissioner', plan.icbId));
  add('service-manager', plan.trustId);
  add('privacy-officer', plan.trustId);
  add('safeguarding-lead', plan.trustId);
  times(3, () => add('spa-clinician', plan.trustId, { teamId: plan.spaTeam.id }));
  for (const team of plan.mhstTeams) {
    const teamId = team.id;
    add('mhst-team-manager', plan.trustId, { teamId });
    add('mhst-clinical-lead', plan.trustId, { teamId });
    add('supervisor', plan.trustId, { teamId });
    times(2, () => add('senior-practitioner', plan.trustId, { teamId }));
    times(4, () => add('emhp', plan.trustId, { teamId }));
  }
  for (const team of plan.camhsTeams)
    times(3, () => add('camhs-clinician', plan.trustId, { teamId: team.id }));
  for (const team of plan.earlyHelpTeams)
    times(2, () => add('early-help-worker', team.councilId, { teamId: team.id }));
  times(6, () => add('online-counsellor', plan.onlineProviderId, { teamId: plan.onlineTeam.id }));
  times(2, () => add('online-duty-senior', plan.onlineProviderId, { teamId: plan.onlineTeam.id }));
  for (const council of plan.councils) {
    // GPs, social workers, health visitors and youth justice workers who refer.
    times(2, () => add('professional-referrer', council.id));
    for (const school of council.schools) {
      add('senior-mental-health-lead', council.id, { schoolUrn: school.urn });
      add('school-staff-referrer', council.id, { schoolUrn: school.urn });
    }
  }
  const missing = staffRoles.filter((role) => !firstOfRole.has(role));
  if (missing.length > 0) throw new Error(`demo staff has no ${missing.join(', ')}`);
  return data;
}
