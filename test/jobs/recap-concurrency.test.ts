import { restClient } from '../../src/discord/rest.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client.js';
import { recapRuns } from '../../src/db/schema.js';
import { createDelivery, type Delivery } from '../../src/discord/delivery.js';
import { nextRecapAt, recapWeekFor, type RecapSchedule } from '../../src/domain/schedule.js';
import { createScheduler, type Scheduler } from '../../src/jobs/scheduler.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { configureRecap, MINUTE, recapsIn, silent, startRecapWorld } from './support.js';

class SimulatedCrash extends Error {}

// Across the end of summer time in Europe (25 Oct) and the US (1 Nov), with two servers due at the same minute.
const SERVERS: (RecapSchedule & { id: string })[] = [
  { id: 'paris-a', day: 1, time: '09:00', timezone: 'Europe/Paris' },
  { id: 'paris-b', day: 1, time: '09:00', timezone: 'Europe/Paris' },
  ...['c', 'd', 'e', 'f', 'g', 'h'].map((s) => ({ id: `berlin-${s}`, day: 1, time: '08:00', timezone: 'Europe/Berlin' })),
  { id: 'london', day: 7, time: '01:30', timezone: 'Europe/London' },
  { id: 'new-york', day: 7, time: '01:30', timezone: 'America/New_York' },
  { id: 'kathmandu', day: 3, time: '18:00', timezone: 'Asia/Kathmandu' },
  { id: 'lord-howe', day: 1, time: '00:00', timezone: 'Australia/Lord_Howe' },
];
const FROM = new Date('2026-10-19T00:00:00Z');
const UNTIL = new Date('2026-12-15T00:00:00Z');

/** Every fire of every server in [FROM, UNTIL), and the weeks each one covers. */
function expectedFires() {
  return SERVERS.flatMap((server) => {
    const fires: { server: string; at: Date; week: string }[] = [];
    for (let at = nextRecapAt(server, FROM); at < UNTIL; at = nextRecapAt(server, at)) fires.push({ server: server.id, at, week: recapWeekFor(server.timezone, at).key });
    return fires;
  });
}

describe.skipIf(!usingPostgres())('recaps with three processes on one PostgreSQL database', () => {
  let database: Database & { url?: string };
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const pools: Database[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld(FROM.toISOString(), SERVERS.map((s) => s.id));
    for (const server of SERVERS) await configureRecap(database.db, { ...server, channelId: world.sandbox.channels[server.id] ?? '' }, FROM);
  });
  afterAll(async () => {
    for (const pool of pools) await pool.close();
    await world.sandbox.close();
    await database.close();
  });

  /** A bot process: its own connection pool, its own REST client, its own scheduler. */
  async function startProcess(name: string, wrap: (delivery: Delivery) => Delivery = (d) => d): Promise<Scheduler> {
    const pool = await openPostgres(database.url ?? '', silent, 4);
    pools.push(pool);
    const rest = restClient({ api: world.sandbox.apiUrl }).setToken(world.sandbox.token);
    const delivery = wrap(createDelivery(rest));
    return createScheduler({ db: pool.db, logger: silent, delivery, instanceId: name, clock: world.clock });
  }

  it('posts every server-week exactly once, and recovers the claim of a process that died mid-post', async () => {
    let crashed = false;
    // Dies right after Discord accepted its first recap, before recording it; nothing it does after counts.
    const dying = await startProcess('doomed', (delivery) => ({
      ...delivery,
      async post(channelId, message, options) {
        if (crashed) throw new SimulatedCrash('already dead');
        crashed = true;
        await delivery.post(channelId, message, options);
        throw new SimulatedCrash('died after posting');
      },
    }));
    const survivors = [await startProcess('alpha'), await startProcess('beta')];

    const fires = expectedFires();
    const minutes = new Set<number>();
    for (const fire of fires) for (let m = -1; m <= 4; m++) minutes.add(fire.at.getTime() + m * MINUTE);
    const firstFire = Math.min(...fires.map((f) => f.at.getTime()));
    let alive = [dying, ...survivors];
    for (const minute of [...minutes].sort((a, b) => a - b)) {
      world.clock.set(minute);
      if (minute === firstFire) {
        // The doomed process gets there first, claims, posts and dies; then it is gone.
        await dying.tickNow();
        await dying.stop();
        alive = survivors;
      }
      await Promise.all(alive.map((process) => process.tickNow()));
    }
    await Promise.all(survivors.map((process) => process.stop()));

    expect(crashed).toBe(true);
    for (const server of SERVERS) {
      const expected = fires.filter((f) => f.server === server.id).map((f) => f.week);
      // Each recap names its dates in its footer: one post per fire, no dates twice.
      const posted = recapsIn(world.sandbox, server.id).map((m) => /Small Wins recap · (.+)$/m.exec(m.embeds[0]?.footer?.text ?? '')?.[1]);
      expect(posted.every((dates) => dates !== undefined), server.id).toBe(true);
      expect(posted, server.id).toHaveLength(expected.length);
      expect(new Set(posted).size, server.id).toBe(expected.length);
    }
    const runs = await database.db.select().from(recapRuns);
    expect(runs).toHaveLength(fires.length);
    expect(runs.filter((r) => r.status !== 'posted')).toEqual([]);
    const recovered = runs.filter((r) => r.attempts > 1);
    // The doomed process claimed every server due at the first minute; it posted one of them before dying (adopted).
    const firstServers = fires.filter((f) => f.at.getTime() === firstFire).map((f) => f.server);
    expect(firstServers.length).toBeGreaterThan(1);
    expect(recovered.map((r) => r.guildId).sort()).toEqual(firstServers.sort());
    for (const run of recovered) expect(['alpha', 'beta']).toContain(run.claimedBy);
    // SKIP LOCKED shared the rest of the work between the survivors.
    expect(new Set(runs.map((r) => r.claimedBy))).toEqual(new Set(['alpha', 'beta']));
    expect(recovered.filter((r) => r.note === 'found posted by an earlier attempt')).toHaveLength(1);
  }, 120_000);
});
