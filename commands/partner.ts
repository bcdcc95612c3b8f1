import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from '../src/discord/interaction.js';
import { partnerFacts, setPartnerOptIn } from '../src/db/partners.js';
import { notPairedWords, partnerStatusDescription } from '../src/discord/render/partners.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { respond } from '../src/discord/reply.js';
import { firstPairingFor, isPairedNow, partnerStatus } from '../src/features/partners.js';
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
    await respond(interaction, { ephemeral: true, content: notPairedWords(result, translatorFor(interaction)) });
    return;
  }
  const tr = translatorFor(interaction);
  const goals = new Map<string, string[]>();
  for (const { userId } of result.partners) goals.set(userId, (await sharedGoalsOf(deps, { guildId: key.guildId, userId }, ['partner'])).map((summary) => sharedGoalLine(summary, tr)));
  await respond(interaction, { ephemeral: true, embeds: [{ title: tr.t('partner.status.title'), description: partnerStatusDescription(result, goals, tr), color: palette.embed }] });
}

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async join(interaction, deps) {
    const key = memberKeyOf(interaction);
    const { checkinsEnabled } = await setPartnerOptIn(deps.db, key, true, deps.clock.now());
    // "At the next recap I'll pair you" only when it will: a recap is set up and no pause of theirs covers it.
    const first = checkinsEnabled ? await firstPairingFor(deps, key) : undefined;
    const said = { 'next-recap': 'partner.joined', 'no-recap': 'partner.noRecapYet', paused: 'partner.joinedPaused' } as const;
    const content = translatorFor(interaction).t(first === undefined ? 'partner.joinedCheckinsOff' : said[first]);
    await respond(interaction, { ephemeral: true, content });
  },
  async leave(interaction, deps) {
    const key = memberKeyOf(interaction);
    const { optedIn } = await partnerFacts(deps.db, key);
    if (!optedIn) {
      await respond(interaction, { ephemeral: true, content: translatorFor(interaction).t('partner.notOnList') });
      return;
    }
    await setPartnerOptIn(deps.db, key, false, deps.clock.now());
    const paired = await isPairedNow(deps, key);
    const content = translatorFor(interaction).t(paired ? 'partner.leftPaired' : 'partner.left');
    await respond(interaction, { ephemeral: true, content });
  },
  status,
};

export const partner: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.getSubcommand(false) === 'status',
  async execute(interaction, deps) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw userError('unknown-subcommand', 'error.unknown-subcommand', { command: 'partner' });
    await run(interaction, deps);
  },
};
