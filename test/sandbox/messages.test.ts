import { AttachmentBuilder, DiscordAPIError, EmbedBuilder, type TextChannel } from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('sandbox messages, limits and faults', () => {
  let h: Harness;
  let wins: TextChannel;
  beforeAll(async () => {
    h = await startHarness([], () => undefined);
    wins = (await h.client.channels.fetch(h.sandbox.channels.wins ?? '')) as TextChannel;
  });
  afterAll(async () => h.close());

  it('pings nobody when allowed_mentions parses nothing, but pings everyone mentioned without it', async () => {
    const aliceId = h.sandbox.user('alice').id;
    const quiet = await wins.send({ content: `@everyone well done <@${aliceId}>`, allowedMentions: { parse: [] } });
    const loud = await wins.send(`@everyone well done <@${aliceId}>`);
    expect(h.sandbox.message(quiet.id)?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(h.sandbox.message(loud.id)?.pings).toEqual({ users: [aliceId], roles: [], everyone: true });
    const onlyUsers = await wins.send({ content: `@everyone <@${aliceId}>`, allowedMentions: { users: [aliceId] } });
    expect(h.sandbox.message(onlyUsers.id)?.pings).toEqual({ users: [aliceId], roles: [], everyone: false });
  });

  it('answers for a server that removed the bot as Discord does: Missing Access; once deleted, Unknown Guild and Unknown Channel', async () => {
    const guild = h.sandbox.addGuild('Leaving');
    const channel = h.sandbox.channel('general', guild.id).id;
    const post = () => h.client.rest.post(Routes.channelMessages(channel), { body: { content: 'still here?' } });
    await post();
    h.sandbox.removeBot(guild.id);
    await expect(post()).rejects.toMatchObject({ status: 403, code: 50001 });
    await expect(h.client.rest.get(Routes.guild(guild.id))).rejects.toMatchObject({ status: 403, code: 50001 });
    h.sandbox.addBot(guild.id);
    await post();
    h.sandbox.removeBot(guild.id, { serverDeleted: true });
    await expect(post()).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(h.client.rest.get(Routes.guild(guild.id))).rejects.toMatchObject({ status: 404, code: 10004 });
  });

  it('never counts mentions inside embeds as pings', async () => {
    const sent = await wins.send({ embeds: [new EmbedBuilder().setDescription(`<@${h.sandbox.user('bob').id}> @everyone`)] });
    expect(h.sandbox.message(sent.id)?.pings).toEqual({ users: [], roles: [], everyone: false });
  });

  it('rejects an over-limit embed with 50035 and records the violation', async () => {
    const before = h.sandbox.violations.length;
    const error = await wins.send({ embeds: [{ title: 'x'.repeat(257) }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    const violation = h.sandbox.violations[before];
    expect(violation?.errors).toEqual({ embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } } });
    h.sandbox.violations.length = before;
  });

  it('counts characters across all embeds against the 6000 limit', async () => {
    const before = h.sandbox.violations.length;
    const embeds = [1, 2].map(() => ({ description: 'y'.repeat(4000) }));
    await expect(wins.send({ embeds })).rejects.toMatchObject({ code: 50035 });
    expect(h.sandbox.violations[before]?.errors).toHaveProperty('embeds._errors');
    h.sandbox.violations.length = before;
  });

  it('counts content in code points as Discord does: 2000 astral characters pass, 2001 do not', async () => {
    const astral = '🌱'.repeat(2000); // 4000 UTF-16 units
    const sent = await wins.send({ content: astral });
    expect(h.sandbox.message(sent.id)?.content).toBe(astral);
    const before = h.sandbox.violations.length;
    await expect(wins.send({ content: `${astral}🌱` })).rejects.toMatchObject({ code: 50035 });
    h.sandbox.violations.length = before;
  });

  it('refuses a file over the 10 MiB upload limit with 413 and records the violation, and takes one just under', async () => {
    const limit = 10 * 1024 * 1024;
    const ok = await wins.send({ files: [new AttachmentBuilder(Buffer.alloc(limit, 1), { name: 'fits.bin' })] });
    expect(h.sandbox.message(ok.id)?.attachments[0]?.size).toBe(limit);
    const before = h.sandbox.violations.length;
    const error = await wins.send({ files: [new AttachmentBuilder(Buffer.alloc(limit + 1, 1), { name: 'big.bin' })] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(413);
    expect(h.sandbox.violations[before]?.code).toBe(40005);
    h.sandbox.violations.length = before;
  });

  it('retries after a 429 with retry-after and then succeeds', async () => {
    h.sandbox.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    let rateLimited = 0;
    h.client.rest.once('rateLimited', () => (rateLimited += 1));
    const sent = await wins.send('after the rate limit');
    expect(rateLimited).toBe(1);
    expect(h.sandbox.message(sent.id)?.content).toBe('after the rate limit');
  });

  it('retries a 502 and then succeeds', async () => {
    h.sandbox.failNext({ path: /\/channels\/\d+\/messages$/, status: 502 });
    const statuses: number[] = [];
    const onResponse = (_: unknown, response: { status: number }): number => statuses.push(response.status);
    h.client.rest.on('response', onResponse);
    const sent = await wins.send('after a bad gateway').finally(() => h.client.rest.off('response', onResponse));
    expect(statuses).toEqual([502, 200]);
    expect(h.sandbox.message(sent.id)?.content).toBe('after a bad gateway');
    expect(h.sandbox.messages('wins').filter((m) => m.content === 'after a bad gateway')).toHaveLength(1);
  });

  it('surfaces Missing Permissions when the bot may not post in a channel', async () => {
    h.sandbox.setCanPost('wins', false);
    await expect(wins.send('hello')).rejects.toMatchObject({ code: 50013, status: 403 });
    h.sandbox.setCanPost('wins', true);
    h.sandbox.failNext({ path: /\/channels\/\d+\/messages$/, status: 403 });
    await expect(wins.send('hello')).rejects.toBeInstanceOf(DiscordAPIError);
  });

  it('stores DMs and refuses them when the member closed their DMs', async () => {
    const bob = await h.client.users.fetch(h.sandbox.user('bob').id);
    await bob.send('your weekly recap');
    expect(h.sandbox.dms('bob').map((m) => [m.content, m.channelLabel])).toEqual([['your weekly recap', 'DM to bob']]);
    h.sandbox.closeDms('alice');
    const alice = await h.client.users.fetch(h.sandbox.user('alice').id);
    await expect(alice.send('hi')).rejects.toMatchObject({ code: 50007 });
  });

  it('keeps the bytes of uploaded files and the clock time of messages', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const sent = await wins.send({ content: 'calendar', files: [new AttachmentBuilder(png, { name: 'calendar.png' })] });
    const stored = h.sandbox.message(sent.id);
    expect(stored?.attachments[0]?.filename).toBe('calendar.png');
    expect(stored?.attachments[0]?.data.equals(png)).toBe(true);
    expect(stored?.timestamp).toBe('2027-01-04T09:00:00.000Z');
    expect(sent.createdAt.toISOString()).toBe('2027-01-04T09:00:00.000Z');
  });

  it('edits and deletes the bot messages and emits events for them', async () => {
    const seen: string[] = [];
    h.sandbox.events.on('messageUpdate', (m) => seen.push(`update:${m.content}`));
    h.sandbox.events.on('messageDelete', (m) => seen.push(`delete:${m.id}`));
    const sent = await wins.send('draft');
    await sent.edit('final');
    await sent.delete();
    expect(seen).toEqual(['update:final', `delete:${sent.id}`]);
    expect(h.sandbox.message(sent.id)).toBeUndefined();
  });

  it('rejects an empty message', async () => {
    const before = h.sandbox.violations.length;
    await expect(h.client.rest.post(`/channels/${wins.id}/messages`, { body: { content: '' } })).rejects.toMatchObject({ code: 50006 });
    h.sandbox.violations.length = before;
  });

  it('answers unknown routes with 404 in Discord error shape', async () => {
    await expect(h.client.rest.get('/guilds/1/emojis')).rejects.toMatchObject({ status: 404 });
  });

  it('records no unexpected violations', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
