import { randomInt, randomUUID } from 'node:crypto';
import { authorise, type ServiceContext } from '../../access/authorise.js';
import { type RecordScope, recordScope, systemScope } from '../../access/scope.js';
import type { SubmitReferralInput, SubmittedReferral } from '../../contracts/referral-form.js';
import type { LanternDb } from '../../db/client.js';
import * as drafts from '../../db/repositories/drafts.repository.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import type { NewOutboxMessage } from '../../db/repositories/outbox.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { ageOn, dateOfBirthProblem, londonDate } from '../../domain/people/child-details.js';
import { formatLongDate, whatHappensNext } from '../../domain/referrals/what-happens-next.js';
import { recordChange } from '../audit/record-change.js';
import { requireFrontDoor } from './front-door.js';

const invalid = (name: string, reason: string, message = 'Check the answer and try again.') =>
  new AppError('bad-request', message, [{ name, reason }]);

/** Crockford's alphabet without look-alikes, so a reference can be read out on the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newReference(prefix: string): string {
  const part = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${prefix}-${part(4)}-${part(2)}`;
}

/** Checks that need the clock or the area's data, after the contract's own checks. */
async function checkAnswers(
  db: LanternDb,
  input: SubmitReferralInput,
  today: string,
  rules: { selfReferralMinAge: number },
): Promise<void> {
  const dobProblem = dateOfBirthProblem(input.child.dateOfBirth, today);
  if (dobProblem) throw invalid('child.dateOfBirth', dobProblem);
  const age = ageOn(input.child.dateOfBirth, today);
  if (input.kind === 'self') {
    if (age < rules.selfReferralMinAge) {
      throw invalid(
        'child.dateOfBirth',
        `must be for someone aged ${rules.selfReferralMinAge} or over to ask for help themselves`,
        `You need to be ${rules.selfReferralMinAge} or older to ask for help yourself here. A parent, carer or teacher can ask for you.`,
      );
    }
    if (input.consent.consentBy !== 'young-person') {
      throw invalid('consent.consentBy', 'must be the young person when they ask for help themselves');
    }
  }
  if (
    input.kind !== 'self' &&
    input.consent.consentBy === 'young-person' &&
    age < 16 &&
    !input.consent.gillick
  ) {
    throw invalid(
      'consent.gillick',
      'is needed: a young person under 16 consenting for themselves needs a Gillick competence assessment',
    );
  }
  if (input.kind !== 'self' && !input.referrer) throw invalid('referrer.name', 'Enter your name');
  if (input.child.schoolUrn !== undefined && !(await organisations.findSchool(db, input.child.schoolUrn))) {
    throw invalid('child.schoolUrn', 'is not a school in this area');
  }
  if (input.preferredService !== undefined) {
    const service = await organisations.directoryCandidateBySlug(db, input.preferredService);
    if (!service) throw invalid('preferredService', 'is not a service in this area');
    if (age < service.ageMin || age > service.ageMax) {
      throw invalid('preferredService', `is only for ages ${service.ageMin} to ${service.ageMax}`);
    }
  }
}

function acknowledgements(
  input: SubmitReferralInput,
  reference: string,
  receivedOn: string,
  lookedAtBy: string,
  at: Date,
  referralId: string,
): NewOutboxMessage[] {
  const base = { createdAt: at, referralId };
  const messages: NewOutboxMessage[] = [];
  const personalisation = { reference, receivedOn, lookedAtBy };
  if (input.kind === 'self') {
    const { routes, phone, email } = input.contact;
    if (routes.includes('text') && phone) {
      messages.push({
        ...base,
        channel: 'sms',
        template: 'request-received',
        recipient: phone,
        personalisation,
      });
    } else if (routes.includes('email') && email) {
      messages.push({
        ...base,
        channel: 'email',
        template: 'request-received',
        recipient: email,
        personalisation,
      });
    }
  } else if (input.referrer?.email) {
    messages.push({
      ...base,
      channel: 'email',
      template: 'referral-received',
      recipient: input.referrer.email,
      personalisation,
    });
  }
  return messages;
}

