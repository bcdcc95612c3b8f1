import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from '../src/discord/interaction.js';
import { partnerFacts, setPartnerOptIn } from '../src/db/partners.js';
import { notPairedWords, partnerStatusDescription } from '../src/discord/render/partners.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { respond } from '../src/discord/reply.js';
import { isPairedNow, partnerStatus } from '../src/features/partners.js';
import { sharedGoalsOf } from '../src/features/progress.js';
import { sharedGoalLine } from '../src/discord/render/goals.js';
import { palette } from '../src/discord/render/palette.js';
export const data = {
  name: 'partner',
  description: 'Weekly check-in partners',
  contexts: [0],
  integration_types: [0],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'join', description: 'Get paired with a partner each week for mid-week check-ins' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'leave', description: 'Stop being paired from next week on' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'status', description: "This week's partner and their latest check-in" },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;


async function status(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
  const key = memberKeyOf(interaction);
  const result = await partnerStatus(deps, key);
  if (result.kind !== 'paired') {
    await respond(interaction, { ephemeral: true, content: notPairedWords(result) });
    return;
  }
  const goals = new Map<string, string[]>();
  for (const { userId } of result.partners) goals.set(userId, (await sharedGoalsOf(deps, { guildId: key.guildId, userId }, ['partner'])).map((summary) => sharedGoalLine(summary)));
  await respond(interaction, { ephemeral: true, embeds: [{ title: 'Your partner this week', description: partnerStatusDescription(result, goals), color: palette.embed }] });
}

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async join(interaction, { db, clock }) {
    const { checkinsEnabled } = await setPartnerOptIn(db, memberKeyOf(interaction), true, clock.now());
    const content = checkinsEnabled
      ? "You're in! 🤝 At the next recap I'll pair you with someone, and mid-week you can tell each other how it's going with `/checkin`."
      : "This server has check-ins off for now, so there's no pairing yet — but I've remembered that you'd like a partner, and you'll be paired once they're on.";
    await respond(interaction, { ephemeral: true, content });
  },
  async leave(interaction, deps) {
    const key = memberKeyOf(interaction);
    const { optedIn } = await partnerFacts(deps.db, key);
    if (!optedIn) {
      await respond(interaction, { ephemeral: true, content: "You weren't on the partner list, so nothing changed. `/partner join` whenever you'd like a partner." });
      return;
    }
    await setPartnerOptIn(deps.db, key, false, deps.clock.now());
    const paired = await isPairedNow(deps, key);
    const content = paired
      ? "Done — I won't pair you from the next recap on. This week's partner stays yours until then. `/partner join` whenever you'd like to come back."
      : "Done — I won't pair you from now on. `/partner join` whenever you'd like to come back.";
    await respond(interaction, { ephemeral: true, content });
  },
  status,
};

export const partner: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new UserFacingError('unknown-subcommand', 'Try `/partner join`, `/partner leave` or `/partner status`.');
    await run(interaction, deps);
  },
};
