import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const commands = [
  { name: 'ping', description: 'Ping', options: [] },
  { name: 'slow', description: 'Defers, then edits' },
  { name: 'multi', description: 'Replies, then follows up' },
  { name: 'late', description: 'Answers too late' },
  { name: 'buttons', description: 'Shows a button' },
  {
    name: 'pick',
    description: 'Typed options',
    options: [
      { type: 3, name: 'fruit', description: 'Fruit', required: true, autocomplete: true },
      { type: 4, name: 'count', description: 'How many', max_value: 10 },
      { type: 6, name: 'who', description: 'Member' },
      { type: 7, name: 'where', description: 'Channel' },
      { type: 5, name: 'loud', description: 'Loud?' },
    ],
  },
  {
    name: 'goal',
    description: 'Goals',
    options: [{ type: 1, name: 'add', description: 'Add a goal', options: [{ type: 3, name: 'title', description: 'Title', required: true }] }],
  },
  { type: 3, name: 'Log as my win', description: '' },
];

async function bot(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    if (typed === 'many') return void (await interaction.respond(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: `f${i}` }))).catch(() => undefined));
    await interaction.respond(['apple', 'apricot', 'banana'].filter((f) => f.startsWith(typed)).map((f) => ({ name: f, value: f })));
  } else if (interaction.isMessageContextMenuCommand()) {
    await interaction.reply({ content: `logged: ${interaction.targetMessage.content}`, flags: MessageFlags.Ephemeral });
  } else if (interaction.isButton()) {
    await interaction.update({ content: `bumped by ${interaction.user.username}`, components: [] });
  } else if (interaction.isChatInputCommand()) {
    const o = interaction.options;
    switch (interaction.commandName) {
      case 'ping':
        return void (await interaction.reply({ content: `pong <@${interaction.user.id}>`, flags: MessageFlags.Ephemeral }));
      case 'slow':
        await interaction.deferReply();
        await new Promise((r) => setTimeout(r, 50));
        return void (await interaction.editReply(`done thinking <@${interaction.user.id}>`));
      case 'multi':
        await interaction.reply('first');
        return void (await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral }));
      case 'late':
        // Answers only once the test has seen the sandbox give up on this interaction.
        await lateGate.promise;
        return void (await interaction.reply('too late').catch((e: { code?: number }) => lateError.resolve(e.code)));
      case 'buttons': {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('bump').setLabel('Bump').setStyle(ButtonStyle.Primary));
        return void (await interaction.reply({ content: 'press it', components: [row] }));
      }
      case 'pick': {
        const perms = interaction.memberPermissions?.has('ManageGuild') ? 'admin' : 'member';
        const parts = [o.getString('fruit'), o.getInteger('count'), o.getUser('who')?.username, o.getChannel('where')?.name, o.getBoolean('loud'), perms];
        return void (await interaction.reply(parts.join('|')));
      }
      case 'goal':
        return void (await interaction.reply(`${o.getSubcommand()}: ${o.getString('title', true)}`));
    }
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const lateGate = deferred<void>();
const lateError = deferred<number | undefined>();