async function intake(
  ctx: ServiceContext,
  db: LanternDb,
  scope: RecordScope,
  input: SubmitReferralInput,
  referrerUserId: string | null,
): Promise<SubmittedReferral> {
  const frontDoor = await requireFrontDoor(db);
  const receivedAt = ctx.now();
  const today = londonDate(receivedAt);
  await checkAnswers(db, input, today, frontDoor);
  const isUrgent = input.isUrgent || input.risk.riskToLifeNow;
  const next = whatHappensNext({
    kind: input.kind,
    receivedAt,
    isUrgent,
    triageWorkingDays: frontDoor.triageWorkingDays,
    contactRoutes: input.kind === 'self' ? input.contact.routes : [],
  });
  const childId = randomUUID();
  const referralId = randomUUID();
  const reference = newReference(frontDoor.referencePrefix);
  const { child, contact, consent, referrer } = input;
  await withScope(db, scope, async (tx) => {
    await referrals.insertReferralWithChild(tx, {
      child: {
        id: childId,
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth,
        nhsNumber: child.nhsNumber ?? null,
        postcode: child.postcode ?? null,
        gender: child.gender,
        genderSelfDescription: child.genderSelfDescription ?? null,
        ethnicity: child.ethnicity ?? null,
        gpPractice: child.gpPractice ?? null,
        contactRoutes: contact.routes,
        contactPhone: contact.phone ?? null,
        contactEmail: contact.email ?? null,
        canLeaveMessage: contact.canLeaveMessage,
      },
      schoolUrn: child.schoolUrn ?? null,
      carers: input.carers.map((carer) => ({
        name: carer.name,
        relationship: carer.relationship,
        hasParentalResponsibility: carer.hasParentalResponsibility,
        phone: carer.phone ?? null,
        email: carer.email ?? null,
        doNotShare: carer.doNotShare,
        doNotShareReason: carer.doNotShareReason ?? null,
      })),
      referral: {
        id: referralId,
        reference,
        receivedAt,
        source: input.kind,
        referrerUserId,
        organisationId: frontDoor.organisationId,
        serviceId: frontDoor.serviceId,
        teamId: frontDoor.intakeTeamId,
        presentingNeeds: input.needs,
        isUrgent,
        needDescription: input.description,
        needDuration: input.duration,
        needImpact: input.impact,
        triedSoFar: input.triedSoFar,
        riskToLifeNow: input.risk.riskToLifeNow,
        recentSelfHarm: input.risk.recentSelfHarm,
        riskToOthers: input.risk.riskToOthers,
        riskDetails: input.risk.details,
        referrerName: referrer?.name ?? null,
        referrerRole: referrer?.role ?? referrer?.relationship ?? null,
        referrerOrganisation: referrer?.organisation ?? null,
        referrerPhone: referrer?.phone ?? null,
        referrerEmail: referrer?.email ?? null,
      },
      consent: {
        consentedBy: consent.consentBy,
        status: 'given',
        method: 'form',
        isGillickCompetent: consent.gillick?.isCompetent ?? null,
        gillickAssessedBy: consent.gillick?.assessedBy ?? null,
        gillickNotes: consent.gillick?.notes ?? null,
        parentsMayBeTold: consent.parentsMayBeTold,
        youngPersonAgrees: consent.youngPersonAgrees ?? null,
        recordedAt: receivedAt,
        recordedBy: referrerUserId,
      },
    });
    if (
      input.draftId &&
      referrerUserId &&
      !(await drafts.markDraftSubmitted(tx, input.draftId, receivedAt))
    ) {
      // Sent already (another tab, or a retry with a new key): one draft makes one referral.
      throw new AppError('conflict', 'This referral was already sent. See it in the referrals you made.', [
        { name: 'draftId', reason: 'was already sent' },
      ]);
    }
    await outbox.enqueue(
      tx,
      acknowledgements(
        input,
        reference,
        formatLongDate(today),
        formatLongDate(next.lookedAtBy),
        receivedAt,
        referralId,
      ),
    );
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: 'received',
      after: { source: input.kind, isUrgent, childId, teamId: frontDoor.intakeTeamId },
    });
    await ctx.recordAccess(
      {
        subjectKind: 'referral',
        subjectId: referralId,
        action: 'referral:create',
        outcome: 'allowed',
        basis: referrerUserId ? 'own-referral' : 'public-form',
      },
      tx,
    );
  });
  return { reference, receivedAt: receivedAt.toISOString(), isUrgent, ...next };
}

/** A referral from signed-in school staff or another professional. */
export async function submitStaffReferral(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SubmitReferralInput,
): Promise<SubmittedReferral> {
  await authorise(ctx, 'referral:create');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  if (input.kind === 'parent' || input.kind === 'self') {
    throw invalid('kind', 'must be school, gp or professional on the staff form');
  }
  // School staff refer pupils of their own school unless they say otherwise.
  const ownSchool = ctx.actor.grants.find((grant) => grant.schoolUrn)?.schoolUrn;
  const child = { ...input.child, schoolUrn: input.child.schoolUrn ?? ownSchool ?? undefined };
  return intake(ctx, deps.db, recordScope(ctx.actor), { ...input, child }, ctx.actor.userId);
}

/** A request from a parent or carer, or a young person for themselves, on the public pages. */
export async function submitPublicReferral(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SubmitReferralInput,
): Promise<SubmittedReferral> {
  await authorise(ctx, 'referral:submit-public');
  if (input.kind !== 'parent' && input.kind !== 'self') {
    throw invalid('kind', 'must be parent or self on the public form; professionals sign in to refer');
  }
  // Nobody's scope covers a stranger's request: the intake writes under a system scope, and the
  // caller gets back only the reference and what happens next.
  return intake(ctx, deps.db, systemScope('intake of a public referral'), input, null);
}
