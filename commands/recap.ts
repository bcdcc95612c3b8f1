import { ApplicationCommandOptionType, type APIEmbed, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Db } from '../src/db/client.js';
import { previousRecapEnd } from '../src/db/recap.js';
import { readServerRecap, recapSettings } from '../src/db/recap-week.js';
import { MANAGE_SERVER, requireManageServer } from '../src/discord/admin.js';
import { guildIdOf, type ChatInputCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import type { OutgoingMessage } from '../src/discord/render/outgoing.js';
import { renderRecapPost } from '../src/discord/render/recap.js';
import { respond } from '../src/discord/reply.js';
import { composeRecap } from '../src/domain/recap/compose.js';
import { previewWeek, recapRandom } from '../src/domain/recap/weeks.js';

export const data = {
  name: 'recap',
  description: 'The weekly recap (Manage Server)',
  default_member_permissions: MANAGE_SERVER,
  contexts: [0],
  integration_types: [0],
  options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'preview', description: 'This week’s recap as it would look now, only for you' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * The recap the server's next post would be if it were due now: read, composed and rendered as the
 * job does it, with the same seed, so it is exactly what would be posted.
 */
export async function recapPreview(db: Db, guildId: string, now: Date): Promise<OutgoingMessage> {
  const guild = await recapSettings(db, guildId);
  const week = previewWeek(guild, now, await previousRecapEnd(db, guild.id, now, guild.timezone));
  const random = recapRandom(guild.id, week.key);
  const read = await readServerRecap(db, guild, week, { now, random });
  return renderRecapPost(composeRecap(read.data, { random, recentLineIds: read.recentLineIds }), week.key);
}

export const recap: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, { db, clock }) {
    requireManageServer(interaction);
    if (interaction.options.getSubcommand() !== 'preview') throw new UserFacingError('unknown-subcommand', 'Try `/recap preview`.');
    const guildId = guildIdOf(interaction);
    const message = await recapPreview(db, guildId, clock.now());
    await respond(interaction, {
      ephemeral: true,
      content: `${message.content ? `${message.content}\n` : ''}-# Preview, only for you: the real recap is composed the same way when it is due, and mentions in it never ping.`,
      embeds: (message.embeds ?? []) as APIEmbed[],
    });
  },
};
