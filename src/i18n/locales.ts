/** The languages the bot speaks (SPEC §12); English is the source and the fallback. */
export const LOCALES = ['en', 'de', 'fr', 'es-ES', 'pt-BR', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const FALLBACK_LOCALE: Locale = 'en';

/** Each language in its own words, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  'es-ES': 'Español (España)',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
};

/** Discord's locale codes each of ours answers to (for `name_localizations`); English is the default, not a localization. */
export const DISCORD_LOCALES: Record<Exclude<Locale, 'en'>, readonly string[]> = {
  de: ['de'],
  fr: ['fr'],
  'es-ES': ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
  ja: ['ja'],
};

const byLanguage: Record<string, Locale> = { en: 'en', de: 'de', fr: 'fr', es: 'es-ES', pt: 'pt-BR', ja: 'ja' };

/**
 * Our locale for a Discord locale ('en-US', 'es-419', 'pt-BR') or a BCP 47 tag from a browser:
 * by language, so Latin American Spanish gets Spanish and European Portuguese gets Portuguese; else English.
 */
export function localeOf(tag: string | null | undefined): Locale {
  if (!tag) return FALLBACK_LOCALE;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  return byLanguage[tag.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? FALLBACK_LOCALE;
}

/** Whether a tag names one of our languages (an unknown one falls back, but is not "chosen"). */
export function isSupported(tag: string | null | undefined): boolean {
  if (!tag) return false;
  return (tag.split(/[-_]/)[0]?.toLowerCase() ?? '') in byLanguage;
}

/** The first language of an `Accept-Language` header we speak, by the browser's order of preference. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((entry) => isSupported(entry.tag));
  return first ? localeOf(first.tag) : undefined;
}
