import { localeOf, translator, type Locale, type Translator } from '../i18n/index.js';

/** The language of the member who sent an interaction (Discord's `locale`), ours or English. */
export function localeOfInteraction(interaction: { locale?: string | null }): Locale {
  return localeOf(interaction.locale);
}

/** A translator for whoever sent the interaction: replies speak their language (SPEC §12). */
export function translatorFor(interaction: { locale?: string | null }): Translator {
  return translator(localeOfInteraction(interaction));
}

/** The server's language as Discord reports it (`guild_locale`), undefined outside a server. */
export function guildLocaleOf(interaction: { guildLocale?: string | null }): Locale | undefined {
  return interaction.guildLocale ? localeOf(interaction.guildLocale) : undefined;
}
