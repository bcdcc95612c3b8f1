import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandledInteraction } from '../../src/discord/router.js';
import { startHarness, type Harness } from '../support/harness.js';

// Ids and options only a forged or stale client sends: each is answered kindly, and none reaches a query.
describe('forged component ids and option payloads', () => {
  let h: Harness;
  const handled: HandledInteraction[] = [];
  const levels: number[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) levels.push((JSON.parse(line) as { level: number }).level);
      done();
    },
  });

  beforeAll(async () => {
    h = await startHarness('2026-12-02T12:00:00Z', { logger: pino({ level: 'info' }, sink), onInteraction: (event) => handled.push(event) });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    handled.length = 0;
    levels.length = 0;
  });

  // The router reports an interaction just after its answer is sent.
  const lastHandled = async (count: number) => {
    await vi.waitFor(() => expect(handled).toHaveLength(count));
    return handled.at(-1);
  };

  async function click(customId: string) {
    const planted = (await h.bot.rest.post(`/channels/${h.sandbox.channels.general}/messages`, {
      body: { content: 'old', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Press', custom_id: customId }] }] },
    })) as { id: string };
    return h.sandbox.clickButton('alice', { messageId: planted.id, customId });
  }

  const alice = () => h.sandbox.user('alice').id;
  const forgedIds = [
    () => `goal:accept:${alice()}:abc:1`,
    () => `goal:decline:${alice()}:-3`,
    () => `goal:accept:${alice()}:1:0`,
    () => `wins:del:${alice()}:1e3:week:1`,
    () => `wins:page:${alice()}:year:1`,
    () => `privacy:delete:${alice()}x`,
    () => `checkin:cheer:${alice()}:2026-W99:${h.sandbox.guildId}`,
    () => 'nothing-here:at:all',
  ];

  it.each(forgedIds.map((make, i) => [i, make] as const))('answers forged id #%i as an old button, with no query and no error log', async (_i, make) => {
    const result = await click(make());
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/That button is from an older message/);
    expect(await lastHandled(1)).toMatchObject({ kind: 'button', outcome: 'refused', reason: 'unknown-button' });
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });

  it.each([
    ['a number where text belongs', [{ name: 'text', type: 3, value: 42 }]],
    ['an option of another type than registered', [{ name: 'text', type: 4, value: 3 }]],
    ['an option the command does not have', [{ name: 'text', type: 3, value: 'x' }, { name: 'colour', type: 3, value: 'red' }]],
    ['a subcommand where none exists', [{ name: 'text', type: 1, options: [] }]],
  ])('answers /win with %s kindly', async (_what, rawOptions) => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', rawOptions });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/couldn't read that command's options/);
    expect(result.message?.content).not.toMatch(/iterable|Sorry/);
    expect(await lastHandled(1)).toMatchObject({ outcome: 'refused', reason: 'bad-options' });
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });

  it('answers a subcommand of the wrong shape kindly', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'goal', rawOptions: [{ name: 'add', type: 1, options: [{ name: 'target', type: 4, value: 'three' }] }] });
    expect(result.message?.content).toMatch(/couldn't read that command's options/);
    expect(await lastHandled(1)).toMatchObject({ reason: 'bad-options' });
  });

  it('still takes a well-formed /win and its buttons', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote a page' } });
    expect(await lastHandled(1)).toMatchObject({ outcome: 'ok' });
    expect(result.failed).toBe(false);
    const listed = await h.sandbox.chatInput('alice', { name: 'wins' });
    const del = (listed.message?.components[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
    const pressed = await h.sandbox.clickButton('alice', { messageId: listed.message!.id, customId: del });
    expect(pressed.message?.content).toMatch(/Delete this win for good/);
  });
});
