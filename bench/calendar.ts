// Part `calendar` of `npm run bench` (PGlite in memory): each step of /progress for a member with three
// years of daily wins (~5,500 × BENCH_SCALE × 10, at least 50), beside the raw driver grouping the same
// wins by local day in SQL. Target: the whole /progress ≤ 40 ms at full size, PNG included.
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from '../src/db/client.js';
import { ensureMember } from '../src/db/members.js';
import { wins } from '../src/db/schema.js';
import { winCountsByLocalDay } from '../src/db/stats.js';
import { renderCalendarPng, winCalendarSvg } from '../src/discord/render/win-calendar.js';
import { pausedWeeksOf, progressFigures, weekCountsOf } from '../src/domain/streaks.js';
import { localDateOf, mondayOf } from '../src/domain/time.js';

export interface CalendarFigures {
  wins: number;
  rawGroupMs: number;
  groupMs: number;
  streaksMs: number;
  svgMs: number;
  pngMs: number;
  progressMs: number;
}

const now = new Date('2026-11-26T15:00:00Z');
const timezone = 'America/New_York';
const key = { guildId: 'bench', userId: 'member' };
const DAY_MS = 86_400_000;

/** Mean milliseconds per run, after one warm-up run. */
async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  let result = await fn();
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = await fn();
  return { ms: (performance.now() - started) / runs, result };
}

export async function benchCalendar(scale: number): Promise<CalendarFigures> {
  const count = Math.max(50, Math.round(3 * 365 * 5 * Math.min(1, scale * 10)));
  const pglite = new PGlite();
  const database = await wrapPglite(pglite);
  try {
    await ensureMember(database.db, key, now);
    const rows = Array.from({ length: count }, (_, i) => {
      const occurredAt = new Date(now.getTime() - Math.floor(i / 5) * DAY_MS - (i % 5) * 3_600_000);
      return { ...key, text: `win ${i}`, occurredAt, createdAt: occurredAt };
    });
    for (let i = 0; i < rows.length; i += 500) await database.db.insert(wins).values(rows.slice(i, i + 500));
    const raw = await time(20, () =>
      pglite.query(`select (occurred_at at time zone $3)::date as day, count(*) from wins where guild_id = $1 and user_id = $2 group by 1`, [key.guildId, key.userId, timezone]),
    );
    const group = await time(20, () => winCountsByLocalDay(database.db, key, null, timezone));
    const days = group.result;
    const today = localDateOf(timezone, now);
    const streaks = await time(50, () => progressFigures({ weeks: weekCountsOf(days), pausedWeeks: pausedWeeksOf(timezone, [], now), currentWeek: mondayOf(today) }));
    const svg = await time(50, () => winCalendarSvg({ days, today }));
    const png = await time(20, () => renderCalendarPng(svg.result));
    return { wins: count, rawGroupMs: raw.ms, groupMs: group.ms, streaksMs: streaks.ms, svgMs: svg.ms, pngMs: png.ms, progressMs: group.ms + streaks.ms + svg.ms + png.ms };
  } finally {
    await database.close();
  }
}
