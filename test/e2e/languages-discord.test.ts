import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { InteractionResult, StoredMessage } from '../../src/sandbox/types.js';
import { startHarness, type Harness } from '../support/harness.js';
import { latinWords } from '../support/latin-words.js';

// Monday 30 Nov 2026, 08:00 UTC: the recap (Mondays 09:00 UTC) pairs the week; check-in prompts come on Thursdays.
const start = '2026-11-30T08:00:00Z';
// What is not the bot's wording in Japanese: the bot's name, Discord's own word for a DM, a timezone.
const JA_ALLOWED = ['Small Wins', 'DM', 'UTC', 'Asia/Tokyo'];

const replyOf = (result: InteractionResult) => result.followUps.at(-1) ?? result.message;
const allOf = (result: InteractionResult): StoredMessage[] => [result.message, ...result.followUps].filter((m): m is StoredMessage => m !== undefined);

/** Every message of an answer says no English sentence: no Latin word outside code, mentions and the allowed names. */
function expectNoEnglish(result: InteractionResult, label: string): void {
  expect(allOf(result).length, label).toBeGreaterThan(0);
  for (const message of allOf(result)) expect(latinWords(message, JA_ALLOWED), `${label}: ${message.content}`).toEqual([]);
}

describe('replies, refusals and DMs beyond /win in the member’s and the server’s language', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const asAlice = (name: string, options: Record<string, string | number | boolean> = {}, subcommand?: string) =>
    h.sandbox.chatInput('alice', { name, channel: 'general', options, ...(subcommand ? { subcommand } : {}) });

  beforeAll(async () => {
    h = await startHarness(start);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    h.sandbox.setGuildLocale('de');
    h.sandbox.setLocale('ada', 'de');
    h.sandbox.setLocale('alice', 'ja');
    h.sandbox.setLocale('bob', 'de');
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('shows a German admin the setup hint and the /config answers in German', async () => {
    const help = await h.sandbox.chatInput('ada', { name: 'help', channel: 'general' });
    expect(help.message?.embeds[0]?.footer?.text).toBe('Erfolg ist eine Reihe kleiner Schritte.');
    expect(help.message?.embeds[0]?.fields?.[0]?.name).toBe('Für Admins (Server verwalten)');
    // The hint follows the reply; under load it can take longer than the sandbox's quiet period.
    await vi.waitFor(() => expect(help.followUps).toHaveLength(1), { timeout: 5000 });
    expect(help.followUps[0]?.content).toContain('**Ein kurzer Einrichtungsschritt für Admins:**');

    const recap = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    expect(recap.message?.content).toMatch(/^Erledigt\. Der Wochenrückblick geht jeden Montag um 09:00 \(UTC\) an <#\d+>\.$/);
    expect(recap.message?.embeds[0]?.title).toBe('Small Wins – Einstellungen');
    const checkins = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true, day: 'thursday' } });
    expect(checkins.message?.content).toContain('jeden Donnerstag erinnert');
    const badTime = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { time: '25:99' } });
    expect(replyOf(badTime)?.content).toContain('konnte ich nicht als Uhrzeit lesen');
    expect(h.sandbox.violations).toEqual([]);
  });

  it('answers /help, /settings, /pause, /resume, /remember, /partner and /privacy in Japanese', async () => {
    const help = await asAlice('help');
    expect(help.message?.embeds[0]?.description).toContain('こんにちは!**Small Wins** です。');
    expectNoEnglish(help, '/help');

    const shown = await asAlice('settings');
    expect(shown.message?.content).toContain('🕰️ タイムゾーン: **UTC**(サーバーの設定)。あなたの時間は今、月曜日の08:00です。');
    expectNoEnglish(shown, '/settings');
    expectNoEnglish(await asAlice('settings', { dms: true, 'fresh-start': true }), '/settings dms fresh-start');
    expectNoEnglish(await asAlice('settings', { timezone: 'Asia/Tokyo' }), '/settings timezone');
    const unknownZone = await asAlice('settings', { timezone: 'Mars/Olympus' });
    expect(replyOf(unknownZone)?.content).toContain('`Mars/Olympus` というタイムゾーンは見つかりませんでした。');
    expectNoEnglish(unknownZone, '/settings unknown timezone');

    const paused = await asAlice('pause', { days: 3 });
    expect(paused.message?.content).toContain('休むことも大切な一部です。🌴');
    expectNoEnglish(paused, '/pause');
    expectNoEnglish(await asAlice('settings'), '/settings while paused');
    const resumed = await asAlice('resume');
    expect(resumed.message?.content).toContain('おかえりなさい!');
    expectNoEnglish(resumed, '/resume');
    expectNoEnglish(await asAlice('resume'), '/resume when not paused');
    const tooLong = await h.sandbox.chatInput('alice', { name: 'pause', channel: 'general', options: { days: 500 }, skipClientChecks: true });
    expectNoEnglish(tooLong, '/pause refusal');

    expectNoEnglish(await asAlice('remember'), '/remember');
    expectNoEnglish(await asAlice('partner', {}, 'status'), '/partner status before joining');
    expectNoEnglish(await asAlice('partner', {}, 'join'), '/partner join');
    expectNoEnglish(await asAlice('partner', {}, 'status'), '/partner status on the list');

    const privacy = await asAlice('privacy', {}, 'delete');
    expect(privacy.message?.content).toContain('すべて削除します');
    expectNoEnglish(privacy, '/privacy delete');
    const cancel = privacy.message?.components[0]?.components;
    const cancelId = Array.isArray(cancel) ? (cancel[1] as { custom_id?: string } | undefined)?.custom_id : undefined;
    const cancelled = await h.sandbox.clickButton('alice', { messageId: privacy.message!.id, customId: String(cancelId) });
    expectNoEnglish(cancelled, '/privacy cancel');

    expectNoEnglish(await asAlice('goal', { title: '読書', target: 2, period: 'week', when: '昼ごはんのあと', then: '10ページ読む', at: 'thu 13:00' }, 'add'), '/goal add with a plan');
    expect(h.sandbox.violations).toEqual([]);
  });

  it('sends check-in prompts and partner DMs in each member’s language, and refuses a cheer in the clicker’s', async () => {
    await h.sandbox.chatInput('bob', { name: 'partner', channel: 'general', subcommand: 'join' });
    await h.sandbox.chatInput('bob', { name: 'settings', channel: 'general', options: { dms: true } });
    scheduler.start();
    h.clock.set('2026-11-30T09:01:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();

    const status = await asAlice('partner', {}, 'status');
    expect(status.message?.embeds[0]?.title, status.message?.content).toBe('今週のパートナー');
    expectNoEnglish(status, '/partner status when paired');

    // Thursday 10:00: the mid-week prompt, each in their own language.
    h.clock.set('2026-12-03T10:01:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    const prompt = h.sandbox.dms('alice').find((m) => m.content.includes('今週はどうですか'));
    expect(prompt).toBeDefined();
    expect(latinWords(prompt, JA_ALLOWED)).toEqual([]);
    expect(h.sandbox.dms('bob').some((m) => m.content.startsWith('Hallo! 🌱 Wie läuft deine Woche?'))).toBe(true);

    await h.sandbox.chatInput('bob', { name: 'checkin', channel: 'general', options: { note: 'müde, aber dabei' } });
    await h.sandbox.idle();
    const dm = h.sandbox.dms('alice').find((m) => m.content.includes('チェックインが届きました'));
    expect(dm).toBeDefined();
    expect(latinWords(dm, [...JA_ALLOWED, 'müde, aber dabei'])).toEqual([]);
    const button = dm?.components[0]?.components;
    const cheerId = String(Array.isArray(button) ? (button[0] as { custom_id?: string }).custom_id : '');

    // Bob presses the button on his own check-in: refused in German.
    const own = await h.sandbox.clickButton('bob', { messageId: dm!.id, customId: cheerId });
    expect(replyOf(own)?.content).toBe('Das ist dein eigenes Check-in – der Anfeuern-Knopf ist für deinen Partner. 🌱');
    const cheered = await h.sandbox.clickButton('alice', { messageId: dm!.id, customId: cheerId });
    expect(replyOf(cheered)?.content).toBe('応援を送りました!🎉');
    await h.sandbox.idle();
    expect(h.sandbox.dms('bob').some((m) => m.content.includes('hat dein Check-in angefeuert 🎉'))).toBe(true);
    const again = await h.sandbox.clickButton('alice', { messageId: dm!.id, customId: cheerId });
    expectNoEnglish(again, 'a second cheer');
    expect(h.sandbox.violations).toEqual([]);
  });
});
