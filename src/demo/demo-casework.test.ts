import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  dischargeOutcomeCodes,
  dischargeReasonCodes,
  interventionCodes,
  riskLevelCodes,
} from '../domain/casework/episode.js';
import { reliableChange, scoreAnswers } from '../domain/measures/score.js';
import { shippedInstruments } from '../domain/measures/shipped.js';
import { concernCategoryCodes } from '../domain/safeguarding/concerns.js';
import { isAttended } from '../domain/waiting/clocks.js';
import { buildDemoArea, DEFAULT_DEMO_NOW, DEFAULT_DEMO_SEED } from './demo-area.js';
import { buildDemoCaseRecords, DEMO_QUESTIONNAIRE_SECRET } from './demo-casework.js';
import { demoEmailFor } from './demo-staff.js';

const DAY = 86_400_000;
const now = DEFAULT_DEMO_NOW.getTime();
const area = buildDemoArea({ seed: DEFAULT_DEMO_SEED, scale: 1 });
const { casework, caseRecords: records, identity } = area;
const referralOf = new Map(area.referrals.referrals.map((r) => [r.id, r]));
const allocated = new Set(casework.allocations.map((a) => a.referralId));
const attendedOf = (referralId: string) =>
  casework.careContacts
    .filter((c) => c.referralId === referralId && isAttended(c.attendStatus as never))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
const instrumentOf = new Map(shippedInstruments.map((i) => [i.id, i]));
const teamOf = new Map(identity.userRoles.flatMap((r) => (r.teamId ? [[r.userId, r.teamId] as const] : [])));
const rolesIn = (teamId: string, roles: string[]) =>
  new Set(
    identity.userRoles.filter((r) => r.teamId === teamId && roles.includes(r.role)).map((r) => r.userId),
  );
const openStatuses = new Set(['allocated', 'in-intervention', 'group-waiting-list']);

describe('the demo episodes', () => {
  it('gives every referral ever allocated exactly one episode, opened at its first allocation', () => {
    expect(records.episodes.length).toBe(allocated.size);
    expect(new Set(records.episodes.map((e) => e.referralId))).toEqual(allocated);
    for (const episode of records.episodes) {
      const first = casework.allocations
        .filter((a) => a.referralId === episode.referralId)
        .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())[0];
      expect(episode.openedAt).toEqual(first?.recordedAt);
      expect(episode.openedBy).toBe(first?.recordedBy);
      const status = referralOf.get(episode.referralId)?.status ?? '';
      expect(episode.status === 'open', status).toBe(openStatuses.has(status));
    }
  });

  it('closes ended help after its last contact, mostly with goals met, and refers on those stepped up', () => {
    const closed = records.episodes.filter((e) => e.status !== 'open');
    expect(closed.length).toBeGreaterThan(50);
    for (const episode of closed) {
      const last = attendedOf(episode.referralId).at(-1)?.startsAt.getTime() ?? Infinity;
      expect(episode.closedAt && episode.closedAt.getTime() > last && episode.closedAt.getTime() < now).toBe(
        true,
      );
      expect(dischargeOutcomeCodes).toContain(episode.closeOutcome);
      expect(dischargeReasonCodes).toContain(episode.closeReason);
      const onward = records.onwardReferrals.filter((o) => o.referralId === episode.referralId);
      if (episode.status === 'stepped-up')
        expect(onward.map((o) => o.serviceName)).toEqual(['Community CAMHS']);
      else if (episode.status === 'stepped-down')
        expect(onward.map((o) => o.serviceName)).toEqual(['School pastoral support']);
      else expect(onward).toHaveLength(0);
    }
    const share = (reason: string) => closed.filter((e) => e.closeReason === reason).length / closed.length;
    expect(share('goals-met')).toBeGreaterThan(0.45);
    expect(share('did-not-engage')).toBeGreaterThan(0.02);
    expect(share('stepped-up')).toBeGreaterThan(0.02);
    expect(share('stepped-up')).toBeLessThan(0.15);
    expect(share('stepped-down')).toBeGreaterThan(0.02);
  });

  it('sets the intervention where the milestone says one was chosen, and a group programme for groups', () => {
    for (const episode of records.episodes) {
      const milestone = casework.episodeMilestones.find(
        (m) => m.referralId === episode.referralId && m.milestone === 'intervention',
      );
      const status = referralOf.get(episode.referralId)?.status;
      if (milestone) expect(episode.interventionChosenAt).toEqual(milestone.occurredAt);
      if (status === 'group-waiting-list') expect(episode.intervention).toBe('group-programme');
      else if (!milestone) expect(episode.intervention).toBeNull();
      if (episode.intervention) expect(interventionCodes).toContain(episode.intervention);
    }
  });
});