describe('sandbox interactions with a real discord.js bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(commands, bot, { responseDeadlineMs: 1500 });
  });
  afterAll(async () => h.close());

  it('delivers a slash command and records an ephemeral reply that pings nobody', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'ping' });
    expect(result.kind).toBe('reply');
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toBe(`pong <@${h.sandbox.user('alice').id}>`);
    expect(result.message?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(result.respondedInMs).toBeLessThan(3000);
  });

  it('waits for the edit after a defer and reports the final message, which pings nobody', async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'slow' });
    expect(result.kind).toBe('deferred');
    expect(result.message?.content).toBe(`done thinking <@${h.sandbox.user('bob').id}>`);
    expect(result.message?.edited_timestamp).toBeNull();
    expect(result.message?.pings.users).toEqual([]);
  });

  it('collects follow-ups after the first reply', async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'multi' });
    await h.sandbox.idle();
    expect(result.message?.content).toBe('first');
    expect(result.followUps.map((m) => [m.content, m.ephemeral])).toEqual([['second', true]]);
  });

  it('converts typed options from the registered definition and resolves users and channels', async () => {
    const { sandbox } = h;
    const result = await sandbox.chatInput('ada', { name: 'pick', options: { fruit: 'kiwi', count: 3, who: sandbox.user('bob').id, where: sandbox.channels.wins ?? '', loud: true } });
    expect(result.message?.content).toBe('kiwi|3|bob|wins|true|admin');
  });

  it("can send values Discord's client would refuse, to reach defensive code", async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'pick', options: { count: 11 }, skipClientChecks: true });
    expect(result.message?.content).toBe('|11||||member');
  });

  it('routes subcommands', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Read' } });
    expect(result.message?.content).toBe('add: Read');
  });

  it('throws a clear error for unknown commands, options and missing required options', async () => {
    await expect(h.sandbox.chatInput('alice', { name: 'nope' })).rejects.toThrow(/Unknown command "nope"/);
    await expect(h.sandbox.chatInput('alice', { name: 'pick', options: { fruit: 'x', colour: 'red' } })).rejects.toThrow(/no option "colour"/);
    await expect(h.sandbox.chatInput('alice', { name: 'pick', options: {} })).rejects.toThrow(/missing required option\(s\): fruit/);
    await expect(h.sandbox.chatInput('alice', { name: 'pick', options: { fruit: 'x', count: 1.5 } })).rejects.toThrow(/not an integer/);
    await expect(h.sandbox.chatInput('alice', { name: 'pick', options: { fruit: 'x', count: 11 } })).rejects.toThrow(/must be at most 10/);
  });

  it('answers autocomplete with the choices the bot offers', async () => {
    const choices = await h.sandbox.autocomplete('alice', { name: 'pick', options: { fruit: 'ap' }, focused: 'fruit' });
    expect(choices.map((c) => c.name)).toEqual(['apple', 'apricot']);
  });

  it('runs a message context menu on a member message', async () => {
    const target = h.sandbox.postMessage('alice', 'general', 'wrote 300 words');
    const result = await h.sandbox.messageCommand('alice', { name: 'Log as my win', messageId: target.id });
    expect(result.message?.content).toBe('logged: wrote 300 words');
  });

  it('lets a member click a button and records the update', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'buttons' });
    const messageId = shown.message?.id ?? '';
    const click = await h.sandbox.clickButton('bob', { messageId, customId: 'bump' });
    expect(click.kind).toBe('update');
    expect(h.sandbox.message(messageId)?.content).toBe('bumped by bob');
    expect(h.sandbox.message(messageId)?.components).toEqual([]);
  });

  // This test and the next each wait out the deadline, for interactions of their own: side by side, they wait once.
  it.concurrent('fails an interaction answered after the deadline, like Discord', async ({ expect }) => {
    const result = await h.sandbox.chatInput('alice', { name: 'late' });
    expect(result).toMatchObject({ kind: 'none', failed: true });
    lateGate.resolve();
    expect(await lateError.promise).toBe(10062);
  });

  it.concurrent('rejects more than 25 autocomplete choices and records the violation', async ({ expect }) => {
    const before = h.sandbox.violations.length;
    await expect(h.sandbox.autocomplete('alice', { name: 'pick', options: { fruit: 'many' }, focused: 'fruit' })).rejects.toThrow(/did not answer autocomplete/);
    expect(h.sandbox.violations.slice(before).map((v) => [v.code, v.errors])).toEqual([[50035, { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } }]]);
    h.sandbox.violations.length = before;
  });

  it('lists the registered commands with ids', () => {
    expect(h.sandbox.commands().map((c) => [c.name, c.type, c.guild_id])).toContainEqual(['Log as my win', 3, h.sandbox.guildId]);
    expect(h.sandbox.commands().every((c) => /^\d+$/.test(c.id))).toBe(true);
  });

  it('records no violations for a well-behaved bot', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
