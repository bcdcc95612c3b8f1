import type { APIEmbed } from 'discord-api-types/v10';
import type { Guild } from '../../db/schema.js';
import { describeRecapProblem } from '../../domain/recap/problem.js';
import { formatDayMonthYear } from '../../domain/date-format.js';
import { localDateOf, localDateTimeOf } from '../../domain/time.js';
import { weekdayName } from '../../domain/weekly-settings.js';
import { palette } from './palette.js';

const pad = (n: number) => String(n).padStart(2, '0');

function localWhen(instant: Date, timezone: string): string {
  const t = localDateTimeOf(timezone, instant);
  return `${weekdayName(t.weekday)} ${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)} (${timezone})`;
}

/** What /config shows: settings, the next recap in the server's time, and any delivery problem. */
export function configEmbed(guild: Guild, now: Date): APIEmbed {
  const recap = guild.recapChannelId
    ? `<#${guild.recapChannelId}>, every ${weekdayName(guild.recapDay)} at ${guild.recapTime} (${guild.timezone})`
    : 'Not set up yet: no recap is posted until you pick a channel with `/config recap channel:`.';
  const next =
    guild.recapChannelId && guild.nextRecapAt && !guild.recapProblem
      ? `${localWhen(guild.nextRecapAt, guild.timezone)} · <t:${Math.floor(guild.nextRecapAt.getTime() / 1000)}:R>`
      : '—';
  const fields = [
    { name: 'Weekly recap', value: recap },
    { name: 'Next recap', value: next },
    {
      name: 'Check-ins',
      value: guild.checkinsEnabled ? `On: pairing at recap time, prompts on ${weekdayName(guild.checkinDay)}s` : 'Off',
    },
  ];
  if (guild.recapProblem) fields.push({ name: '⚠️ Delivery problem', value: `${describeRecapProblem(guild.recapProblem, `<#${guild.recapChannelId ?? ''}>`)}\nSet a channel again with \`/config recap channel:\` once it's fixed.` });
  return {
    color: guild.recapProblem ? palette.attention : palette.embed,
    title: 'Small Wins settings',
    fields,
    footer: { text: `Server time now: ${localWhen(now, guild.timezone)}` },
  };
}

/** The answer to `/config recap`: where and when, when the next one comes if this week's already went out. */
export function recapChangedText(change: { saved: Guild; timezoneNote: string | undefined; passedOverTo: Date | undefined }): string {
  const { saved } = change;
  const passedOver = change.passedOverTo
    ? `This week's recap already went out, so the next one comes on ${weekdayName(saved.recapDay)} ${formatDayMonthYear(localDateOf(saved.timezone, change.passedOverTo))}, covering everything since: no win is missed or counted twice.`
    : '';
  return [`Done. The weekly recap goes to <#${saved.recapChannelId}> every ${weekdayName(saved.recapDay)} at ${saved.recapTime} (${saved.timezone}).`, passedOver, change.timezoneNote ?? '']
    .filter(Boolean)
    .join(' ');
}

export function checkinsChangedText(saved: Guild): string {
  return saved.checkinsEnabled
    ? `Check-ins are on: members who opt in with \`/partner join\` are paired at recap time, and prompted on ${weekdayName(saved.checkinDay)}s.`
    : 'Check-ins are off: no pairing and no prompts.';
}
