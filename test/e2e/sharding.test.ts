import { FloodGuard } from '../../src/domain/flood.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { Command } from '../../src/discord/command.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import { shardOf, startSandbox, type Sandbox, type SandboxGuild } from '../../src/sandbox/index.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

interface Process {
  bot: RunningBot;
  scheduler: Scheduler;
  database: Database;
  guildsSeen: () => string[];
  /** The server of every interaction this process received. */
  interactions: string[];
}

// Two bot processes, shard 0 and shard 1 of 2, share one PostgreSQL database and one stand-in Discord.
describe.skipIf(!usingPostgres())('sharding across processes (PostgreSQL)', () => {
  const clock = new ManualClock('2026-12-02T10:00:00Z'); // a Wednesday
  const logger = pino({ level: 'silent' });
  let testDatabase: Database & { url?: string };
  let sandbox: Sandbox;
  let guilds: SandboxGuild[];
  const processes: Process[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    sandbox = await startSandbox({ clock, recommendedShards: 2 });
    const extra = [sandbox.addGuild('Zero', { shard: 0, shardCount: 2 }), sandbox.addGuild('One', { shard: 1, shardCount: 2 })];
    guilds = [sandbox.guild(sandbox.guildId), ...extra];
    // Every Small Wins command is server-only; a probe command open to DMs shows where DM interactions go.
    const dmProbe = { ...commands[0], data: { name: 'probe', description: 'Where do DM interactions go?', contexts: [0, 1, 2], integration_types: [0] } } as unknown as Command;
    await deployCommands([...commands, dmProbe], { apiUrl: sandbox.apiUrl, token: sandbox.token, applicationId: sandbox.applicationId });
    for (const shard of [0, 1]) {
      // Each "process" has its own database pool, Discord client and scheduler.
      const database = await openPostgres(testDatabase.url ?? '', logger, 3);
      const config = loadConfig({ DISCORD_TOKEN: sandbox.token, DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'silent', SHARD_COUNT: '2', SHARD_IDS: String(shard) });
      const interactions: string[] = [];
      const bot = await startBot({ db: database.db, clock, logger, config, flood: new FloodGuard() }, commands, sandbox.token, {
        onInteraction: (event) => interactions.push(event.guildId ?? 'DM'),
      });
      const scheduler = createBotScheduler(bot, { db: database.db, clock, logger });
      scheduler.start();
      clock.onChange(() => scheduler.tickNow());
      processes.push({ bot, scheduler, database, interactions, guildsSeen: () => (bot.gateway?.guildIds() ?? []).sort() });
    }
  }, 60_000);

  afterAll(async () => {
    for (const p of processes) {
      await p.scheduler.stop();
      await p.bot.stop();
      await p.database.close();
    }
    await sandbox.close();
    await testDatabase.close();
  });

  it('connects one shard per process, each receiving only its own servers', () => {
    expect(sandbox.connectedShards.sort()).toEqual([[0, 2], [1, 2]]);
    expect(guilds.map((g) => shardOf(g.id, 2)).slice(1)).toEqual([0, 1]);
    for (const [shard, p] of processes.entries()) {
      expect(p.guildsSeen()).toEqual(guilds.filter((g) => shardOf(g.id, 2) === shard).map((g) => g.id).sort());
    }
  });

  it('answers each server’s interactions from the process that holds its shard, and only there', async () => {
    for (const guild of guilds) {
      const result = await sandbox.chatInput('alice', { name: 'win', guild: guild.id, options: { text: `shipped something in ${guild.name}` } });
      expect(result.failed).toBe(false);
      expect(result.message?.embeds[0]?.description).toContain(`shipped something in ${guild.name}`);
    }
    // Interactions outside a server (DMs) go to shard 0, as on Discord.
    await sandbox.chatInput('alice', { name: 'probe', dm: true });
    // Each process notes an interaction once it has answered it, a moment after the sandbox has the answer.
    await sandbox.idle();
    const expected = (shard: number): string[] => [...guilds.filter((g) => shardOf(g.id, 2) === shard).map((g) => g.id), ...(shard === 0 ? ['DM'] : [])];
    expect(processes.map((p) => p.interactions)).toEqual([expected(0), expected(1)]);
  });

  it('posts every server’s weekly recap exactly once', async () => {
    for (const guild of guilds) {
      const set = await sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', guild: guild.id, options: { channel: '#wins', day: 'monday', time: '09:00', timezone: 'UTC' } });
      expect(set.message?.content ?? '').toContain('Done');
      await sandbox.chatInput('bob', { name: 'win', guild: guild.id, options: { text: 'tidied the shed' } });
    }
    clock.set('2026-12-07T09:30:00Z'); // Monday, after the recap time
    await clock.settled();
    await sandbox.idle(300, 30_000);
    for (const guild of guilds) {
      const recaps = sandbox.messages(sandbox.channelsOf(guild.id).wins ?? '').filter((m) => m.author.bot && !m.interaction);
      expect([guild.name, recaps.length]).toEqual([guild.name, 1]);
    }
  }, 60_000);
});
