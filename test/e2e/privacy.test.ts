import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMemberTimezone } from '../../src/db/members.js';
import { startHarness, type Harness } from '../support/harness.js';
import { sweepForLeaks } from '../support/privacy-sweep.js';

// Every e2e file's harness runs the same sweep when it closes; this file makes sure
// there is plenty to leak, tries every way another member could see it, and checks the sweep itself.
const start = '2026-11-25T12:00:00Z';
const secretWin = 'told my therapist about the panic attacks';
const secretGoal = 'Stop drinking on weeknights';
const partnerGoal = 'Apply to three jobs quietly';

describe('privacy across every command', () => {
  let h: Harness;
  const alice = () => h.sandbox.user('alice').id;

  beforeAll(async () => {
    h = await startHarness(start);
    await setMemberTimezone(h.database.db, { guildId: h.sandbox.guildId, userId: alice() }, 'Europe/Paris', h.clock.now());
    const as = (options: Record<string, string | number | boolean>, subcommand?: string, name = 'goal') =>
      h.sandbox.chatInput('alice', { name, subcommand, options });
    await as({ title: secretGoal, target: 2, period: 'week' }, 'add');
    await as({ title: partnerGoal, target: 1, period: 'month', share: 'partner' }, 'add');
    await as({ title: 'Run a little', target: 1, period: 'week', share: 'server' }, 'add');
    await as({ text: secretWin, private: true, goal: 'Run a little' }, undefined, 'win');
    await as({ text: 'a walk in the rain', goal: secretGoal }, undefined, 'win');
    await as({ text: 'sent one application', goal: partnerGoal }, undefined, 'win');
    h.clock.advance(10 * 86_400_000);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows other members nothing private, whatever they run', async () => {
    const bobRuns: { name: string; subcommand?: string; options?: Record<string, string> }[] = [
      { name: 'progress', options: { member: alice() } },
      { name: 'progress' },
      { name: 'wins', options: { period: 'all' } },
      { name: 'remember' },
      { name: 'goal', subcommand: 'list' },
      { name: 'help' },
      { name: 'settings' },
      { name: 'goal', subcommand: 'archive', options: { goal: secretGoal } },
      { name: 'win', options: { text: 'my own win', goal: partnerGoal } },
    ];
    for (const run of bobRuns) await h.sandbox.chatInput('bob', run);
    for (const typed of ['', 'stop', 'apply']) {
      const choices = await h.sandbox.autocomplete('bob', { name: 'win', options: { text: 'x', goal: typed }, focused: 'goal' });
      expect(choices).toEqual([]);
    }
    await h.sandbox.idle();
    expect(await sweepForLeaks(h.database.db, h.sandbox.allMessages())).toEqual([]);
  });

  it('lets the owner see their own private data', async () => {
    const own = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'all' } });
    expect(JSON.stringify(own.message?.embeds)).toContain(secretWin);
    expect(own.ephemeral).toBe(true);
  });

  it('would catch a leak: the sweep reports private text reaching someone else', async () => {
    const publicReply = h.sandbox.allMessages().find((m) => !m.ephemeral && m.embeds.length > 0);
    expect(publicReply).toMatchObject({ ephemeral: false });
    const leaked = { ...publicReply!, content: `look: ${secretWin}` };
    const leaks = await sweepForLeaks(h.database.db, [leaked]);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toContain(secretWin);
    const ranked = { ...publicReply!, content: 'This week’s leaderboard' };
    expect(await sweepForLeaks(h.database.db, [ranked])).toHaveLength(1);
  });
});
