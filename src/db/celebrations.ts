import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

export interface Celebration {
  winId: number;
  channelId: string;
  messageId: string;
}

// Written after the reply, off the member's path, and batched: one statement for many wins.
const FLUSH_AFTER_MS = 200;
const pending = new WeakMap<Db, { rows: Celebration[]; timer: NodeJS.Timeout | undefined; flushing: Promise<void> }>();

async function write(db: Db, rows: readonly Celebration[]): Promise<void> {
  const values = sql.join(
    rows.map((r) => sql`(${r.winId}::bigint, ${r.channelId}, ${r.messageId})`),
    sql`, `,
  );
  await db.execute(sql`update wins set celebration_channel_id = v.channel_id, celebration_message_id = v.message_id
    from (values ${values}) as v(win_id, channel_id, message_id) where wins.id = v.win_id`);
}

/** Remembers where a win was celebrated in public, so deleting it can remove that message too. */
export function noteCelebration(db: Db, row: Celebration, onError: (error: unknown) => void): void {
  let queue = pending.get(db);
  if (!queue) pending.set(db, (queue = { rows: [], timer: undefined, flushing: Promise.resolve() }));
  queue.rows.push(row);
  if (queue.timer) return;
  const q = queue;
  q.timer = setTimeout(() => {
    q.timer = undefined;
    q.flushing = flushCelebrations(db).catch(onError);
  }, FLUSH_AFTER_MS);
  q.timer.unref();
}

/** Writes what is queued now (the shutdown path and tests call it; the timer does otherwise). */
export async function flushCelebrations(db: Db): Promise<void> {
  const queue = pending.get(db);
  if (!queue) return;
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = undefined;
  await queue.flushing.catch(() => undefined);
  const rows = queue.rows.splice(0);
  if (rows.length > 0) await write(db, rows);
}
