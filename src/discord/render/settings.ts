import type { RewrittenPeriod } from '../../domain/goals.js';
import { parseLocalDate } from '../../domain/time-calendar.js';
import type { TimeZoneReading } from '../../domain/timezone-input.js';
import type { SettingsChanged, SettingsNow, TimeZoneChoice } from '../../features/settings.js';
import { english, type Translator } from '../../i18n/index.js';
import { describePause, localTimeWords } from './pause.js';

export const TIMEZONE_MAX = 64;
export const quoteTyped = (s: string): string => `\`${s.replace(/`/g, "'").slice(0, TIMEZONE_MAX)}\``;

/** `/settings` with no options: the member's timezone, DMs and pause. */
export function currentSettingsText({ settings, pause, now }: SettingsNow, tr: Translator = english): string {
  return [
    tr.t('settings.title'),
    tr.t('settings.timezone', { timezone: settings.timezone, own: settings.ownTimezone === null ? 'no' : 'yes', time: localTimeWords(settings.timezone, now, tr) }),
    tr.t(settings.dms ? 'settings.dms.on' : 'settings.dms.off'),
    freshStartSettingLine(settings.freshStart, settings.dms, tr),
    pause ? tr.t('settings.paused', { pause: describePause(settings.timezone, pause, tr) }) : tr.t('settings.notPaused'),
    '',
    tr.t('settings.change'),
  ].join('\n');
}

/** The sentence to add after saving a timezone, so the member can see what was understood; empty for a plain name. */
export function timeZoneConfirmationText(reading: TimeZoneReading & { kind: 'zone' }, tr: Translator = english): string {
  switch (reading.how) {
    case 'abbreviation':
      return tr.t('timezone.read.abbreviation', { typed: quoteTyped(reading.typed), meaning: reading.meaning, zone: reading.zone });
    case 'offset':
      return tr.t('timezone.read.offset', { zone: reading.zone, offset: reading.offset });
    case 'city':
      return tr.t('timezone.read.city', { typed: quoteTyped(reading.typed), zone: reading.zone });
    case 'name':
      return reading.typed.toLowerCase() !== reading.zone.toLowerCase() ? tr.t('timezone.read.alias', { typed: quoteTyped(reading.typed), zone: reading.zone }) : '';
  }
}

function timezoneChangeText(choice: TimeZoneChoice, changed: SettingsChanged, tr: Translator): string {
  const { settings, now } = changed;
  if (choice.kind === 'server') {
    return tr.t('settings.timezone.server', { timezone: settings.serverTimezone, time: localTimeWords(settings.serverTimezone, now, tr) });
  }
  const confirmation = timeZoneConfirmationText(choice, tr);
  return tr.t('settings.timezone.own', { timezone: choice.zone, time: localTimeWords(choice.zone, now, tr) }) + (confirmation ? ` ${confirmation}` : '');
}

/** '30 Nov 2026', '30. Nov. 2026', '2026年11月30日': a day, short, in the reader's language. */
const dayWords = (day: string, tr: Translator): string => {
  const date = parseLocalDate(day);
  if (!date) return day;
  const locale = tr.locale === 'en' ? 'en-GB' : tr.locale;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(Date.UTC(date.year, date.month - 1, date.day));
};

const readingWords = (r: RewrittenPeriod['before'], tr: Translator): string => tr.t('settings.rewritten.reading', { count: r.count, target: r.target, met: r.met ? 'yes' : 'no' });

/** One line per period a timezone change rewrote: "Read, week of 30 Nov 2026: 1/1 (met) → 0/1". */
export function rewrittenLines(changed: Pick<SettingsChanged, 'rewritten' | 'streak'>, tr: Translator = english): string[] {
  const lines = changed.rewritten.map((p) => {
    const when = p.current
      ? tr.t('settings.rewritten.current', { period: p.period })
      : tr.t('settings.rewritten.past', { period: p.period, date: dayWords(p.startDay, tr) });
    return tr.t('settings.rewritten.line', { title: p.title, when, before: readingWords(p.before, tr), after: readingWords(p.after, tr) });
  });
  if (changed.streak) lines.push(tr.t('settings.rewritten.streak', { before: changed.streak.before, after: changed.streak.after }));
  return lines;
}

function freshStartSettingLine(on: boolean, dms: boolean, tr: Translator): string {
  if (!on) return tr.t('settings.fresh.off');
  return tr.t('settings.fresh.on', { dms: dms ? 'on' : 'off' });
}

function freshStartChangeText(on: boolean, dms: boolean, tr: Translator): string {
  if (!on) return tr.t('settings.fresh.changedOff');
  return tr.t('settings.fresh.changedOn', { dms: dms ? 'on' : 'off' });
}

/** The reply to a change of settings, saying what a new timezone rewrote in the past. */
export function settingsChangedText(
  choice: TimeZoneChoice | undefined,
  dms: boolean | undefined,
  changed: SettingsChanged,
  freshStart?: boolean,
  tr: Translator = english,
): string {
  const lines: string[] = [];
  if (choice) lines.push(timezoneChangeText(choice, changed, tr));
  const rewritten = rewrittenLines(changed, tr);
  if (rewritten.length > 0) lines.push(tr.t('settings.rewritten.intro'), ...rewritten.map((line) => `• ${line}`));
  if (dms !== undefined) lines.push(tr.t(dms ? 'settings.dms.changedOn' : 'settings.dms.changedOff'));
  if (freshStart !== undefined) lines.push(freshStartChangeText(freshStart, changed.settings.dms, tr));
  return lines.join('\n');
}
