import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { TriageReferral } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as mdt from '../../db/repositories/mdt.repository.js';
import * as people from '../../db/repositories/people.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import type { ThriveGrouping } from '../../domain/organisations/thrive.js';
import { ageOn, londonDate } from '../../domain/people/child-details.js';
import { duplicateReasons } from '../../domain/people/possible-duplicates.js';
import type {
  DeclineReason,
  Priority,
  ReferralStatus,
  TriageDecisionKind,
} from '../../domain/referrals/triage-decisions.js';
import { daysWaiting } from '../../domain/referrals/triage-queue.js';

export const referralNotFound = () =>
  new AppError('not-found', 'There is no referral at this address that you can see.');

/** Everything triage needs about one referral, read in one scoped transaction; null when out of scope. */
export async function loadTriageReferral(
  tx: LanternDb,
  id: string,
  now: Date,
): Promise<TriageReferral | null> {
  const found = await referrals.findReferralDetail(tx, id);
  if (!found) return null;
  const r = found.referral;
  const child = await people.findChild(tx, r.childId);
  if (!child) return null;
  const today = londonDate(now);
  const school = await people.currentSchool(tx, child.id);
  const carers = await people.carersOf(tx, child.id);
  const consent = await referrals.currentConsent(tx, id);
  const decisions = await triage.decisionsOf(tx, id);
  const linked = await people.linkedChildIds(tx, child.id);
  const items = await mdt.itemsForReferral(tx, id);
  const leads = await triage.leadWorkersOf(tx, [id]);
  const information = await referrals.informationOf(tx, id);
  const others = await referrals.referralsOfChildren(tx, linked);
  const actions = await mdt.actionsOf(
    tx,
    items.map((i) => i.itemId),
  );
  const signposted = await triage.serviceNames(
    tx,
    decisions.flatMap((d) => d.decision.signpostedTo),
  );
  const lead = leads[0];
  return {
    id: r.id,
    reference: r.reference,
    version: r.version,
    status: r.status as ReferralStatus,
    receivedAt: r.receivedAt.toISOString(),
    daysWaiting: daysWaiting(r.receivedAt, now),
    source: r.source,
    isUrgent: r.isUrgent,
    priority: r.priority as Priority | null,
    thriveGrouping: r.thriveGrouping as ThriveGrouping | null,
    child: {
      ...child,
      age: ageOn(child.dateOfBirth, today),
      schoolName: school?.name ?? found.schoolName,
      schoolUrn: school?.urn ?? r.schoolUrn,
    },
    carers: carers.map((c) => ({
      id: c.id,
      name: c.name,
      relationship: c.relationship,
      hasParentalResponsibility: c.hasParentalResponsibility,
      phone: c.phone,
      email: c.email,
      doNotShare: c.doNotShare,
      doNotShareReason: c.doNotShareReason,
    })),
    presentingNeeds: r.presentingNeeds,
    needDescription: r.needDescription,
    needDuration: r.needDuration,
    needImpact: r.needImpact,
    triedSoFar: r.triedSoFar,
    risk: {
      riskToLifeNow: r.riskToLifeNow,
      recentSelfHarm: r.recentSelfHarm,
      riskToOthers: r.riskToOthers,
      details: r.riskDetails,
    },
    consent: consent && {
      consentedBy: consent.consentedBy,
      status: consent.status,
      isGillickCompetent: consent.isGillickCompetent,
      gillickAssessedBy: consent.gillickAssessedBy,
      parentsMayBeTold: consent.parentsMayBeTold,
      youngPersonAgrees: consent.youngPersonAgrees,
      recordedAt: consent.recordedAt.toISOString(),
    },
    referrer: {
      name: r.referrerName,
      role: r.referrerRole,
      organisation: r.referrerOrganisation,
      phone: r.referrerPhone,
      email: r.referrerEmail,
    },
    decisions: decisions.map(({ decision: d, serviceName, teamName, recordedByName }) => ({
      id: d.id,
      kind: d.kind as TriageDecisionKind,
      thriveGrouping: d.thriveGrouping as ThriveGrouping,
      priority: d.priority as Priority,
      serviceName,
      teamName,
      signpostedTo: d.signpostedTo.map((sid) => signposted.get(sid) ?? 'A service no longer listed'),
      informationSent: d.informationSent,
      question: d.question,
      declineReason: d.declineReason as DeclineReason | null,
      notes: d.notes,
      recordedAt: d.recordedAt.toISOString(),
      recordedBy: recordedByName,
      mdtMeetingId: d.mdtMeetingId,
    })),
    otherReferrals: others
      .filter((o) => o.id !== r.id)
      .map((o) => ({ ...o, receivedAt: o.receivedAt.toISOString(), status: o.status as ReferralStatus })),
    // Filled in by findPossibleDuplicates, which looks across the whole area.
    possibleDuplicates: [],
    leadWorker: lead
      ? {
          name: lead.externalName ?? lead.userName ?? 'Unknown',
          agency: lead.externalAgency ?? 'Lantern',
          phone: lead.externalPhone,
          since: lead.startedAt.toISOString(),
        }
      : null,
    information: information.map((i) => ({ ...i, givenAt: i.givenAt.toISOString() })),
    mdt: items.map((item) => ({
      meetingId: item.meetingId,
      heldAt: item.heldAt.toISOString(),
      sharedDecision: item.sharedDecision,
      actions: mdt.actionsForItem(actions, item.itemId),
    })),
  };
}

