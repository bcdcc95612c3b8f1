import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { calendarFontFiles, renderCalendarPng, winCalendarSvg } from '../../src/discord/render/win-calendar.js';
import { translator } from '../../src/i18n/index.js';
import type { InteractionResult } from '../../src/sandbox/types.js';
import { latinWords } from '../support/latin-words.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 12:00 UTC; the recap is set for Mondays 09:00 in Berlin (08:00 UTC).
const start = '2026-11-25T12:00:00Z';
const winText = '本を10ページ読んだ';
const goalTitle = '読書';
const note = '疲れたけど、少し進んだ';

const replyOf = (result: InteractionResult) => result.followUps.at(-1) ?? result.message;

describe('a member and a server in their own languages', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const asAlice = (name: string, options: Record<string, string | number | boolean> = {}, subcommand?: string) =>
    h.sandbox.chatInput('alice', { name, channel: 'general', options, ...(subcommand ? { subcommand } : {}) });

  beforeAll(async () => {
    h = await startHarness(start);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    h.sandbox.setGuildLocale('de');
    h.sandbox.setLocale('alice', 'ja');
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'Europe/Berlin' } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('answers /win, /goal add, /progress, /wins and /checkin in Japanese for a member whose Discord speaks Japanese', async () => {
    const goal = await asAlice('goal', { title: goalTitle, target: 2, period: 'week' }, 'add');
    expect(goal.message?.content).toContain(`新しい目標: **${goalTitle}**、週に2回`);
    expect(latinWords(goal.message)).toEqual([]);

    const offered = await h.sandbox.autocomplete('alice', { name: 'win', options: { text: winText, goal: '' }, focused: 'goal' });
    expect(offered[0]?.name).toBe(`${goalTitle}(週に2回)`);
    const win = await asAlice('win', { text: winText, goal: String(offered[0]?.value) });
    expect(win.ephemeral).toBe(false);
    const embed = win.message?.embeds[0];
    expect(embed?.description).toContain('ここでの初めての記録です');
    expect(latinWords(win.message, [winText])).toEqual([]);
    // A private goal's progress goes to its owner alone.
    await h.sandbox.idle();
    expect(win.followUps.map((m) => m.content).join('\n')).toContain(`🎯 ${goalTitle}: ▰▰▰▰▰▱▱▱▱▱ 1/2(今週)`);
    expect(latinWords(win.followUps[0], [goalTitle])).toEqual([]);

    const second = await asAlice('win', { text: '散歩した', goal: String(offered[0]?.value) });
    expect(second.message?.embeds[0]?.description).toContain('今週2回目の記録です。');

    const progress = await asAlice('progress');
    expect(progress.message?.embeds[0]?.title).toBe('あなたの歩み 🌱');
    expect(progress.message?.embeds[0]?.fields?.[0]?.value).toContain('今週2件');
    expect(latinWords(progress.message, [goalTitle, 'Europe/Berlin', 'UTC'])).toEqual([]);
    // The calendar image too: its description, and every label in it (drawn with the Japanese font).
    const [calendar] = progress.message?.attachments ?? [];
    expect(calendar?.description).toBe('過去26週の1日ごとの記録');
    const drawn = async (locale: 'ja' | 'en') =>
      renderCalendarPng(winCalendarSvg({ days: new Map([['2026-11-25', 2]]), today: { year: 2026, month: 11, day: 25 }, paused: new Set() }, translator(locale)), calendarFontFiles(locale));
    expect(calendar?.data.equals(await drawn('ja'))).toBe(true);
    expect(calendar?.data.equals(await drawn('en'))).toBe(false);

    const wins = await asAlice('wins');
    expect(wins.message?.embeds[0]?.title).toBe('今週の記録');
    expect(wins.message?.embeds[0]?.footer?.text).toBe('1/1ページ · 2件 · この一覧はあなただけに見えています');
    expect(latinWords(wins.message, [winText, '散歩した'])).toEqual([]);

    const checkin = await asAlice('checkin', { note, share: 'private' });
    expect(checkin.message?.content).toBe('あなただけのメモとして残しました。📓 書き留めることにも意味があります。');

    // A refusal speaks Japanese too.
    const tooBig = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', channel: 'general', options: { title: 'x', target: 500, period: 'week' }, skipClientChecks: true });
    expect(replyOf(tooBig)?.content).toBe('目標の回数は1から100までの整数です。小さくていいんです!');
    expect(h.sandbox.violations).toEqual([]);
  });

  it('posts the German server’s recap in German and sends the Japanese member a recap DM in Japanese', async () => {
    await asAlice('settings', { dms: true });
    await h.sandbox.chatInput('bob', { name: 'win', channel: 'general', options: { text: 'fixed the bike' } });
    scheduler.start();
    h.clock.set('2026-11-30T08:00:00Z');
    await scheduler.tickNow();
    h.clock.set('2026-11-30T08:01:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();

    const [recap, ...more] = posts();
    expect(more).toEqual([]);
    const post = recap?.embeds[0];
    expect(post?.title?.replace(/\s/g, ' ')).toBe('Kleine Erfolge, 23.–29. Nov.');
    expect(post?.description).toMatch(/^\*\*Gemeinsam\*\*: \d Mitglieder? ha(ben|t) diese Woche \d Erfolge notiert\./);
    expect(post?.footer?.text).toContain('Jede Größe zählt');

    const [dm, ...otherDms] = h.sandbox.dms('alice');
    expect(otherDms).toEqual([]);
    const personal = dm?.embeds[0];
    expect(personal?.title).toBe('2026年11月23日からの一週間');
    expect(personal?.description).toContain('今週2件の一歩を記録しました');
    expect(personal?.fields?.find((field) => field.name === 'あなたの目標')?.value).toContain(`✅ **${goalTitle}**: ▰▰▰▰▰▰▰▰▰▰ 2/2(今週)。達成!🎉`);
    expect(latinWords(dm, [goalTitle, winText, '/settings dms:false'])).toEqual([]);
    expect(h.sandbox.violations).toEqual([]);
  });

  it('lets an admin choose the recap’s language with /config language', async () => {
    const chosen = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'language', options: { language: 'fr' } });
    expect(chosen.message?.content).toBe('The recap will speak Français from now on.');
    const preview = await h.sandbox.chatInput('ada', { name: 'recap', subcommand: 'preview' });
    expect(preview.message?.embeds[0]?.title).toMatch(/^Petites victoires, /);
  });
});
