// Part of `npm run bench`: per-operation times of our query layer next to the raw driver doing the same work.
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import postgres from 'postgres';
import { openPostgres, wrapPglite, type Database } from '../src/db/client.js';
import { recordMemberWin } from '../src/db/record-win.js';
import { loadBenchSettings } from '../src/config.js';

const { benchDatabaseUrl } = loadBenchSettings();
const iterations = 2_000;
const now = new Date('2026-11-25T12:00:00Z');
const week = { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z') };

type Raw = (text: string, params: unknown[]) => Promise<unknown>;

async function setup(): Promise<{ database: Database; raw: Raw; label: string; done: () => Promise<void> }> {
  if (!benchDatabaseUrl) {
    const pglite = new PGlite();
    const database = await wrapPglite(pglite);
    return { database, raw: (text, params) => pglite.query(text, params), label: 'PGlite (in memory)', done: () => database.close() };
  }
  const database = await openPostgres(benchDatabaseUrl, pino({ level: 'silent' }));
  const client = postgres(benchDatabaseUrl, { max: 1 });
  return {
    database,
    raw: (text, params) => client.unsafe(text, params as never[]),
    label: 'PostgreSQL',
    done: async () => {
      await client.end();
      await database.close();
    },
  };
}

async function time(fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await fn(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i);
  return ((performance.now() - started) * 1000) / iterations;
}

const { database, raw, label, done } = await setup();
await raw(`insert into guilds (id, created_at) values ('b1', now()) on conflict do nothing`, []);
await raw(`insert into members (guild_id, user_id, created_at) values ('b1', 'raw', now()) on conflict do nothing`, []);

const rows: [string, number, number][] = [];
// What /win runs: one statement that writes the win and returns its counts, beside the raw insert and count.
const ours = await time((i) =>
  recordMemberWin(database.db, { guildId: 'b1', userId: 'u', text: `win ${i}`, isPrivate: false, occurredAt: now, interactionId: `bench-${i}`, timezone: 'UTC' }, now),
);
const rawInsert = await time((i) =>
  raw(
    `insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at) values ('b1', 'raw', $1, false, $2, $2) returning *`,
    [`win ${i}`, now.toISOString()],
  ),
);
rows.push(['record a win with its counts (one statement)', ours, rawInsert]);
const rawCount = await time(() =>
  raw(
    `select count(*) from wins where guild_id = 'b1' and user_id = 'raw' and occurred_at >= $1 and occurred_at < $2 and not is_private`,
    [week.start.toISOString(), week.end.toISOString()],
  ),
);
rows.push(['… against the raw insert plus a raw count', ours, rawInsert + rawCount]);

console.log(`${label}, ${iterations} iterations each, µs per operation`);
console.log('operation'.padEnd(46), 'ours'.padStart(9), 'raw'.padStart(9), 'ratio'.padStart(7));
for (const [name, a, b] of rows) {
  console.log(name.padEnd(46), a.toFixed(1).padStart(9), b.toFixed(1).padStart(9), `${(a / b).toFixed(2)}x`.padStart(7));
}
await done();