/**
 * Children who may be the same young person, looked for across the whole area: the front door
 * must see that a child is already known to another team. Only names, dates of birth, school and
 * a count of referrals are shown, and the search is written to the access log.
 */
export async function findPossibleDuplicates(
  ctx: ServiceContext,
  db: LanternDb,
  referral: TriageReferral,
): Promise<TriageReferral['possibleDuplicates']> {
  const { child } = referral;
  const candidates = await withScope(db, systemScope('duplicate check at triage'), async (tx) =>
    people.duplicateCandidates(tx, {
      excludeIds: await people.linkedChildIds(tx, child.id),
      nhsNumbers: child.nhsNumber ? [child.nhsNumber] : [],
      datesOfBirth: [child.dateOfBirth],
    }),
  );
  const identity = { ...child, schoolUrns: child.schoolUrn ? [child.schoolUrn] : [] };
  const found = candidates
    .filter((c) => !c.isMerged)
    .map((c) => ({ c, reasons: duplicateReasons(identity, c) }))
    .filter(({ reasons }) => reasons.length > 0);
  await ctx.recordAccess({
    subjectKind: 'child',
    subjectId: child.id,
    action: 'child:duplicate-check',
    outcome: 'allowed',
    basis: `found ${found.length}`,
  });
  return found.map(({ c, reasons }) => ({
    childId: c.id,
    childName: `${c.givenName} ${c.familyName}`,
    dateOfBirth: c.dateOfBirth,
    schoolName: c.schoolName,
    reasons: reasons.map((reason) => reason.text),
    referralCount: c.referralCount,
  }));
}

/** Opens a referral for triage; outside the clinician's scope it answers 404. Both are logged. */
export async function getTriageReferral(ctx: ServiceContext, deps: { db: LanternDb }, id: string) {
  await authorise(ctx, 'referral:triage');
  const found = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    loadTriageReferral(tx, id, ctx.now()),
  );
  await ctx.recordAccess({
    subjectKind: 'referral',
    subjectId: id,
    action: 'referral:triage',
    outcome: found ? 'allowed' : 'denied',
    basis: found ? 'triage' : 'out-of-scope',
  });
  if (!found) throw referralNotFound();
  return { ...found, possibleDuplicates: await findPossibleDuplicates(ctx, deps.db, found) };
}
