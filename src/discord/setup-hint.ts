import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';

const HINT =
  "👋 **One quick setup step for admins:** I'll post a kind weekly recap once you pick a channel: " +
  '`/config recap channel: #wins` (day, time and timezone are optional). Until then I stay quiet.';

/** Whether an admin's answered command (other than /config) could carry the hint; the recap check is the caller's. */
export function setupHintMayFollow(interaction: ChatInputCommandInteraction): boolean {
  if (interaction.commandName === 'config' || !interaction.guildId) return false;
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return false;
  return interaction.replied || interaction.deferred;
}

/**
 * The bot posts nothing when it joins; instead an admin sees this, privately, after
 * their commands until the recap has been configured (SPEC §3).
 */
export async function sendSetupHint(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.followUp({ content: HINT, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
