import { systemScope } from '../access/scope.js';
import { insertInChunks } from '../db/bulk-insert.js';
import type { Database, LanternDb } from '../db/client.js';
import { insertIdentityData } from '../db/repositories/identity.repository.js';
import { countOrganisations, insertOrganisationsData } from '../db/repositories/organisations.repository.js';
import { saveFrontDoor } from '../db/repositories/referrals.repository.js';
import { refreshContactColumns } from '../db/repositories/waiting.repository.js';
import { careContacts, episodeMilestones, waitingPauses } from '../db/schema/casework.js';
import {
  allocationPreferences,
  allocations,
  practitionerProfiles,
  practitionerSchoolDays,
  schoolLinkPractitioners,
} from '../db/schema/mhst.js';
import { carers, children, childSchools } from '../db/schema/people.js';
import {
  mdtActions,
  mdtAgendaItems,
  mdtMeetings,
  referralConsents,
  referralInformation,
  referrals,
  referralWorkers,
  triageDecisions,
} from '../db/schema/referrals.js';
import {
  confidenceSurveyResponses,
  confidenceSurveys,
  consultationCalls,
  groupSessions,
  schoolLinkMeetings,
  schoolPlanActions,
  staffConsultations,
} from '../db/schema/schools.js';
import { withScope } from '../db/scoped.js';
import { hashPassword } from '../services/identity/credentials.js';
import { buildDemoArea, type DemoArea, type DemoOptions } from './demo-area.js';
import { insertDemoCaseRecords } from './demo-casework-write.js';
import { insertDemoOnline } from './demo-online-write.js';
import type { DemoReferrals } from './demo-referrals.js';
import { DEMO_PASSWORD } from './demo-staff.js';

export interface DemoSummary {
  organisations: number;
  schools: number;
  services: number;
  teams: number;
  staff: number;
  referrals: number;
}

/** Children first, then what refers to them: meetings before the decisions that name them. */
async function insertDemoReferrals(tx: LanternDb, rows: DemoReferrals): Promise<void> {
  await insertInChunks(tx, children, rows.children);
  await insertInChunks(tx, childSchools, rows.childSchools);
  await insertInChunks(tx, carers, rows.carers);
  await insertInChunks(tx, referrals, rows.referrals);
  await insertInChunks(tx, referralConsents, rows.referralConsents);
  await insertInChunks(tx, mdtMeetings, rows.mdtMeetings);
  await insertInChunks(tx, triageDecisions, rows.triageDecisions);
  await insertInChunks(tx, referralInformation, rows.referralInformation);
  await insertInChunks(tx, referralWorkers, rows.referralWorkers);
  await insertInChunks(tx, mdtAgendaItems, rows.mdtAgendaItems);
  await insertInChunks(tx, mdtActions, rows.mdtActions);
}

/** Each MHST's set-up, then its casework (after the referrals it is about), then its school work. */
async function insertDemoMhst(tx: LanternDb, area: DemoArea): Promise<void> {
  const { casework, schoolWork } = area;
  await insertInChunks(tx, allocations, casework.allocations);
  await insertInChunks(tx, allocationPreferences, casework.allocationPreferences);
  await insertInChunks(tx, careContacts, casework.careContacts);
  await insertInChunks(tx, episodeMilestones, casework.episodeMilestones);
  await insertInChunks(tx, waitingPauses, casework.waitingPauses);
  // The referrals' waiting-list columns are worked out from the rows just written (ADR 0014).
  await refreshContactColumns(tx, 'all');
  await insertInChunks(tx, schoolPlanActions, schoolWork.schoolPlanActions);
  await insertInChunks(tx, groupSessions, schoolWork.groupSessions);
  await insertInChunks(tx, staffConsultations, schoolWork.staffConsultations);
  await insertInChunks(tx, schoolLinkMeetings, schoolWork.schoolLinkMeetings);
  await insertInChunks(tx, consultationCalls, schoolWork.consultationCalls);
  await insertInChunks(tx, confidenceSurveys, schoolWork.confidenceSurveys);
  await insertInChunks(tx, confidenceSurveyResponses, schoolWork.confidenceSurveyResponses);
}

/**
 * Writes a demo area in one transaction, so a failure leaves the database as it was. The children's
 * tables have forced row-level security, so the whole transaction runs under a system scope.
 */
export async function writeDemoArea(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const area = buildDemoArea(options);
  // One argon2id hash for all: hashing each of hundreds of accounts would slow every start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  area.identity.users = area.identity.users.map((user) => ({ ...user, passwordHash }));
  await withScope(database.db, systemScope('demo area'), async (tx) => {
    await insertOrganisationsData(tx, area.organisations);
    await insertIdentityData(tx, area.identity);
    await saveFrontDoor(tx, area.frontDoor);
    await insertInChunks(tx, practitionerProfiles, area.mhstStaff.practitionerProfiles);
    await insertInChunks(tx, practitionerSchoolDays, area.mhstStaff.practitionerSchoolDays);
    await insertInChunks(tx, schoolLinkPractitioners, area.mhstStaff.schoolLinkPractitioners);
    await insertDemoReferrals(tx, area.referrals);
    await insertDemoMhst(tx, area);
    await insertDemoCaseRecords(tx, area.caseRecords);
    await insertDemoOnline(tx, area.online);
  });
  return {
    organisations: area.organisations.organisations.length,
    schools: area.organisations.schools.length,
    services: area.organisations.services.length,
    teams: area.organisations.teams.length,
    staff: area.identity.users.length,
    referrals: area.referrals.referrals.length,
  };
}

/** `npm start` builds the demo area only into an empty database, never over real data. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return (await countOrganisations(database.db)) === 0;
}
