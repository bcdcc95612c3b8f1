import { readTimeZone, timeZoneConfirmation, unknownTimeZoneHint } from './timezone-input.js';
import { parseLocalTime, weekdayNumber } from './weekly-settings.js';

/** The recap settings an admin may change; null keeps the current value. */
export interface RecapSettingsInput {
  channelId: string | null;
  day: string | null;
  time: string | null;
  timezone: string | null;
}

export interface CurrentRecapSettings {
  recapChannelId: string | null;
  recapDay: number;
  recapTime: string;
  timezone: string;
}

export interface RecapSettingsChoice {
  channelId: string;
  recapDay: number;
  recapTime: string;
  timezone: string;
  /** How a typed timezone was read (an abbreviation, an offset, a city, an old name); '' when there is nothing to say. */
  timezoneNote: string;
}

export type RecapSettingsProblem = { code: 'config-channel' | 'config-time' | 'config-timezone' | 'config-day'; message: string };

/** How a surface writes what the admin typed and what to type (Discord: code spans; a web page: plain text). */
export interface InputQuoting {
  typed: (text: string) => string;
  code: (text: string) => string;
  /** The missing-channel message names the surface's way of choosing one. */
  pickChannel: string;
}

/**
 * The rules of `/config recap`, shared by the command and the web admin page: a channel is required
 * (the current one counts), the time is 24-hour `HH:MM`, the timezone anything `readTimeZone` reads,
 * the day a weekday name.
 */
export function readRecapSettings(
  current: CurrentRecapSettings,
  input: RecapSettingsInput,
  q: InputQuoting,
): { ok: true; value: RecapSettingsChoice } | { ok: false; problem: RecapSettingsProblem } {
  const channelId = input.channelId ?? current.recapChannelId;
  if (!channelId) return { ok: false, problem: { code: 'config-channel', message: q.pickChannel } };
  const recapTime = input.time === null ? current.recapTime : parseLocalTime(input.time);
  if (!recapTime) {
    const example = `Use 24-hour ${q.code('HH:MM')}, like ${q.code('09:00')} or ${q.code('18:30')}.`;
    return { ok: false, problem: { code: 'config-time', message: `I couldn't read ${q.typed(String(input.time).slice(0, 20))} as a time. ${example}` } };
  }
  const reading = input.timezone === null ? null : readTimeZone(input.timezone);
  if (reading?.kind === 'unknown') {
    return { ok: false, problem: { code: 'config-timezone', message: `I don't know the timezone ${q.typed(reading.typed)}. ${unknownTimeZoneHint(reading, q.typed)}` } };
  }
  const recapDay = readDayOr(input.day, current.recapDay);
  if (recapDay === undefined) return { ok: false, problem: weekdayProblem(q) };
  const timezone = reading === null ? current.timezone : reading.zone;
  return { ok: true, value: { channelId, recapDay, recapTime, timezone, timezoneNote: reading ? timeZoneConfirmation(reading, q.typed) : '' } };
}

/** A weekday name, or the current day when none was given; undefined for anything else. */
export function readDayOr(raw: string | null, current: number): number | undefined {
  return raw === null ? current : weekdayNumber(raw);
}

export const weekdayProblem = (q: InputQuoting): RecapSettingsProblem => ({
  code: 'config-day',
  message: `The day is a weekday name, ${q.code('monday')} to ${q.code('sunday')}.`,
});