describe('the demo assessments and goals', () => {
  it('assesses at the assessment milestone, with the referral’s needs and a safety plan whenever risk is raised', () => {
    const milestones = casework.episodeMilestones.filter((m) => m.milestone === 'assessment');
    expect(records.assessments).toHaveLength(milestones.length);
    for (const assessment of records.assessments) {
      const milestone = milestones.find((m) => m.referralId === assessment.referralId);
      expect(assessment.assessedAt).toEqual(milestone?.occurredAt);
      expect(assessment.presentingProblems).toEqual(referralOf.get(assessment.referralId)?.presentingNeeds);
      expect(riskLevelCodes).toContain(assessment.riskLevel);
      if (assessment.riskLevel !== 'low') expect(assessment.safetyPlan, assessment.riskLevel).not.toBe('');
    }
    const share = (f: (a: (typeof records.assessments)[number]) => boolean) =>
      records.assessments.filter(f).length / records.assessments.length;
    expect(share((a) => a.riskLevel === 'low')).toBeGreaterThan(0.65);
    expect(share((a) => a.riskLevel === 'high')).toBeGreaterThan(0);
    expect(share((a) => a.riskLevel === 'high')).toBeLessThan(0.1);
    expect(share((a) => a.inConfidence === true)).toBeGreaterThan(0.06);
    expect(share((a) => a.inConfidence === true)).toBeLessThan(0.2);
  });

  it('agrees one to three goals at the care plan, some achieved by those who finished', () => {
    const byReferral = new Map<string, number>();
    for (const goal of records.carePlanGoals)
      byReferral.set(goal.referralId, (byReferral.get(goal.referralId) ?? 0) + 1);
    expect([...byReferral.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    const carePlans = casework.episodeMilestones.filter((m) => m.milestone === 'care-plan');
    expect(new Set(carePlans.map((m) => m.referralId))).toEqual(new Set(byReferral.keys()));
    const closed = new Set(records.episodes.filter((e) => e.closedAt).map((e) => e.referralId));
    const ended = records.carePlanGoals.filter((g) => closed.has(g.referralId));
    expect(ended.every((g) => g.status !== 'active')).toBe(true);
    expect(ended.filter((g) => g.status === 'achieved').length / ended.length).toBeGreaterThan(0.4);
  });
});

describe('the demo outcome measures', () => {
  const questionnaires = records.measureResponses.filter((m) => m.instrumentId !== 'gbo');

  it('stores what the scoring engine makes of the answers, for shipped instruments', () => {
    expect(questionnaires.length).toBeGreaterThan(200);
    for (const response of records.measureResponses) {
      const instrument = instrumentOf.get(response.instrumentId);
      expect(instrument?.version).toBe(response.instrumentVersion);
      // Goal Based Outcomes keep each goal's words beside its rating, as the measures service does.
      const answers = response.answers as Record<string, number> & { ratings?: Record<string, number> };
      const result =
        instrument &&
        scoreAnswers(instrument, instrument.kind === 'goals' ? (answers.ratings ?? {}) : answers);
      expect(result?.ok).toBe(true);
      if (!result?.ok) continue;
      expect(response.total).toBe(result.score.total);
      expect(response.band).toBe(result.score.kind === 'questionnaire' ? result.score.band : null);
      expect(response.completedAt.getTime()).toBeLessThan(now);
    }
    const links = records.measureResponses.filter((m) => m.via === 'link');
    expect(links.length / records.measureResponses.length).toBeGreaterThan(0.03);
    const linkIds = new Set(records.questionnaireLinks.map((l) => l.id));
    expect(links.every((m) => linkIds.has(m.linkId ?? ''))).toBe(true);
  });

  it('takes a baseline at the first attended contact of everyone seen', () => {
    for (const referral of area.referrals.referrals.filter((r) => r.status === 'in-intervention')) {
      const first = attendedOf(referral.id)[0];
      const baseline = questionnaires
        .filter((m) => m.referralId === referral.id)
        .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())[0];
      expect(baseline?.contactId, referral.reference).toBe(first?.id);
      expect(baseline?.via).toBe('in-session');
    }
  });

  it('shows about 60% reliably improving from first to last, a few getting worse, and goals rising', () => {
    const courses = new Map<string, string>();
    const byReferral = new Map<string, typeof questionnaires>();
    for (const m of questionnaires)
      byReferral.set(m.referralId, [...(byReferral.get(m.referralId) ?? []), m]);
    for (const [referralId, list] of byReferral) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
      const instrument = instrumentOf.get(list[0]?.instrumentId ?? '');
      if (!instrument) throw new Error('unknown instrument');
      courses.set(referralId, reliableChange(instrument, list[0]?.total ?? 0, list.at(-1)?.total ?? 0));
    }
    const share = (c: string) => [...courses.values()].filter((v) => v === c).length / courses.size;
    expect(courses.size).toBeGreaterThan(100);
    expect(share('reliable-improvement')).toBeGreaterThanOrEqual(0.5);
    expect(share('reliable-improvement')).toBeLessThanOrEqual(0.7);
    expect(share('reliable-deterioration')).toBeGreaterThan(0);
    expect(share('reliable-deterioration')).toBeLessThan(0.1);
    const goals = records.measureResponses.filter((m) => m.instrumentId === 'gbo');
    const rising = [...new Set(goals.map((g) => g.referralId))].filter((id) => {
      const list = goals.filter((g) => g.referralId === id);
      return (list.at(-1)?.total ?? 0) > (list[0]?.total ?? 0);
    });
    expect(rising.length / new Set(goals.map((g) => g.referralId)).size).toBeGreaterThan(0.6);
  });
});

