import type { Guild } from '../db/schema.js';
import { readDayOr, readRecapSettings, weekdayProblem, type InputQuoting, type RecapSettingsChoice } from '../domain/recap-settings-input.js';

/** A web page shows what was typed in quotes and what to type as plain text. */
const webQuoting: InputQuoting = {
  typed: (text) => `“${text.slice(0, 64)}”`,
  code: (text) => text,
  pickChannel: 'Pick a channel for the recap.',
};

const field = (form: Record<string, unknown>, name: string): string | null => {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

// The shared hints write commands as code spans; a page shows them as plain text.
const plain = (message: string): string => message.replace(/`/g, '');

/** `/config recap`'s rules (one function for both) over a web form, plus: the channel must be one the bot can post in. */
export function readRecapForm(
  current: Guild,
  form: Record<string, unknown>,
  channels: readonly { id: string }[],
): { ok: true; value: RecapSettingsChoice } | { ok: false; problem: string } {
  const input = { channelId: field(form, 'channel'), day: field(form, 'day'), time: field(form, 'time'), timezone: field(form, 'timezone') };
  const read = readRecapSettings(current, input, webQuoting);
  if (!read.ok) return { ok: false, problem: plain(read.problem.message) };
  if (!channels.some((c) => c.id === read.value.channelId)) return { ok: false, problem: "I can't post in that channel. Pick one from the list." };
  return read;
}

/** `/config checkins`: on or off, and the prompt day. */
export function readCheckinForm(current: Guild, form: Record<string, unknown>): { ok: true; value: { checkinsEnabled: boolean; checkinDay: number } } | { ok: false; problem: string } {
  const checkinDay = readDayOr(field(form, 'day'), current.checkinDay);
  if (checkinDay === undefined) return { ok: false, problem: plain(weekdayProblem(webQuoting).message) };
  return { ok: true, value: { checkinsEnabled: form.enabled === 'on', checkinDay } };
}
