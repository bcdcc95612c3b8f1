// Run by hand: `npx tsx bench/calendar.ts` (PGlite in memory).
// Times each step of /progress for a member with three years of daily wins (~5,500 wins).
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from '../src/db/client.js';
import { ensureMember } from '../src/db/members.js';
import { wins } from '../src/db/schema.js';
import { winCountsByLocalDay } from '../src/db/stats.js';
import { renderCalendarPng, winCalendarSvg } from '../src/discord/render/win-calendar.js';
import { pausedWeeksOf, progressFigures, weekCountsOf } from '../src/domain/streaks.js';
import { localDateOf, mondayOf } from '../src/domain/time.js';

const now = new Date('2026-11-26T15:00:00Z');
const timezone = 'America/New_York';
const key = { guildId: 'bench', userId: 'member' };
const DAY_MS = 86_400_000;

const pglite = new PGlite();
const database = await wrapPglite(pglite);
await ensureMember(database.db, key, now);
const rows = Array.from({ length: 3 * 365 * 5 }, (_, i) => {
  const occurredAt = new Date(now.getTime() - Math.floor(i / 5) * DAY_MS - (i % 5) * 3_600_000);
  return { ...key, text: `win ${i}`, occurredAt, createdAt: occurredAt };
});
for (let i = 0; i < rows.length; i += 500) await database.db.insert(wins).values(rows.slice(i, i + 500));

let lastMs = 0;
async function time<T>(label: string, runs: number, fn: () => Promise<T> | T): Promise<T> {
  let result = await fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = await fn();
  lastMs = (performance.now() - started) / runs;
  console.log(label.padEnd(44), `${lastMs.toFixed(2)} ms`.padStart(10));
  return result;
}

console.log(`PGlite (in memory), ${rows.length} wins, ms per operation`);
// The raw driver doing the same grouping in SQL, as the yardstick for our query + TypeScript grouping.
await time('raw driver: group by local day in SQL', 20, () =>
  pglite.query(
    `select (occurred_at at time zone $3)::date as day, count(*) from wins where guild_id = $1 and user_id = $2 group by 1`,
    [key.guildId, key.userId, timezone],
  ),
);
const rawMs = lastMs;
await time('raw driver: the instants alone', 20, () =>
  pglite.query(`select occurred_at from wins where guild_id = $1 and user_id = $2`, [key.guildId, key.userId]),
);
const days = await time('query + group wins by local day', 20, () => winCountsByLocalDay(database.db, key, null, timezone));
console.log('ratio to the raw driver'.padEnd(44), `${(lastMs / rawMs).toFixed(2)}x`.padStart(10));
const today = localDateOf(timezone, now);
await time('streaks, usual, ghost', 200, () =>
  progressFigures({ weeks: weekCountsOf(days), pausedWeeks: pausedWeeksOf(timezone, [], now), currentWeek: mondayOf(today) }),
);
const svg = await time('calendar SVG', 200, () => winCalendarSvg({ days, today }));
await time('calendar PNG (resvg, bundled font)', 20, () => renderCalendarPng(svg));
await database.close();
