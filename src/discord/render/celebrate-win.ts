import type { APIEmbed } from 'discord.js';
import type { Db } from '../../db/client.js';
import type { MemberKey } from '../../db/members.js';
import type { Win } from '../../db/schema.js';
import { countMemberWins } from '../../db/wins.js';
import { celebrationTitle, describeWinAdds } from '../../domain/celebrate.js';
import { weekRange } from '../../domain/time.js';
import { winEmbed } from './win-embed.js';

/**
 * The celebratory embed for a just-saved win, with what it adds ("3rd win this week").
 * A public win is counted among public wins only, so the reply never hints at private ones.
 */
export async function celebrateWin(
  db: Db,
  saved: Win,
  context: { timezone: string; now: Date; daysAgo: number; extraLine?: string | undefined },
): Promise<APIEmbed> {
  const key: MemberKey = { guildId: saved.guildId, userId: saved.userId };
  const counted = { includePrivate: saved.isPrivate };
  const week = weekRange(context.timezone, saved.occurredAt);
  const [weekCount, total] = await Promise.all([
    countMemberWins(db, key, week, counted),
    countMemberWins(db, key, null, counted),
  ]);
  const now = context.now.getTime();
  const adds = describeWinAdds({
    weekCount,
    currentWeek: week.start.getTime() <= now && now < week.end.getTime(),
    total,
    daysAgo: context.daysAgo,
  });
  const lines = context.extraLine ? `${adds}\n${context.extraLine}` : adds;
  return winEmbed({ userId: key.userId, text: saved.text, title: celebrationTitle(saved.id), adds: lines, isPrivate: saved.isPrivate });
}
