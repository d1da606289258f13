import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  InstrumentLoaded,
  InstrumentSummary,
  Instruments,
  LoadedInstruments,
} from '../../contracts/measures.js';
import type { LanternDb } from '../../db/client.js';
import * as measures from '../../db/repositories/measures.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { type Instrument, InstrumentDefinition } from '../../domain/measures/instrument.js';
import { parseInstrument } from '../../domain/measures/load-instrument.js';
import { shortName } from '../../domain/measures/progress.js';
import { shippedInstruments } from '../../domain/measures/shipped.js';
import { recordChange } from '../audit/record-change.js';

/**
 * The instruments an organisation can use: the free ones Lantern ships, and licensed definition
 * files the organisation loaded under its own licence (ADR 0015, 0018). Loading a new version of
 * the same instrument replaces the old one for new questionnaires; answers already given keep the
 * version they were scored with. Withdrawing keeps the row, so old answers still name it.
 */

export interface OrganisationInstruments {
  /** What new questionnaires use: shipped, then the latest loaded and not withdrawn version of each. */
  current: Instrument[];
  /** For reading old answers: `current`, plus the latest version of withdrawn ones. */
  known: Instrument[];
  rows: Awaited<ReturnType<typeof measures.licensedOf>>;
}

const asInstrument = (definition: unknown): Instrument | null => {
  const parsed = InstrumentDefinition.safeParse(definition);
  return parsed.success ? parsed.data : null;
};

export async function instrumentsOf(tx: LanternDb, organisationId: string): Promise<OrganisationInstruments> {
  const rows = await measures.licensedOf(tx, organisationId);
  const current = new Map<string, Instrument>();
  const known = new Map<string, Instrument>();
  for (const { row } of rows) {
    const instrument = asInstrument(row.definition);
    if (!instrument) continue;
    known.set(row.instrumentId, instrument);
    if (!row.withdrawnAt) current.set(row.instrumentId, instrument);
  }
  return {
    current: [...shippedInstruments, ...current.values()],
    known: [...shippedInstruments, ...known.values()],
    rows,
  };
}

const isShipped = (id: string) => shippedInstruments.some((i) => i.id === id);

function summaryOf(instrument: Instrument): InstrumentSummary {
  return {
    id: instrument.id,
    name: instrument.name,
    shortName: shortName(instrument),
    version: instrument.version,
    kind: instrument.kind,
    respondents: [...instrument.respondents],
    itemCount: instrument.kind === 'questionnaire' ? instrument.items.length : 0,
    maxGoals: instrument.kind === 'goals' ? instrument.maxGoals : null,
    attribution: instrument.licence.attribution,
    isLicensed: !isShipped(instrument.id),
    instructions: instrument.instructions ?? null,
    items:
      instrument.kind === 'questionnaire'
        ? instrument.items.map((item) => ({ id: item.id, text: item.text, options: item.options }))
        : [],
  };
}

/** The questionnaires a practitioner can send or enter: shipped and the organisation's loaded ones. */
export async function listInstruments(ctx: ServiceContext, deps: { db: LanternDb }): Promise<Instruments> {
  await authorise(ctx, 'caseload:read');
  const { current } = await instrumentsOf(deps.db, staffOf(ctx).organisationId);
  return { items: current.map(summaryOf) };
}

/** Every licensed definition the organisation loaded, withdrawn ones too, for whoever manages them. */
export async function listLoadedInstruments(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<LoadedInstruments> {
  await authorise(ctx, 'instrument:load');
  const { rows } = await instrumentsOf(deps.db, staffOf(ctx).organisationId);
  const currentRow = new Map<string, string>();
  for (const { row } of rows) if (!row.withdrawnAt) currentRow.set(row.instrumentId, row.id);
  return {
    items: rows.map(({ row, loadedByName }) => {
      const instrument = asInstrument(row.definition);
      return {
        id: row.id,
        instrumentId: row.instrumentId,
        version: row.instrumentVersion,
        name: instrument?.name ?? row.instrumentId,
        itemCount: instrument?.kind === 'questionnaire' ? instrument.items.length : 0,
        attribution: instrument?.licence.attribution ?? '',
        loadedAt: row.loadedAt.toISOString(),
        loadedBy: loadedByName,
        withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
        isCurrent: currentRow.get(row.instrumentId) === row.id,
      };
    }),
  };
}

/** Loads a licensed definition file; a bad one is refused with every problem named by its path. */
export async function loadInstrument(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  definition: unknown,
): Promise<InstrumentLoaded> {
  await authorise(ctx, 'instrument:load');
  const actor = staffOf(ctx);
  const parsed = parseInstrument(definition);
  if (!parsed.ok) {
    throw new AppError(
      'bad-request',
      `This definition file has ${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}. Fix them all and load it again.`,
      parsed.errors.map((error) => {
        const at = error.indexOf(': ');
        return at > 0
          ? { name: error.slice(0, at), reason: error.slice(at + 2) }
          : { name: 'definition', reason: error };
      }),
    );
  }
  const instrument = parsed.instrument;
  if (isShipped(instrument.id)) {
    throw new AppError('conflict', `"${instrument.id}" is shipped with Lantern and cannot be replaced.`, [
      { name: 'id', reason: 'is the id of an instrument shipped with Lantern; use another id' },
    ]);
  }
  const now = ctx.now();
  const id = randomUUID();
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const { rows } = await instrumentsOf(tx, actor.organisationId);
    const same = rows.filter(({ row }) => row.instrumentId === instrument.id && !row.withdrawnAt);
    if (same.some(({ row }) => row.instrumentVersion === instrument.version)) {
      throw new AppError(
        'conflict',
        `Version ${instrument.version} of "${instrument.id}" is already loaded. Give a new version a new version number.`,
        [{ name: 'version', reason: 'is already loaded' }],
      );
    }
    const previous = same[same.length - 1]?.row.instrumentVersion ?? null;
    await measures.insertLicensed(tx, {
      id,
      organisationId: actor.organisationId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      definition: instrument,
      loadedAt: now,
      loadedBy: actor.userId,
    });
    await recordChange(tx, ctx, {
      entity: 'licensed-instrument',
      entityId: id,
      action: 'instrument:loaded',
      after: { instrumentId: instrument.id, version: instrument.version, supersedes: previous },
    });
    return { id, instrumentId: instrument.id, version: instrument.version, supersedes: previous };
  });
}

/** Withdraws one loaded version: new questionnaires stop using it, answers already given keep it. */
export async function withdrawInstrument(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  id: string,
): Promise<{ id: string }> {
  await authorise(ctx, 'instrument:load');
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const row = await measures.withdrawLicensed(tx, actor.organisationId, id, ctx.now());
    if (!row) throw new AppError('not-found', 'Your organisation has no such questionnaire loaded.');
    await recordChange(tx, ctx, {
      entity: 'licensed-instrument',
      entityId: id,
      action: 'instrument:withdrawn',
      after: { instrumentId: row.instrumentId, version: row.instrumentVersion },
    });
    return { id };
  });
}
