import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ensureMember, memberSettings, updateMemberSettings } from '../../src/db/members.js';
import { members } from '../../src/db/schema.js';
import { createTestDatabase } from '../support/database.js';

const now = new Date('2026-11-25T12:00:00Z');
const key = { guildId: '500', userId: '7' };

describe('member settings', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives bounced DMs another chance when the member turns DMs on again', async () => {
    await ensureMember(database.db, key, now);
    const where = and(eq(members.guildId, key.guildId), eq(members.userId, key.userId));
    await database.db.update(members).set({ dms: true, dmsClosedAt: now }).where(where);
    await updateMemberSettings(database.db, key, { timezone: 'Europe/Paris' }, now);
    expect((await database.db.select().from(members).where(where))[0]?.dmsClosedAt).toEqual(now);
    await updateMemberSettings(database.db, key, { dms: true }, now);
    expect((await database.db.select().from(members).where(where))[0]?.dmsClosedAt).toBeNull();
    expect(await memberSettings(database.db, key)).toMatchObject({ dms: true, timezone: 'Europe/Paris' });
  });
});
