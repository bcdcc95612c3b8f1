import { and, count, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { createGoal } from '../../src/db/goals.js';
import { updateMemberSettings, type MemberKey } from '../../src/db/members.js';
import { startPause } from '../../src/db/pauses.js';
import { setHomeGuild } from '../../src/db/member-homes.js';
import { deleteMemberData, exportMemberData } from '../../src/db/privacy.js';
import { recordCheer } from '../../src/db/cheers.js';
import { rememberLocales } from '../../src/db/locales.js';
import { checkinCheers, checkins, goalRevisions, goals, memberDms, members, pairings, pauses, wins } from '../../src/db/schema.js';
import { recordWin } from '../support/wins.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
const aliceInA = { guildId: '100', userId: '1' };
const aliceInB = { guildId: '200', userId: '1' };
const bobInA = { guildId: '100', userId: '2' };
const carolInB = { guildId: '200', userId: '4' };
// Each cheer at its own time, so an exported one shows which row it came from.
const bobCheersAlice = new Date('2026-11-25T16:00:00Z');
const aliceCheersBob = new Date('2026-11-25T16:01:00Z');
const carolCheersAlice = new Date('2026-11-25T16:02:00Z');
const aliceCheersCarol = new Date('2026-11-25T16:03:00Z');

/** One row in every table that holds member data, with text that names its owner and server. */
async function seed(db: Db, key: MemberKey, label: string): Promise<void> {
  await updateMemberSettings(db, key, { timezone: 'Europe/Paris', dms: true }, now);
  await db.update(members).set({ partnerOptIn: true }).where(and(eq(members.guildId, key.guildId), eq(members.userId, key.userId)));
  const goal = await createGoal(db, key, { title: `${label} goal`, target: 2, period: 'week', share: 'private' }, now, 10);
  if (typeof goal === 'string') throw new Error(`goal refused: ${goal}`);
  await db.insert(goalRevisions).values({ goalId: goal.id, effectiveFrom: new Date('2026-11-30T00:00:00Z'), target: 3, period: 'week' });
  await recordWin(db, { ...key, text: `${label} private win`, isPrivate: true, occurredAt: now, goalId: goal.id }, now);
  await recordWin(db, { ...key, text: `${label} public win`, isPrivate: false, occurredAt: new Date('2026-11-24T09:00:00Z') }, now);
  await startPause(db, key, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-08T00:00:00Z'));
  await db.insert(checkins).values({ ...key, weekKey: '2026-W48', note: `${label} check-in`, share: 'partner', createdAt: now });
  await db.insert(pairings).values({ guildId: key.guildId, weekKey: '2026-W48', userId: key.userId, groupNo: 1, createdAt: now });
  await db.insert(memberDms).values([
    { ...key, kind: 'recap', period: '2026-W47', status: 'sent', claimedAt: now, finishedAt: now },
    { ...key, kind: 'checkin-prompt', period: '2026-W48', status: 'sent', claimedAt: now, finishedAt: now },
  ]);
}

describe(`exporting and deleting one member's data on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  const db = () => database.db;

  /** Rows per table for one member in one server (goal revisions through the member's goals). */
  async function rowCounts(key: MemberKey) {
    const of = (t: { guildId: AnyPgColumn; userId: AnyPgColumn }) => and(eq(t.guildId, key.guildId), eq(t.userId, key.userId));
    const n = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? 0;
    return {
      members: await n(db().select({ n: count() }).from(members).where(of(members))),
      wins: await n(db().select({ n: count() }).from(wins).where(of(wins))),
      goals: await n(db().select({ n: count() }).from(goals).where(of(goals))),
      goalRevisions: await n(db().select({ n: count() }).from(goalRevisions).innerJoin(goals, eq(goals.id, goalRevisions.goalId)).where(of(goals))),
      pauses: await n(db().select({ n: count() }).from(pauses).where(of(pauses))),
      checkins: await n(db().select({ n: count() }).from(checkins).where(of(checkins))),
      pairings: await n(db().select({ n: count() }).from(pairings).where(of(pairings))),
      memberDms: await n(db().select({ n: count() }).from(memberDms).where(of(memberDms))),
      cheersGiven: await n(db().select({ n: count() }).from(checkinCheers).where(and(eq(checkinCheers.guildId, key.guildId), eq(checkinCheers.cheererId, key.userId)))),
      cheersReceived: await n(db().select({ n: count() }).from(checkinCheers).where(of(checkinCheers))),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(db(), aliceInA, 'alice-A');
    await seed(db(), aliceInB, 'alice-B');
    await seed(db(), bobInA, 'bob-A');
    await seed(db(), carolInB, 'carol-B');
    await rememberLocales(db(), aliceInA, { member: 'fr', guild: undefined });
    await rememberLocales(db(), aliceInB, { member: 'de', guild: undefined });
    // Partners cheer each other's check-ins, in both servers.
    await recordCheer(db(), aliceInA, '2026-W48', bobInA.userId, bobCheersAlice);
    await recordCheer(db(), bobInA, '2026-W48', aliceInA.userId, aliceCheersBob);
    await recordCheer(db(), aliceInB, '2026-W48', carolInB.userId, carolCheersAlice);
    await recordCheer(db(), carolInB, '2026-W48', aliceInB.userId, aliceCheersCarol);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('exports every row of one member in one server, and nothing of another member or server', async () => {
    const exported = await exportMemberData(db(), aliceInA);
    expect(exported).toMatchObject({
      ...aliceInA,
      settings: { timezone: 'Europe/Paris', locale: 'fr', dms: true, partnerOptIn: true, dmsClosedAt: null, createdAt: now },
      pauses: [{ startedAt: new Date('2026-11-01T00:00:00Z'), endsAt: new Date('2026-11-08T00:00:00Z') }],
      checkins: [{ weekKey: '2026-W48', note: 'alice-A check-in', share: 'partner' }],
      pairings: [{ weekKey: '2026-W48', groupNo: 1, createdAt: now }],
      memberDms: [
        { kind: 'recap', period: '2026-W47', status: 'sent' },
        { kind: 'checkin-prompt', period: '2026-W48', status: 'sent' },
      ],
    });
    const [goal] = exported.goals;
    expect(exported.goals).toHaveLength(1);
    expect(goal).toMatchObject({ title: 'alice-A goal', share: 'private' });
    expect(goal?.revisions).toEqual([
      { effectiveFrom: now, target: 2, period: 'week' },
      { effectiveFrom: new Date('2026-11-30T00:00:00Z'), target: 3, period: 'week' },
    ]);
    expect(exported.wins.map((w) => [w.text, w.isPrivate, w.goalId])).toEqual([
      ['alice-A public win', false, null],
      ['alice-A private win', true, goal?.id],
    ]);
    expect(exported.cheersGiven).toEqual([{ weekKey: '2026-W48', cheeredAt: aliceCheersBob }]);
    expect(exported.cheersReceived).toEqual([{ weekKey: '2026-W48', cheeredAt: bobCheersAlice }]);
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/bob-A|alice-B|carol-B/);
    // The cheers name neither bob (who cheered, and was cheered) nor anyone in the other server.
    expect(text).not.toContain(`"${bobInA.userId}"`);
    expect(text).not.toContain(`"${carolInB.userId}"`);
    expect(text).not.toContain(`"${aliceInB.guildId}"`);
  });

  it("exports each member's own language and cheers, from their own server", async () => {
    const bob = await exportMemberData(db(), bobInA);
    expect(bob.settings?.locale).toBeNull();
    expect(bob.cheersGiven).toEqual([{ weekKey: '2026-W48', cheeredAt: bobCheersAlice }]);
    expect(bob.cheersReceived).toEqual([{ weekKey: '2026-W48', cheeredAt: aliceCheersBob }]);
    expect(JSON.stringify(bob)).not.toContain(`"${aliceInA.userId}"`);
    const alice = await exportMemberData(db(), aliceInB);
    expect(alice.settings?.locale).toBe('de');
    expect(alice.cheersGiven).toEqual([{ weekKey: '2026-W48', cheeredAt: aliceCheersCarol }]);
    expect(alice.cheersReceived).toEqual([{ weekKey: '2026-W48', cheeredAt: carolCheersAlice }]);
  });

  it("exports the member's home server row with the server it names, and not with another", async () => {
    await setHomeGuild(db(), aliceInA.userId, aliceInA.guildId, now);
    expect((await exportMemberData(db(), aliceInA)).home).toEqual({ guildId: aliceInA.guildId, updatedAt: now });
    expect((await exportMemberData(db(), aliceInB)).home).toBeNull();
    expect((await exportMemberData(db(), bobInA)).home).toBeNull();
  });

  it('exports an empty record for a member nothing is stored about', async () => {
    expect(await exportMemberData(db(), { guildId: '100', userId: '3' })).toEqual({
      guildId: '100',
      userId: '3',
      settings: null,
      wins: [],
      goals: [],
      pauses: [],
      checkins: [],
      pairings: [],
      memberDms: [],
      cheersGiven: [],
      cheersReceived: [],
      streakRepairs: [],
      roleLink: null,
      home: null,
    });
  });

  it('deletes nothing at all when any part of the deletion fails', async () => {
    // A real trigger makes the member delete fail after the pairing rows are already gone inside the transaction.
    await db().execute(sql.raw(`create function refuse_member_delete() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`));
    await db().execute(sql.raw('create trigger refuse_member_delete before delete on members for each row execute function refuse_member_delete()'));
    const before = await rowCounts(aliceInA);
    try {
      await expect(deleteMemberData(db(), aliceInA, now)).rejects.toThrow();
    } finally {
      await db().execute(sql.raw('drop trigger refuse_member_delete on members'));
      await db().execute(sql.raw('drop function refuse_member_delete()'));
    }
    expect(await rowCounts(aliceInA)).toEqual(before);
    expect(before.pairings).toBe(1);
  });

  it("deletes exactly alice in server A, leaving alice in server B and the rest of bob's data untouched", async () => {
    const untouched = [await exportMemberData(db(), aliceInB), await exportMemberData(db(), carolInB)];
    const bob = await exportMemberData(db(), bobInA);
    expect(await rowCounts(aliceInA)).toEqual({
      members: 1, wins: 2, goals: 1, goalRevisions: 2, pauses: 1, checkins: 1, pairings: 1, memberDms: 2, cheersGiven: 1, cheersReceived: 1,
    });
    expect(await deleteMemberData(db(), aliceInA, now)).toBe(true);
    expect(Object.values(await rowCounts(aliceInA)).every((n) => n === 0)).toBe(true);
    expect([await exportMemberData(db(), aliceInB), await exportMemberData(db(), carolInB)]).toEqual(untouched);
    // The cheers between alice and bob go with alice (bob's was on her check-in); the rest of bob's data stays as it was.
    expect([bob.cheersGiven, bob.cheersReceived].map((c) => c.length)).toEqual([1, 1]);
    expect(await exportMemberData(db(), bobInA)).toEqual({ ...bob, cheersGiven: [], cheersReceived: [] });
    expect(await rowCounts(bobInA)).toMatchObject({ members: 1, wins: 2, goalRevisions: 2, checkins: 1, pairings: 1 });
  });

  it('answers that nothing was stored when asked to delete a second time', async () => {
    expect(await deleteMemberData(db(), aliceInA, now)).toBe(false);
    expect(await rowCounts(aliceInB)).toMatchObject({ members: 1, wins: 2, cheersGiven: 1, cheersReceived: 1 });
  });
});
