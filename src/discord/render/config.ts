import type { APIEmbed } from 'discord-api-types/v10';
import type { Guild } from '../../db/schema.js';
import { isRecapProblem } from '../../domain/recap/problem.js';
import { localDateOf, localDateTimeOf } from '../../domain/time.js';
import { english, type Translator } from '../../i18n/index.js';
import { palette } from './palette.js';
import { weekdayValues } from './pause.js';

const pad = (n: number) => String(n).padStart(2, '0');

function localWhen(instant: Date, timezone: string, tr: Translator): string {
  const t = localDateTimeOf(timezone, instant);
  return `${tr.weekday(t.weekday)} ${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)} (${timezone})`;
}

/** The stored delivery problem in the reader's words; text stored before codes is shown as it was. */
export function recapProblemText(stored: string, channel: string, tr: Translator = english): string {
  return isRecapProblem(stored) ? tr.t(`config.problem.${stored}`, { channel }) : stored;
}

/** What /config shows: settings, the next recap in the server's time, and any delivery problem. */
export function configEmbed(guild: Guild, now: Date, tr: Translator = english): APIEmbed {
  const recap = guild.recapChannelId
    ? tr.t('config.show.recap', { channel: `<#${guild.recapChannelId}>`, ...weekdayValues(guild.recapDay, tr), time: guild.recapTime, timezone: guild.timezone })
    : tr.t('config.show.notSetUp');
  const next =
    guild.recapChannelId && guild.nextRecapAt && !guild.recapProblem
      ? `${localWhen(guild.nextRecapAt, guild.timezone, tr)} · <t:${Math.floor(guild.nextRecapAt.getTime() / 1000)}:R>`
      : '—';
  const fields = [
    { name: tr.t('config.show.recapTitle'), value: recap },
    { name: tr.t('config.show.nextTitle'), value: next },
    {
      name: tr.t('config.show.checkinsTitle'),
      value: guild.checkinsEnabled ? tr.t('config.show.checkinsOn', { ...weekdayValues(guild.checkinDay, tr) }) : tr.t('config.show.checkinsOff'),
    },
  ];
  if (guild.recapProblem) {
    fields.push({
      name: tr.t('config.show.problemTitle'),
      value: `${recapProblemText(guild.recapProblem, `<#${guild.recapChannelId ?? ''}>`, tr)}\n${tr.t('config.show.problemFix')}`,
    });
  }
  return {
    color: guild.recapProblem ? palette.attention : palette.embed,
    title: tr.t('config.show.title'),
    fields,
    footer: { text: tr.t('config.show.now', { when: localWhen(now, guild.timezone, tr) }) },
  };
}

/** The answer to `/config recap`: where and when, when the next one comes if this week's already went out. */
export function recapChangedText(change: { saved: Guild; timezoneNote: string | undefined; passedOverTo: Date | undefined }, tr: Translator = english): string {
  const { saved } = change;
  const passedOver = change.passedOverTo
    ? tr.t('config.recap.passedOver', { ...weekdayValues(saved.recapDay, tr), date: tr.dayMonthYear(localDateOf(saved.timezone, change.passedOverTo)) })
    : '';
  const done = tr.t('config.recap.done', { channel: `<#${saved.recapChannelId}>`, ...weekdayValues(saved.recapDay, tr), time: saved.recapTime, timezone: saved.timezone });
  return [done, passedOver, change.timezoneNote ?? ''].filter(Boolean).join(' ');
}

export function checkinsChangedText(saved: Guild, tr: Translator = english): string {
  return saved.checkinsEnabled ? tr.t('config.checkins.on', { ...weekdayValues(saved.checkinDay, tr) }) : tr.t('config.checkins.off');
}
