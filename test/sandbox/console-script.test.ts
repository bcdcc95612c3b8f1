import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runConsole, runScript } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from './harness.js';

const commands = [
  {
    name: 'win',
    description: 'Log a win',
    options: [
      { type: 3, name: 'text', description: 'What', required: true },
      { type: 5, name: 'private', description: 'Only me' },
      { type: 3, name: 'goal', description: 'Goal', autocomplete: true },
    ],
  },
  { type: 3, name: 'Log as my win', description: '' },
  { name: 'nudge', description: 'DM someone a button', options: [{ type: 6, name: 'who', description: 'Who', required: true }] },
];

const goals = ['Write', 'Walk', 'Read'];

async function bot(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    await interaction.respond(goals.filter((g) => g.toLowerCase().startsWith(typed)).map((g) => ({ name: g, value: g })));
  } else if (interaction.isChatInputCommand() && interaction.commandName === 'whereami') {
    await interaction.reply(interaction.inGuild() ? 'in a server' : 'in your DMs');
  } else if (interaction.isChatInputCommand() && interaction.commandName === 'nudge') {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('checkin').setLabel('Check in').setStyle(ButtonStyle.Primary));
    await interaction.options.getUser('who', true).send({ content: 'Time to check in?', components: [row] });
    await interaction.reply({ content: 'Nudged.', flags: MessageFlags.Ephemeral });
  } else if (interaction.isChatInputCommand()) {
    const embed = new EmbedBuilder().setTitle('Win logged').setDescription(interaction.options.getString('text', true));
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('undo').setLabel('Undo').setStyle(ButtonStyle.Secondary));
    const flags = interaction.options.getBoolean('private') ? MessageFlags.Ephemeral : undefined;
    await interaction.reply({ content: `Nice, <@${interaction.user.id}>!`, embeds: [embed], components: [row], flags });
  } else if (interaction.isButton()) {
    await interaction.update({ content: 'Undone.', embeds: [], components: [] });
  } else if (interaction.isMessageContextMenuCommand()) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(`Logged "${interaction.targetMessage.content}"`);
  }
}

