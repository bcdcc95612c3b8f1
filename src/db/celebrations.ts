import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from './client.js';

export interface Celebration {
  winId: number;
  channelId: string;
  messageId: string;
}

/**
 * Where wins were celebrated in public, written after the reply, off the member's path, and batched
 * (one statement for many wins). Built once in the composition root and passed in, so whoever reads
 * those columns flushes the same queue the writers fill.
 *
 * With several `GATEWAY=off` workers each keeps its own queue, and that is correct enough to stay in
 * memory (issue 19): a queue holds at most FLUSH_AFTER_MS of notes, each note is written by the worker
 * that posted the celebration, and the rows are keyed by win id, so workers never overwrite each other.
 * The one gap: a win deleted on another worker within that fraction of a second of its celebration
 * would leave its message up; a member cannot open /wins and press two buttons that fast. SIGTERM
 * flushes the queue (compose.ts), so a rolling restart loses nothing.
 */
export interface CelebrationNotes {
  /** Queues one celebration; written within a moment. */
  note(row: Celebration): void;
  /** Writes what is queued now: call before reading or deleting a win's celebration. */
  flush(): Promise<void>;
  /** Writes what is left and stops: the shutdown path, before the database closes. */
  close(): Promise<void>;
}

const FLUSH_AFTER_MS = 200;

// An array literal sent as text: the two drivers serialise array parameters differently.
const arrayLiteral = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** One fixed statement whatever the batch size (arrays, not a VALUES list): each connection plans it once. */
export function celebrationsUpdate(rows: readonly Celebration[]): SQL {
  const ids = arrayLiteral(rows.map((r) => String(r.winId)));
  const channels = arrayLiteral(rows.map((r) => r.channelId));
  const messages = arrayLiteral(rows.map((r) => r.messageId));
  return sql`update wins set celebration_channel_id = v.channel_id, celebration_message_id = v.message_id
    from unnest(${ids}::text::bigint[], ${channels}::text::text[], ${messages}::text::text[]) as v(win_id, channel_id, message_id) where wins.id = v.win_id`;
}

async function write(db: Db, rows: readonly Celebration[]): Promise<void> {
  await db.execute(celebrationsUpdate(rows));
}

export function createCelebrationNotes(db: Db, logger: Pick<Logger, 'warn'>): CelebrationNotes {
  const rows: Celebration[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // A timed write under way may hold rows queued before this call: wait for it, never overlap it.
    await flushing.catch(() => undefined);
    const batch = rows.splice(0);
    if (batch.length > 0) await write(db, batch);
  }

  return {
    note(row) {
      if (closed) {
        logger.warn({ winId: row.winId }, 'a celebration came after shutdown began and was not noted');
        return;
      }
      rows.push(row);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        flushing = flush().catch((error: unknown) => logger.warn({ err: error }, 'could not note a celebration'));
      }, FLUSH_AFTER_MS);
      timer.unref();
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
