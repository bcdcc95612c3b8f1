import { ButtonStyle } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { privacy } from '../../commands/privacy.js';
import { exportMemberData } from '../../src/db/privacy.js';
import { listMemberWins } from '../support/wins.js';
import type { InteractionResult, StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Works before and after commands/index.ts lists /privacy (a name registered twice is refused).
const withoutMine = commands.filter((c) => c.data.name !== privacy.data.name);

// Wednesday 25 Nov 2026, 12:00 UTC.
const start = '2026-11-25T12:00:00Z';
const alicesSecret = 'told nobody about the second interview';
const bobsSecret = 'finished the grant application draft';

interface ExportFile {
  about: string;
  exportedAt: string;
  guildId: string;
  userId: string;
  settings: { timezone: string | null } | null;
  wins: { text: string; isPrivate: boolean; occurredAt: string; goalId: number | null }[];
  goals: { id: number; title: string; revisions: unknown[] }[];
}

describe('/privacy export and /privacy delete through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const winsOf = (name: string) => listMemberWins(h.database.db, key(name));
  const run = (name: string, subcommand: 'export' | 'delete') => h.sandbox.chatInput(name, { name: 'privacy', subcommand });
  const buttonsOf = (m: StoredMessage | undefined) =>
    (m?.components ?? []).flatMap((row) => (row.components as { custom_id: string; label: string; style: number }[]) ?? []);
  const press = (name: string, shown: InteractionResult, label: string) => {
    const message = h.sandbox.message(shown.message?.id ?? '');
    const button = buttonsOf(message).find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(message))}`);
    return h.sandbox.clickButton(name, { messageId: message?.id ?? '', customId: button.custom_id });
  };
  const exportOf = (result: InteractionResult): { name: string; file: ExportFile } => {
    const [attachment] = result.message?.attachments ?? [];
    if (!attachment) throw new Error('no attachment');
    return { name: attachment.filename, file: JSON.parse(attachment.data.toString('utf8')) as ExportFile };
  };

  beforeAll(async () => {
    h = await startHarness(start, { commands: [...withoutMine, privacy] });
    const as = (name: string, command: string, options: Record<string, string | number | boolean>, subcommand?: string) =>
      h.sandbox.chatInput(name, { name: command, subcommand, options });
    await as('alice', 'settings', { timezone: 'Europe/Paris' });
    await as('alice', 'goal', { title: 'Job hunt, quietly', target: 2, period: 'week' }, 'add');
    await as('alice', 'win', { text: alicesSecret, private: true, goal: 'Job hunt, quietly' });
    await as('alice', 'win', { text: 'watered the plants' });
    await as('bob', 'win', { text: bobsSecret, private: true });
    await as('bob', 'win', { text: 'went for a run' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports a private JSON file with alice’s private win and nothing of bob’s', async () => {
    const result = await run('alice', 'export');
    expect(result.ephemeral).toBe(true);
    const { name, file } = exportOf(result);
    expect(name).toBe(`small-wins-${h.sandbox.guildId}-${h.sandbox.user('alice').id}.json`);
    expect(file.exportedAt).toBe(new Date(start).toISOString());
    expect(file.about).toMatch(/this one server/);
    expect(file).toMatchObject({ guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id, settings: { timezone: 'Europe/Paris' } });
    const [goal] = file.goals;
    expect(goal).toMatchObject({ title: 'Job hunt, quietly', revisions: [{ target: 2, period: 'week' }] });
    expect(file.wins.map((w) => [w.text, w.isPrivate, w.goalId])).toEqual([
      [alicesSecret, true, goal?.id],
      ['watered the plants', false, null],
    ]);
    expect(file.wins[0]?.occurredAt).toBe(new Date(start).toISOString());
    const raw = JSON.stringify(file);
    expect(raw).not.toContain(bobsSecret);
    expect(raw).not.toContain('went for a run');
    expect(raw).not.toContain(h.sandbox.user('bob').id);
  });

  it('gives bob his own export, without a word of alice’s', async () => {
    const raw = JSON.stringify(exportOf(await run('bob', 'export')).file);
    expect(raw).toContain(bobsSecret);
    expect(raw).not.toContain(alicesSecret);
    expect(raw).not.toContain('watered the plants');
  });

  it('asks before deleting, with a red Delete everything button and a Cancel button', async () => {
    const asked = await run('alice', 'delete');
    expect(asked.ephemeral).toBe(true);
    expect(asked.message?.content).toMatch(/all your wins, private ones too/);
    expect(asked.message?.content).toMatch(/can't be undone/);
    expect(asked.message?.content).toMatch(/other servers stays untouched/);
    expect(buttonsOf(asked.message).map((b) => [b.label, b.style, b.custom_id])).toEqual([
      ['Delete everything', ButtonStyle.Danger, `privacy:delete:${h.sandbox.user('alice').id}`],
      ['Cancel', ButtonStyle.Secondary, `privacy:cancel:${h.sandbox.user('alice').id}`],
    ]);
  });

  it('refuses bob pressing alice’s Delete button, and deletes nothing', async () => {
    const asked = await run('alice', 'delete');
    const pressed = await press('bob', asked, 'Delete everything');
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.message?.content).toMatch(/belong to someone else/);
    expect(await winsOf('alice')).toHaveLength(2);
    expect(await winsOf('bob')).toHaveLength(2);
    expect(buttonsOf(h.sandbox.message(asked.message?.id ?? ''))).toHaveLength(2);
  });

  it('deletes nothing on Cancel, and says so in place of the warning', async () => {
    const asked = await run('alice', 'delete');
    const cancelled = await press('alice', asked, 'Cancel');
    expect(cancelled.kind).toBe('update');
    expect(cancelled.message?.content).toBe('Nothing was deleted.');
    expect(cancelled.message?.components).toEqual([]);
    expect(await winsOf('alice')).toHaveLength(2);
  });

  it('refuses a confirmation left open too long, and deletes nothing', async () => {
    const asked = await run('bob', 'delete');
    h.clock.advance(16 * 60_000);
    const pressed = await press('bob', asked, 'Delete everything');
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.message?.content).toMatch(/expired, so nothing was deleted/);
    expect(await winsOf('bob')).toHaveLength(2);
  });

  it('deletes everything of alice’s here on Delete, kindly, leaving bob’s data alone', async () => {
    const asked = await run('alice', 'delete');
    const done = await press('alice', asked, 'Delete everything');
    expect(done.kind).toBe('update');
    expect(done.message?.content).toBe("Done. Everything I stored about you here is gone. If you come back, you'll start fresh — and that's fine too.");
    expect(done.message?.components).toEqual([]);
    const left = await exportMemberData(h.database.db, key('alice'));
    expect(left).toMatchObject({ settings: null, wins: [], goals: [], pauses: [], checkins: [], pairings: [] });
    expect((await winsOf('bob')).map((w) => w.text)).toEqual([bobsSecret, 'went for a run']);
    const listed = await h.sandbox.chatInput('alice', { name: 'wins', options: { period: 'all' } });
    expect(listed.message?.embeds[0]?.description).toMatch(/No wins logged here yet/);
  });

  it('answers a second Delete kindly when nothing is stored any more', async () => {
    const asked = await run('alice', 'delete');
    const again = await press('alice', asked, 'Delete everything');
    expect(again.kind).toBe('update');
    expect(again.message?.content).toMatch(/nothing stored about you here/);
    expect(again.message?.components).toEqual([]);
  });

  it('kept to Discord’s rules throughout', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
