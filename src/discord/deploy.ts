import { restClient } from './rest.js';
import { Routes, type RESTGetAPIApplicationCommandsResult, type RESTGetAPIOAuth2CurrentApplicationResult } from 'discord-api-types/v10';
import type { Command } from './command.js';

export interface DeployOptions {
  apiUrl: string;
  token: string;
  /** Looked up from the token when not given. */
  applicationId?: string | undefined;
  /** Deploy to one server (instant, for development) instead of globally. */
  guildId?: string | undefined;
}

/** Registers every command in one bulk overwrite. Run by `npm run commands:deploy`, never at start-up. */
export async function deployCommands(commands: readonly Command[], options: DeployOptions) {
  const rest = restClient({ api: options.apiUrl }).setToken(options.token);
  const applicationId =
    options.applicationId ?? ((await rest.get(Routes.currentApplication())) as RESTGetAPIOAuth2CurrentApplicationResult).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const body = commands.map((command) => command.data);
  const registered = (await rest.put(route, { body })) as RESTGetAPIApplicationCommandsResult;
  return { applicationId, scope: options.guildId ? `server ${options.guildId}` : 'global', registered };
}
