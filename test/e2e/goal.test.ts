import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseGoals } from '../../src/db/goal-progress.js';
import { activeGoals } from '../../src/db/goals.js';
import { listMemberWins } from '../support/wins.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 2 Nov 2026, 09:00 UTC; members have no timezone set, so UTC applies.
const start = '2026-11-02T09:00:00Z';
const WEEK = 7 * 86_400_000;

describe('/goal and goal-linked wins', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const goalsOf = (name: string) => activeGoals(h.database.db, key(name));
  const add = (user: string, options: Record<string, string | number>, skipClientChecks = false) =>
    h.sandbox.chatInput(user, { name: 'goal', subcommand: 'add', options, skipClientChecks });
  const list = (user: string) => h.sandbox.chatInput(user, { name: 'goal', subcommand: 'list' });
  const text = (r: InteractionResult) => `${r.message?.content ?? ''}\n${r.message?.embeds.map((e) => e.description).join('\n') ?? ''}`;

  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds a private goal and lists it with this week’s progress', async () => {
    const added = await add('alice', { title: 'Read', target: 2, period: 'week' });
    expect(added.ephemeral).toBe(true);
    expect(added.message?.content).toMatch(/New goal: \*\*Read\*\*, 2 a week\. Only you can see it\./);
    const listed = await list('alice');
    expect(listed.ephemeral).toBe(true);
    expect(text(listed)).toContain('**Read** · 2 a week · 🔒 just you');
    expect(text(listed)).toContain('▱▱▱▱▱▱▱▱▱▱ 0/2 this week');
  });

  it('refuses every out-of-range option kindly and stores nothing', async () => {
    const cases: [Record<string, string | number>, RegExp][] = [
      [{ title: 'x'.repeat(101), target: 1, period: 'week' }, /at most 100 characters/],
      [{ title: '   ', target: 1, period: 'week' }, /needs a title/],
      [{ title: 'Run', target: 0, period: 'week' }, /whole number from 1 to 100/],
      [{ title: 'Run', target: 101, period: 'week' }, /whole number from 1 to 100/],
      [{ title: 'Run', target: 1, period: 'year' }, /`week` or `month`/],
      [{ title: 'Run', target: 1, period: 'week', share: 'everyone' }, /`private` or `partner` or `server`/],
    ];
    for (const [options, message] of cases) {
      const result = await add('bob', options, true);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(message);
    }
    expect(await goalsOf('bob')).toEqual([]);
  });

  it('allows ten active goals and kindly refuses an eleventh', async () => {
    for (let i = 1; i <= 10; i++) await add('bob', { title: `Goal ${i}`, target: 1, period: 'month' });
    const eleventh = await add('bob', { title: 'One more', target: 1, period: 'month' });
    expect(eleventh.message?.content).toMatch(/already have 10 active goals/);
    expect(await goalsOf('bob')).toHaveLength(10);
  });

  it('suggests only the member’s own goals, at most 25', async () => {
    const alices = await h.sandbox.autocomplete('alice', { name: 'goal', subcommand: 'archive', options: { goal: '' }, focused: 'goal' });
    expect(alices.map((c) => c.name)).toEqual(['Read (2 a week)']);
    const bobs = await h.sandbox.autocomplete('bob', { name: 'win', options: { text: 'x', goal: 'goal 1' }, focused: 'goal' });
    expect(bobs.map((c) => c.name)).toEqual(['Goal 1 (1 a month)', 'Goal 10 (1 a month)']);
  });

  it('counts a linked win toward the goal, keeping a private goal out of the public reply', async () => {
    const [read] = await goalsOf('alice');
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'read a chapter', goal: String(read?.id) } });
    expect(result.ephemeral).toBe(false);
    expect(text(result)).not.toContain('Read');
    await h.sandbox.idle();
    expect(result.followUps).toHaveLength(1);
    expect(result.followUps[0]?.ephemeral).toBe(true);
    expect(result.followUps[0]?.content).toContain('🎯 Read: ▰▰▰▰▰▱▱▱▱▱ 1/2 this week');
    const [win] = await listMemberWins(h.database.db, key('alice'));
    expect(win?.goalId).toBe(read?.id);
  });

  it('shows a goal shared with the server in public only with a count true for its owner; else tells them alone', async () => {
    await add('alice', { title: 'Run', target: 3, period: 'week', share: 'server' });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'secret run', goal: 'run', private: true } });
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'park run', goal: 'Run' } });
    await h.sandbox.idle();
    // Public wins alone would say 1/3, which is false for alice: the public reply leaves the goal out.
    expect(text(result)).not.toContain('🎯 Run');
    expect(result.followUps.filter((m) => m.ephemeral).map((m) => m.content).join('\n')).toContain('🎯 Run: ▰▰▰▰▰▰▰▱▱▱ 2/3 this week');
    expect((await list('alice')).message?.embeds[0]?.description).toContain('2/3 this week');
  });

  it('shows another member only the goals they shared with the server, by public wins', async () => {
    await add('alice', { title: 'Secret plan', target: 1, period: 'week' });
    const result = await h.sandbox.chatInput('bob', { name: 'progress', options: { member: h.sandbox.user('alice').id } });
    const shown = JSON.stringify(result.message?.embeds);
    expect(shown).toContain('**Run** ▰▰▰▱▱▱▱▱▱▱ 1/3 this week');
    expect(shown).not.toMatch(/Secret plan|Read|secret run/);
    const own = await h.sandbox.chatInput('alice', { name: 'progress' });
    expect(JSON.stringify(own.message?.embeds)).toMatch(/Secret plan.*0\/1 this week/);
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'archive', options: { goal: 'Secret plan' } });
  });

  it('refuses a goal that is not the member’s own, and saves no win', async () => {
    const [bobsGoal] = await goalsOf('bob');
    const before = (await listMemberWins(h.database.db, key('alice'))).length;
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'sneaky', goal: String(bobsGoal?.id) } });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/couldn't find that among your active goals/);
    expect(await listMemberWins(h.database.db, key('alice'))).toHaveLength(before);
  });

  it('edits a goal, and says when there is nothing to change', async () => {
    const nothing = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'edit', options: { goal: 'Read' } });
    expect(nothing.message?.content).toMatch(/Tell me what to change/);
    const edited = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'edit', options: { goal: 'Read', target: 1, share: 'server' } });
    expect(edited.message?.content).toMatch(/Updated: \*\*Read\*\*, 1 a week \(server\)/);
    expect((await list('alice')).message?.embeds[0]?.description).toContain('1/1 this week ✅');
  });

  it('archives a goal and keeps its wins', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'archive', options: { goal: 'Read' } });
    expect(result.message?.content).toMatch(/Archived \*\*Read\*\*/);
    expect((await goalsOf('alice')).map((g) => g.title)).toEqual(['Run']);
    expect((await listMemberWins(h.database.db, key('alice'))).some((w) => w.text === 'read a chapter')).toBe(true);
  });

  it('offers a smaller target after three missed weeks; the member decides', async () => {
    await add('ada', { title: 'Write', target: 3, period: 'week' });
    // The first, partial week never counts as a miss; then three full weeks.
    for (let week = 0; week < 4; week++) {
      await h.sandbox.chatInput('ada', { name: 'win', options: { text: `wrote a page ${week}`, goal: 'Write' } });
      h.clock.advance(WEEK);
    }
    const listed = await list('ada');
    expect(listed.message?.embeds[0]?.description).toMatch(/hasn't landed for three weeks running.*\*\*1 a week\*\*/);
    const row = listed.message?.components[0] as { components: { custom_id: string; label: string }[] } | undefined;
    expect(row?.components.map((b) => b.label)).toEqual(['Make it 1 a week', 'Keep 3']);

    const stranger = await h.sandbox.clickButton('bob', { messageId: listed.message!.id, customId: row!.components[0]!.custom_id });
    expect(stranger.message?.content).toMatch(/belong to someone else/);
    expect((await goalsOf('ada'))[0]?.target).toBe(3);

    const declined = await h.sandbox.clickButton('ada', { messageId: listed.message!.id, customId: row!.components[1]!.custom_id });
    expect(declined.message?.content).toMatch(/Keeping \*\*Write\*\* at 3 a week/);
    expect((await list('ada')).message?.components).toEqual([]);
    // Another missed week continues the same run: still not asked again.
    h.clock.advance(WEEK);
    expect((await list('ada')).message?.components).toEqual([]);
  });

  it('offers a bigger target after three weeks met, and accepting keeps the past as it was', async () => {
    await add('ada', { title: 'Walk', target: 1, period: 'week' });
    for (let week = 0; week < 3; week++) {
      h.clock.advance(WEEK);
      await h.sandbox.chatInput('ada', { name: 'win', options: { text: `walked ${week}`, goal: 'Walk' } });
      await h.sandbox.chatInput('ada', { name: 'win', options: { text: `walked again ${week}`, goal: 'Walk' } });
    }
    h.clock.advance(WEEK);
    const listed = await list('ada');
    expect(listed.message?.embeds[0]?.description).toMatch(/\*\*Walk\*\* has been met three weeks running.*\*\*2 a week\*\*/);
    const rows = listed.message?.components as { components: { custom_id: string }[] }[];
    const accept = rows.flatMap((r) => r.components).find((b) => b.custom_id.startsWith('goal:accept:') && b.custom_id.includes(':2'));
    const accepted = await h.sandbox.clickButton('ada', { messageId: listed.message!.id, customId: accept!.custom_id });
    expect(accepted.message?.content).toMatch(/\*\*Walk\*\* is now 2 a week/);
    expect((await goalsOf('ada')).find((g) => g.title === 'Walk')?.target).toBe(2);
    const again = await h.sandbox.clickButton('ada', { messageId: listed.message!.id, customId: accept!.custom_id });
    expect(again.message?.content).toMatch(/already been answered/);
    const walk = (await goalsOf('ada')).filter((g) => g.title === 'Walk');
    const [summary] = await summariseGoals(h.database.db, walk, 'UTC', h.clock.now(), { includePrivate: true });
    expect(summary?.current).toMatchObject({ target: 2, count: 0 });
    expect(summary?.history.slice(0, 3).map((p) => [p.count, p.target, p.met])).toEqual([
      [2, 1, true],
      [2, 1, true],
      [2, 1, true],
    ]);
  });

  it('sent nothing Discord would reject', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
