import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { guilds, recapRuns } from '../../src/db/schema.js';
import { startWorker, type RunningBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { FloodGuard } from '../../src/domain/flood.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { SandboxGuild } from '../../src/sandbox/types.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { serveInteractions } from '../support/harness.js';

// Wednesday 25 Nov 2026: a GATEWAY=off worker, which hears of no removal from Discord but a refused post.
const start = '2026-11-25T10:00:00Z';

describe('a GATEWAY=off worker and servers that remove the bot', () => {
  const clock = new ManualClock(start);
  const logged: { msg: string; guild?: string; guilds?: string[] }[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (logged.push(JSON.parse(chunk.toString())), done()) });
  const logger = pino({ level: 'info' }, sink);
  let database: TestDatabase;
  let sandbox: Sandbox;
  let bot: RunningBot;
  let scheduler: Scheduler;
  let endpoint: Server;
  const calls: string[] = [];

  const at = async (instant: string) => {
    clock.set(instant);
    await scheduler.tickNow();
    await sandbox.idle();
  };
  const row = async (guild: SandboxGuild) => (await database.db.select().from(guilds).where(eq(guilds.id, guild.id)))[0];
  const runs = async (guild: SandboxGuild) =>
    (await database.db.select().from(recapRuns).where(eq(recapRuns.guildId, guild.id)).orderBy(recapRuns.id)).map((r) => [r.weekKey, r.status, r.note]);
  const recapsIn = (guild: SandboxGuild) => sandbox.messages(sandbox.channel('general', guild.id).id).filter((m) => m.author.id === sandbox.botUserId && !m.interaction);
  const removals = (guild: SandboxGuild) => logged.filter((l) => l.guild === guild.id && /no longer in this server/.test(l.msg));
  /** A server with the recap set for Mondays 09:00 UTC in its #general, and a member who logged a win and wants DMs. */
  const serverWithRecap = async (name: string) => {
    const guild = sandbox.addGuild(name);
    const place = { guild: guild.id, channel: 'general' };
    const set = await sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: sandbox.channel('general', guild.id).id, day: 'monday', time: '09:00', timezone: 'UTC' }, ...place });
    expect(set.failed).toBe(false);
    await sandbox.chatInput('alice', { name: 'settings', options: { dms: true }, ...place });
    await sandbox.chatInput('alice', { name: 'win', options: { text: `hello ${name}` }, ...place });
    return guild;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandbox({ clock });
    // Global, so the commands reach the bot from every server.
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: sandbox.token, applicationId: sandbox.applicationId });
    const config = loadConfig({ DISCORD_TOKEN: sandbox.token, DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info', GATEWAY: 'off', DISCORD_PUBLIC_KEY: sandbox.publicKey, HTTP_PORT: '0' });
    bot = await startWorker({ db: database.db, clock, logger, config, flood: new FloodGuard() }, commands, sandbox.token);
    bot.rest.on('response', (request) => calls.push(`${request.method.toUpperCase()} ${request.path}`));
    scheduler = createBotScheduler(bot, { db: database.db, clock, logger });
    endpoint = await serveInteractions(sandbox, bot, clock, logger);
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await bot?.stop();
    endpoint?.closeAllConnections();
    await new Promise((resolve) => (endpoint ? endpoint.close(resolve) : resolve(undefined)));
    await sandbox?.close();
    await database?.close();
  });

  it('marks a server removed when Discord answers Missing Access there and for the server, says so once, and sends nothing more about it', async () => {
    const kicked = await serverWithRecap('Kicked');
    const dms = sandbox.dms('alice').length;
    sandbox.removeBot(kicked.id);
    expect((await row(kicked))?.leftAt).toBeNull(); // no gateway: nothing told the worker yet
    await at('2026-11-30T09:00:00Z');
    expect((await row(kicked))?.leftAt).toEqual(clock.now());
    // Not a channel problem: when the bot is back, the recap goes to the same channel without an admin's help.
    expect((await row(kicked))?.recapProblem).toBeNull();
    expect(await runs(kicked)).toEqual([['2026-W48', 'skipped', 'the bot is not in this server']]);
    expect(removals(kicked)).toEqual([expect.objectContaining({ guild: kicked.id, detail: '403 50001: Missing Access' })]);
    expect(sandbox.dms('alice')).toHaveLength(dms); // no personal recap about it
    calls.length = 0;
    await at('2026-12-07T09:00:00Z');
    expect(calls).toEqual([]);
    expect(removals(kicked)).toHaveLength(1);
  });

  it('when an interaction comes from that server\'s install, counts it as the bot\'s again, and the recap resumes', async () => {
    const kicked = sandbox.guild('Kicked');
    sandbox.addBot(kicked.id);
    await at('2026-12-08T10:00:00Z');
    expect((await row(kicked))?.leftAt).not.toBeNull(); // no gateway: nothing told the worker yet
    const asked = await sandbox.chatInput('alice', { name: 'progress', guild: kicked.id, channel: 'general' });
    expect(asked.failed).toBe(false);
    await vi.waitFor(async () => expect((await row(kicked))?.leftAt).toBeNull(), { timeout: 5000 });
    expect(logged.filter((l) => l.guilds?.includes(kicked.id))).toHaveLength(1);
    await at('2026-12-08T10:01:00Z'); // the week it was away is recorded as missed
    await at('2026-12-14T09:00:00Z');
    expect(recapsIn(kicked)).toHaveLength(1);
    expect((await runs(kicked)).map(([week, status]) => [week, status])).toEqual([
      ['2026-W48', 'skipped'],
      ['2026-W49', 'skipped'],
      ['2026-W50', 'posted'],
    ]);
  });

  it('marks a deleted server removed too: Unknown Channel there, Unknown Guild for the server', async () => {
    const deleted = await serverWithRecap('Deleted');
    sandbox.removeBot(deleted.id, { serverDeleted: true });
    await at('2026-12-21T09:00:00Z');
    expect((await row(deleted))?.leftAt).toEqual(clock.now());
    expect((await row(deleted))?.recapProblem).toBeNull();
    expect(removals(deleted)).toEqual([expect.objectContaining({ detail: '404 10003: Unknown Channel' })]);
  });

  it('does not take a channel hidden from the bot for a removal: Discord still shows the server, so it is a channel problem as before', async () => {
    const hidden = await serverWithRecap('Hidden');
    sandbox.failNext({ method: 'POST', path: new RegExp(`/channels/${sandbox.channel('general', hidden.id).id}/messages$`), status: 403, code: 50001 });
    await at('2026-12-28T09:00:00Z');
    expect((await row(hidden))?.leftAt).toBeNull();
    expect((await row(hidden))?.recapProblem).toBe('missing-permission');
    expect(removals(hidden)).toEqual([]);
  });
});
