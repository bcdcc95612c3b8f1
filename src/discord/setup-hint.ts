import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from './interaction.js';
import { guildIdOf, type ChatInputCommand, type Command, type Deps } from './command.js';
import { translatorFor } from './locale.js';


/** Whether an admin's answered command (other than /config) could carry the hint; the recap check is the caller's. */
export function setupHintMayFollow(interaction: ChatInputCommandInteraction): boolean {
  if (interaction.commandName === 'config' || !interaction.guildId) return false;
  // From a DM or a server without the bot, the command counts in the member's home: their permissions
  // came from elsewhere, and say nothing about whether they may run /config at home.
  if (interaction.actingInHome) return false;
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return false;
  return interaction.replied || interaction.deferred;
}

/**
 * The bot posts nothing when it joins; instead an admin sees this, privately, after
 * their commands until the recap has been configured (SPEC §3).
 */
export async function sendSetupHint(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.followUp({ content: translatorFor(interaction).t('setup.hint'), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

/**
 * After an admin's command, the setup hint until the recap is configured (`recapConfigured`, a query
 * the composition passes in); a failed hint never fails the command.
 */
export function withSetupHint(command: Command, recapConfigured: (db: Deps['db'], guildId: string) => Promise<boolean>): Command {
  if (command.kind !== 'chat-input') return command;
  const wrapped: ChatInputCommand = {
    ...command,
    async execute(interaction, deps) {
      await command.execute(interaction, deps);
      if (!setupHintMayFollow(interaction)) return;
      try {
        if (!(await recapConfigured(deps.db, guildIdOf(interaction)))) await sendSetupHint(interaction);
      } catch (error) {
        deps.logger.warn({ err: error }, 'setup hint failed');
      }
    },
  };
  return wrapped;
}
