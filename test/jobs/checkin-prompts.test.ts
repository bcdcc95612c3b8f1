import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCheckin } from '../../src/db/checkins.js';
import type { Database } from '../../src/db/client.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { pairWeek, setPartnerOptIn } from '../../src/db/partners.js';
import { startPause } from '../../src/db/pauses.js';
import { guilds, memberDms, members, pairings } from '../../src/db/schema.js';
import { runCheckinPrompts } from '../../src/jobs/checkin-prompts.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, jobDeps, MINUTE, setDms, startRecapWorld } from './support.js';

const GUILD = 'checkins';
const names = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const;

describe('check-in prompts and the pairing made at recap time', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const id = (name: string) => world.sandbox.user(name).id;
  const deps = () => jobDeps(database.db, world.delivery);
  const prompts = (name: string) => world.sandbox.dms(name).filter((m) => m.content.includes('How is your week going?'));
  const promptRows = () => database.db
      .select({ userId: memberDms.userId, status: memberDms.status })
      .from(memberDms)
      .where(and(eq(memberDms.guildId, GUILD), eq(memberDms.kind, 'checkin-prompt')))
      .orderBy(memberDms.userId);
  const pairingRows = () => database.db.select().from(pairings).where(eq(pairings.guildId, GUILD)).orderBy(pairings.weekKey, pairings.userId);
  const tickPrompts = async (at: string | number) => {
    world.clock.set(at);
    return runCheckinPrompts(deps(), world.clock.now());
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-25T12:00:00Z', ['wins']);
    for (const name of names) world.sandbox.addUser(name);
    const { db } = database;
    const setup = world.clock.now();
    await configureRecap(db, { id: GUILD, channelId: world.sandbox.channels.wins ?? '', timezone: 'UTC' }, setup);
    await db.update(guilds).set({ checkinsEnabled: true }).where(eq(guilds.id, GUILD));
    for (const name of names) await setPartnerOptIn(db, { guildId: GUILD, userId: id(name) }, true, setup);
    for (const name of ['alice', 'bob', 'dave', 'erin', 'frank']) await setDms(db, GUILD, id(name), true, setup);
    await setMemberTimezone(db, { guildId: GUILD, userId: id('alice') }, 'America/New_York', setup);
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });

  it('pairs the opted-in members exactly once when the recap fires, however often the job runs', async () => {
    const { db } = database;
    // Frank is paused when the recap fires, so he is left out.
    await startPause(db, { guildId: GUILD, userId: id('frank') }, world.clock.now(), new Date('2026-11-30T12:00:00Z'));
    for (let t = Date.parse('2026-11-30T08:59:00Z'); t <= Date.parse('2026-11-30T09:03:00Z'); t += MINUTE) {
      world.clock.set(t);
      await runRecaps(deps(), world.clock.now());
    }
    const rows = await pairingRows();
    expect(rows.map((r) => r.userId).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'erin'].map(id).sort());
    expect(rows.every((r) => r.weekKey === '2026-W49')).toBe(true);
    // Five members: one pair and one trio.
    const sizes = [...new Set(rows.map((r) => r.groupNo))].map((g) => rows.filter((r) => r.groupNo === g).length).sort();
    expect(sizes).toEqual([2, 3]);
    // Asking again finds the week's pairing and keeps it, even with Frank back.
    const again = await pairWeek(db, GUILD, new Date('2026-11-30T09:00:00Z'), new Date('2026-12-01T09:00:00Z'));
    expect(again?.groups.flat().sort()).toEqual(rows.map((r) => r.userId).sort());
    expect(await pairingRows()).toEqual(rows);

    const [recap] = world.sandbox.messages('wins').filter((m) => m.author.id === world.sandbox.botUserId);
    expect([...(recap?.pings.users ?? [])].sort()).toEqual(rows.map((r) => r.userId).sort());
  });

  it('DMs each paired member once, at 10:00 on the check-in day in their own timezone, but not the paused or DM-less', async () => {
    const { db } = database;
    await startPause(db, { guildId: GUILD, userId: id('erin') }, new Date('2026-12-01T12:00:00Z'), null);
    world.sandbox.closeDms('dave');
    await recordCheckin(db, { guildId: GUILD, userId: id('bob') }, { weekKey: '2026-W49', note: 'steady week so far', share: 'partner' }, new Date('2026-12-02T12:00:00Z'));
    await setDms(db, GUILD, id('carol'), false, new Date('2026-12-01T12:00:00Z'));

    // Wednesday, and Thursday before 10:00 UTC: nothing.
    for (const at of ['2026-12-02T10:00:00Z', '2026-12-03T09:59:00Z']) expect(await tickPrompts(at)).toEqual({ sent: 0, dmsClosed: 0, failed: 0 });
    // 10:00 UTC: Dave's DMs bounce; Alice (New York) is still at 05:00; Bob has already checked in.
    expect(await tickPrompts('2026-12-03T10:00:00Z')).toEqual({ sent: 0, dmsClosed: 1, failed: 0 });
    expect(await tickPrompts('2026-12-03T14:59:00Z')).toEqual({ sent: 0, dmsClosed: 0, failed: 0 });
    expect(await tickPrompts('2026-12-03T15:00:00Z')).toEqual({ sent: 1, dmsClosed: 0, failed: 0 });
    for (const at of ['2026-12-03T15:01:00Z', '2026-12-03T23:00:00Z', '2026-12-04T03:00:00Z']) await tickPrompts(at);

    const [prompt, ...more] = prompts('alice');
    expect(more).toEqual([]);
    expect(prompt?.content).toContain('How is your week going? `/checkin`');
    expect(prompt?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(prompt?.timestamp).toBe('2026-12-03T15:00:00.000Z');
    for (const name of ['bob', 'carol', 'dave', 'erin', 'frank']) expect(prompts(name)).toEqual([]);
    const statuses = Object.fromEntries((await promptRows()).map((r) => [r.userId, r.status]));
    expect(statuses).toEqual({ [id('alice')]: 'sent', [id('dave')]: 'dms-closed' });
    const [dave] = await db.select().from(members).where(and(eq(members.guildId, GUILD), eq(members.userId, id('dave'))));
    expect(dave?.dmsClosedAt).toEqual(new Date('2026-12-03T10:00:00Z'));
  });

  it('avoids last week’s partners at the next pairing when it can', async () => {
    const before = await pairingRows();
    world.clock.set('2026-12-07T09:00:00Z');
    await runRecaps(deps(), world.clock.now());
    const next = (await pairingRows()).filter((r) => r.weekKey === '2026-W50');
    // Erin is still paused; Frank is back: alice, bob, carol, dave, frank.
    expect(next.map((r) => r.userId).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'frank'].map(id).sort());
    const groupOf = (rows: typeof before, user: string) => {
      const mine = rows.find((r) => r.userId === user)?.groupNo;
      return rows.filter((r) => r.groupNo === mine && r.userId !== user).map((r) => r.userId);
    };
    const lastWeek = before.filter((r) => r.weekKey === '2026-W49');
    const repeats = next.filter((r) => groupOf(next, r.userId).some((other) => groupOf(lastWeek, r.userId).includes(other)));
    expect(repeats).toEqual([]);
    expect(world.sandbox.violations).toEqual([]);
  });

  it('makes one pairing when several processes try at the same moment', async () => {
    const firedAt = new Date('2026-12-14T09:00:00Z');
    const attempts = await Promise.all([1, 2, 3].map(() => pairWeek(database.db, GUILD, firedAt, firedAt)));
    const rows = (await pairingRows()).filter((r) => r.weekKey === '2026-W51');
    expect(rows).toHaveLength(5);
    for (const attempt of attempts) expect(attempt?.groups.flat().sort()).toEqual(rows.map((r) => r.userId).sort());
  });
});
