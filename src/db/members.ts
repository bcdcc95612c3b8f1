import { eq } from 'drizzle-orm';
import { ofMember, type MemberKey } from './member-filter.js';
import { GUILD_DEFAULTS } from '../domain/guild-defaults.js';
import type { Db } from './client.js';
import { guilds, members } from './schema.js';

export type { MemberKey } from './member-filter.js';

/** Creates the server and member rows on first contact; cheap and idempotent. */
export async function ensureMember(db: Db, key: MemberKey, now: Date): Promise<void> {
  await db.insert(guilds).values({ id: key.guildId, createdAt: now }).onConflictDoNothing();
  await db.insert(members).values({ ...key, createdAt: now }).onConflictDoNothing();
}

export async function setMemberTimezone(db: Db, key: MemberKey, timezone: string | null, now: Date): Promise<void> {
  await ensureMember(db, key, now);
  await db
    .update(members)
    .set({ timezone })
    .where(ofMember(members, key));
}

export interface MemberSettings {
  /** The timezone in effect: the member's own, else the server's, else UTC. */
  timezone: string;
  /** The member's own choice; null when the server's timezone applies. */
  ownTimezone: string | null;
  serverTimezone: string;
  dms: boolean;
  /** A fresh-start line by DM on the first morning of each week and month (SPEC §13). */
  freshStart: boolean;
}

/** The server's settings beside the member's own (undefined for a server never seen; member columns null for a member). */
export async function serverAndMember(db: Db, key: MemberKey) {
  const [row] = await db
    .select({
      own: members.timezone,
      dms: members.dms,
      freshStart: members.freshStart,
      optedIn: members.partnerOptIn,
      server: guilds.timezone,
      checkinsEnabled: guilds.checkinsEnabled,
      nextRecapAt: guilds.nextRecapAt,
    })
    .from(guilds)
    .leftJoin(members, ofMember(members, key))
    .where(eq(guilds.id, key.guildId))
    .limit(1);
  return row;
}

/** Everything `/settings` shows; defaults for a member (or server) never seen before. */
export async function memberSettings(db: Db, key: MemberKey): Promise<MemberSettings> {
  const row = await serverAndMember(db, key);
  const serverTimezone = row?.server ?? GUILD_DEFAULTS.timezone;
  const ownTimezone = row?.own ?? null;
  return { timezone: ownTimezone ?? serverTimezone, ownTimezone, serverTimezone, dms: row?.dms ?? false, freshStart: row?.freshStart ?? false };
}

/** Changes only the settings given; `timezone: null` returns the member to the server's timezone. */
export async function updateMemberSettings(
  db: Db,
  key: MemberKey,
  change: { timezone?: string | null; dms?: boolean; freshStart?: boolean },
  now: Date,
): Promise<void> {
  const set: { timezone?: string | null; dms?: boolean; dmsClosedAt?: null; freshStart?: boolean } = {};
  if (change.freshStart !== undefined) set.freshStart = change.freshStart;
  if (change.timezone !== undefined) set.timezone = change.timezone;
  if (change.dms !== undefined) set.dms = change.dms;
  // Choosing DMs again (after opening them) gives bounced personal recaps another chance.
  if (change.dms === true) set.dmsClosedAt = null;
  await ensureMember(db, key, now);
  if (Object.keys(set).length === 0) return;
  await db
    .update(members)
    .set(set)
    .where(ofMember(members, key));
}
