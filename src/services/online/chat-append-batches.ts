import type { LanternDb } from '../../db/client.js';
import {
  appendChatMessagesQuickly,
  type QuickAppend,
  type QuickAppendItem,
} from '../../db/repositories/online-chats.repository.js';

// Group commit for chat messages (issue 7's benchmark): a few statements store messages at once;
// messages that arrive while they run wait and then go together, one statement and one commit for
// the lot. At a trickle (nothing being stored) a message goes straight away on its own; under load
// the batches grow (a second statement starts only for a backlog of MIN_BATCH_ALONGSIDE),
// so the database waits on its write-ahead log once per batch rather than once per message.
// Nothing is acknowledged or delivered before its batch has committed.

/** Statements storing messages at once, leaving the rest of the pool for everything else. */
const MAX_IN_FLIGHT = 4;
/**
 * A second statement starts beside a running one only for a backlog this big: each statement has a
 * fixed cost in the database (about 2 ms), so under load fewer, larger batches do more with the same
 * cores (measured: 24% fewer statements at 2,000 messages a second, docs/performance.md).
 */
const MIN_BATCH_ALONGSIDE = 20;
const MAX_BATCH = 100;

interface Waiting<Item, Answer> {
  item: Item;
  resolve: (answer: Answer) => void;
  reject: (err: unknown) => void;
}

/**
 * The group commit itself, for any kind of item: `storeBatch` stores a batch in one statement and
 * answers for each item in order. Also used by the chat benchmark's storing relay (bench/), so the
 * floor it measures batches exactly as Lantern does.
 */
export class GroupCommit<Item, Answer> {
  private readonly pending: Waiting<Item, Answer>[] = [];
  private inFlight = 0;
  /** Statements run and items they held, for tests and the benchmark. */
  readonly counts = { statements: 0, messages: 0 };

  constructor(private readonly storeBatch: (items: readonly Item[]) => Promise<(Answer | undefined)[]>) {}

  append(item: Item): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.next();
    });
  }

  private next() {
    while (
      this.inFlight < MAX_IN_FLIGHT &&
      this.pending.length > 0 &&
      (this.inFlight === 0 || this.pending.length >= MIN_BATCH_ALONGSIDE)
    ) {
      const batch = this.pending.splice(0, MAX_BATCH);
      this.inFlight++;
      this.counts.statements++;
      this.counts.messages += batch.length;
      void this.store(batch).finally(() => {
        this.inFlight--;
        this.next();
      });
    }
  }

  private async store(batch: Waiting<Item, Answer>[]) {
    try {
      const answers = await this.storeBatch(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const answer = answers[i];
        if (answer !== undefined) w.resolve(answer);
        else w.reject(new Error('a stored batch gave no answer for one of its items'));
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // One item the database refused must not fail the others: each goes again on its own.
      for (const w of batch) {
        try {
          const [answer] = await this.storeBatch([w.item]);
          if (answer !== undefined) w.resolve(answer);
          else w.reject(err);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }
}

type AppendBatches = GroupCommit<QuickAppendItem, QuickAppend>;

const batchesByDb = new WeakMap<LanternDb, AppendBatches>();

function batchesFor(db: LanternDb): AppendBatches {
  let batches = batchesByDb.get(db);
  if (!batches) {
    batches = new GroupCommit((items: readonly QuickAppendItem[]) => appendChatMessagesQuickly(db, items));
    batchesByDb.set(db, batches);
  }
  return batches;
}

/** Stores one message in the next batch for this database; resolves once that batch has committed. */
export function appendInBatch(db: LanternDb, item: QuickAppendItem): Promise<QuickAppend> {
  return batchesFor(db).append(item);
}

/** How many statements have stored how many messages on this database (first tries only). */
export function appendBatchCounts(db: LanternDb): { statements: number; messages: number } {
  return { ...batchesFor(db).counts };
}
