import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { guildSettings } from './guild-settings.js';
import { guilds, members } from './schema.js';

/**
 * Remembers the member's and the server's Discord languages from an interaction, in one statement that
 * writes only when one changed (so most interactions write nothing). Rows not created yet are left alone.
 */
export async function rememberLocales(db: Db, key: MemberKey, locales: { member: string | undefined; guild: string | undefined }): Promise<void> {
  const member = locales.member ?? null;
  const guild = locales.guild ?? null;
  await db.execute(sql`
    with member_row as (
      update ${members} set locale = ${member}::text
      where guild_id = ${key.guildId} and user_id = ${key.userId} and ${member}::text is not null and locale is distinct from ${member}::text
      returning 1
    ), guild_row as (
      update ${guilds} set locale = ${guild}::text
      where id = ${key.guildId} and ${guild}::text is not null and locale is distinct from ${guild}::text
      returning 1
    )
    select (select count(*) from member_row) as members, (select count(*) from guild_row) as guilds`);
}

/** The language a server's channel posts speak: the admin's choice, else Discord's `guild_locale`; undefined: English. */
export async function serverLocaleOf(db: Db, guildId: string): Promise<string | undefined> {
  const [row] = await db.select({ chosen: guilds.recapLocale, reported: guilds.locale }).from(guilds).where(eq(guilds.id, guildId)).limit(1);
  return row?.chosen ?? row?.reported ?? undefined;
}

/** `/config language`: a locale, or null to follow the server's Discord language again. */
export async function saveRecapLocale(db: Db, guildId: string, locale: string | null, now: Date): Promise<void> {
  await guildSettings(db, guildId, now);
  await db.update(guilds).set({ recapLocale: locale }).where(eq(guilds.id, guildId));
}

/** The member's remembered language, for their DMs; undefined: English. */
export async function memberLocaleOf(db: Db, key: MemberKey): Promise<string | undefined> {
  const [row] = await db.select({ locale: members.locale }).from(members).where(sql`${members.guildId} = ${key.guildId} and ${members.userId} = ${key.userId}`).limit(1);
  return row?.locale ?? undefined;
}
