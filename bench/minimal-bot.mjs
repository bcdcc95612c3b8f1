// The floor for `npm run bench`: a naive discord.js bot that inserts one row and replies.
// Plain JavaScript on purpose, run by `node` with no loader, caches left at discord.js defaults.
/* global process, console */
import { Client, GatewayIntentBits, MessageFlags } from 'discord.js';
import postgres from 'postgres';

const { DISCORD_TOKEN, DISCORD_API_URL, DATABASE_URL } = process.env;
const sql = postgres(DATABASE_URL, { max: 10, onnotice: () => {} });
await sql`create table if not exists naive_wins (id bigserial primary key, guild_id text, user_id text, text text, created_at timestamptz)`;
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: DISCORD_API_URL } });
client.on('interactionCreate', async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  const text = interaction.options.getString('text') ?? '';
  await sql`insert into naive_wins (guild_id, user_id, text, created_at) values (${interaction.guildId}, ${interaction.user.id}, ${text}, now())`;
  await interaction.reply({ content: `Saved: ${text}`, flags: interaction.options.getBoolean('private') ? MessageFlags.Ephemeral : undefined });
});
client.once('clientReady', () => console.log(JSON.stringify({ msg: 'connected to Discord' })));
process.once('SIGTERM', async () => {
  await client.destroy();
  await sql.end({ timeout: 2 });
  process.exit(0);
});
await client.login(DISCORD_TOKEN);
