import { en, en_GB, Faker } from '@faker-js/faker';
import type { IdentityData } from '../db/repositories/identity.repository.js';
import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import { type DemoCaseRecords, withDemoCaseRecords } from './demo-casework.js';
import {
  camhsText,
  crisisText,
  type DemoDirectoryText,
  earlyHelpText,
  mhstText,
  onlineText,
  schoolNursingText,
  voluntaryServices,
} from './demo-directory.js';
import type { DemoMhstStaff } from './demo-mhst.js';
import { type DemoSchoolWork, withDemoActivity } from './demo-mhst-activity.js';
import type { DemoCasework } from './demo-mhst-casework.js';
import {
  localAuthorityCode,
  localAuthorityName,
  MAX_COUNCILS,
  postcodeDistrictsFor,
  postcodeIn,
  uniquePlaceName,
} from './demo-names.js';
import { buildDemoOnline, type DemoOnline } from './demo-online.js';
import type { DemoFrontDoor } from './demo-referral-plan.js';
import type { DemoReferrals } from './demo-referrals.js';
import { buildDemoStaff } from './demo-staff.js';

export interface DemoOptions {
  seed: number;
  /** 1 is one ICB with 2 councils and 64 schools; each step up adds that much again. */
  scale: number;
  /** The demo's present: referrals arrive up to it. Fixed by default, so the same seed gives the same rows. */
  now?: Date;
  /** How many months of referrals to make before `now`; 0 for none, and then no casework or school work either. */
  referralMonths?: number;
}

/** The present of the default demo area: a Monday morning, with last weeks' referrals waiting for triage. */
export const DEFAULT_DEMO_NOW = new Date('2026-11-23T09:00:00Z');
export const DEFAULT_REFERRAL_MONTHS = 18;

/** The seed `npm start` builds the demo area with, so the README can list its accounts. */
export const DEFAULT_DEMO_SEED = 20_261_123;

/** The largest --scale: two councils per step, and the fictional postcode districts run out after that. */
export const MAX_SCALE = MAX_COUNCILS / 2;

export interface DemoArea {
  organisations: OrganisationsData;
  identity: IdentityData;
  frontDoor: DemoFrontDoor;
  /** Children, referrals, triage decisions and MDT meetings of the months before `now`. */
  referrals: DemoReferrals;
  /** How each MHST is set up: practitioners' capacity, their days in schools, each school's link practitioner. */
  mhstStaff: DemoMhstStaff;
  /** The MHSTs' allocations, contacts and clock milestones of accepted referrals. */
  casework: DemoCasework;
  /** The MHSTs' whole-school work, consultation line calls and staff confidence surveys. */
  schoolWork: DemoSchoolWork;
  /** Episodes, assessments, goals, notes, measures, supervision and safeguarding of that casework. */
  caseRecords: DemoCaseRecords;
  /** The online support service: its settings, risk phrases, young people's accounts and chats. */
  online: DemoOnline;
}

type School = OrganisationsData['schools'][number];
type Entry = OrganisationsData['directoryEntries'][number];

/** URNs from 990001 up: far above any URN GIAS has issued, and flagged as fictional. */
const FIRST_URN = 990_001;
const MHSTS_PER_TWO_COUNCILS = 3;
const SCHOOLS_PER_MHST = 20;

// Each council's 32 schools: mostly primary, as in English councils.
const phaseMix: [School['phase'], number, number, number, string][] = [
  ['nursery', 1, 2, 5, 'Nursery School'],
  ['primary', 20, 4, 11, 'Primary School'],
  ['secondary', 6, 11, 16, 'Academy'],
  ['all-through', 1, 4, 18, 'School'],
  ['sixteen-plus', 1, 16, 19, 'College'],
  ['special', 2, 4, 19, 'Special School'],
  ['alternative-provision', 1, 11, 16, 'Learning Centre'],
];

