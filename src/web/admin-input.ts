import type { InputQuoting, RecapSettingsInput } from '../domain/recap-settings-input.js';

/** A web page shows what was typed in quotes and what to type as plain text. */
export const webQuoting: InputQuoting = {
  typed: (text) => `“${text.slice(0, 64)}”`,
  code: (text) => text,
  pickChannel: 'Pick a channel for the recap.',
};

const field = (form: Record<string, unknown>, name: string): string | null => {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** The recap form as `/config recap`'s options: what was left empty keeps its current value. */
export const recapFormInput = (form: Record<string, unknown>): RecapSettingsInput => ({
  channelId: field(form, 'channel'),
  day: field(form, 'day'),
  time: field(form, 'time'),
  timezone: field(form, 'timezone'),
});

/** The check-in form as `/config checkins`'s options: on or off, and the prompt day. */
export const checkinFormInput = (form: Record<string, unknown>): { enabled: boolean; day: string | null } => ({ enabled: form.enabled === 'on', day: field(form, 'day') });
