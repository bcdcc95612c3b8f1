import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 7 Dec 2026, 09:00 UTC; members have no timezone set, so UTC applies.
const start = '2026-12-07T09:00:00Z';
const DAY = 86_400_000;

describe('a goal edited mid-period, and the /win reply about it', () => {
  let h: Harness;
  const list = (user: string) => h.sandbox.chatInput(user, { name: 'goal', subcommand: 'list' });
  const goalLine = async (r: InteractionResult) => {
    await h.sandbox.idle();
    return [r.message?.content ?? '', ...(r.message?.embeds.map((e) => e.description ?? '') ?? []), ...r.followUps.map((m) => m.content ?? '')].join('\n');
  };

  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts a win back-dated into this week against the target this week has now, as /goal list does', async () => {
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Read', target: 3, period: 'week' } });
    h.clock.advance(2 * DAY);
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'edit', options: { goal: 'Read', target: 1 } });
    const win = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'read a chapter', goal: 'Read', when: 'yesterday' } });
    expect(await goalLine(win)).toContain('🎯 Read: ▰▰▰▰▰▰▰▰▰▰ 1/1 this week — goal met!');
    expect((await list('alice')).message?.embeds[0]?.description).toContain('1/1 this week ✅');
  });

  it('sent nothing Discord would reject', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});

describe('a bigger-target button does what its label says', () => {
  let h: Harness;
  const WEEK = 7 * DAY;
  const win = (text: string, when?: string) =>
    h.sandbox.chatInput('ada', { name: 'win', options: { text, goal: 'Walk', ...(when ? { when } : {}) } });

  beforeAll(async () => {
    // Monday 2 Nov 2026, 00:00 UTC: the goal's first week is a whole one.
    h = await startHarness('2026-11-02T00:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sets the target the member clicked, even when late wins changed what would be offered now', async () => {
    await h.sandbox.chatInput('ada', { name: 'goal', subcommand: 'add', options: { title: 'Walk', target: 1, period: 'week' } });
    for (const wins of [3, 2, 2]) {
      h.clock.advance(DAY);
      for (let i = 0; i < wins; i++) await win(`walked ${i}`);
      h.clock.advance(WEEK - DAY);
    }
    const listed = await h.sandbox.chatInput('ada', { name: 'goal', subcommand: 'list' });
    const buttons = (listed.message?.components as { components: { custom_id: string; label: string }[] }[]).flatMap((r) => r.components);
    const accept = buttons.find((b) => b.custom_id.startsWith('goal:accept:'));
    expect(accept?.label).toBe('Make it 2 a week');
    // Two forgotten wins, logged late, lift the two newest weeks to 3.
    await win('walked late', 'yesterday');
    await win('walked late too', '2026-11-10');
    const accepted = await h.sandbox.clickButton('ada', { messageId: listed.message!.id, customId: accept!.custom_id });
    expect(accepted.message?.content).toMatch(/\*\*Walk\*\* is now 2 a week/);
    expect((await h.sandbox.chatInput('ada', { name: 'goal', subcommand: 'list' })).message?.embeds[0]?.description).toContain('**Walk** · 2 a week');
  });

  it('sent nothing Discord would reject', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});

describe('two offers at once', () => {
  let h: Harness;
  const WEEK = 7 * DAY;

  beforeAll(async () => {
    h = await startHarness('2026-11-02T00:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the goal on each button, so two alike offers can be told apart', async () => {
    for (const title of ['Walk', 'Read']) {
      await h.sandbox.chatInput('ada', { name: 'goal', subcommand: 'add', options: { title, target: 1, period: 'week' } });
    }
    for (let week = 0; week < 3; week++) {
      h.clock.advance(DAY);
      for (const goal of ['Walk', 'Read']) await h.sandbox.chatInput('ada', { name: 'win', options: { text: `did ${goal}`, goal } });
      h.clock.advance(WEEK - DAY);
    }
    const listed = await h.sandbox.chatInput('ada', { name: 'goal', subcommand: 'list' });
    const rows = (listed.message?.components as { components: { label: string }[] }[]).map((r) => r.components.map((b) => b.label));
    expect(rows).toEqual([
      ['Walk: Make it 2 a week', 'Walk: Keep 1'],
      ['Read: Make it 2 a week', 'Read: Keep 1'],
    ]);
  });

  it('sent nothing Discord would reject', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
