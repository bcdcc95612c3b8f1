import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction, RepliableInteraction } from './interaction.js';
import { userError } from './errors.js';

/** `default_member_permissions` for admin commands: Manage Server. */
export const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);

/**
 * Checked again at run time: a server can override who sees a command, and a
 * client can send what it likes, so the command's default alone is not enough.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction | RepliableInteraction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw userError('not-admin', 'error.not-admin');
  }
}
