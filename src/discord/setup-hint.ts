import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { guildSettings } from '../db/guild-settings.js';
import type { Deps } from './command.js';

const HINT =
  "👋 **One quick setup step for admins:** I'll post a kind weekly recap once you pick a channel: " +
  '`/config recap channel: #wins` (day, time and timezone are optional). Until then I stay quiet.';

/**
 * The bot posts nothing when it joins; instead an admin sees this, privately, after
 * their commands until the recap has been configured (SPEC §3).
 */
export async function maybeSendSetupHint(interaction: ChatInputCommandInteraction, { db, clock }: Deps): Promise<void> {
  if (interaction.commandName === 'config' || !interaction.guildId) return;
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return;
  if (!interaction.replied && !interaction.deferred) return;
  const guild = await guildSettings(db, interaction.guildId, clock.now());
  if (guild.recapConfiguredAt) return;
  await interaction.followUp({ content: HINT, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
