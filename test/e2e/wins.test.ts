import { ButtonStyle, ComponentType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { logAsWin } from '../../commands/log-as-win.js';
import { remember } from '../../commands/remember.js';
import { wins } from '../../commands/wins.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { listMemberWins, recordWin } from '../support/wins.js';
import type { ChatInputCommand } from '../../src/discord/command.js';
import { respond } from '../../src/discord/reply.js';
import type { InteractionResult, StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Works before and after commands/index.ts lists these (a name registered twice is refused).
const mine = new Set([wins, logAsWin, remember].map((c) => c.data.name));
const withoutMine = commands.filter((c) => !mine.has(c.data.name));

// Thursday 26 Nov 2026, 10:00 UTC.
const start = '2026-11-26T10:00:00Z';

// A stand-in for a leaked or forged button: a public message whose 🗑 names one member but another's win.
let forged = '';
const plant: ChatInputCommand = {
  kind: 'chat-input',
  data: { name: 'plant', description: 'test only' },
  async execute(interaction) {
    const button = { type: ComponentType.Button, style: ButtonStyle.Danger, label: '🗑', custom_id: forged } as const;
    await respond(interaction, { content: 'a public list', components: [{ type: ComponentType.ActionRow, components: [button] }] });
  },
};

describe('/wins through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const winsOf = (name: string) => listMemberWins(h.database.db, key(name));
  const log = (name: string, text: string, occurredAt: string, isPrivate = false) =>
    recordWin(h.database.db, { ...key(name), text, isPrivate, occurredAt: new Date(occurredAt) }, h.clock.now());
  const embedOf = (m: StoredMessage | undefined) => m?.embeds[0];
  const buttonsOf = (m: StoredMessage | undefined) =>
    (m?.components ?? []).flatMap((row) => (row.components as { custom_id: string; label: string; disabled?: boolean }[]) ?? []);
  const button = (m: StoredMessage | undefined, label: string) => {
    const found = buttonsOf(m).find((b) => b.label === label);
    if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(m))}`);
    return found;
  };
  const click = (name: string, shown: InteractionResult, label: string) =>
    h.sandbox.clickButton(name, { messageId: shown.message?.id ?? '', customId: button(h.sandbox.message(shown.message?.id ?? ''), label).custom_id });
  // A 🗑 asks first; only "Delete for good" deletes.
  const deleteVia = async (name: string, shown: InteractionResult, label: string) => {
    const asked = await click(name, shown, label);
    expect(asked.message?.content).toMatch(/^Delete this win for good\?/);
    return click(name, shown, 'Delete for good');
  };
  const listed = (m: StoredMessage | undefined) => [...(embedOf(m)?.description ?? '').matchAll(/^> (.*)$/gm)].map((x) => x[1]);

  beforeAll(async () => {
    h = await startHarness(start, { commands: [...withoutMine, wins, logAsWin, remember, plant] });
    // This week (from Monday 23 Nov): 7 wins, one private. Earlier this month: 3. October: 2.
    for (let day = 23; day <= 26; day++) await log('alice', `week win ${day}a`, `2026-11-${day}T08:00:00Z`, day === 24);
    for (let day = 23; day <= 25; day++) await log('alice', `week win ${day}b`, `2026-11-${day}T09:00:00Z`);
    for (const day of ['02', '10', '20']) await log('alice', `month win ${day}`, `2026-11-${day}T12:00:00Z`);
    for (const day of ['05', '30']) await log('alice', `october win ${day}`, `2026-10-${day}T12:00:00Z`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists this week’s wins by default: privately, newest first, five to a page', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
    expect(shown.kind).toBe('reply');
    expect(shown.ephemeral).toBe(true);
    const embed = embedOf(shown.message);
    expect(embed?.title).toBe('Your wins this week');
    expect(listed(shown.message)).toEqual(['week win 26a', 'week win 25b', 'week win 25a', 'week win 24b', 'week win 24a']);
    expect(embed?.description).toContain('**5.** Tue 24 Nov · 🔒 private\n> week win 24a');
    expect(embed?.footer?.text).toMatch(/^page 1 of 2 · 7 wins/);
    expect(buttonsOf(shown.message).map((b) => [b.label, b.disabled])).toEqual([
      ['🗑 1', false], ['🗑 2', false], ['🗑 3', false], ['🗑 4', false], ['🗑 5', false], ['◀', true], ['▶', false],
    ]);
    expect(buttonsOf(shown.message).every((b) => b.custom_id.length <= 100)).toBe(true);
  });

  it('pages forward with ▶ and back with ◀, in place', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
    const forward = await click('alice', shown, '▶');
    expect(forward.kind).toBe('update');
    const page2 = h.sandbox.message(shown.message?.id ?? '');
    expect(listed(page2)).toEqual(['week win 23b', 'week win 23a']);
    expect(embedOf(page2)?.footer?.text).toMatch(/^page 2 of 2/);
    expect(buttonsOf(page2).map((b) => b.label)).toEqual(['🗑 6', '🗑 7', '◀', '▶']);
    expect(button(page2, '▶').disabled).toBe(true);

    const back = await click('alice', shown, '◀');
    expect(back.kind).toBe('update');
    expect(listed(h.sandbox.message(shown.message?.id ?? ''))[0]).toBe('week win 26a');
    expect(page2?.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('filters by this month and by all time', async () => {
    const month = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'month' } });
    expect(embedOf(month.message)?.title).toBe('Your wins this month');
    expect(embedOf(month.message)?.footer?.text).toMatch(/^page 1 of 2 · 10 wins/);
    const all = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'all' } });
    expect(embedOf(all.message)?.title).toBe('All your wins');
    expect(embedOf(all.message)?.footer?.text).toMatch(/^page 1 of 3 · 12 wins/);
    expect(embedOf(all.message)?.description).toContain('Thu 26 Nov 2026');
    await click('alice', all, '▶');
    const last = await click('alice', all, '▶');
    expect(listed(last.message)).toEqual(['october win 30', 'october win 05']);
  });

  it('keeps the period when paging', async () => {
    const month = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'month' } });
    const next = await click('alice', month, '▶');
    expect(listed(next.message)).toEqual(['week win 23b', 'week win 23a', 'month win 20', 'month win 10', 'month win 02']);
  });

  it('counts days and weeks in the member’s timezone', async () => {
    // Sunday 22 Nov 20:00 UTC is already Monday 23 Nov in Kathmandu (UTC+05:45).
    await log('ada', 'early start', '2026-11-22T20:00:00Z');
    await setMemberTimezone(h.database.db, key('ada'), 'Asia/Kathmandu', h.clock.now());
    const shown = await h.sandbox.chatInput('ada', { name: 'wins' });
    expect(embedOf(shown.message)?.description).toBe('**1.** Mon 23 Nov\n> early start');
  });

  it('is kind when there is nothing to show', async () => {
    const shown = await h.sandbox.chatInput('bob', { name: 'wins' });
    expect(shown.ephemeral).toBe(true);
    expect(embedOf(shown.message)?.description).toMatch(/^No wins this week yet — `\/win` one small thing\?/);
    expect(shown.message?.components).toEqual([]);
    const all = await h.sandbox.chatInput('bob', { name: 'wins', options: { period: 'all' } });
    expect(embedOf(all.message)?.description).toMatch(/^No wins logged here yet/);
  });

  it('refuses a period it does not know, kindly', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'year' }, skipClientChecks: true });
    expect(shown.ephemeral).toBe(true);
    expect(shown.message?.content).toMatch(/`week`, `month` or `all`/);
  });

  it('deletes a win with 🗑, says so briefly, and redraws the page', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
    const deleted = await deleteVia('alice', shown, '🗑 2');
    expect(deleted.kind).toBe('update');
    expect(deleted.message?.content).toBe('🗑 Deleted “week win 25b”. It\'s gone for good.');
    expect(listed(deleted.message)).toEqual(['week win 26a', 'week win 25a', 'week win 24b', 'week win 24a', 'week win 23b']);
    expect(embedOf(deleted.message)?.footer?.text).toMatch(/^page 1 of 2 · 6 wins/);
    expect((await winsOf('alice')).map((w) => w.text)).not.toContain('week win 25b');

    const next = await click('alice', shown, '▶');
    expect(next.message?.content).toBe('');
  });

  it('asks once before deleting, and "Keep it" keeps the win', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
    const before = (await winsOf('alice')).map((w) => w.id);
    const asked = await click('alice', shown, '🗑 1');
    expect(asked.message?.content).toMatch(/^Delete this win for good\? This can't be undone\.$/);
    expect((await winsOf('alice')).map((w) => w.id)).toEqual(before);
    const kept = await click('alice', shown, 'Keep it');
    expect(listed(kept.message)).toHaveLength(5);
    expect((await winsOf('alice')).map((w) => w.id)).toEqual(before);
  });

  it('removes the public celebration together with the win (SPEC §7)', async () => {
    const logged = await h.sandbox.chatInput('ada', { name: 'win', options: { text: 'sent the proposal' } });
    const celebration = logged.message?.id ?? '';
    expect(h.sandbox.message(celebration)?.ephemeral).toBe(false);
    const shown = await h.sandbox.chatInput('ada', { name: 'wins' });
    const asked = await click('ada', shown, '🗑 1');
    expect(asked.message?.content).toMatch(/Its celebration in the channel will be removed too/);
    const deleted = await click('ada', shown, 'Delete for good');
    expect(deleted.message?.content).toBe("🗑 Deleted “sent the proposal”. It's gone for good. Its celebration in the channel is gone too.");
    expect(h.sandbox.message(celebration)).toBeUndefined();
  });

  it('finds the celebration to remove past a busy channel: 150 messages between the interaction and its answer', async () => {
    const logging = h.sandbox.chatInput('ada', { name: 'win', options: { text: 'booked the dentist' } });
    // Posted after the interaction was made and before the bot could answer it.
    for (let i = 0; i < 150; i++) h.sandbox.postMessage('bob', 'general', `chatter ${i}`);
    const celebration = (await logging).message?.id ?? '';
    const interactionId = (await winsOf('ada')).find((w) => w.text === 'booked the dentist')?.interactionId ?? '';
    const between = h.sandbox.messages('general').filter((m) => BigInt(m.id) > BigInt(interactionId) && BigInt(m.id) < BigInt(celebration));
    expect(between.filter((m) => m.content.startsWith('chatter'))).toHaveLength(150);
    const deleted = await deleteVia('ada', await h.sandbox.chatInput('ada', { name: 'wins' }), '🗑 1');
    expect(deleted.message?.content).toBe("🗑 Deleted “booked the dentist”. It's gone for good. Its celebration in the channel is gone too.");
    expect(h.sandbox.message(celebration)).toBeUndefined();
  });

  it('says so when it may not read the channel to find the celebration, and the win is gone all the same', async () => {
    const logged = await h.sandbox.chatInput('ada', { name: 'win', options: { text: 'walked the dog' } });
    h.sandbox.failNext({ method: 'GET', path: /\/channels\/\d+\/messages$/, status: 403, code: 50001 });
    const deleted = await deleteVia('ada', await h.sandbox.chatInput('ada', { name: 'wins' }), '🗑 1');
    expect(deleted.message?.content).toMatch(/^🗑 Deleted “walked the dog”\. It's gone for good\./);
    expect(deleted.message?.content).toContain(`<#${h.sandbox.channel('general').id}>`);
    expect(h.sandbox.message(logged.message?.id ?? '')).toBeDefined();
    expect((await winsOf('ada')).map((w) => w.text)).not.toContain('walked the dog');
  });

  it('moves back a page when the last win on the last page is deleted', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
    await click('alice', shown, '▶');
    const deleted = await deleteVia('alice', shown, '🗑 6');
    expect(embedOf(deleted.message)?.footer?.text).toMatch(/^page 1 of 1 · 5 wins/);
    expect(buttonsOf(deleted.message).map((b) => b.label)).toEqual(['🗑 1', '🗑 2', '🗑 3', '🗑 4', '🗑 5']);
  });

  it('refuses anyone else’s clicks on the list and deletes nothing', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'all' } });
    const before = await winsOf('alice');
    const beforeEmbed = JSON.stringify(h.sandbox.message(shown.message?.id ?? '')?.embeds);
    for (const label of ['🗑 1', '▶']) {
      const refused = await click('bob', shown, label);
      expect(refused.kind).toBe('reply');
      expect(refused.ephemeral).toBe(true);
      expect(refused.message?.content).toMatch(/belong to someone else’s list — run `\/wins` to see your own/);
    }
    expect(await winsOf('alice')).toEqual(before);
    expect(JSON.stringify(h.sandbox.message(shown.message?.id ?? '')?.embeds)).toBe(beforeEmbed);
  });

  it('deletes only the clicking member’s own win, whatever the button claims', async () => {
    const [aliceWin] = await winsOf('alice');
    forged = `wins:del:${h.sandbox.user('bob').id}:${aliceWin?.id}:week:1`;
    const planted = await h.sandbox.chatInput('bob', { name: 'plant' });
    const result = await h.sandbox.clickButton('bob', { messageId: planted.message?.id ?? '', customId: forged });
    expect(result.kind).toBe('update');
    expect(result.message?.content).toMatch(/already gone/);
    expect((await winsOf('alice')).map((w) => w.id)).toContain(aliceWin?.id);
    // The confirm click's id, forged the same way, deletes nothing either.
    forged = `wins:sure:${h.sandbox.user('bob').id}:${aliceWin?.id}:week:1`;
    const replanted = await h.sandbox.chatInput('bob', { name: 'plant' });
    await h.sandbox.clickButton('bob', { messageId: replanted.message?.id ?? '', customId: forged });
    expect((await winsOf('alice')).map((w) => w.id)).toContain(aliceWin?.id);
  });

  it('shows long wins cut at a word and never pings the mentions in them', async () => {
    const bob = h.sandbox.user('bob').id;
    const text = `<@${bob}> @everyone ${'practised scales '.repeat(30)}`.trim();
    await log('ada', text, '2026-11-26T09:00:00Z');
    const shown = await h.sandbox.chatInput('ada', { name: 'wins' });
    const entry = listed(shown.message)[0] ?? '';
    expect(entry.startsWith(`<@${bob}> @everyone practised scales`)).toBe(true);
    expect(entry).toMatch(/(scales|practised)…$/);
    expect([...entry].length).toBeLessThanOrEqual(300);
    expect(shown.message?.allowed_mentions).toMatchObject({ parse: [] });
    const deleted = await deleteVia('ada', shown, '🗑 1');
    expect(deleted.message?.content).toMatch(/^🗑 Deleted “<@\d+> @everyone practised scales .*…”/);
    expect(deleted.message?.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('keeps a page of many-line wins within Discord’s limits', async () => {
    // Blank lines would each cost a quote marker: 5 × 300 characters of them would overflow the embed.
    for (let i = 0; i < 5; i++) await log('bob', `line ${i}\n\n`.repeat(60).trim(), `2026-11-26T0${i}:00:00Z`);
    const shown = await h.sandbox.chatInput('bob', { name: 'wins' });
    const description = embedOf(shown.message)?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toContain('> line 0\n> line 0\n> line 0\n> line 0 …');
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
    for (const message of h.sandbox.allMessages()) expect(message.pings).toEqual({ users: [], roles: [], everyone: false });
  });
});
