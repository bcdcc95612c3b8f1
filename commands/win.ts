import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { memberTimezone } from '../src/db/members.js';
import { countMemberWins, recordWin } from '../src/db/wins.js';
import { celebrationTitle, describeWinAdds } from '../src/domain/celebrate.js';
import { weekRange } from '../src/domain/time.js';
import { parseWinDay, parseWinText, WIN_TEXT_MAX } from '../src/domain/win-input.js';
import type { ChatInputCommand } from '../src/discord/command.js';
import { inputError } from '../src/discord/render/problems.js';
import { winEmbed } from '../src/discord/render/win-embed.js';
import { respond, withDeferral } from '../src/discord/reply.js';
import { whenChoices } from '../src/domain/when-choices.js';

export const data = {
  name: 'win',
  description: 'Log a small win. Every size counts.',
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'text',
      description: 'What did you do? A few words is plenty.',
      required: true,
      min_length: 1,
      max_length: WIN_TEXT_MAX,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Keep this win to yourself (it never appears in public or in recaps).',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'when',
      description: 'today (default), yesterday, or a date YYYY-MM-DD up to 14 days back',
      autocomplete: true,
      max_length: 10,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const win: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, { db, clock }) {
    const rawText = interaction.options.getString('text');
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const text = parseWinText(rawText);
    if (!text.ok) throw inputError(text, rawText ?? undefined);
    const key = { guildId: interaction.guildId ?? '', userId: interaction.user.id };

    const embed = await withDeferral(interaction, { ephemeral: isPrivate }, async () => {
      const now = clock.now();
      const timezone = await memberTimezone(db, key);
      const day = parseWinDay(interaction.options.getString('when'), timezone, now);
      if (!day.ok) throw inputError(day, text.value);

      const saved = await recordWin(db, { ...key, text: text.value, isPrivate, occurredAt: day.value.occurredAt }, now);
      // A public reply counts public wins only, so it never hints at private ones.
      const counted = { includePrivate: isPrivate };
      const week = weekRange(timezone, saved.occurredAt);
      const [weekCount, total] = await Promise.all([
        countMemberWins(db, key, week, counted),
        countMemberWins(db, key, null, counted),
      ]);
      const adds = describeWinAdds({
        weekCount,
        currentWeek: week.start.getTime() <= now.getTime() && now.getTime() < week.end.getTime(),
        total,
        daysAgo: day.value.daysAgo,
      });
      return winEmbed({ userId: key.userId, text: text.value, title: celebrationTitle(saved.id), adds, isPrivate });
    });
    await respond(interaction, { embeds: [embed], ephemeral: isPrivate });
  },
  async autocomplete(interaction, { db, clock }) {
    const key = { guildId: interaction.guildId ?? '', userId: interaction.user.id };
    const timezone = await memberTimezone(db, key);
    await interaction.respond(whenChoices(String(interaction.options.getFocused()), timezone, clock.now()));
  },
};
