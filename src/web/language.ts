import type { Context } from 'hono';
import type { Db } from '../db/client.js';
import { memberLocaleOf, serverLocaleOf } from '../db/locales.js';
import type { MemberKey } from '../db/members.js';
import type { WebSession } from '../db/schema.js';
import { english, localeFromAcceptLanguage, localeOf, translator, type Translator } from '../i18n/index.js';

/** A browser's language, for a page no member's language is known for yet (sign-in, a refused request). */
export function browserTranslator(c: Pick<Context, 'req'>): Translator {
  const browser = localeFromAcceptLanguage(c.req.header('accept-language'));
  return browser ? translator(browser) : english;
}

/**
 * The signed-in member's language (SPEC §12): their Discord language as their last interaction in this
 * server told it, else the browser's `Accept-Language`, else English.
 */
export async function memberTranslator(db: Db, key: MemberKey, c: Pick<Context, 'req'>): Promise<Translator> {
  const remembered = await memberLocaleOf(db, key);
  if (remembered) return translator(localeOf(remembered));
  return browserTranslator(c);
}

/** How many of a session's servers are asked for a remembered language on pages outside any one server. */
const SERVERS_ASKED = 10;

/**
 * A page outside any one server (the server list, a refusal, "nothing here"): the member's Discord
 * language as one of their servers remembers it, else the browser's. Never fails: a database that
 * cannot answer leaves the browser's language.
 */
export async function visitorTranslator(db: Db, session: WebSession | undefined, c: Pick<Context, 'req'>): Promise<Translator> {
  if (!session) return browserTranslator(c);
  try {
    const asked = session.guilds.slice(0, SERVERS_ASKED).map((g) => memberLocaleOf(db, { guildId: g.id, userId: session.userId }));
    const remembered = (await Promise.all(asked)).find((locale) => locale !== undefined);
    return remembered ? translator(localeOf(remembered)) : browserTranslator(c);
  } catch {
    return browserTranslator(c);
  }
}

/** The language the server's recap speaks, for its preview. */
export async function serverTranslator(db: Db, guildId: string): Promise<Translator> {
  return translator(localeOf(await serverLocaleOf(db, guildId)));
}
