import type { Faker } from '@faker-js/faker';
import { buildDemoMhstStaff, type DemoMhstStaff, type MhstTeamPlan } from './demo-mhst.js';
import { demoFaker } from './demo-mhst-calendar.js';
import { type ConsultationCallRow, consultationCallsFor } from './demo-mhst-calls.js';
import { allocateTeam, type DemoCasework } from './demo-mhst-casework.js';
import { acceptedMhstCases, mhstReferralMaker } from './demo-mhst-referrals.js';
import { type DemoAreaBase, referralPlan } from './demo-referral-plan.js';
import { buildDemoReferrals, type DemoReferralOptions, type DemoReferrals } from './demo-referrals.js';
import { type DemoWholeSchool, type SchoolReferral, wholeSchoolWork } from './demo-schools-work.js';
import { confidenceSurveysFor, type DemoSurveys, demoSurveySchoolUrn } from './demo-schools-work-surveys.js';

// What happened in the demo area before `now`: the front door's referrals, then each MHST's
// waiting list, allocations and contacts, and its work with schools. Each part draws on a faker of
// its own, seeded from the area's seed, so the referrals stay as they were before the MHST parts.

export interface DemoSchoolWork extends DemoWholeSchool, DemoSurveys {
  consultationCalls: ConsultationCallRow[];
}

export interface DemoActivity {
  referrals: DemoReferrals;
  casework: DemoCasework;
  schoolWork: DemoSchoolWork;
}

const CASEWORK_STREAM = 102;
const SCHOOL_WORK_STREAM = 103;
const SURVEY_STREAM = 104;

/** The MHST statuses a referral moves through once accepted to a team. */
const mhstStatuses = new Set(['accepted', 'allocated', 'in-intervention', 'group-waiting-list']);

export function buildDemoActivity(
  seed: number,
  faker: Faker,
  area: DemoAreaBase,
  teams: MhstTeamPlan[],
  options: DemoReferralOptions,
): DemoActivity {
  const referrals = buildDemoReferrals(faker, area, options);
  const casework: DemoCasework = {
    allocations: [],
    allocationPreferences: [],
    careContacts: [],
    episodeMilestones: [],
    waitingPauses: [],
  };
  const schoolWork: DemoSchoolWork = {
    schoolPlanActions: [],
    groupSessions: [],
    staffConsultations: [],
    schoolLinkMeetings: [],
    consultationCalls: [],
    confidenceSurveys: [],
    confidenceSurveyResponses: [],
  };
  // No months of referrals means no activity at all: tests that want only the area stay quick.
  if (options.months <= 0) return { referrals, casework, schoolWork };

  const now = options.now.getTime();
  const plan = referralPlan(area);
  const caseFaker = demoFaker(seed, CASEWORK_STREAM);
  const make = mhstReferralMaker(caseFaker, plan, referrals, now);
  for (const team of teams) {
    allocateTeam(caseFaker, team, acceptedMhstCases(referrals, team.id, now), make, casework, now);
  }

  const schoolOf = new Map(referrals.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
  const referralsAt = new Map<number, SchoolReferral[]>();
  const teamIds = new Set(teams.map((t) => t.id));
  for (const r of referrals.referrals) {
    if (!r.teamId || !teamIds.has(r.teamId) || !mhstStatuses.has(r.status ?? '')) continue;
    const urn = r.schoolUrn ?? schoolOf.get(r.childId) ?? 0;
    const list = referralsAt.get(urn) ?? [];
    list.push({ id: r.id, receivedAt: r.receivedAt });
    referralsAt.set(urn, list);
  }
  const gpPractices = [...new Set(referrals.children.flatMap((c) => (c.gpPractice ? [c.gpPractice] : [])))];
  const workFaker = demoFaker(seed, SCHOOL_WORK_STREAM);
  const surveyFaker = demoFaker(seed, SURVEY_STREAM);
  const demoSchool = demoSurveySchoolUrn(area.organisations);
  for (const team of teams) {
    const work = wholeSchoolWork(workFaker, team, referralsAt, now);
    schoolWork.schoolPlanActions.push(...work.schoolPlanActions);
    schoolWork.groupSessions.push(...work.groupSessions);
    schoolWork.staffConsultations.push(...work.staffConsultations);
    schoolWork.schoolLinkMeetings.push(...work.schoolLinkMeetings);
    schoolWork.consultationCalls.push(...consultationCallsFor(workFaker, team, plan, gpPractices, now));
    const surveys = confidenceSurveysFor(surveyFaker, team, demoSchool, now);
    schoolWork.confidenceSurveys.push(...surveys.confidenceSurveys);
    schoolWork.confidenceSurveyResponses.push(...surveys.confidenceSurveyResponses);
  }
  return { referrals, casework, schoolWork };
}

/**
 * The area with its MHSTs set up now, and its activity (referrals, casework, school work) made on
 * first use: the many callers that want only the organisations and staff skip the work.
 */
export function withDemoActivity<T extends DemoAreaBase>(
  seed: number,
  faker: Faker,
  area: T,
  options: DemoReferralOptions,
): T & { mhstStaff: DemoMhstStaff } & DemoActivity {
  const { staff, teams } = buildDemoMhstStaff(seed, area, referralPlan(area), options.now);
  let activity: DemoActivity | undefined;
  const build = () => {
    activity ??= buildDemoActivity(seed, faker, area, teams, options);
    return activity;
  };
  return {
    ...area,
    mhstStaff: staff,
    get referrals() {
      return build().referrals;
    },
    get casework() {
      return build().casework;
    },
    get schoolWork() {
      return build().schoolWork;
    },
  };
}
