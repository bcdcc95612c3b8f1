import type { LocalizationMap } from 'discord.js';
import { COMMAND_TEXTS } from '../i18n/command-texts.js';
import { DISCORD_LOCALES, LANGUAGE_NAMES, translator, type Locale } from '../i18n/index.js';
import type { Command } from './command.js';

const WEEKDAY_VALUES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Localizable {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
  options?: readonly Localizable[];
  choices?: readonly { name: string; value: string | number; name_localizations?: LocalizationMap | null }[];
}

/** The same text for each Discord locale a language of ours answers to; undefined when no language has it. */
function localizations(translate: (locale: Exclude<Locale, 'en'>) => string | undefined): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const [locale, codes] of Object.entries(DISCORD_LOCALES) as [Exclude<Locale, 'en'>, readonly string[]][]) {
    const text = translate(locale);
    if (text !== undefined) for (const code of codes) map[code] = text;
  }
  return Object.keys(map).length > 0 ? (map as LocalizationMap) : undefined;
}

const byText = (text: string) => (locale: Exclude<Locale, 'en'>) => COMMAND_TEXTS[locale][text];

/** The choice with its label in every language: weekdays by ICU ("Montag", "lundi", "月曜日"), the rest from the table. */
function withChoiceNames<C extends { name: string; value: string | number }>(choice: C): C {
  const weekday = WEEKDAY_VALUES.indexOf(String(choice.value));
  if (weekday < 0) {
    // A language is named in its own words in every language.
    const names = localizations(String(choice.value) in LANGUAGE_NAMES ? () => choice.name : byText(choice.name));
    return names ? { ...choice, name_localizations: names } : { ...choice };
  }
  // Worked out when first read (a deploy, which sends them): ICU's weekday names in five languages page in
  // about 1 MB of node's binary, which a bot that only answers never needs.
  let names: LocalizationMap | undefined;
  return Object.defineProperty({ ...choice }, 'name_localizations', {
    enumerable: true,
    configurable: true,
    get: () => (names ??= localizations((locale) => translator(locale).weekday(weekday + 1))),
  });
}

function localize<T extends Localizable>(item: T, isMenu = false): T {
  const description = item.description === undefined ? undefined : localizations(byText(item.description));
  // Slash command and option names stay English (SPEC §2–§3, and every message names them so); a menu's name is its label.
  const name = isMenu ? localizations(byText(item.name)) : undefined;
  return {
    ...item,
    ...(name ? { name_localizations: name } : {}),
    ...(description ? { description_localizations: description } : {}),
    ...(item.options ? { options: item.options.map((option) => localize(option)) } : {}),
    ...(item.choices ? { choices: item.choices.map(withChoiceNames) } : {}),
  };
}

/** The command with Discord's localizations of its descriptions and choices in every language the bot speaks (SPEC §12). */
export function withLocalizations<C extends Command>(command: C): C {
  return { ...command, data: localize(command.data as Localizable, command.kind === 'message-menu') as C['data'] };
}
