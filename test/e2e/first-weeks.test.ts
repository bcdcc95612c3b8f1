import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activeGoals } from '../../src/db/goals.js';
import { pairWeek } from '../../src/db/partners.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';
import { listMemberWins } from '../support/wins.js';

// Issue 8: what a new server trips over in its first weeks. Monday 2 Nov 2026, 09:00 UTC.
const start = '2026-11-02T09:00:00Z';

describe('what a new server trips over in its first weeks', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const text = (r: InteractionResult) => `${r.message?.content ?? ''}\n${r.message?.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n') ?? ''}`;
  const goal = (user: string, subcommand: string, options: Record<string, string | number>) =>
    h.sandbox.chatInput(user, { name: 'goal', subcommand, options });

  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a second active goal with the same title, whatever its case, on add and on edit', async () => {
    await goal('alice', 'add', { title: 'Run club', target: 2, period: 'week' });
    const again = await goal('alice', 'add', { title: 'run CLUB', target: 1, period: 'month' });
    expect(again.ephemeral).toBe(true);
    expect(text(again)).toMatch(/already have an active goal called \*\*run CLUB\*\*/);
    await goal('alice', 'add', { title: 'Read', target: 1, period: 'week' });
    const renamed = await goal('alice', 'edit', { goal: 'Read', title: 'RUN club' });
    expect(text(renamed)).toMatch(/already have an active goal called/);
    expect((await activeGoals(h.database.db, key('alice'))).map((g) => g.title)).toEqual(['Run club', 'Read']);
    // An archived goal frees its title.
    await goal('alice', 'archive', { goal: 'Read' });
    expect(text(await goal('alice', 'add', { title: 'read', target: 3, period: 'week' }))).toMatch(/New goal/);
  });
});

describe('/help for admins', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a section on setting up the server for admins, and only for them', async () => {
    const fieldsFor = async (user: string) => (await h.sandbox.chatInput(user, { name: 'help' })).message?.embeds[0]?.fields ?? [];
    const adminFields = await fieldsFor('ada');
    expect(adminFields.map((f) => f.name)).toEqual(['For admins (Manage Server)']);
    for (const command of ['/config recap channel:', '/config checkins', '/config show', '/recap preview']) expect(adminFields[0]?.value).toContain(command);
    expect(await fieldsFor('alice')).toEqual([]);
  });
});

describe('true counts for the member after a private win', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });
  const embedText = (r: InteractionResult) => r.message?.embeds.map((e) => e.description ?? '').join('\n') ?? '';

  it('never tells the member a false count in public, and tells them privately their true count and that the goal was met', async () => {
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Run club', target: 2, period: 'week', share: 'server' } });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'ran five kilometres quietly', private: true, goal: 'Run club' } });
    // The private win must be stored before the public one is counted (a deadlock once lost it: see
    // src/db/record-win.ts on why /win updates only the member row).
    const alice = { guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id };
    await vi.waitFor(async () => expect(await listMemberWins(h.database.db, alice)).toHaveLength(1), { timeout: 15_000 });
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'ran again with the club', goal: 'Run club' } });
    await h.sandbox.idle();
    expect(result.ephemeral).toBe(false);
    const shown = embedText(result);
    expect(shown).not.toMatch(/first win/);
    expect(shown).not.toMatch(/1\/2/);
    const privately = result.followUps.filter((m) => m.ephemeral).map((m) => m.content).join('\n');
    expect(privately).toContain("Counting your private wins too, that's your 2nd win this week.");
    expect(privately).toContain('2/2 this week — goal met! 🎉');
    // A member with only public wins keeps the usual public line and nothing extra.
    const bob = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'tidied the whole desk' } });
    await h.sandbox.idle();
    expect(embedText(bob)).toContain('Your first win here — welcome!');
    expect(bob.followUps).toEqual([]);
  });
});

describe('goals shared with a partner', () => {
  let h: Harness;
  const id = (name: string) => h.sandbox.user(name).id;
  beforeAll(async () => {
    // Monday 30 Nov 2026, 09:00 UTC: the recap's moment, when week 2026-W49's partners are made.
    h = await startHarness('2026-11-30T09:00:00Z');
    h.sandbox.addUser('carol');
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const name of ['alice', 'bob']) await h.sandbox.chatInput(name, { name: 'partner', subcommand: 'join' });
    await pairWeek(h.database.db, h.sandbox.guildId, h.clock.now(), h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows a partner-shared goal to this week's partner in /partner status and /progress member:, and to no one else", async () => {
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Morning pages', target: 3, period: 'week', share: 'partner' } });
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Quiet diary habit', target: 1, period: 'week' } });
    const seen = async (viewer: string, command: 'status' | 'progress') => {
      const result =
        command === 'status'
          ? await h.sandbox.chatInput(viewer, { name: 'partner', subcommand: 'status' })
          : await h.sandbox.chatInput(viewer, { name: 'progress', options: { member: id('alice') } });
      return JSON.stringify([result.message?.content, result.message?.embeds]);
    };
    for (const command of ['status', 'progress'] as const) {
      const bobSees = await seen('bob', command);
      expect(bobSees).toContain('Morning pages');
      expect(bobSees).toContain('0/3 this week');
      expect(bobSees).not.toContain('Quiet diary habit');
    }
    expect(await seen('carol', 'progress')).not.toContain('Morning pages');
  });

  it('tells the member kindly when their partner deletes their data, and when a new partner comes', async () => {
    const ask = await h.sandbox.chatInput('alice', { name: 'privacy', subcommand: 'delete' });
    const confirm = (ask.message?.components[0] as { components: { custom_id: string }[] }).components[0]?.custom_id ?? '';
    await h.sandbox.clickButton('alice', { messageId: ask.message?.id ?? '', customId: confirm });
    const status = await h.sandbox.chatInput('bob', { name: 'partner', subcommand: 'status' });
    expect(status.message?.content).toMatch(/Your partner this week has left Small Wins in this server/);
    expect(status.message?.content).toMatch(/new partner at the next recap/);
    expect(status.message?.content).not.toMatch(/on the list/);
  });
});

describe('wording a new member meets', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });
  const said = async (user: string, input: Parameters<Harness['sandbox']['chatInput']>[1]) => {
    const result = await h.sandbox.chatInput(user, input);
    return `${result.message?.content ?? ''} ${result.message?.embeds.map((e) => e.description ?? '').join(' ') ?? ''}`;
  };

  it('says what is true: no "change" for looking, no partner kept when never joined, plain dates and periods', async () => {
    const show = await said('alice', { name: 'config', subcommand: 'show', skipClientChecks: true });
    expect(show).toMatch(/Manage Server/);
    expect(show).not.toMatch(/can change/);
    const leave = await said('alice', { name: 'partner', subcommand: 'leave' });
    expect(leave).toMatch(/weren't on the partner list, so nothing changed/);
    expect(leave).not.toMatch(/partner stays yours/);
    const backdated = await said('alice', { name: 'win', options: { text: 'fixed the bike', when: '2026-10-25' } });
    expect(backdated).toContain('(from 8 days ago)');
    await said('alice', { name: 'goal', subcommand: 'add', options: { title: 'Read', target: 2, period: 'week' } });
    const edited = await said('alice', { name: 'goal', subcommand: 'edit', options: { goal: 'Read', period: 'month' } });
    expect(edited).toContain('Periods before today keep the target they had.');
    expect(edited).not.toMatch(/Earlier weeks/);
  });
});
