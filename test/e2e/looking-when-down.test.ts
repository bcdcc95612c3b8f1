import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarnessOnDeadDatabase, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// SPEC §7: a clear error while the database is away. A command that only looks had nothing to save.
describe('/partner status and /recap preview with the database unreachable', () => {
  // Its own harness: the queries errors.test.ts's commands leave queued would make these wait past the defer.
  let h: Harness;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ h, close } = await startHarnessOnDeadDatabase(start));
  });
  afterAll(async () => {
    await close?.();
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
