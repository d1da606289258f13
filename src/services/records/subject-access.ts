import { createHash, randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type {
  SubjectAccessChild,
  SubjectAccessExport,
  SubjectAccessExportInput,
  SubjectAccessPreview,
  SubjectAccessRequestList,
} from '../../contracts/records.js';
import { requesterLabels } from '../../contracts/records.js';
import type { LanternDb } from '../../db/client.js';
import * as records from '../../db/repositories/records.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { londonDate } from '../../domain/people/child-details.js';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.js';
import {
  buildSubjectAccessExport,
  type RequestFacts,
  refusalFor,
  refusalMessages,
} from '../../domain/records/subject-access.js';
import { recordChange } from '../audit/record-change.js';
import { latestConsent, subjectRecord } from './subject-record.js';

// Subject access requests (ADR 0019). The privacy officer's record scope is `none`: once they are
// authorised, these services read the one child's record under a system scope, and each read writes
// exactly one access-log row for that child, allowed or not.

const PERMISSION = 'subject-access:export' as const;
const REASON = 'subject access request';
type Deps = { db: LanternDb };

const notFound = () => new AppError('not-found', 'There is no record that matches.');

/** Runs one read of a child's record and writes its access-log row whatever happens. */
async function withChildAccess<T>(
  ctx: ServiceContext,
  requestedId: string | null,
  work: (found: (childId: string) => void) => Promise<T>,
  refusal?: () => string | null,
): Promise<T> {
  let childId: string | null = null;
  try {
    return await work((id) => {
      childId = id;
    });
  } finally {
    await ctx.recordAccess({
      subjectKind: 'child',
      subjectId: childId ?? requestedId,
      action: PERMISSION,
      outcome: childId ? 'allowed' : 'denied',
      basis: childId ? 'subject-access-request' : 'not-found',
      reason: refusal?.() ?? null,
    });
  }
}

/** Finds one child by NHS number or referral reference, with what the request form needs. */
export async function searchSubjectAccessChild(
  ctx: ServiceContext,
  deps: Deps,
  query: { nhsNumber?: string; reference?: string },
): Promise<SubjectAccessChild> {
  await authorise(ctx, PERMISSION);
  return withChildAccess(ctx, null, (found) =>
    withScope(deps.db, systemScope(REASON), async (tx) => {
      let childId: string | null = null;
      if (query.nhsNumber) {
        const nhsNumber = normaliseNhsNumber(query.nhsNumber);
        if (!nhsNumber) {
          throw new AppError('bad-request', 'That is not a valid NHS number.', [
            { name: 'nhsNumber', reason: 'must be a valid 10-digit NHS number' },
          ]);
        }
        const matches = await records.findChildrenByNhsNumber(tx, nhsNumber);
        if (matches.length > 1) {
          throw new AppError(
            'conflict',
            'More than one record has this NHS number. Search by the referral reference instead.',
          );
        }
        childId = matches[0]?.id ?? null;
      } else if (query.reference) {
        childId = await records.findChildByReference(tx, query.reference.toUpperCase());
      }
      const child = childId ? await records.findChild(tx, childId) : null;
      if (!child) throw notFound();
      found(child.id);
      const ids = await records.recordChildIds(tx, child.id);
      const referralRows = await records.referralsOf(tx, ids);
      const carerRows = await records.carersOf(tx, ids);
      return {
        id: child.id,
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth,
        referrals: referralRows.map((r) => ({
          reference: r.reference,
          receivedOn: londonDate(r.receivedAt),
        })),
        carers: carerRows.map((c) => ({
          id: c.id,
          name: c.name,
          relationship: c.relationship,
          hasParentalResponsibility: c.hasParentalResponsibility,
          doNotShare: c.doNotShare,
        })),
      };
    }),
  );
}

type Built = ReturnType<typeof buildSubjectAccessExport>;

/** Loads the record and filters it for the requester; a refused parent's request is a 409. */
async function filteredRecord(
  ctx: ServiceContext,
  tx: LanternDb,
  input: { childId: string; requester: RequestFacts['requester']; carerId?: string; receivedOn: string },
  found: (childId: string) => void,
  refused: (why: string) => void,
): Promise<Built> {
  const child = await records.findChild(tx, input.childId);
  if (!child) throw notFound();
  found(child.id);
  const ids = await records.recordChildIds(tx, child.id);
  const carerRows = await records.carersOf(tx, ids);
  const referralRows = await records.referralsOf(tx, ids);
  const rows = await records.caseRecordOf(
    tx,
    referralRows.map((r) => r.id),
  );
  let carer: RequestFacts['carer'] = null;
  if (input.requester === 'parent') {
    const row = carerRows.find((c) => c.id === input.carerId);
    if (!row) {
      throw new AppError('bad-request', 'That is not a parent or carer of this young person.', [
        { name: 'carerId', reason: 'must be one of this young person’s parents or carers' },
      ]);
    }
    carer = { hasParentalResponsibility: row.hasParentalResponsibility, doNotShare: row.doNotShare };
  }
  const facts: RequestFacts = { requester: input.requester, carer, consent: latestConsent(rows.consents) };
  const refusal = refusalFor(facts);
  if (refusal) {
    refused(refusal);
    throw new AppError('conflict', refusalMessages[refusal]);
  }
  const now = ctx.now();
  return buildSubjectAccessExport(subjectRecord(child, referralRows, rows, londonDate(now)), facts, {
    generatedAt: now.toISOString(),
    receivedOn: input.receivedOn,
  });
}

/** What an export would withhold for this requester: counts and reasons, no content. */
export async function previewSubjectAccess(
  ctx: ServiceContext,
  deps: Deps,
  input: { childId: string; requester: RequestFacts['requester']; carerId?: string },
): Promise<SubjectAccessPreview> {
  await authorise(ctx, PERMISSION);
  let refusal: string | null = null;
  return withChildAccess(
    ctx,
    input.childId,
    (found) =>
      withScope(deps.db, systemScope(REASON), async (tx) => {
        const built = await filteredRecord(ctx, tx, { ...input, receivedOn: '' }, found, (why) => {
          refusal = `refused: ${why}`;
        });
        return {
          requester: requesterLabels[input.requester],
          itemsIncluded: built.itemsIncluded,
          withheld: built.export.withheld,
        };
      }),
    () => refusal,
  );
}

/** Exports the record for the requester, and keeps the request with its counts (never the content). */
/**
 * Exports one child's record for a subject access request. With an Idempotency-Key, a retried
 * download renders the record again (one more access-log row: it is read again) but records one
 * request; the export itself is never stored anywhere.
 */
export async function exportSubjectAccess(
  ctx: ServiceContext,
  deps: Deps,
  input: SubjectAccessExportInput,
  requestKey?: string,
): Promise<SubjectAccessExport> {
  await authorise(ctx, PERMISSION);
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  if (input.receivedOn > londonDate(now)) {
    throw new AppError('bad-request', 'The request cannot have been received in the future.', [
      { name: 'receivedOn', reason: 'must be today or earlier' },
    ]);
  }
  let refusal: string | null = null;
  return withChildAccess(
    ctx,
    input.childId,
    (found) =>
      withScope(deps.db, systemScope(REASON), async (tx) => {
        const built = await filteredRecord(ctx, tx, input, found, (why) => {
          refusal = `refused: ${why}`;
        });
        const requestKeyHash = requestKey ? createHash('sha256').update(requestKey).digest('hex') : null;
        if (requestKeyHash && (await records.subjectAccessRequestByKey(tx, userId, requestKeyHash))) {
          return built.export;
        }
        const id = randomUUID();
        await records.insertSubjectAccessRequest(tx, {
          requestKeyHash,
          id,
          childId: input.childId,
          requester: input.requester,
          carerId: input.carerId ?? null,
          receivedAt: new Date(`${input.receivedOn}T12:00:00Z`),
          exportedAt: now,
          exportedBy: userId,
          itemsIncluded: built.itemsIncluded,
          itemsWithheld: built.itemsWithheld,
        });
        await recordChange(tx, ctx, {
          entity: 'subject-access-request',
          entityId: id,
          action: 'subject-access:exported',
          after: {
            childId: input.childId,
            requester: input.requester,
            format: input.format,
            itemsIncluded: built.itemsIncluded,
            itemsWithheld: built.itemsWithheld,
          },
        });
        return built.export;
      }),
    () => refusal,
  );
}

/** Past requests, newest first, with their counts; reading the list is itself logged. */
export async function listSubjectAccessRequests(
  ctx: ServiceContext,
  deps: Deps,
): Promise<SubjectAccessRequestList> {
  await authorise(ctx, PERMISSION);
  const rows = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    records.listSubjectAccessRequests(tx, 200),
  );
  await ctx.recordAccess({
    subjectKind: 'subject-access-requests',
    action: PERMISSION,
    outcome: 'allowed',
    basis: 'privacy',
  });
  return {
    items: rows.map(({ request, exportedBy }) => ({
      id: request.id,
      childId: request.childId,
      requester: requesterLabels[request.requester as keyof typeof requesterLabels] ?? request.requester,
      receivedOn: londonDate(request.receivedAt),
      exportedAt: request.exportedAt.toISOString(),
      exportedBy,
      itemsIncluded: request.itemsIncluded,
      itemsWithheld: request.itemsWithheld,
    })),
  };
}
