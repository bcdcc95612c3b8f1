import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCheckin } from '../../src/db/checkins.js';
import type { Database } from '../../src/db/client.js';
import { markGuildLeft, markGuildsPresent } from '../../src/db/guild-settings.js';
import { updateMemberSettings } from '../../src/db/members.js';
import { markDmsClosed } from '../../src/db/member-dms.js';
import { setPartnerOptIn } from '../../src/db/partners.js';
import { startPause } from '../../src/db/pauses.js';
import { decideDms } from '../../src/features/dm-gate.js';
import { createTestDatabase } from '../support/database.js';

const root = join(import.meta.dirname, '..', '..');
const now = new Date('2026-12-02T10:00:00Z');
const guildId = 'gate';
const key = (userId: string) => ({ guildId, userId });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the DM gate', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    for (const userId of ['yes', 'off', 'closed', 'paused', 'solo']) {
      await updateMemberSettings(db, key(userId), { dms: userId !== 'off' }, now);
      await setPartnerOptIn(db, key(userId), userId !== 'solo', now);
    }
    await markDmsClosed(db, key('closed'), now);
    await startPause(db, key('paused'), new Date(now.getTime() - 3_600_000), null);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is the only place that sends a DM: nothing in src/ or commands/ calls delivery.dm or mints a permit around it', () => {
    const allowed = new Set(['src/features/dm-gate.ts', 'src/discord/delivery.ts']);
    const offenders = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'commands'))]
      .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
      .filter(({ path }) => !path.startsWith('src/sandbox/') && !allowed.has(path))
      .filter(({ text }) => /\.dm\(|Routes\.userChannels\(|as DmPermit|recipient_id/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('gives a permit only to a member who said dms: true, has not bounced one and is not paused', async () => {
    const decide = (userId: string) => decideDms(database.db, { kind: 'cheer', to: key(userId) }, now);
    expect((await decide('yes')).permits.map((p) => p.to.userId)).toEqual(['yes']);
    expect((await decide('off')).refused).toEqual([{ userId: 'off', why: 'dms-off' }]);
    expect((await decide('closed')).refused).toEqual([{ userId: 'closed', why: 'dms-closed' }]);
    expect((await decide('paused')).refused).toEqual([{ userId: 'paused', why: 'paused' }]);
    expect((await decide('nobody')).refused).toEqual([{ userId: 'nobody', why: 'dms-off' }]);
  });

  it('refuses partner DMs to a member who has not joined partners, but not a personal recap', async () => {
    const prompt = await decideDms(database.db, { kind: 'checkin-prompt', to: key('solo'), period: '2026-W49' }, now);
    expect(prompt.refused).toEqual([{ userId: 'solo', why: 'not-partner' }]);
    const recap = await decideDms(database.db, { kind: 'recap', to: key('solo'), period: '2026-W49' }, now);
    expect(recap.permits.map((p) => p.attempt)).toEqual([1]);
    const again = await decideDms(database.db, { kind: 'recap', to: key('solo'), period: '2026-W49' }, now);
    expect(again.refused).toEqual([{ userId: 'solo', why: 'claimed' }]);
  });

  it("bounds a partner check-in to once a day for each recipient, a trio's partners alike", async () => {
    await recordCheckin(database.db, key('yes'), { weekKey: '2026-W49', note: 'going', share: 'partner' }, now);
    const request = { kind: 'partner-checkin' as const, author: key('yes'), to: ['solo', 'paused', 'closed'], week: '2026-W49', day: '2026-12-02' };
    await setPartnerOptIn(database.db, key('solo'), true, now);
    const first = await decideDms(database.db, request, now);
    expect(first.permits.map((p) => p.to.userId)).toEqual(['solo']);
    expect(first.refused.map((r) => r.why).sort()).toEqual(['dms-closed', 'paused']);
    const second = await decideDms(database.db, request, now);
    expect(second.permits).toEqual([]);
    expect(second.refused).toContainEqual({ userId: 'solo', why: 'already-today' });
    const nextDay = await decideDms(database.db, { ...request, day: '2026-12-03' }, now);
    expect(nextDay.permits.map((p) => p.to.userId)).toEqual(['solo']);
  });

  it('sends nothing about a server that removed the bot, claims nothing meanwhile, and sends again once it is back', async () => {
    const away = { guildId: 'away', userId: 'kept' };
    await updateMemberSettings(database.db, away, { dms: true }, now);
    await setPartnerOptIn(database.db, away, true, now);
    await markGuildLeft(database.db, 'away', now);
    for (const kind of ['recap', 'checkin-prompt', 'plan-reminder', 'fresh-start'] as const) {
      expect((await decideDms(database.db, { kind, to: away, period: '2026-W49' }, now)).refused).toEqual([{ userId: 'kept', why: 'server-left' }]);
    }
    expect((await decideDms(database.db, { kind: 'cheer', to: away }, now)).refused).toEqual([{ userId: 'kept', why: 'server-left' }]);
    await markGuildsPresent(database.db, ['away'], now);
    expect((await decideDms(database.db, { kind: 'recap', to: away, period: '2026-W49' }, now)).permits.map((p) => p.attempt)).toEqual([1]);
  });
});
