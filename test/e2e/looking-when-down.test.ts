import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// SPEC §7: a clear error while the database is away. A command that only looks had nothing to save.
describe('/partner status and /recap preview with the database unreachable', () => {
  let h: Harness;
  // Nothing listens on port 1: every query fails to connect.
  const deadClient = postgres('postgres://postgres@127.0.0.1:1/none', { connect_timeout: 2, max: 1, onnotice: () => {} });
  beforeAll(async () => {
    h = await startHarness(start, { db: drizzle(deadClient, { schema }) });
  });
  afterAll(async () => {
    await h?.close();
    await deadClient.end({ timeout: 1 });
  });

  it('says it could not look, never that "nothing was saved"', async () => {
    for (const [user, name, subcommand] of [
      ['alice', 'partner', 'status'],
      ['ada', 'recap', 'preview'],
    ] as const) {
      const result = await h.sandbox.chatInput(user, { name, subcommand });
      expect(result.failed, `/${name} ${subcommand}`).toBe(false);
      expect(result.message?.content, `/${name} ${subcommand}`).toMatch(/couldn't reach my notebook just now, so I can't look that up/);
    }
  });
});
