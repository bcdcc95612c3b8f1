import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairWeek } from '../../src/db/partners.js';
import { checkins, members } from '../../src/db/schema.js';
import type { StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 30 Nov 2026, 09:00 UTC: the recap's moment, when week 2026-W49's partners are made.
const start = '2026-11-30T09:00:00Z';
const shared = 'finished the outline of chapter two, finally';
const secret = 'honestly running on empty and behind on everything';

const cheerButton = (message: StoredMessage | undefined) => {
  const row = message?.components[0] as { components?: { custom_id?: string; label?: string; disabled?: boolean }[] } | undefined;
  return row?.components?.[0];
};

describe('/checkin and cheers, end to end', () => {
  let h: Harness;
  const id = (name: string) => h.sandbox.user(name).id;
  const checkin = (user: string, options: Record<string, string>, skipClientChecks = false) =>
    h.sandbox.chatInput(user, { name: 'checkin', options, skipClientChecks });
  const checkinRow = async (user: string) => {
    const [row] = await h.database.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.guildId, h.sandbox.guildId), eq(checkins.userId, id(user))));
    return row;
  };

  beforeAll(async () => {
    h = await startHarness(start);
    h.sandbox.addUser('carol');
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const name of ['alice', 'bob']) {
      await h.sandbox.chatInput(name, { name: 'partner', subcommand: 'join' });
      await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
    }
    // The pairing the recap job makes at this moment (it is tested end to end in partner.test.ts).
    const paired = await pairWeek(h.database.db, h.sandbox.guildId, h.clock.now(), h.clock.now());
    expect(paired?.groups.flat().sort()).toEqual([id('alice'), id('bob')].sort());
    h.clock.set('2026-12-02T15:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends a shared check-in to the partner by DM with a Cheer button, and tells the author it went", async () => {
    const result = await checkin('alice', { note: `  ${shared}  ` });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toContain(`I sent it to <@${id('bob')}>`);
    const [dm, ...more] = h.sandbox.dms('bob');
    expect(more).toEqual([]);
    expect(dm?.content).toContain(shared);
    expect(dm?.content).toContain(`<@${id('alice')}>`);
    expect(dm?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(cheerButton(dm)).toMatchObject({ label: 'Cheer', custom_id: `checkin:cheer:${id('alice')}:2026-W49:${h.sandbox.guildId}` });
    expect(await checkinRow('alice')).toMatchObject({ weekKey: '2026-W49', note: shared, share: 'partner', cheeredAt: null });
  });

  it('tells the author when their partner cheers, and the partner that the cheer went', async () => {
    const dm = h.sandbox.dms('bob')[0];
    const click = await h.sandbox.clickButton('bob', { messageId: dm?.id ?? '', customId: cheerButton(dm)?.custom_id ?? '' });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toBe('Cheer sent! 🎉');
    const [told] = h.sandbox.dms('alice');
    expect(told?.content).toBe(`<@${id('bob')}> cheered your check-in 🎉`);
    expect(told?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect((await checkinRow('alice'))?.cheeredAt).toEqual(h.clock.now());
  });

  it('counts a cheer once per partner: the button then shows it was cheered, and a second press DMs no one', async () => {
    const dm = h.sandbox.dms('bob')[0];
    expect(cheerButton(dm)).toMatchObject({ label: 'Cheered', disabled: true });
    const again = await h.sandbox.clickButton('bob', { messageId: dm?.id ?? '', customId: `checkin:cheer:${id('alice')}:2026-W49:${h.sandbox.guildId}` });
    expect(again.ephemeral).toBe(true);
    expect(again.message?.content).toMatch(/already cheered/);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
  });

  it('refuses a forged Cheer id kindly, even one with a NUL byte that the database would choke on', async () => {
    const customId = `checkin:cheer:${id('alice')}:2026-W49\u0000:${h.sandbox.guildId}`;
    const forged = (await h.bot.rest.post(`/channels/${h.sandbox.channels.general}/messages`, {
      body: { content: 'old', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Cheer', custom_id: customId }] }] },
    })) as { id: string };
    const click = await h.sandbox.clickButton('bob', { messageId: forged.id, customId });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toMatch(/older message/);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
  });

  it("refuses a cheer from someone who is not the author's partner", async () => {
    const dm = h.sandbox.dms('bob')[0];
    const click = await h.sandbox.clickButton('carol', { messageId: dm?.id ?? '', customId: cheerButton(dm)?.custom_id ?? '' });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toMatch(/Only their partner that week can cheer/);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
  });

  it("shows a partner's shared note in /partner status, but never a private one", async () => {
    const status = await h.sandbox.chatInput('bob', { name: 'partner', subcommand: 'status' });
    expect(status.message?.embeds[0]?.description).toContain(shared);

    const kept = await checkin('bob', { note: secret, share: 'private' });
    expect(kept.message?.content).toMatch(/just for you/);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
    const aliceSees = await h.sandbox.chatInput('alice', { name: 'partner', subcommand: 'status' });
    const text = JSON.stringify(aliceSees.message?.embeds);
    expect(text).not.toContain(secret);
    expect(text).toMatch(/hasn't shared a check-in yet/);
  });

  it('tells the author, without an error, when the partner’s DMs are closed', async () => {
    h.sandbox.closeDms('bob');
    h.clock.advance(24 * 3_600_000); // a partner hears from the author at most once a day
    const result = await checkin('alice', { note: 'a second go at this week, still moving' });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/couldn't deliver it to <@\d+>: their DMs are closed/);
    expect(result.message?.content).not.toMatch(/Sorry — something went wrong/);
    const [bob] = await h.database.db.select().from(members).where(and(eq(members.guildId, h.sandbox.guildId), eq(members.userId, id('bob'))));
    expect(bob?.dmsClosedAt).toEqual(h.clock.now());
    h.sandbox.closeDms('bob', false);
    // Opening DMs again is said with `/settings dms: true`, which gives the bot another chance.
    await h.sandbox.chatInput('bob', { name: 'settings', options: { dms: true } });
  });

  it('sends no check-in by DM to a partner who said dms: false; they read it in /partner status and the author is told', async () => {
    await h.sandbox.chatInput('bob', { name: 'settings', options: { dms: false } });
    h.clock.advance(24 * 3_600_000);
    const before = h.sandbox.dms('bob').length;
    const note = 'third day of the week and still going';
    const result = await checkin('alice', { note });
    expect(h.sandbox.dms('bob')).toHaveLength(before);
    expect(result.message?.content).toMatch(/didn't DM it to <@\d+>: they haven't asked for DMs from me.*`\/partner status` shows it/);
    const status = await h.sandbox.chatInput('bob', { name: 'partner', subcommand: 'status' });
    expect(status.message?.embeds[0]?.description).toContain(note);
  });

  it('sends no "cheered your check-in" DM to an author who said dms: false, and shows the cheer in their /partner status', async () => {
    h.clock.advance(24 * 3_600_000);
    await checkin('bob', { note: 'a small step today, the draft is started' });
    const dm = h.sandbox.dms('alice').at(-1);
    expect(dm?.content).toContain('the draft is started');
    const bobHad = h.sandbox.dms('bob').length;
    const click = await h.sandbox.clickButton('alice', { messageId: dm?.id ?? '', customId: cheerButton(dm)?.custom_id ?? '' });
    expect(click.message?.content).toMatch(/saved your cheer: they'll see it in `\/partner status`/);
    expect(h.sandbox.dms('bob')).toHaveLength(bobHad);
    const status = await h.sandbox.chatInput('bob', { name: 'partner', subcommand: 'status' });
    expect(status.message?.embeds[0]?.description).toContain(`🎉 <@${id('alice')}> cheered your check-in.`);
  });

  it('sends no check-in by DM to a paused partner, and tells the author', async () => {
    await h.sandbox.chatInput('bob', { name: 'settings', options: { dms: true } });
    await h.sandbox.chatInput('bob', { name: 'pause', options: { days: 2 } });
    h.clock.advance(24 * 3_600_000);
    const bobHad = h.sandbox.dms('bob').length;
    const result = await checkin('alice', { note: 'mid-week and the list is shorter' });
    expect(h.sandbox.dms('bob')).toHaveLength(bobHad);
    expect(result.message?.content).toMatch(/didn't DM it to <@\d+>: they're taking a break/);
    await h.sandbox.chatInput('bob', { name: 'resume' });
  });

  it('records a note for a member without a partner, and says it stays with them', async () => {
    const result = await checkin('carol', { note: 'tidied the desk and made a plan' });
    expect(result.message?.content).toMatch(/don't have a partner this week/);
    expect(await checkinRow('carol')).toMatchObject({ share: 'partner' });
  });

  it('accepts a 1000-character note and refuses 1001, giving the text back', async () => {
    const exactly = await checkin('carol', { note: 'y'.repeat(1000) });
    expect(exactly.message?.content).toMatch(/Noted/);
    expect((await checkinRow('carol'))?.note).toHaveLength(1000);

    const tooLong = 'z'.repeat(1001);
    const refused = await checkin('carol', { note: tooLong }, true);
    expect(refused.ephemeral).toBe(true);
    expect(refused.message?.content).toMatch(/at most 1000 characters \(yours has 1001\)/);
    expect(refused.message?.content).toContain(tooLong);
    expect((await checkinRow('carol'))?.note).toHaveLength(1000);

    const blank = await checkin('carol', { note: '    ' }, true);
    expect(blank.message?.content).toMatch(/needs a few words/);
    expect(h.sandbox.violations).toEqual([]);
  });
});