describe('the demo notes, sign-off and supervision', () => {
  const names = new Set(
    [
      ...area.referrals.children.flatMap((c) => [c.givenName]),
      ...area.referrals.carers.map((c) => c.name.split(' ')[0] ?? ''),
      ...identity.users.map((u) => u.displayName.split(' ')[0] ?? ''),
    ].filter((n) => n.length > 2),
  );
  const fullNames = [
    ...area.referrals.children.map((c) => `${c.givenName} ${c.familyName}`),
    ...identity.users.map((u) => u.displayName),
  ];

  it('writes one note for most attended contacts, a few corrected, and never names anyone', () => {
    const attended = casework.careContacts.filter((c) => isAttended(c.attendStatus as never));
    const firsts = records.contactNotes.filter((n) => n.version === 1);
    expect(new Set(firsts.map((n) => n.contactId)).size).toBe(firsts.length);
    expect(firsts.length / attended.length).toBeGreaterThan(0.85);
    const corrections = records.contactNotes.filter((n) => n.version === 2);
    expect(corrections.length / firsts.length).toBeGreaterThan(0.02);
    expect(corrections.length / firsts.length).toBeLessThan(0.09);
    expect(corrections.every((n) => n.correctionReason)).toBe(true);
    for (const note of records.contactNotes) {
      const words = note.body.match(/[A-Z][a-z]+/g) ?? [];
      expect(
        words.filter((w) => names.has(w)),
        note.body,
      ).toEqual([]);
      expect(fullNames.some((n) => note.body.includes(n))).toBe(false);
    }
  });

  it('signs off most older notes after they were written, by a supervisor of the team, leaving a queue', () => {
    const latest = new Map<string, (typeof records.contactNotes)[number]>();
    for (const n of records.contactNotes)
      if ((latest.get(n.noteId)?.version ?? 0) < n.version) latest.set(n.noteId, n);
    for (const signOff of records.noteSignOffs) {
      const note = records.contactNotes.find(
        (n) => n.noteId === signOff.noteId && n.version === signOff.version,
      );
      expect(note && signOff.signedAt > note.writtenAt && signOff.signedAt.getTime() < now).toBe(true);
      const team = teamOf.get(note?.writtenBy ?? '') ?? '';
      expect(rolesIn(team, ['supervisor', 'mhst-clinical-lead']).has(signOff.signedBy)).toBe(true);
    }
    const signed = new Set(records.noteSignOffs.map((s) => s.noteId));
    const old = [...latest.values()].filter((n) => n.writtenAt.getTime() < now - 14 * DAY);
    expect(old.filter((n) => signed.has(n.noteId)).length / old.length).toBeGreaterThan(0.85);
    const waiting = [...latest.values()].filter((n) => !signed.has(n.noteId));
    for (const team of new Set(
      records.episodes.map((e) => casework.allocations.find((a) => a.referralId === e.referralId)?.teamId),
    ))
      expect(waiting.some((n) => teamOf.get(n.writtenBy) === team)).toBe(true);
  });

  it('supervises every practitioner every two to four weeks, with a supervisor of their team', () => {
    const practitioners = new Set(casework.allocations.flatMap((a) => (a.userId ? [a.userId] : [])));
    for (const userId of practitioners) {
      const sessions = records.supervisionSessions
        .filter((s) => s.practitionerUserId === userId)
        .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime());
      expect(sessions.length).toBeGreaterThan(8);
      const supervisors = rolesIn(teamOf.get(userId) ?? '', ['supervisor', 'mhst-clinical-lead']);
      sessions.forEach((s, k) => {
        expect(supervisors.has(s.supervisorUserId)).toBe(true);
        const gap = (s.heldAt.getTime() - (sessions[k - 1]?.heldAt.getTime() ?? s.heldAt.getTime())) / DAY;
        expect(gap).toBeLessThanOrEqual(45);
      });
      expect(now - (sessions.at(-1)?.heldAt.getTime() ?? 0)).toBeLessThan(45 * DAY);
    }
  });
});

