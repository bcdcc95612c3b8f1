import { REST_POLICY } from '../../src/domain/retry-policy.js';
import { restClient } from '../../src/discord/rest.js';
import { Routes } from 'discord-api-types/v10';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { ManualClock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { ensureMember } from '../../src/db/members.js';
import { guilds, members, recapRuns } from '../../src/db/schema.js';
import { recordWin } from '../support/wins.js';
import { createDelivery, type Delivery } from '../../src/discord/delivery.js';
import { nextRecapAt } from '../../src/domain/schedule.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const silent = pino({ level: 'silent' });

export interface ServerSetup {
  id: string;
  channelId: string;
  day?: number;
  time?: string;
  timezone?: string;
}

/** What `/config recap` does: the settings, then the next recap time. */
export async function configureRecap(db: Db, server: ServerSetup, now: Date): Promise<void> {
  const schedule = { day: server.day ?? 1, time: server.time ?? '09:00', timezone: server.timezone ?? 'UTC' };
  const settings = {
    recapChannelId: server.channelId,
    recapDay: schedule.day,
    recapTime: schedule.time,
    timezone: schedule.timezone,
    recapProblem: null,
    nextRecapAt: nextRecapAt(schedule, now),
  };
  await db
    .insert(guilds)
    .values({ id: server.id, createdAt: now, ...settings })
    .onConflictDoUpdate({ target: guilds.id, set: settings });
}

export async function logWin(db: Db, guildId: string, userId: string, text: string, at: string, isPrivate = false): Promise<void> {
  await recordWin(db, { guildId, userId, text, isPrivate, occurredAt: new Date(at) }, new Date(at));
}

export async function setDms(db: Db, guildId: string, userId: string, dms: boolean, now: Date): Promise<void> {
  await ensureMember(db, { guildId, userId }, now);
  await db.update(members).set({ dms }).where(and(eq(members.guildId, guildId), eq(members.userId, userId)));
}

export async function runsOf(db: Db, guildId: string) {
  return db.select().from(recapRuns).where(eq(recapRuns.guildId, guildId)).orderBy(recapRuns.id);
}

export async function guildRow(db: Db, guildId: string) {
  const [row] = await db.select().from(guilds).where(eq(guilds.id, guildId));
  if (!row) throw new Error(`no guild ${guildId}`);
  return row;
}

/** A sandbox with a channel per scenario, and the bot's REST client pointed at it. */
export async function startRecapWorld(start: string, channelNames: string[]) {
  const clock = new ManualClock(start);
  const sandbox = await startSandbox({ clock, channelNames });
  const rest = restClient({ api: sandbox.apiUrl, retries: REST_POLICY.retries }).setToken(sandbox.token);
  const posts = new Map<string, number>();
  // Every message POST that reached the sandbox, by path: to prove nothing is retried in a loop.
  rest.on('response', (request) => {
    if (request.method.toUpperCase() === 'POST') posts.set(request.path, (posts.get(request.path) ?? 0) + 1);
  });
  const delivery = createDelivery(rest);
  const postsTo = (channelId: string) => posts.get(Routes.channelMessages(channelId)) ?? 0;
  return { clock, sandbox, rest, delivery, postsTo };
}

export function jobDeps(db: Db, delivery: Delivery, instanceId = 'test-instance'): JobDeps {
  return { db, logger: silent, delivery, instanceId };
}

/** Recaps posted by the bot in a channel. */
export function recapsIn(sandbox: Sandbox, channel: string) {
  return sandbox.messages(channel).filter((m) => m.author.id === sandbox.botUserId);
}
