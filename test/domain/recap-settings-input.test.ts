import { describe, expect, it } from 'vitest';
import { readRecapSettings, type InputQuoting } from '../../src/domain/recap-settings-input.js';

const current = { recapChannelId: 'c1', recapDay: 1, recapTime: '09:00', timezone: 'UTC' };
const none = { channelId: null, day: null, time: null, timezone: null };
const code: InputQuoting = { typed: (s) => `\`${s}\``, code: (s) => `\`${s}\``, pickChannel: 'pick one' };

describe('the recap settings rules shared by /config recap and the web admin page', () => {
  it('keeps every current value when nothing is typed', () => {
    expect(readRecapSettings(current, none, code)).toEqual({ ok: true, value: { channelId: 'c1', recapDay: 1, recapTime: '09:00', timezone: 'UTC', timezoneNote: '' } });
  });

  it('needs a channel when the server has none yet, in the words the surface gives', () => {
    expect(readRecapSettings({ ...current, recapChannelId: null }, none, code)).toEqual({ ok: false, problem: { code: 'config-channel', message: 'pick one' } });
  });

  it('refuses a time that is not 24-hour HH:MM and quotes what was typed the surface’s way', () => {
    const read = readRecapSettings(current, { ...none, time: '25:00' }, code);
    expect(read).toEqual({ ok: false, problem: { code: 'config-time', message: "I couldn't read `25:00` as a time. Use 24-hour `HH:MM`, like `09:00` or `18:30`." } });
  });

  it('reads old timezone names as the current one and says so', () => {
    const read = readRecapSettings(current, { ...none, timezone: 'Europe/Kiev' }, code);
    expect(read.ok && read.value.timezone).toBe('Europe/Kyiv');
    expect(read.ok && read.value.timezoneNote).toContain('Europe/Kyiv');
  });

  it('refuses an unknown timezone with close names, and a day that is no weekday', () => {
    const zone = readRecapSettings(current, { ...none, timezone: 'Europe/Pariss' }, code);
    expect(zone).toMatchObject({ ok: false, problem: { code: 'config-timezone' } });
    expect(!zone.ok && zone.problem.message).toMatch(/^I don't know the timezone `Europe\/Pariss`\. Did you mean `Europe\/Paris`/);
    expect(readRecapSettings(current, { ...none, day: 'someday' }, code)).toMatchObject({ ok: false, problem: { code: 'config-day' } });
  });
});
