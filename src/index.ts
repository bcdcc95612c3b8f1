import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { installShutdown } from './shutdown.js';

// First of all: `docker stop` during a slow start (PGlite's initdb, a login) must still stop cleanly.
const shutdown = installShutdown();

// Composition root: config → logger → database → clock → Discord client (or the sandbox) → router.
const { values: args } = parseArgs({
  options: { script: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: false,
});

if (args.help) {
  console.log(
    'npm start                      connect to Discord (DISCORD_TOKEN set) or open the sandbox console\n' +
      'npm start -- --script FILE     run a sandbox script and exit',
  );
  process.exit(0);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(2);
}

try {
  // Each mode loads only its own code: a live bot never loads the sandbox, and the reverse.
  const code = config.discordToken
    ? await (await import('./run-live.js')).runLive(config, config.discordToken, commands, systemClock, shutdown)
    : await (await import('./run-sandbox.js')).runSandbox(config, commands, { script: args.script }, shutdown);
  if (code !== undefined) process.exit(code);
} catch (error) {
  // A signal during start-up makes the start fail; the shutdown in progress decides the exit code.
  if (shutdown.stopping) await new Promise(() => undefined);
  if (error instanceof DataDirLockedError) console.error(error.message);
  else console.error(`Small Wins could not start: ${startupMessage(error)}`);
  process.exit(1);
}

/** One readable line; never the token or a database password. */
function startupMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'TokenInvalid' || (error as { status?: unknown }).status === 401) {
    return 'Discord refused the token (DISCORD_TOKEN). Copy it again from the Developer Portal → Bot → Reset Token.';
  }
  if (code === 'ECONNREFUSED') return 'could not connect (connection refused). Is the database or DISCORD_API_URL reachable?';
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/postgres(ql)?:\/\/[^\s]+/g, 'postgres://[redacted]');
}
