import type { CaseRecordRows } from '../../db/repositories/records.repository.js';
import type { children } from '../../db/schema/people.js';
import type { referrals } from '../../db/schema/referrals.js';
import {
  dischargeOutcomes,
  dischargeReasons,
  episodeStatuses,
  goalStatuses,
  interventions,
  riskLevels,
} from '../../domain/casework/episode.js';
import { presentingNeeds } from '../../domain/organisations/needs.js';
import { thriveLabels } from '../../domain/organisations/thrive.js';
import { londonDate } from '../../domain/people/child-details.js';
import {
  type ReferralEnd,
  retentionStatus,
  retentionStatusLabels,
  treatmentEndedOn,
} from '../../domain/records/retention.js';
import type { ConsentFacts, SubjectRecord, Tagged } from '../../domain/records/subject-access.js';
import {
  declineReasons,
  priorities,
  referralStatuses,
  triageDecisionKinds,
} from '../../domain/referrals/triage-decisions.js';
import { concernCategories, concernStatuses } from '../../domain/safeguarding/concerns.js';
import {
  attendanceWords,
  consentedByWords,
  directionWords,
  mayBeToldWords,
  respondentWords,
  sourceWords,
  words,
} from './subject-record-words.js';

// Turns one child's rows into the record a subject access export is filtered from: each item in
// words, tagged with whether it was given in confidence or by the young person themselves.

type ChildRow = typeof children.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;

const day = (at: Date) => londonDate(at);
const dayOrNull = (at: Date | null) => (at ? londonDate(at) : null);

const open = <T>(value: T): Tagged<T> => ({ value, givenInConfidence: false, givenByYoungPerson: false });

/** The newest consent not corrected, across all the child's referrals. */
export function latestConsent(rows: CaseRecordRows['consents']): ConsentFacts | null {
  const valid = rows.filter((c) => c.invalidatedAt === null);
  const newest = valid.sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())[0];
  return newest
    ? {
        consentedBy: newest.consentedBy,
        isGillickCompetent: newest.isGillickCompetent,
        parentsMayBeTold: newest.parentsMayBeTold,
      }
    : null;
}

const closedWithoutEpisode = new Set(['declined', 'signposted', 'discharged']);

/** Each referral's end for retention (ADR 0019): its episode's close, or triage closing it. */
export function referralEnds(referralRows: ReferralRow[], rows: CaseRecordRows): ReferralEnd[] {
  return referralRows.map((referral) => {
    const episode = rows.episodes.find((e) => e.referralId === referral.id);
    if (episode)
      return episode.closedAt ? { isOpen: false, endedOn: day(episode.closedAt) } : { isOpen: true };
    if (!closedWithoutEpisode.has(referral.status)) return { isOpen: true };
    const decided = rows.decisions
      .filter((d) => d.referralId === referral.id && d.invalidatedAt === null)
      .map((d) => d.recordedAt.getTime());
    const endedAt = decided.length > 0 ? new Date(Math.max(...decided)) : referral.receivedAt;
    return { isOpen: false, endedOn: day(endedAt) };
  });
}

