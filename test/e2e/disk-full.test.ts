import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText } from '../support/answers.js';
import { startHarness, type Harness } from '../support/harness.js';
import { listMemberWins } from '../support/wins.js';

const start = '2026-11-25T12:00:00Z';

// SPEC §7: a refused write is said as "nothing was saved", with the reason, not as a bug's apology.
describe('when the database has no room left to write', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start);
    // The error PostgreSQL (and PGlite) raise when a file cannot grow: class 53, disk_full.
    await h.database.db.execute(sql.raw(`
      create function refuse_for_lack_of_room() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file "base/1/2": No space left on device' using errcode = 'disk_full'; end $$`));
    await h.database.db.execute(sql.raw('create trigger disk_is_full before insert on wins for each row execute function refuse_for_lack_of_room()'));
  }, 60_000);
  afterAll(async () => {
    await h?.database.db.execute(sql.raw('drop trigger if exists disk_is_full on wins'));
    await h?.database.db.execute(sql.raw('drop function if exists refuse_for_lack_of_room()'));
    await h?.close();
  });

  it('tells the member the win was not saved and why, privately, with no reference id', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote on a full disk' } });
    expect(result.failed).toBe(false);
    expect(result.ephemeral || result.followUps.some((m) => m.ephemeral)).toBe(true);
    expect(answerText(result)).toMatch(/run out of room, so nothing was saved/);
    expect(answerText(result)).not.toMatch(/something went wrong on my side|reference/);
    expect(await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id })).toEqual([]);
  });
});
