import { type Actor, authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { JournalEntry, JournalList } from '../../contracts/self-help.js';
import type { LanternDb } from '../../db/client.js';
import * as selfCare from '../../db/repositories/online-self-care.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';

// A young person's private journal. Only they reach it: the route needs `online:use`, which no
// member of staff holds, and row-level security shows journal rows to their own account alone, not
// even to the online counsellors' scope. An entry is hidden, never deleted. The audit row of each
// change names the entry, never its words.

export interface SelfCareDeps {
  db: LanternDb;
}

export type YoungPersonActor = Extract<Actor, { kind: 'young-person' }>;

/** The signed-in young person (online:use is theirs alone); anyone else is refused. */
export function youngPersonOf(ctx: ServiceContext): YoungPersonActor {
  if (ctx.actor.kind !== 'young-person')
    throw new AppError('forbidden', 'This is for young people’s own use.');
  return ctx.actor;
}

const entryOf = (row: selfCare.JournalRow): JournalEntry => ({
  id: row.id,
  body: row.body,
  writtenAt: row.writtenAt.toISOString(),
});

export async function writeJournalEntry(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  input: { body: string },
): Promise<JournalEntry> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const row = await selfCare.insertJournalEntry(tx, {
      accountId: me.accountId,
      body: input.body,
      writtenAt: ctx.now(),
    });
    await recordChange(tx, ctx, { entity: 'journal-entry', entityId: row.id, action: 'write' });
    return entryOf(row);
  });
}

export async function listJournalEntries(ctx: ServiceContext, deps: SelfCareDeps): Promise<JournalList> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const rows = await withScope(deps.db, recordScope(me), (tx) =>
    selfCare.visibleJournalEntries(tx, me.accountId),
  );
  return { items: rows.map(entryOf) };
}

/** Hides an entry from the journal; the row stays. Hiding one already hidden says when it was. */
export async function hideJournalEntry(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  entryId: string,
): Promise<{ id: string; hiddenAt: string }> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const hidden = await selfCare.hideJournalEntry(tx, me.accountId, entryId, ctx.now());
    if (hidden?.hiddenAt) {
      await recordChange(tx, ctx, { entity: 'journal-entry', entityId: entryId, action: 'hide' });
      return { id: entryId, hiddenAt: hidden.hiddenAt.toISOString() };
    }
    const existing = await selfCare.findJournalEntry(tx, me.accountId, entryId);
    if (!existing?.hiddenAt) throw new AppError('not-found', 'There is no such journal entry.');
    return { id: entryId, hiddenAt: existing.hiddenAt.toISOString() };
  });
}