export function subjectRecord(
  child: ChildRow,
  referralRows: ReferralRow[],
  rows: CaseRecordRows,
  today: string,
): SubjectRecord {
  const ref = new Map(referralRows.map((r) => [r.id, r.reference]));
  const reference = (referralId: string) => ref.get(referralId) ?? '';
  const isSelfReferred = referralRows.some((r) => r.source === 'self');
  const retention = retentionStatus(
    { dateOfBirth: child.dateOfBirth, treatmentEndedOn: treatmentEndedOn(referralEnds(referralRows, rows)) },
    today,
  );
  const hasContactDetails = child.contactRoutes.length > 0 || child.contactPhone || child.contactEmail;

  const notesById = new Map<string, CaseRecordRows['notes']>();
  for (const row of rows.notes)
    notesById.set(row.note.noteId, [...(notesById.get(row.note.noteId) ?? []), row]);
  const noteVersion = ({ note, writer }: CaseRecordRows['notes'][number]) => ({
    version: note.version,
    writtenAt: note.writtenAt.toISOString(),
    writtenBy: writer,
    body: note.body,
    correctionReason: note.correctionReason,
  });

  return {
    child: {
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      nhsNumber: child.nhsNumber,
      gender: child.genderSelfDescription ?? child.gender,
      postcode: child.postcode,
      gpPractice: child.gpPractice,
    },
    retention: {
      status: retentionStatusLabels[retention.status],
      reviewOn: retention.reviewOn,
      note: 'Review date under the NHS Records Management Code of Practice 2021: the later of 20 years after help ended (or 10 years after death, if sooner) and the 25th birthday (26th if 17 when help ended). Nothing is deleted automatically.',
    },
    sections: {
      contactDetails: hasContactDetails
        ? [
            {
              value: {
                contactRoutes: child.contactRoutes,
                phone: child.contactPhone,
                email: child.contactEmail,
              },
              givenInConfidence: false,
              givenByYoungPerson: isSelfReferred,
            },
          ]
        : [],
      referrals: referralRows.map((r) =>
        open({
          reference: r.reference,
          receivedOn: day(r.receivedAt),
          status: words(referralStatuses, r.status) ?? r.status,
        }),
      ),
      referralWords: referralRows.map((r) => ({
        value: {
          reference: r.reference,
          source: sourceWords[r.source] ?? r.source,
          presentingNeeds: r.presentingNeeds.map((n) => words(presentingNeeds, n) ?? n),
          needDescription: r.needDescription,
          triedSoFar: r.triedSoFar,
          riskDetails: r.riskDetails,
        },
        givenInConfidence: false,
        givenByYoungPerson: r.source === 'self',
      })),
      consents: rows.consents.map((c) => ({
        value: {
          reference: reference(c.referralId),
          recordedOn: day(c.recordedAt),
          consentedBy: consentedByWords[c.consentedBy] ?? c.consentedBy,
          status: c.status === 'withdrawn' ? 'Withdrawn' : 'Given',
          method: c.method,
          isGillickCompetent: c.isGillickCompetent,
          gillickNotes: c.gillickNotes,
          parentsMayBeTold: mayBeToldWords[c.parentsMayBeTold] ?? c.parentsMayBeTold,
          withdrawnOrCorrectedOn: dayOrNull(c.invalidatedAt),
        },
        givenInConfidence: false,
        givenByYoungPerson: c.consentedBy === 'young-person',
      })),
      decisions: rows.decisions.map((d) =>
        open({
          reference: reference(d.referralId),
          decidedOn: day(d.recordedAt),
          decision: words(triageDecisionKinds, d.kind) ?? d.kind,
          priority: words(priorities, d.priority) ?? d.priority,
          thriveGrouping: words(thriveLabels, d.thriveGrouping) ?? d.thriveGrouping,
          declineReason: words(declineReasons, d.declineReason),
          notes: d.notes,
          correctedOn: dayOrNull(d.invalidatedAt),
        }),
      ),
      contacts: rows.contacts.map(({ contact, practitioner }) =>
        open({
          reference: reference(contact.referralId),
          startsAt: contact.startsAt.toISOString(),
          kind: contact.kind === 'group-therapy' ? 'Group therapy' : 'One to one',
          medium: contact.medium,
          attendance: contact.attendStatus
            ? (attendanceWords[contact.attendStatus] ?? contact.attendStatus)
            : 'Booked',
          practitioner,
        }),
      ),
      episodes: rows.episodes.map((e) =>
        open({
          reference: reference(e.referralId),
          openedOn: day(e.openedAt),
          intervention: words(interventions, e.intervention),
          status: words(episodeStatuses, e.status) ?? e.status,
          closedOn: dayOrNull(e.closedAt),
          closeReason: words(dischargeReasons, e.closeReason),
          closeOutcome: words(dischargeOutcomes, e.closeOutcome),
          closeSummary: e.closeSummary,
        }),
      ),
      assessments: rows.assessments.map((a) => ({
        value: {
          reference: reference(a.referralId),
          assessedOn: day(a.assessedAt),
          presentingProblems: a.presentingProblems.map((p) => words(presentingNeeds, p) ?? p),
          summary: a.summary,
          riskLevel: words(riskLevels, a.riskLevel) ?? a.riskLevel,
          riskDetail: a.riskDetail,
          safetyPlan: a.safetyPlan,
        },
        givenInConfidence: a.inConfidence,
        givenByYoungPerson: false,
      })),
      goals: rows.goals.map((g) => ({
        value: {
          reference: reference(g.referralId),
          goal: g.goal,
          agreedOn: day(g.agreedAt),
          status: words(goalStatuses, g.status) ?? g.status,
        },
        givenInConfidence: false,
        givenByYoungPerson: true,
      })),
      notes: [...notesById.values()].map((versions) => {
        const newestFirst = [...versions].sort((a, b) => b.note.version - a.note.version);
        const current = newestFirst[0] as (typeof versions)[number];
        const signed = rows.signOffs
          .filter((s) => s.signOff.noteId === current.note.noteId)
          .sort((a, b) => b.signOff.version - a.signOff.version)[0];
        return {
          value: {
            reference: reference(current.note.referralId),
            current: noteVersion(current),
            earlierVersions: newestFirst.slice(1).map(noteVersion),
            signedOff: signed
              ? {
                  version: signed.signOff.version,
                  signedAt: signed.signOff.signedAt.toISOString(),
                  signedBy: signed.signer,
                }
              : null,
          },
          // One version told in confidence makes the whole note so: its corrections repeat it.
          givenInConfidence: versions.some((v) => v.note.inConfidence),
          givenByYoungPerson: false,
        };
      }),
      measures: rows.measures.map((m) => ({
        value: {
          reference: reference(m.referralId),
          instrument: `${m.instrumentId} (version ${m.instrumentVersion})`,
          respondent: respondentWords[m.respondent] ?? m.respondent,
          completedOn: day(m.completedAt),
          total: m.total,
          band: m.band,
          scores: numericScores(m.scores),
        },
        givenInConfidence: false,
        givenByYoungPerson: m.respondent === 'self',
      })),
      onwardReferrals: rows.onward.map((o) =>
        open({
          reference: reference(o.referralId),
          direction: directionWords[o.direction] ?? o.direction,
          serviceName: o.serviceName,
          reason: o.reason,
          referredOn: day(o.referredAt),
        }),
      ),
      safeguarding: rows.concerns.map((c) =>
        open({
          reference: reference(c.referralId),
          raisedOn: day(c.raisedAt),
          category: words(concernCategories, c.category) ?? c.category,
          concern: c.concern,
          immediateAction: c.immediateAction,
          status: words(concernStatuses, c.status) ?? c.status,
          outcome: c.outcome,
          actions: rows.actions
            .filter((a) => a.concernId === c.id)
            .map((a) => ({
              recordedOn: day(a.recordedAt),
              action: a.action,
              statusAfter: words(concernStatuses, a.statusAfter) ?? a.statusAfter,
            })),
        }),
      ),
    },
  };
}

/** Scores as stored (subscale or goal id → number); anything that is not a number is left out. */
function numericScores(scores: unknown): Record<string, number> {
  if (typeof scores !== 'object' || scores === null) return {};
  return Object.fromEntries(
    Object.entries(scores as Record<string, unknown>).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}
