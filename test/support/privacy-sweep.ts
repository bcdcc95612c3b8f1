import { eq, ne, or } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { checkins, goals, pairings, wins } from '../../src/db/schema.js';
import type { StoredMessage } from '../../src/sandbox/index.js';

/** Short texts ("x", "a win") would match by accident; real private words are longer. */
const MIN_LENGTH = 8;
const rankingWords = /\b(leaderboard|ranking|ranked|top \d+ members|most wins|#1 member|winner of the week)\b/i;

/** Who can see a message: its one reader for ephemeral replies and DMs, everyone otherwise. */
function audienceOf(message: StoredMessage): string | 'everyone' {
  if (message.ephemeral && message.interaction) return message.interaction.userId;
  if (message.dmUserId) return message.dmUserId;
  return 'everyone';
}

const visibleText = (message: StoredMessage) =>
  [message.content, JSON.stringify(message.embeds), JSON.stringify(message.components)].join('\n').toLowerCase();

/**
 * Every message the bot sent in a test, checked against everything private in the
 * database: a private win, a goal not shared with the server, or a private check-in note may
 * only reach its owner.
 * Returns one line per leak (empty when nothing leaked).
 */
export async function sweepForLeaks(db: Db, messages: readonly StoredMessage[]): Promise<string[]> {
  const privateWins = await db.select({ userId: wins.userId, text: wins.text }).from(wins).where(eq(wins.isPrivate, true));
  const privateGoals = await db.select({ userId: goals.userId, text: goals.title, share: goals.share }).from(goals).where(or(ne(goals.share, 'server')));
  // A goal shared with 'partner' may reach whoever was in a pairing group with its owner.
  const pairingRows = await db.select().from(pairings);
  const partnersOf = (userId: string) =>
    new Set(
      pairingRows
        .filter((a) => a.userId === userId)
        .flatMap((a) => pairingRows.filter((b) => b.guildId === a.guildId && b.weekKey === a.weekKey && b.groupNo === a.groupNo).map((b) => b.userId)),
    );
  const privateCheckins = await db.select({ userId: checkins.userId, text: checkins.note }).from(checkins).where(eq(checkins.share, 'private'));
  const secrets = [...privateWins, ...privateGoals, ...privateCheckins].filter((s) => s.text.length >= MIN_LENGTH);
  const leaks: string[] = [];
  for (const message of messages) {
    if (message.deleted) continue;
    const audience = audienceOf(message);
    const text = visibleText(message);
    for (const secret of secrets) {
      const partnerMayRead = 'share' in secret && secret.share === 'partner' && partnersOf(secret.userId).has(audience);
      if (audience !== secret.userId && !partnerMayRead && text.includes(secret.text.toLowerCase())) {
        leaks.push(`"${secret.text}" (owner ${secret.userId}) reached ${audience} in ${message.channelLabel}`);
      }
    }
    if (audience === 'everyone' && rankingWords.test(text)) leaks.push(`ranking words in ${message.channelLabel}: ${text.slice(0, 120)}`);
  }
  return leaks;
}
