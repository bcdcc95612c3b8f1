import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { checkinOf } from '../src/db/checkins.js';
import { memberTimezone, type MemberKey } from '../src/db/members.js';
import { partnersLeftAt } from '../src/db/partner-left.js';
import { partnerFacts, partnersOf, setPartnerOptIn } from '../src/db/partners.js';
import { activePause } from '../src/db/pauses.js';
import { discordTimestamp } from '../src/discord/render/pause.js';
import { weekKey } from '../src/domain/time.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { respond } from '../src/discord/reply.js';
import { sharedGoalLines } from './progress.js';
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


const mentionList = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(' & ');

/** Why the member has no partner this week, kindly, with what would change it. */
async function notPairedReason(deps: Deps, key: MemberKey): Promise<string> {
  const now = deps.clock.now();
  const [facts, pause] = await Promise.all([partnerFacts(deps.db, key), activePause(deps.db, key, now)]);
  if (!facts.checkinsEnabled) {
    const remembered = facts.optedIn ? " You're on the list, so you'll be paired once they're back on." : '';
    return `You're not paired this week: this server has check-ins off for now.${remembered}`;
  }
  if (!facts.optedIn) return "You're not paired this week because you haven't opted in. `/partner join` and I'll pair you at the next recap.";
  if (pause) return "You're paused, so I left you out of this week's pairing. Rest well — `/resume` whenever you're ready.";
  const when = facts.nextRecapAt && facts.nextRecapAt.getTime() > now.getTime() ? `, ${discordTimestamp(facts.nextRecapAt)}` : '';
  return `You're on the list! Pairing happens at the next recap${when}, so you'll have a partner from then on.`;
}

/** The member's partner deleted their data this week: said kindly, with when a new partner comes. */
async function partnerLeftWords(deps: Deps, key: MemberKey): Promise<string> {
  const { nextRecapAt } = await partnerFacts(deps.db, key);
  const when = nextRecapAt && nextRecapAt.getTime() > deps.clock.now().getTime() ? ` at the next recap, ${discordTimestamp(nextRecapAt)}` : ' at the next recap';
  return `Your partner this week has left Small Wins in this server, so you're without one for the rest of the week. That's nothing you did. You'll get a new partner${when}. 🌱`;
}

async function status(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
  const key = memberKeyOf(interaction);
  const week = weekKey(await memberTimezone(deps.db, key), deps.clock.now());
  const partners = await partnersOf(deps.db, key, week);
  if (partners.length === 0) {
    const left = await partnersLeftAt(deps.db, key, week);
    await respond(interaction, { ephemeral: true, content: left ? await partnerLeftWords(deps, key) : await notPairedReason(deps, key) });
    return;
  }
  const lines = [`This week you're partners with ${mentionList(partners)}. 🤝`];
  for (const partnerId of partners) {
    const checkin = await checkinOf(deps.db, { guildId: key.guildId, userId: partnerId }, week);
    // A note kept private stays private, even from a partner.
    if (checkin?.share === 'partner') lines.push('', `**<@${partnerId}> checked in:**`, checkin.note);
    else lines.push('', `<@${partnerId}> hasn't shared a check-in yet this week.`);
    const goals = await sharedGoalLines(deps, { guildId: key.guildId, userId: partnerId }, deps.clock.now(), ['partner']);
    if (goals.length > 0) lines.push('', `**Goals <@${partnerId}> shares with you:**`, ...goals);
  }
  await respond(interaction, { ephemeral: true, embeds: [{ title: 'Your partner this week', description: lines.join('\n'), color: palette.embed }] });
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
    const week = weekKey(await memberTimezone(deps.db, key), deps.clock.now());
    const paired = (await partnersOf(deps.db, key, week)).length > 0;
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
