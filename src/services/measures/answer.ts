import { authorise, type ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { Answered, AnswerInput, PublicQuestionnaire } from '../../contracts/measures.js';
import type { LanternDb } from '../../db/client.js';
import * as measures from '../../db/repositories/measures.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import type { QuestionnaireInstrument, Respondent } from '../../domain/measures/instrument.js';
import { linkStatus } from '../../domain/measures/links.js';
import { directionOf, progressWords } from '../../domain/measures/progress.js';
import { recordChange } from '../audit/record-change.js';
import { instrumentsOf } from './instruments.js';
import { linkHash } from './links.js';
import { scoreComplete, storeMeasure } from './referral-measures.js';

/**
 * Answering a questionnaire by its link, with nobody signed in (ADR 0018). The link's secret is
 * the only credential: it is hashed and matched under a system scope, and a link that is unknown,
 * expired, withdrawn or already answered gets the same 404 in the same words, so the page reveals
 * nothing about which. Nothing personal is shown: no name, no reference, only the questions.
 */

const SYSTEM_REASON = 'answering a questionnaire by its link (matched by the SHA-256 of its secret)';

export const unknownLink = () =>
  new AppError(
    'not-found',
    'This link does not work. It may have been used already, or it may be too old. Ask your practitioner for a new one.',
  );

type OpenLink = { link: measures.LinkRow; instrument: QuestionnaireInstrument };

async function openLink(tx: LanternDb, secret: string, now: Date): Promise<OpenLink> {
  const found = await measures.findLinkByHash(tx, linkHash(secret));
  if (!found || linkStatus(found.link, now) !== 'waiting') throw unknownLink();
  const { current } = await instrumentsOf(tx, found.organisationId);
  const instrument = current.find((i) => i.id === found.link.instrumentId);
  // A licensed instrument withdrawn since the link was made: the link cannot be answered any more.
  if (instrument?.kind !== 'questionnaire') throw unknownLink();
  return { link: found.link, instrument };
}

export async function viewQuestionnaire(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  secret: string,
): Promise<PublicQuestionnaire> {
  await authorise(ctx, 'questionnaire:answer');
  const { link, instrument } = await withScope(deps.db, systemScope(SYSTEM_REASON), (tx) =>
    openLink(tx, secret, ctx.now()),
  );
  await ctx.recordAccess({
    subjectKind: 'questionnaire-link',
    subjectId: link.id,
    action: 'questionnaire:answer',
    outcome: 'allowed',
    basis: 'questionnaire-link',
    reason: 'opened the questionnaire',
  });
  return {
    title: instrument.name,
    instructions: instrument.instructions ?? null,
    forWhom: link.respondent === 'parent' ? 'your child' : 'you',
    items: instrument.items.map((item) => ({
      id: item.id,
      text: item.text,
      options: item.options.map((o) => ({ value: o.value, label: o.label })),
    })),
    attribution: instrument.licence.attribution,
  };
}

export async function answerQuestionnaire(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  secret: string,
  input: AnswerInput,
): Promise<Answered> {
  await authorise(ctx, 'questionnaire:answer');
  const now = ctx.now();
  return withScope(deps.db, systemScope(SYSTEM_REASON), async (tx) => {
    const { link, instrument } = await openLink(tx, secret, now);
    const score = scoreComplete(instrument, input.answers);
    const total = score.total as number;
    if (!(await measures.markLinkAnswered(tx, link.id, now))) throw unknownLink();
    const stored = await storeMeasure(tx, {
      referralId: link.referralId,
      instrument,
      respondent: link.respondent as Respondent,
      answers: { ...input.answers },
      total,
      scores: score.kind === 'questionnaire' ? score.subscales : {},
      band: score.kind === 'questionnaire' ? score.band : null,
      completedAt: now,
      via: 'link',
      linkId: link.id,
      contactId: link.contactId,
      recordedBy: null,
      milestoneBy: link.createdBy,
      now,
    });
    await recordChange(tx, ctx, {
      entity: 'measure-response',
      entityId: stored.id,
      action: 'measure:answered-by-link',
      after: { referralId: link.referralId, linkId: link.id, instrumentId: instrument.id, total },
    });
    await ctx.recordAccess(
      {
        subjectKind: 'referral',
        subjectId: link.referralId,
        action: 'questionnaire:answer',
        outcome: 'allowed',
        basis: 'questionnaire-link',
        reason: 'answered a questionnaire by its link',
      },
      tx,
    );
    const totals = [...stored.same.flatMap((r) => (r.total === null ? [] : [r.total])), total];
    return { progress: progressWords(directionOf(instrument), totals), isFirst: totals.length === 1 };
  });
}
