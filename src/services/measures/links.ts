import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type ServiceContext, staffOf } from '../../access/authorise.js';
import type { CreateLinkInput, LinkChanged, LinkCreated, Links } from '../../contracts/measures.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as measures from '../../db/repositories/measures.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as people from '../../db/repositories/people.repository.js';
import { asSystemWithin } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { linkStatus, linkStatusWords, questionnairePath, SECRET_BYTES } from '../../domain/measures/links.js';
import { shortName } from '../../domain/measures/progress.js';
import { recordChange } from '../audit/record-change.js';
import { withCaseloadReferral } from '../casework/caseload-access.js';
import { instrumentsOf } from './instruments.js';
import { checkRespondent, findInstrument } from './referral-measures.js';

/**
 * Questionnaire links (ADR 0018). The secret is random (256 bits, base64url), given to the
 * practitioner once as the whole path, and stored only as its SHA-256: nobody can show it again,
 * and a copy of the database cannot answer anyone's questionnaire. When sent, it goes by the young
 * person's own chosen route, or to a carer with parental responsibility who is not marked
 * "do not share"; if there is none, nothing is created and the practitioner is told why.
 */

export const linkHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

const untilFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "10:00 on 8 December 2026" */
function untilWords(at: Date): string {
  const parts = Object.fromEntries(untilFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} on ${parts.day} ${parts.month} ${parts.year}`;
}

type Route = { channel: 'sms' | 'email'; recipient: string; sentText: string };

async function routeFor(
  tx: LanternDb,
  childId: string,
  respondent: 'self' | 'parent',
): Promise<Route | null> {
  if (respondent === 'self') {
    const child = await people.findChild(tx, childId);
    if (!child) return null;
    if (child.contactRoutes.includes('text') && child.contactPhone) {
      return {
        channel: 'sms',
        recipient: child.contactPhone,
        sentText: 'by text message to the young person',
      };
    }
    if (child.contactRoutes.includes('email') && child.contactEmail) {
      return { channel: 'email', recipient: child.contactEmail, sentText: 'by email to the young person' };
    }
    return null;
  }
  const allowed = (await people.carersOf(tx, childId)).filter(
    (c) => c.hasParentalResponsibility && !c.doNotShare,
  );
  const byEmail = allowed.find((c) => c.email);
  if (byEmail?.email) {
    return { channel: 'email', recipient: byEmail.email, sentText: 'by email to a parent or carer' };
  }
  const byText = allowed.find((c) => c.phone);
  if (byText?.phone) {
    return { channel: 'sms', recipient: byText.phone, sentText: 'by text message to a parent or carer' };
  }
  return null;
}

const noRoute = (respondent: 'self' | 'parent') =>
  new AppError(
    'conflict',
    respondent === 'self'
      ? 'The young person has not chosen text messages or email as a way to reach them, so the link cannot be sent. You can make the link without sending it and give it to them in person.'
      : 'No parent or carer with parental responsibility can be sent this: none has a phone or email we may use. You can make the link without sending it and give it in person.',
    [{ name: 'send', reason: 'there is no contact route this may be sent by' }],
  );

export async function createLink(
  ctx: ServiceContext,
  deps: { db: LanternDb; origin: string },
  referralId: string,
  input: CreateLinkInput,
): Promise<LinkCreated> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    const { current } = await instrumentsOf(tx, staffOf(ctx).organisationId);
    const instrument = findInstrument(current, input.instrumentId);
    checkRespondent(instrument, input.respondent);
    if (instrument.kind === 'goals') {
      throw new AppError('bad-request', 'Goals are rated together in a session, not by a link.', [
        { name: 'instrumentId', reason: 'goal-based measures are entered in the session' },
      ]);
    }
    if (input.contactId && !(await casework.findContact(tx, referralId, input.contactId))) {
      throw new AppError('bad-request', 'There is no such appointment for this young person.', [
        { name: 'contactId', reason: 'must be one of this young person’s appointments' },
      ]);
    }
    const route = input.send ? await routeFor(tx, row.childId, input.respondent) : null;
    if (input.send && !route) throw noRoute(input.respondent);

    const secret = randomBytes(SECRET_BYTES).toString('base64url');
    const path = questionnairePath(secret);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
    await measures.insertLink(tx, {
      id,
      referralId,
      instrumentId: instrument.id,
      respondent: input.respondent,
      linkHash: linkHash(secret),
      contactId: input.contactId ?? null,
      expiresAt,
      createdAt: now,
      createdBy: userId,
    });
    if (route) {
      await outbox.enqueue(tx, [
        {
          channel: route.channel,
          template: 'questionnaire-link',
          recipient: route.recipient,
          personalisation: {
            // Not shown in the message: lets withdrawing the link stop a message not yet sent.
            linkId: id,
            link: new URL(path, deps.origin).href,
            expiresOn: untilWords(expiresAt),
            reference: row.reference,
          },
          referralId,
          createdAt: now,
        },
      ]);
    }
    await recordChange(tx, ctx, {
      entity: 'questionnaire-link',
      entityId: id,
      action: 'questionnaire-link:created',
      after: {
        referralId,
        instrumentId: instrument.id,
        respondent: input.respondent,
        expiresAt: expiresAt.toISOString(),
        sentBy: route?.channel ?? null,
      },
    });
    return { id, version: 1, path, expiresAt: expiresAt.toISOString(), sentText: route?.sentText ?? null };
  });
}

export async function listLinks(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
): Promise<Links> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'caseload:read', async (tx, _row, _userId, now) => {
    const { known } = await instrumentsOf(tx, staffOf(ctx).organisationId);
    const rows = await measures.linksOf(tx, referralId);
    return {
      items: rows.map((link) => {
        const status = linkStatus(link, now);
        const instrument = known.find((i) => i.id === link.instrumentId);
        return {
          id: link.id,
          version: link.version,
          instrumentId: link.instrumentId,
          instrumentName: instrument ? shortName(instrument) : link.instrumentId,
          respondent: link.respondent as 'self' | 'parent',
          status,
          statusText: linkStatusWords[status],
          createdAt: link.createdAt.toISOString(),
          expiresAt: link.expiresAt.toISOString(),
          answeredAt: link.answeredAt?.toISOString() ?? null,
          withdrawnAt: link.withdrawnAt?.toISOString() ?? null,
        };
      }),
    };
  });
}

/** Withdraws a link still waiting for answers (If-Match: the link's version). */
export async function withdrawLink(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  linkId: string,
  expectedVersion: number,
): Promise<LinkChanged> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'episode:record', async (tx, _row, _userId, now) => {
    const link = (await measures.linksOf(tx, referralId)).find((l) => l.id === linkId);
    if (!link) throw new AppError('not-found', 'There is no such questionnaire link for this young person.');
    const status = linkStatus(link, now);
    if (status !== 'waiting') {
      throw new AppError(
        'conflict',
        `This link cannot be withdrawn: it is ${linkStatusWords[status].toLowerCase()}.`,
      );
    }
    const version = await measures.withdrawLink(tx, referralId, linkId, expectedVersion, now);
    if (version === null) {
      throw new AppError('precondition-failed', 'Someone else changed this link. Reload to see the latest.');
    }
    await asSystemWithin(tx, 'withdrawing the unsent message of a link found in scope', () =>
      outbox.withdrawUnsent(tx, { template: 'questionnaire-link', key: 'linkId', ids: [linkId] }, now),
    );
    await recordChange(tx, ctx, {
      entity: 'questionnaire-link',
      entityId: linkId,
      action: 'questionnaire-link:withdrawn',
      before: { version: link.version },
      after: { version },
    });
    return { id: linkId, version, status: 'withdrawn' };
  });
}
