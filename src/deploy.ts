import { commands } from '../commands/index.js';
import { loadConfig } from './config.js';
import { deployCommands } from './discord/deploy.js';

// `npm run commands:deploy`: registers the slash commands with Discord.
const config = loadConfig();
if (!config.discordToken) {
  console.error('DISCORD_TOKEN is not set: deploying needs the bot token of your Discord application.');
  process.exit(1);
}
try {
  const result = await deployCommands(commands, {
    apiUrl: config.discordApiUrl,
    token: config.discordToken,
    applicationId: config.applicationId,
    guildId: config.devGuildId,
  });
  console.log(
    `Registered ${result.registered.length} commands (${result.registered.map((c) => c.name).join(', ')}) ` +
      `for application ${result.applicationId}, ${result.scope}.` +
      (config.devGuildId ? '' : ' Global commands can take up to an hour to appear.'),
  );
} catch (error) {
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
