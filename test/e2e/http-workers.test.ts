import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { startWorker, type RunningBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { HandledInteraction } from '../../src/discord/router.js';
import { FloodGuard } from '../../src/domain/flood.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { interactionsUrlOf, serveInteractions } from '../support/harness.js';

interface Worker {
  bot: RunningBot;
  scheduler: Scheduler;
  database: Database;
  endpoint: Server;
  handled: HandledInteraction[];
}

// SPEC §11: two GATEWAY=off workers, no gateway session between them, one PostgreSQL, the sandbox taking turns between them.
describe.skipIf(!usingPostgres())('two GATEWAY=off workers on one database (PostgreSQL)', () => {
  const clock = new ManualClock('2026-12-02T10:00:00Z'); // a Wednesday
  const logger = pino({ level: 'silent' });
  let testDatabase: Database & { url?: string };
  let sandbox: Sandbox;
  const workers: Worker[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    sandbox = await startSandbox({ clock });
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: sandbox.token, applicationId: sandbox.applicationId, guildId: sandbox.guildId });
    const config = loadConfig({
      DISCORD_TOKEN: sandbox.token,
      DISCORD_API_URL: sandbox.apiUrl,
      LOG_LEVEL: 'silent',
      GATEWAY: 'off',
      DISCORD_PUBLIC_KEY: sandbox.publicKey,
      HTTP_PORT: '0',
    });
    for (let i = 0; i < 2; i++) {
      const database = await openPostgres(testDatabase.url ?? '', logger, 3);
      const handled: HandledInteraction[] = [];
      const bot = await startWorker({ db: database.db, clock, logger, config, flood: new FloodGuard() }, commands, sandbox.token, {
        onInteraction: (event) => handled.push(event),
      });
      const scheduler = createBotScheduler(bot, { db: database.db, clock, logger });
      scheduler.start();
      clock.onChange(() => scheduler.tickNow());
      const endpoint = await serveInteractions(sandbox, bot, clock, logger, false);
      workers.push({ bot, scheduler, database, endpoint, handled });
    }
    sandbox.deliverOverHttp(workers.map((w) => interactionsUrlOf(w.endpoint)));
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) {
      await w.scheduler.stop();
      await w.bot.stop();
      w.endpoint.closeAllConnections();
      await new Promise((resolve) => w.endpoint.close(resolve));
      await w.database.close();
    }
    await sandbox?.close();
    await testDatabase?.close();
  });

  it('holds no gateway session: the sandbox sees no connection at all', () => {
    expect(sandbox.connectedShards).toEqual([]);
    expect(sandbox.botConnected).toBe(false);
    expect(workers.map((w) => w.bot.gateway)).toEqual([undefined, undefined]);
  });

  it('answers every interaction exactly once, whichever worker it reached', async () => {
    const members = ['alice', 'bob', 'ada'];
    const results = [];
    for (let i = 0; i < 9; i++) {
      const who = members[i % 3] ?? 'alice';
      results.push(await sandbox.chatInput(who, { name: 'win', options: { text: `small step ${i}` } }));
    }
    await sandbox.idle();
    for (const result of results) {
      expect(result.failed).toBe(false);
      expect(result.kind).toBe('reply');
    }
    const handled = workers.map((w) => w.handled.length);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(9);
    // Both took a share (the sandbox takes turns, as a round-robin balancer does).
    expect(handled.every((n) => n > 0)).toBe(true);
    const ids = workers.flatMap((w) => w.handled.map((e) => e.interactionId));
    expect(new Set(ids).size).toBe(9);
    const celebrations = sandbox.messages('general').filter((m) => m.interaction && !m.ephemeral);
    expect(celebrations).toHaveLength(9);
    expect(sandbox.violations).toEqual([]);
  });

  it('posts the weekly recap exactly once, shared through the PostgreSQL claims', async () => {
    const set = await sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: '#wins', day: 'monday', time: '09:00', timezone: 'UTC' } });
    expect(set.message?.content ?? '').toContain('Done');
    clock.set('2026-12-07T09:30:00Z'); // Monday, after the recap time
    await clock.settled();
    await sandbox.idle(300, 30_000);
    await Promise.all(workers.map((w) => w.scheduler.tickNow()));
    await sandbox.idle(300, 30_000);
    const recaps = sandbox.messages('wins').filter((m) => m.author.bot && !m.interaction);
    expect(recaps).toHaveLength(1);
  }, 60_000);
});
