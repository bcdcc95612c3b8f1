import type { Guild } from '../db/schema.js';
import { canonicalTimeZone, closeTimeZones } from '../domain/timezones.js';
import { parseLocalTime, weekdayNumber } from '../domain/weekly-settings.js';

export type RecapForm = { channelId: string; recapDay: number; recapTime: string; timezone: string };

/**
 * `/config recap`'s rules for a web form: a channel is required (the current one counts), the time is
 * 24-hour `HH:MM`, the timezone a known IANA name (old names accepted, saved under the current one).
 */
export function readRecapForm(
  current: Guild,
  form: Record<string, unknown>,
  channels: readonly { id: string }[],
): { ok: true; value: RecapForm } | { ok: false; problem: string } {
  const rawChannel = typeof form.channel === 'string' && form.channel !== '' ? form.channel : current.recapChannelId;
  if (!rawChannel) return { ok: false, problem: 'Pick a channel for the recap.' };
  if (!channels.some((c) => c.id === rawChannel)) return { ok: false, problem: "I can't post in that channel. Pick one from the list." };
  const rawTime = typeof form.time === 'string' ? form.time : current.recapTime;
  const time = parseLocalTime(rawTime);
  if (!time) return { ok: false, problem: `I couldn't read “${rawTime.slice(0, 20)}” as a time. Use 24-hour HH:MM, like 09:00 or 18:30.` };
  const rawZone = typeof form.timezone === 'string' ? form.timezone : current.timezone;
  const timezone = canonicalTimeZone(rawZone);
  if (!timezone) {
    const close = closeTimeZones(rawZone);
    return { ok: false, problem: `I don't know the timezone “${rawZone.slice(0, 64)}”.${close.length ? ` Did you mean ${close.join(', ')}?` : ' Use an IANA name like Europe/Paris.'}` };
  }
  const recapDay = readDay(form.day, current.recapDay);
  if (recapDay === undefined) return { ok: false, problem: 'The day is a weekday, Monday to Sunday.' };
  return { ok: true, value: { channelId: rawChannel, recapDay, recapTime: time, timezone } };
}

/** `/config checkins`: on or off, and the prompt day. */
export function readCheckinForm(current: Guild, form: Record<string, unknown>): { ok: true; value: { checkinsEnabled: boolean; checkinDay: number } } | { ok: false; problem: string } {
  const checkinDay = readDay(form.day, current.checkinDay);
  if (checkinDay === undefined) return { ok: false, problem: 'The day is a weekday, Monday to Sunday.' };
  return { ok: true, value: { checkinsEnabled: form.enabled === 'on', checkinDay } };
}

function readDay(raw: unknown, fallback: number): number | undefined {
  if (typeof raw !== 'string' || raw === '') return fallback;
  return weekdayNumber(raw);
}