describe('console script mode', () => {
  let h: Harness;
  let filesDir: string;
  beforeAll(async () => {
    h = await startHarness(commands, bot);
    filesDir = mkdtempSync(join(inject('pgliteScratch'), 'sandbox-files-'));
    // Only global commands can be used in DMs, as on Discord.
    await h.client.rest.put(`/applications/${h.sandbox.applicationId}/commands`, {
      body: [{ name: 'whereami', description: 'Where am I' }, { name: 'serveronly', description: 'Servers only', contexts: [0] }],
    });
    // A stand-in for scheduled work: post a recap with a picture whenever time moves. Its promise is returned, as
    // src/run-sandbox.ts returns the scheduler's tick, so the console's wait for the clock (`settled`) covers it.
    h.clock.onChange(() =>
      (async () => {
        const wins = (await h.client.channels.fetch(h.sandbox.channels.wins ?? '')) as TextChannel;
        await wins.send({ content: 'Weekly recap', files: [new AttachmentBuilder(Buffer.from('png-bytes'), { name: 'calendar.png' })] });
        const bob = await h.client.users.fetch(h.sandbox.user('bob').id);
        await bob.send('Your partner checked in');
      })().catch((e: unknown) => console.error('recap failed', e)),
    );
  });
  afterAll(async () => {
    await h.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('runs a script line by line and prints replies, embeds, buttons, scheduled posts, DMs and saved files', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const script = [
      '# a tiny demo',
      '/win text: wrote 300 words private: true',
      ':click Undo',
      ':as bob',
      ':say finished chapter two',
      ':menu Log as my win',
      ':time +7d',
      ':now',
    ];
    const code = await runScript(h.sandbox, h.clock, script, out, filesDir);
    expect(code, text).toBe(0);
    expect(text).toContain('alice › /win text: wrote 300 words private: true');
    expect(text).toContain('(only you can see this)');
    expect(text).toContain('Nice, @alice!');
    expect(text).toMatch(/┌─+┐\n\s+│ Win logged\s+│\n\s+│ wrote 300 words\s+│/);
    expect(text).toContain('[ Undo ]');
    expect(text).toContain('Undone.');
    expect(text).toContain('Logged "finished chapter two"');
    expect(text).toContain('#wins · bot');
    expect(text).toContain('DM to bob · bot');
    expect(text).toContain('Mon 2027-01-11 09:00 UTC');
    const saved = /saved calendar\.png → (\S+)/.exec(text)?.[1] ?? '';
    expect(readFileSync(saved, 'utf8')).toBe('png-bytes');
  });

  it('pins the clock, takes text for the first required option, shows pings, runs in DMs and completes options', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const script = [':clock 2027-01-18T09:00Z', '/win wrote 300 words goal: Write', ':complete /win goal: wr', ':complete /win wrote it goal:', ':dm /whereami', '/whereami'];
    const code = await runScript(h.sandbox, h.clock, script, out, filesDir);
    expect(code, text).toBe(0);
    expect(text).toContain('🕒 it is now Mon 2027-01-18 09:00 UTC');
    expect(text).toMatch(/Nice, @alice!\n/);
    expect(text).toMatch(/↳ bot\n\s+🔔 pings @alice\n\s+Nice, @alice!/);
    expect(text).toMatch(/│ wrote 300 words\s+│/);
    const completions = text.split(':complete').slice(1).map((part) => [...part.matchAll(/• (\w+)/g)].map((m) => m[1]));
    expect(completions).toEqual([['Write'], ['Write', 'Walk', 'Read']]);
    expect(text).toMatch(/:dm \/whereami\n\s+↳ bot\n\s+in your DMs\n/);
    expect(text).toMatch(/› \/whereami\n\s+↳ bot\n\s+in a server\n/);
  });

  it('refuses in DMs a guild command, or a global one offered only in servers, as Discord shows neither there', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await runScript(h.sandbox, h.clock, [':dm /win text: from my DMs'], out, filesDir);
    expect(code).toBe(1);
    expect(text).toContain('Unknown command "win". Registered: whereami, serveronly');
    text = '';
    expect(await runScript(h.sandbox, h.clock, [':dm /serveronly'], out, filesDir)).toBe(1);
    expect(text).toContain('/serveronly is not offered in DMs (its contexts are [0]), so Discord would not show it there');
  });

  it(':click presses only a button the current member sees: not one in another member’s DMs or ephemeral reply', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const mine = await runScript(h.sandbox, h.clock, [':as alice', '/nudge who: @bob', ':click Check in'], out, filesDir);
    expect(mine, text).toBe(1);
    expect(text).toContain('DM to bob · bot');
    expect(text).toContain('script line 3: No button "Check in" on a message alice can see (their DMs, or #');
    text = '';
    const ephemeral = await runScript(h.sandbox, h.clock, [':as alice', '/win text: only mine private: true', ':as bob', ':click Undo'], out, filesDir);
    expect(ephemeral, text).toBe(1);
    expect(text).toContain('No button "Undo" on a message bob can see');
    text = '';
    // Bob's own DM is found although alice's newer reply with buttons came after it.
    const bobs = await runScript(h.sandbox, h.clock, [':as alice', '/nudge who: @bob', '/win text: newer private: true', ':as bob', ':click Check in'], out, filesDir);
    expect(bobs, text).toBe(0);
    expect(text).toMatch(/DM to bob · bot \(edited\)\n\s+Undone\./);
  });

  it('refuses to move :clock backwards, saying why and what to do instead', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const before = h.clock.now();
    const code = await runScript(h.sandbox, h.clock, [':clock 2026-01-01T00:00Z'], out, filesDir);
    expect(code).toBe(1);
    expect(text).toContain('The clock only moves forward');
    expect(text).toContain('start a new world (a fresh DATA_DIR');
    expect(h.clock.now()).toEqual(before);
    text = '';
    expect(await runScript(h.sandbox, h.clock, [`:clock ${before.toISOString()}`], out, filesDir), text).toBe(0);
  });

  it('stops at the first failing line and names it', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await runScript(h.sandbox, h.clock, [':as alice', '', '/win txt: oops', '/win text: never runs'], out, filesDir);
    expect(code).toBe(1);
    expect(text).toContain('script line 3: /win has no option "txt". Options: text, private');
    expect(text).not.toContain('never runs\n  ↳');
  });

  it('reads a script from a stream when not interactive', async () => {
    const input = new PassThrough();
    input.end('/win text: streamed\n:quit\n/win text: after quit\n');
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await runConsole({ sandbox: h.sandbox, clock: h.clock, input, output: out, interactive: false, filesDir });
    expect(code).toBe(0);
    expect(text).toContain('streamed');
    expect(text).not.toContain('after quit');
  });
});