describe('the demo safeguarding concerns and contacts', () => {
  it('raises a few concerns at every stage, from the allocated practitioner to the referral’s organisation', () => {
    const open = records.episodes.filter((e) => e.status === 'open').length;
    const concerns = records.safeguardingConcerns;
    expect(concerns.length).toBeLessThanOrEqual(Math.max(4, Math.ceil(open * 0.03)));
    expect(new Set(concerns.map((c) => c.status))).toEqual(
      new Set(['raised', 'acknowledged', 'referred-to-social-care', 'closed']),
    );
    for (const concern of concerns) {
      const referral = referralOf.get(concern.referralId);
      expect(concernCategoryCodes).toContain(concern.category);
      expect(concern.organisationId).toBe(referral?.organisationId);
      expect(concern.raisedBy).toBe(referral?.allocatedUserId);
      const actions = records.safeguardingActions.filter((a) => a.concernId === concern.id);
      expect(actions.at(-1)?.statusAfter ?? 'raised').toBe(concern.status);
      expect(actions.every((a) => a.recordedAt > concern.raisedAt && a.recordedAt.getTime() < now)).toBe(
        true,
      );
    }
  });

  it('records how each contact happened: in person in school, otherwise by video or phone', () => {
    for (const contact of casework.careContacts)
      expect(contact.medium).toBe(contact.schoolUrn === null ? contact.medium : 'in-person');
    const remote = casework.careContacts.filter((c) => c.schoolUrn === null);
    expect(new Set(remote.map((c) => c.medium))).toEqual(new Set(['video', 'phone']));
  });
});

describe('the named EMHP’s young person', () => {
  const emhp = identity.users.find((u) => u.email === demoEmailFor('emhp'));
  const hash = createHash('sha256').update(DEMO_QUESTIONNAIRE_SECRET).digest('hex');
  const link = records.questionnaireLinks.find((l) => l.linkHash === hash);
  const id = link?.referralId ?? '';

  it('has an open GAD-7 link with the known secret, for two weeks from now', () => {
    expect(link).toMatchObject({ instrumentId: 'gad-7', respondent: 'self', answeredAt: null });
    expect(link?.expiresAt.getTime()).toBe(now + 14 * DAY);
    expect(referralOf.get(id)?.allocatedUserId).toBe(emhp?.id);
    expect(referralOf.get(id)?.status).toBe('in-intervention');
  });

  it('has a rich record: assessment, goals, improving scores and a note awaiting sign-off', () => {
    expect(records.assessments.some((a) => a.referralId === id)).toBe(true);
    expect(records.carePlanGoals.filter((g) => g.referralId === id).length).toBeGreaterThan(0);
    const gad = records.measureResponses
      .filter((m) => m.referralId === id && m.instrumentId === 'gad-7')
      .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
    expect(gad.length).toBeGreaterThanOrEqual(3);
    expect((gad[0]?.total ?? 0) - (gad.at(-1)?.total ?? 0)).toBeGreaterThanOrEqual(4);
    const notes = records.contactNotes.filter((n) => n.referralId === id);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    const signed = new Set(records.noteSignOffs.map((s) => s.noteId));
    expect(notes.some((n) => !signed.has(n.noteId))).toBe(true);
  });

  it('is the same for the same seed, and empty without casework', () => {
    const again = buildDemoArea({ seed: DEFAULT_DEMO_SEED, scale: 1 });
    expect(again.caseRecords).toEqual(records);
    const quiet = buildDemoArea({ seed: DEFAULT_DEMO_SEED, scale: 1, referralMonths: 0 });
    expect(Object.values(quiet.caseRecords).every((rows) => rows.length === 0)).toBe(true);
    expect(buildDemoCaseRecords(1, area, now).episodes.length).toBe(records.episodes.length);
  });
});
