import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { wins, type Win } from './schema.js';
import { recordWin, type RecordWinInput } from './wins.js';

const UNIQUE_VIOLATION = '23505';

/** True for a unique-index violation from either driver (drizzle wraps the driver's error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export type MessageWinResult = { ok: true; win: Win } | { ok: false; reason: 'already-logged' };

/** Records a win from a Discord message once: the unique (guild, source message) index settles races. */
export async function recordMessageWin(
  db: Db,
  input: Omit<RecordWinInput, 'source' | 'sourceMessageId'> & { sourceMessageId: string },
  now: Date,
): Promise<MessageWinResult> {
  const [existing] = await db
    .select({ id: wins.id })
    .from(wins)
    .where(and(eq(wins.guildId, input.guildId), eq(wins.sourceMessageId, input.sourceMessageId)))
    .limit(1);
  if (existing) return { ok: false, reason: 'already-logged' };
  try {
    return { ok: true, win: await recordWin(db, { ...input, source: 'message' }, now) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-logged' };
    throw error;
  }
}
