import type { RewrittenPeriod } from '../../domain/goals.js';
import { describeLocalTime } from '../../domain/pause.js';
import { parseLocalDate } from '../../domain/time-calendar.js';
import { timeZoneConfirmation } from '../../domain/timezone-input.js';
import type { SettingsChanged, SettingsNow, TimeZoneChoice } from '../../features/settings.js';
import { describePause } from './pause.js';

export const TIMEZONE_MAX = 64;
export const quoteTyped = (s: string): string => `\`${s.replace(/`/g, "'").slice(0, TIMEZONE_MAX)}\``;

/** `/settings` with no options: the member's timezone, DMs and pause. */
export function currentSettingsText({ settings, pause, now }: SettingsNow): string {
  const whose = settings.ownTimezone === null ? "the server's" : 'your own';
  return [
    '**Your settings here**',
    `🕰️ Timezone: **${settings.timezone}** (${whose}) — it's ${describeLocalTime(settings.timezone, now)} for you.`,
    settings.dms
      ? '✉️ DMs: **on** — check-in prompts and your personal weekly recap come by DM.'
      : '✉️ DMs: **off** — `/settings dms: true` for check-in prompts and a personal weekly recap by DM.',
    freshStartSettingLine(settings.freshStart, settings.dms),
    pause ? `🌴 Pause: ${describePause(settings.timezone, pause)}.` : '🌱 Pause: not paused.',
    '',
    'Change them with `/settings timezone:`, `/settings dms:` and `/settings fresh-start:`.',
  ].join('\n');
}

function timezoneChangeText(choice: TimeZoneChoice, changed: SettingsChanged): string {
  const { settings, now } = changed;
  if (choice.kind === 'server') {
    return `Your days now follow the server's timezone, ${settings.serverTimezone} (it's ${describeLocalTime(settings.serverTimezone, now)} there).`;
  }
  const confirmation = timeZoneConfirmation(choice, quoteTyped);
  return `Your days now run on ${choice.zone} time (it's ${describeLocalTime(choice.zone, now)} there).${confirmation ? ` ${confirmation}` : ''}`;
}

const dayWords = (day: string): string => {
  const date = parseLocalDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(Date.UTC(date.year, date.month - 1, date.day));
};

const readingWords = (r: RewrittenPeriod['before']): string => `${r.count}/${r.target}${r.met ? ' (met)' : ''}`;

/** One line per period a timezone change rewrote: "Read, week of 30 Nov 2026: 1/1 (met) → 0/1". */
export function rewrittenLines(changed: Pick<SettingsChanged, 'rewritten' | 'streak'>): string[] {
  const lines = changed.rewritten.map(
    (p) => `${p.title}, ${p.current ? `this ${p.period}` : `${p.period} of ${dayWords(p.startDay)}`}: ${readingWords(p.before)} → ${readingWords(p.after)}`,
  );
  if (changed.streak) lines.push(`Your weekly streak: ${changed.streak.before} → ${changed.streak.after} weeks`);
  return lines;
}

const REWRITTEN_INTRO = 'Your days now begin at another hour, so some wins fall on other days and these counts changed:';

function freshStartSettingLine(on: boolean, dms: boolean): string {
  if (!on) return '🌅 Fresh starts: **off** — `/settings fresh-start: true` for one line on the first morning of each week and month.';
  return `🌅 Fresh starts: **on** — one line on the first morning of each week and month${dms ? '' : ' (they come by DM, so they wait until DMs are on)'}.`;
}

function freshStartChangeText(on: boolean, dms: boolean): string {
  if (!on) return "Fresh starts are off. No Monday-morning line from me.";
  const line = "Fresh starts are on: on the first morning of each week (and month) I'll send one line about last week, with a button to set one small goal. Only if you want it.";
  return dms ? line : `${line} They come by DM, and your DMs are off: \`/settings dms: true\` to get them.`;
}

/** The reply to a change of settings, saying what a new timezone rewrote in the past. */
export function settingsChangedText(choice: TimeZoneChoice | undefined, dms: boolean | undefined, changed: SettingsChanged, freshStart?: boolean): string {
  const lines: string[] = [];
  if (choice) lines.push(timezoneChangeText(choice, changed));
  const rewritten = rewrittenLines(changed);
  if (rewritten.length > 0) lines.push(REWRITTEN_INTRO, ...rewritten.map((line) => `• ${line}`));
  if (dms !== undefined) {
    lines.push(
      dms
        ? "DMs are on. I'll only DM you for check-in prompts, your personal weekly recap, and the plan reminders and fresh starts you ask for — nothing else."
        : "DMs are off. I won't message you privately; everything stays here in the server.",
    );
  }
  if (freshStart !== undefined) lines.push(freshStartChangeText(freshStart, changed.settings.dms));
  return lines.join('\n');
}
