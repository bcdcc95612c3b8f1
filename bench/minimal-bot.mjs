// The floor for `npm run bench`: a naive discord.js bot that inserts one row and replies.
// Plain JavaScript on purpose, run by `node` with no loader, caches left at discord.js defaults.
/* global process, console */
import { Client, GatewayIntentBits, MessageFlags } from 'discord.js';
import { naiveWins } from './naive-win.mjs';

const { DISCORD_TOKEN, DISCORD_API_URL, DATABASE_URL } = process.env;
const wins = await naiveWins(DATABASE_URL);
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: DISCORD_API_URL } });
client.on('interactionCreate', async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  const text = interaction.options.getString('text') ?? '';
  await wins.save(interaction.guildId, interaction.user.id, text);
  await interaction.reply({ content: `Saved: ${text}`, flags: interaction.options.getBoolean('private') ? MessageFlags.Ephemeral : undefined });
});
client.once('clientReady', () => console.log(JSON.stringify({ msg: 'connected to Discord' })));
process.once('SIGTERM', async () => {
  await client.destroy();
  await wins.end();
  process.exit(0);
});
await client.login(DISCORD_TOKEN);
