import { inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { markGuildLeft } from '../../src/db/guild-settings.js';
import { guilds } from '../../src/db/schema.js';
import { trackServerPresence } from '../../src/features/server-presence.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const left = new Date('2026-11-01T00:00:00Z');

describe('recording whether the bot is in a server', () => {
  let database: TestDatabase;
  const clock = new ManualClock('2026-12-02T10:00:00Z');
  const leftAtOf = async (ids: string[]) =>
    Object.fromEntries((await database.db.select({ id: guilds.id, leftAt: guilds.leftAt }).from(guilds).where(inArray(guilds.id, ids))).map((r) => [r.id, r.leftAt]));

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(guilds).values(['1', '2', '3', '4'].map((id) => ({ id, createdAt: left, leftAt: left })));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('clears the servers a connection announces together, and keeps a removal that came after a join', async () => {
    const presence = trackServerPresence({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    presence.inServer('1');
    presence.inServer('2');
    presence.inServer('4');
    presence.leftServer('4'); // joined, then removed at once: the removal is the last word
    await presence.close();
    const now = clock.now();
    expect(await leftAtOf(['1', '2', '3', '4'])).toEqual({ '1': null, '2': null, '3': left, '4': now });
    // A server never used has no row, and gets none.
    presence.inServer('5');
    presence.leftServer('6');
    await presence.close();
    expect(await leftAtOf(['5', '6'])).toEqual({});
  });

  it('does not undo a removal recorded after the sighting (by another process, say), but a later sighting does', async () => {
    await database.db.insert(guilds).values({ id: '7', createdAt: left });
    const presence = trackServerPresence({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    presence.inServer('7'); // an interaction from its install, written with the next batch
    clock.advance(60_000);
    await markGuildLeft(database.db, '7', clock.now()); // a worker's post was refused meanwhile
    await presence.close();
    expect(await leftAtOf(['7'])).toEqual({ '7': clock.now() });
    clock.advance(60_000);
    presence.inServer('7');
    await presence.close();
    expect(await leftAtOf(['7'])).toEqual({ '7': null });
  });

  it('a sighting after a removal counts even when an earlier sighting of that server is in the same batch', async () => {
    // The batch waits 500 ms of real time; in the sandbox the clock can move days within it.
    await database.db.insert(guilds).values([{ id: '8', createdAt: left }, { id: '9', createdAt: left }]);
    const presence = trackServerPresence({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    presence.inServer('8');
    presence.inServer('9');
    clock.advance(60_000);
    await markGuildLeft(database.db, '8', clock.now()); // removed (a worker's refused post), then added back
    await markGuildLeft(database.db, '9', clock.now()); // removed, and not seen again
    clock.advance(60_000);
    presence.inServer('8');
    await presence.close();
    expect(await leftAtOf(['8', '9'])).toEqual({ '8': null, '9': new Date(clock.now().getTime() - 60_000) });
  });
});
