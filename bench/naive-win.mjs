// The naive bots' one write, shared by the floors of `npm run bench`: bench/minimal-bot.mjs (over the gateway),
// bench/minimal-http-bot.mjs (over HTTP) and the `path` part's naive work. Plain JavaScript, as the bots are.
import postgres from 'postgres';

/** A pool on `url`, with the naive_wins table made. */
export async function naiveWins(url) {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  await sql`create table if not exists naive_wins (id bigserial primary key, guild_id text, user_id text, text text, created_at timestamptz)`;
  const save = (guildId, userId, text) => sql`insert into naive_wins (guild_id, user_id, text, created_at) values (${guildId}, ${userId}, ${text}, now())`;
  return {
    save,
    /** A /win payload saved, and the answer the naive HTTP endpoint gives it. */
    async answer(interaction) {
      const options = interaction.data?.options ?? [];
      const text = options.find((o) => o.name === 'text')?.value ?? '';
      const user = interaction.member?.user ?? interaction.user;
      await save(interaction.guild_id ?? null, user?.id, text);
      const ephemeral = options.find((o) => o.name === 'private')?.value === true;
      return { type: 4, data: { content: `Saved: ${text}`, flags: ephemeral ? 64 : undefined, allowed_mentions: { parse: [] } } };
    },
    end: () => sql.end({ timeout: 2 }),
  };
}
