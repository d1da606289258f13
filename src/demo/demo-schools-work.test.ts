import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../domain/people/child-details.js';
import { confidenceStatements, SURVEY_MIN_RESPONSES } from '../domain/schools/confidence-survey.js';
import {
  consultationOutcomes,
  groupSessionKinds,
  planActionStatuses,
} from '../domain/schools/whole-school.js';
import { buildDemoArea, DEFAULT_DEMO_NOW } from './demo-area.js';
import { DEMO_SURVEY_SECRET, demoSurveySchoolUrn } from './demo-schools-work-surveys.js';

const DAY = 86_400_000;
const now = DEFAULT_DEMO_NOW.getTime();
const area = buildDemoArea({ seed: 7, scale: 1 });
const { organisations: org, schoolWork: work } = area;
const mhstService = org.services.find((s) => s.kind === 'mhst');
const teams = org.teams.filter((t) => t.serviceId === mhstService?.id);
const mhstSchools = org.teamSchools.map((ts) => ts.schoolUrn);
const count = <T>(rows: T[], pick: (row: T) => unknown) => {
  const counts = new Map<unknown, number>();
  for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + 1);
  return counts;
};

describe('the demo MHSTs work with schools', () => {
  it('gives every MHST school a plan, workshops, advice to staff and School Link meetings', () => {
    const actions = count(work.schoolPlanActions, (a) => a.schoolUrn);
    const sessions = count(work.groupSessions, (s) => s.schoolUrn);
    const advice = count(work.staffConsultations, (c) => c.schoolUrn);
    const meetings = count(work.schoolLinkMeetings, (m) => m.schoolUrn);
    for (const urn of mhstSchools) {
      expect(actions.get(urn)).toBeGreaterThanOrEqual(3);
      expect(actions.get(urn)).toBeLessThanOrEqual(8);
      expect(sessions.get(urn)).toBeGreaterThanOrEqual(4);
      expect(sessions.get(urn)).toBeLessThanOrEqual(15);
      expect(advice.get(urn)).toBeGreaterThanOrEqual(3);
      expect(advice.get(urn)).toBeLessThanOrEqual(12);
      expect(meetings.get(urn)).toBeGreaterThanOrEqual(1);
      expect(meetings.get(urn)).toBeLessThanOrEqual(3);
    }
    expect(new Set(work.schoolPlanActions.map((a) => a.tier))).toEqual(new Set([1, 2, 3, 4]));
    expect(work.schoolPlanActions.every((a) => planActionStatuses.includes(a.status as never))).toBe(true);
    for (const session of work.groupSessions) {
      expect(groupSessionKinds).toContain(session.kind);
      expect(session.attendeeCount).toBeGreaterThanOrEqual(15);
      expect(session.attendeeCount).toBeLessThanOrEqual(240);
      expect(session.heldAt.getTime()).toBeLessThan(now);
      expect(session.heldAt.getTime()).toBeGreaterThan(now - 366 * DAY);
      expect(session.deliveredBy.length).toBeGreaterThan(3);
    }
  });

  it('names a referral in advice to staff only now and then, and only a referral of a pupil there', () => {
    const referrals = new Map(area.referrals.referrals.map((r) => [r.id, r]));
    const schoolOf = new Map(area.referrals.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
    const linked = work.staffConsultations.filter((c) => c.referralId);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length / work.staffConsultations.length).toBeLessThan(0.2);
    for (const consultation of linked) {
      const referral = referrals.get(consultation.referralId ?? '');
      expect(schoolOf.get(referral?.childId ?? '')).toBe(consultation.schoolUrn);
      expect(consultation.givenAt > (referral?.receivedAt ?? new Date(now))).toBe(true);
    }
  });

  it('logs 40 to 80 calls to each team’s consultation line in six months, most answered the same day', () => {
    for (const team of teams) {
      const calls = work.consultationCalls.filter((c) => c.teamId === team.id);
      expect(calls.length).toBeGreaterThanOrEqual(40);
      expect(calls.length).toBeLessThanOrEqual(80);
    }
    for (const call of work.consultationCalls) {
      expect(call.receivedAt.getTime()).toBeGreaterThan(now - 190 * DAY);
      expect(call.receivedAt.getTime()).toBeLessThan(now);
      if (call.advisedAt) {
        const minutes = (call.advisedAt.getTime() - call.receivedAt.getTime()) / 60_000;
        expect(minutes).toBeGreaterThanOrEqual(5);
        expect(minutes).toBeLessThanOrEqual(2 * 24 * 60);
        expect(consultationOutcomes).toContain(call.outcome);
      }
    }
    const outcomes = count(work.consultationCalls, (c) => c.outcome);
    const share = (outcome: string) => (outcomes.get(outcome) ?? 0) / work.consultationCalls.length;
    expect(share('no-referral-needed')).toBeGreaterThan(0.45);
    expect(share('referral-advised')).toBeGreaterThan(0.3);
    expect(share('urgent')).toBeLessThan(0.12);
  });

  it('surveys staff before and after, with answers from 1 to 5, some rounds too small to show', () => {
    const responses = count(work.confidenceSurveyResponses, (r) => r.surveyId);
    const statementIds = new Set(confidenceStatements.map((s) => s.id));
    for (const urn of mhstSchools) {
      const rounds = work.confidenceSurveys.filter((s) => s.schoolUrn === urn);
      const before = rounds.filter((s) => s.phase === 'before');
      expect(before).toHaveLength(1);
      expect(before[0]?.closesAt.getTime()).toBeLessThan(now);
      expect(rounds.filter((s) => s.phase === 'after').length).toBeLessThanOrEqual(1);
    }
    const afters = work.confidenceSurveys.filter((s) => s.phase === 'after');
    expect(afters.length / mhstSchools.length).toBeGreaterThan(0.3);
    expect(afters.length / mhstSchools.length).toBeLessThan(0.7);
    expect(afters.some((s) => s.closesAt.getTime() > now)).toBe(true);
    const sizes = work.confidenceSurveys.map((s) => responses.get(s.id) ?? 0);
    expect(sizes.some((n) => n < SURVEY_MIN_RESPONSES)).toBe(true);
    expect(sizes.some((n) => n >= SURVEY_MIN_RESPONSES)).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
    const rounds = new Map(work.confidenceSurveys.map((s) => [s.id, s]));
    const means = { before: { total: 0, count: 0 }, after: { total: 0, count: 0 } };
    for (const response of work.confidenceSurveyResponses) {
      const round = rounds.get(response.surveyId);
      expect(round).toBeDefined();
      expect(response.submittedOn >= londonDate(round?.opensAt ?? new Date(0))).toBe(true);
      expect(
        response.submittedOn <= londonDate(new Date(Math.min(now, round?.closesAt.getTime() ?? 0))),
      ).toBe(true);
      for (const [id, rating] of Object.entries(response.answers)) {
        expect(statementIds.has(id)).toBe(true);
        expect(Number.isInteger(rating) && rating >= 1 && rating <= 5).toBe(true);
        const sums = means[round?.phase as 'before' | 'after'];
        sums.total += rating;
        sums.count += 1;
      }
    }
    const lift = means.after.total / means.after.count - means.before.total / means.before.count;
    expect(lift).toBeGreaterThan(0.4);
    expect(lift).toBeLessThan(1.2);
    expect(new Set(work.confidenceSurveys.map((s) => s.linkHash)).size).toBe(work.confidenceSurveys.length);
  });

  it('opens one round with a known secret, at the demo survey school, open at now', () => {
    const hash = createHash('sha256').update(DEMO_SURVEY_SECRET).digest('hex');
    const round = work.confidenceSurveys.find((s) => s.linkHash === hash);
    expect(round?.schoolUrn).toBe(demoSurveySchoolUrn(org));
    expect(round?.phase).toBe('after');
    expect(round && round.opensAt.getTime() <= now && round.closesAt.getTime() > now + 90 * DAY).toBe(true);
    expect(/^[A-Za-z0-9_-]+$/.test(DEMO_SURVEY_SECRET)).toBe(true);
  });

  it('is the same for the same seed', () => {
    expect(buildDemoArea({ seed: 7, scale: 1 }).schoolWork).toEqual(work);
  });
});