/** Builds a whole fictional area as rows. The same seed and scale always give the same rows. */
export function buildDemoArea({
  seed,
  scale,
  now = DEFAULT_DEMO_NOW,
  referralMonths = DEFAULT_REFERRAL_MONTHS,
}: DemoOptions): DemoArea {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be a whole number from 1 to ${MAX_SCALE}`);
  }
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed(seed);
  const id = () => faker.string.uuid();
  const places = new Set<string>();
  const data: OrganisationsData = {
    organisations: [],
    schools: [],
    postcodeDistricts: [],
    services: [],
    teams: [],
    teamSchools: [],
    directoryEntries: [],
    directoryEntryAreas: [],
    openingHours: [],
  };

  const organisation = (
    kind: OrganisationsData['organisations'][number]['kind'],
    name: string,
    code: string,
    parentId?: string,
  ) => {
    const row: OrganisationsData['organisations'][number] & { id: string } = {
      id: id(),
      kind,
      name,
      code,
      parentId: parentId ?? null,
      isFictional: true,
    };
    data.organisations.push(row);
    return row;
  };
  const icb = organisation('integrated-care-board', 'NHS Lantern Vale Integrated Care Board', 'QZ9');
  icb.shortName = 'Lantern Vale';
  const trust = organisation('nhs-trust', 'Lantern Vale NHS Foundation Trust', 'RZ9', icb.id);
  const onlineProvider = organisation('online-provider', 'Lantern Online CIC', 'ZZ901', icb.id);
  const charity = organisation('voluntary-sector', 'Vale Young People’s Trust', 'ZZ902', icb.id);

  const councils = Array.from({ length: 2 * scale }, (_, index) => {
    const council = organisation(
      'local-authority',
      localAuthorityName(index),
      localAuthorityCode(index),
      icb.id,
    );
    const districts = postcodeDistrictsFor(index);
    for (const district of districts) data.postcodeDistricts.push({ district, localAuthorityId: council.id });
    const schools: School[] = [];
    for (const [phase, count, lowestAge, highestAge, suffix] of phaseMix) {
      for (let n = 0; n < count; n += 1) {
        const urn = FIRST_URN + data.schools.length;
        const pupils =
          phase === 'primary'
            ? [180, 630]
            : phase === 'nursery'
              ? [40, 120]
              : phase === 'special'
                ? [60, 200]
                : [400, 1600];
        const school: School = {
          urn,
          name: `${uniquePlaceName(faker, places)} ${suffix}`,
          phase,
          localAuthorityId: council.id,
          pupilCount: faker.number.int({ min: pupils[0] ?? 100, max: pupils[1] ?? 500 }),
          lowestAge,
          highestAge,
          postcode: postcodeIn(faker, faker.helpers.arrayElement(districts)),
          isFictional: true,
        };
        schools.push(school);
        data.schools.push(school);
      }
    }
    return { council, schools };
  });

  const service = (
    kind: OrganisationsData['services'][number]['kind'],
    name: string,
    slug: string,
    providerId: string,
  ) => {
    const row = { id: id(), kind, name, slug, providerId };
    data.services.push(row);
    return row;
  };
  const publish = (
    serviceId: string,
    text: DemoDirectoryText,
    coverage: Entry['coverage'],
    website?: string,
  ) => {
    data.directoryEntries.push({ serviceId, coverage, website: website ?? null, ...text });
  };
  const hours = (serviceId: string, days: number[], opens: string, closes: string) => {
    for (const dayOfWeek of days) data.openingHours.push({ serviceId, dayOfWeek, opens, closes });
  };
  const weekdays = [1, 2, 3, 4, 5];
  const everyDay = [1, 2, 3, 4, 5, 6, 7];

  // Mental Health Support Teams: three for every two councils, about 20 schools each, based in a secondary.
  const mhst = service(
    'mhst',
    'Mental Health Support Teams in Schools',
    'mental-health-support-teams',
    trust.id,
  );
  publish(mhst.id, mhstText, 'schools');
  hours(mhst.id, weekdays, '08:30', '16:30');
  const mhstTeams: { id: string; name: string; schools: School[] }[] = [];
  for (let pair = 0; pair < scale; pair += 1) {
    const pool = faker.helpers.shuffle([
      ...(councils[2 * pair]?.schools ?? []),
      ...(councils[2 * pair + 1]?.schools ?? []),
    ]);
    const served = pool
      .filter((school) => school.phase !== 'nursery')
      .slice(0, MHSTS_PER_TWO_COUNCILS * SCHOOLS_PER_MHST);
    for (let t = 0; t < MHSTS_PER_TWO_COUNCILS; t += 1) {
      const schools = served.slice(t * SCHOOLS_PER_MHST, (t + 1) * SCHOOLS_PER_MHST);
      const base = schools.find((school) => school.phase === 'secondary') ?? schools[0];
      const region = ['North', 'Central', 'South'][t];
      const name = scale === 1 ? `${region} Vale MHST` : `${region} Vale MHST ${pair + 1}`;
      const team = { id: id(), serviceId: mhst.id, name, baseSchoolUrn: base?.urn ?? null };
      data.teams.push(team);
      for (const school of schools) data.teamSchools.push({ teamId: team.id, schoolUrn: school.urn });
      mhstTeams.push({ id: team.id, name: team.name, schools });
    }
  }

  // CAMHS: one service with a locality team for each council.
  const camhs = service('camhs', 'Lantern Vale CAMHS', 'lantern-vale-camhs', trust.id);
  publish(camhs.id, camhsText, 'whole-area');
  hours(camhs.id, weekdays, '09:00', '17:00');
  const camhsTeams = councils.map(({ council }) => {
    const team = {
      id: id(),
      serviceId: camhs.id,
      name: `${council.name} CAMHS Locality Team`,
      baseSchoolUrn: null,
    };
    data.teams.push(team);
    return team;
  });

  const earlyHelpTeams = councils.map(({ council }) => {
    const earlyHelp = service(
      'early-help',
      `${council.name} Early Help`,
      `${council.name.toLowerCase().replace(/\s+/g, '-')}-early-help`,
      council.id,
    );
    publish(earlyHelp.id, earlyHelpText(council.name), 'local-authorities');
    data.directoryEntryAreas.push({ serviceId: earlyHelp.id, localAuthorityId: council.id });
    hours(earlyHelp.id, weekdays, '09:00', '17:00');
    const team = {
      id: id(),
      serviceId: earlyHelp.id,
      name: `${council.name} Early Help Team`,
      baseSchoolUrn: null,
    };
    data.teams.push(team);
    return team;
  });

  const online = service('online-support', 'Lantern Online', 'lantern-online', onlineProvider.id);
  publish(online.id, onlineText, 'whole-area');
  hours(online.id, weekdays, '12:00', '22:00');
  hours(online.id, [6, 7], '18:00', '22:00');
  const onlineTeam = {
    id: id(),
    serviceId: online.id,
    name: 'Lantern Online Counselling Team',
    baseSchoolUrn: null,
  };
  data.teams.push(onlineTeam);

  const nursing = service('school-nursing', 'Lantern Vale School Nursing', 'school-nursing', trust.id);
  publish(nursing.id, schoolNursingText, 'whole-area');
  hours(nursing.id, weekdays, '09:00', '16:30');

  for (const voluntary of voluntaryServices) {
    const row = service('voluntary-sector', voluntary.name, voluntary.slug, charity.id);
    publish(row.id, voluntary.text, 'whole-area');
    hours(row.id, weekdays, '10:00', '18:00');
  }

  const crisis = service('crisis', 'Lantern Vale 24/7 Crisis Line', 'crisis-line', trust.id);
  publish(crisis.id, crisisText, 'whole-area');
  hours(crisis.id, everyDay, '00:00', '00:00');
  const spaTeam = { id: id(), serviceId: camhs.id, name: 'Single Point of Access', baseSchoolUrn: null };
  data.teams.push(spaTeam);

  const identity = buildDemoStaff(faker, {
    icbId: icb.id,
    trustId: trust.id,
    onlineProviderId: onlineProvider.id,
    councils: councils.map(({ council, schools }) => ({ id: council.id, schools })),
    earlyHelpTeams: earlyHelpTeams.map((team, index) => ({
      ...team,
      councilId: councils[index]?.council.id ?? icb.id,
    })),
    mhstTeams,
    camhsTeams,
    onlineTeam,
    spaTeam,
  });
  // Every referral starts with the single point of access; young people 11 and over may ask
  // for help themselves, and triage looks at routine referrals within five working days.
  const frontDoor = {
    intakeTeamId: spaTeam.id,
    selfReferralMinAge: 11,
    triageWorkingDays: 5,
    referencePrefix: 'LV',
  };
  // Referrals come last, so a seed's organisations and staff stay as they were before them.
  const area = withDemoActivity(
    seed,
    faker,
    { organisations: data, identity, frontDoor },
    { now, months: referralMonths },
  );
  const withRecords = withDemoCaseRecords(seed, area, now);
  // Built on first use, like the case records: spreading the area would build those eagerly.
  let onlineArea: DemoOnline | undefined;
  Object.defineProperty(withRecords, 'online', {
    enumerable: true,
    get: () => {
      onlineArea ??= buildDemoOnline(seed, withRecords, now);
      return onlineArea;
    },
  });
  return withRecords as typeof withRecords & { online: DemoOnline };
}
