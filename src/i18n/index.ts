export { DISCORD_LOCALES, FALLBACK_LOCALE, LANGUAGE_NAMES, isSupported, LOCALES, localeFromAcceptLanguage, localeOf, type Locale } from './locales.js';
export { CATALOGUES, english, hasMessage, sourceOf, t, translator, type MessageKey, type Translator } from './translate.js';
