import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { rememberLocales, saveRecapLocale } from '../db/locales.js';
import type { MemberKey } from '../db/members.js';

/** Remembers whose language is whose (SPEC §12): DMs follow the member's, channel posts the server's. */
export async function noteLocales(deps: { db: Db }, key: MemberKey, locales: { member: string | undefined; guild: string | undefined }): Promise<void> {
  await rememberLocales(deps.db, key, locales);
}

/** `/config language`: the recap's language, or null to follow the server's Discord language. */
export async function chooseRecapLocale(deps: { db: Db; clock: Clock }, guildId: string, locale: string | null): Promise<void> {
  await saveRecapLocale(deps.db, guildId, locale, deps.clock.now());
}
