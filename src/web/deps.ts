import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { WebViewConfig } from '../config-web.js';
import type { Db } from '../db/client.js';
import type { ManageCache } from './guard.js';
import type { WebLimits } from './rate-limits.js';

/** What the bot knows from its own connection to Discord, handed to the web view as plain functions. */
export type { BotDirectory } from '../bot-directory.js';
import type { BotDirectory } from '../bot-directory.js';

export interface WebDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  web: WebViewConfig;
  /** Discord's REST base, e.g. `https://discord.com/api` (or the sandbox's). */
  discordApiUrl: string;
  /** The application's id, which is the OAuth2 client id. */
  clientId: string;
  bot: BotDirectory;
  /** Request windows per visitor and per member (parts built by the caller: no module state). */
  limits: WebLimits;
  /** Discord's recent answer on Manage Server, per session. */
  manageCache: ManageCache;
}
