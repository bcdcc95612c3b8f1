import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { DISCORD_LOCALES } from '../../src/i18n/index.js';

interface Item {
  type?: number;
  name: string;
  description?: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: Item[];
  choices?: { name: string; value: unknown; name_localizations?: Record<string, string> | null }[];
}

const discordLocales = Object.values(DISCORD_LOCALES).flat();
// Discord's rule for slash command and option names, in every locale.
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function* walk(item: Item, path: string): Generator<{ item: Item; path: string }> {
  yield { item, path };
  for (const option of item.options ?? []) yield* walk(option, `${path} ${option.name}`);
}

describe('command localizations', () => {
  const problems: string[] = [];
  for (const command of commands) {
    const data = command.data as Item;
    const menu = command.kind === 'message-menu';
    for (const { item, path } of walk(data, data.name)) {
      const names = { '': item.name, ...(item.name_localizations ?? {}) };
      for (const [locale, name] of Object.entries(names)) {
        if (menu) {
          if (name.length < 1 || name.length > 32) problems.push(`${path} [${locale}] menu name length`);
        } else if (!NAME.test(name) || name !== name.toLocaleLowerCase(locale || 'en')) problems.push(`${path} [${locale}] name "${name}"`);
      }
      if (item.description !== undefined) {
        for (const locale of discordLocales) {
          const text = item.description_localizations?.[locale];
          if (text === undefined) problems.push(`${path} [${locale}] has no description`);
          else if (text.length < 1 || text.length > 100) problems.push(`${path} [${locale}] description is ${text.length} long`);
        }
      }
      for (const choice of item.choices ?? []) {
        for (const locale of discordLocales) {
          const text = choice.name_localizations?.[locale];
          if (text === undefined) problems.push(`${path} ${String(choice.value)} [${locale}] has no name`);
          else if (text.length < 1 || text.length > 100) problems.push(`${path} ${String(choice.value)} [${locale}] choice name is ${text.length} long`);
        }
      }
    }
    if (menu) for (const locale of discordLocales) if (!data.name_localizations?.[locale]) problems.push(`${data.name} [${locale}] menu has no name`);
  }

  it('give every description, choice and menu a text in every language, within Discord’s rules', () => {
    expect(problems).toEqual([]);
  });

  it('keep the English names exactly as the public contract has them', () => {
    const names = commands.map((command) => command.data.name);
    expect(names).toEqual(['win', 'Log as my win', 'goal', 'progress', 'remember', 'wins', 'settings', 'pause', 'resume', 'help', 'config', 'recap', 'privacy', 'partner', 'checkin']);
    for (const command of commands) if (command.kind === 'chat-input') expect(command.data.name_localizations ?? undefined).toBeUndefined();
  });

  it('name the weekdays of /config by each language’s own words', () => {
    const config = commands.find((command) => command.data.name === 'config')?.data as Item;
    const day = config.options?.find((o) => o.name === 'recap')?.options?.find((o) => o.name === 'day');
    const monday = day?.choices?.find((choice) => choice.value === 'monday');
    expect(monday?.name_localizations).toMatchObject({ de: 'Montag', fr: 'Lundi', 'es-ES': 'Lunes', 'es-419': 'Lunes', 'pt-BR': 'Segunda-feira', ja: '月曜日' });
  });
});
