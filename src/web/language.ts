import type { Context } from 'hono';
import type { Db } from '../db/client.js';
import { memberLocaleOf, serverLocaleOf } from '../db/locales.js';
import type { MemberKey } from '../db/members.js';
import { english, localeFromAcceptLanguage, localeOf, translator, type Translator } from '../i18n/index.js';

/**
 * The signed-in member's language (SPEC §12): their Discord language as their last interaction in this
 * server told it, else the browser's `Accept-Language`, else English.
 */
export async function memberTranslator(db: Db, key: MemberKey, c: Context): Promise<Translator> {
  const remembered = await memberLocaleOf(db, key);
  if (remembered) return translator(localeOf(remembered));
  const browser = localeFromAcceptLanguage(c.req.header('accept-language'));
  return browser ? translator(browser) : english;
}

/** The language the server's recap speaks, for its preview. */
export async function serverTranslator(db: Db, guildId: string): Promise<Translator> {
  return translator(localeOf(await serverLocaleOf(db, guildId)));
}
