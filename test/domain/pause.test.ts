import { describe, expect, it } from 'vitest';
import { formatWeekdayDate } from '../../src/domain/date-format.js';
import {
  describeLocalTime,
  lastPausedDay,
  parsePauseDays,
  pauseEndsAt,
  pausedDaysOf,
  pauseSpan,
} from '../../src/domain/pause.js';
import { describePause } from '../../src/discord/render/pause.js';

const HOUR = 3_600_000;

describe('parsePauseDays', () => {
  it('treats no value as a pause until /resume', () => {
    expect(parsePauseDays(null)).toEqual({ ok: true, days: null });
    expect(parsePauseDays(undefined)).toEqual({ ok: true, days: null });
  });

  it('accepts whole days from 1 to 90', () => {
    expect(parsePauseDays(1)).toEqual({ ok: true, days: 1 });
    expect(parsePauseDays(90)).toEqual({ ok: true, days: 90 });
  });

  it('refuses values a client sent past the limits', () => {
    for (const value of [0, 91, -3, 2.5, 1e9]) {
      expect(parsePauseDays(value)).toEqual({ ok: false, problem: 'days-out-of-range', value, min: 1, max: 90 });
    }
  });
});

describe('pauseEndsAt', () => {
  it('ends a 7-day pause begun on a Wednesday afternoon as the Thursday a week later begins', () => {
    // Wednesday 25 Nov 2026, 15:00 UTC.
    expect(pauseEndsAt('UTC', new Date('2026-11-25T15:00:00Z'), 7).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('gives the rest of today even a minute before midnight', () => {
    expect(pauseEndsAt('UTC', new Date('2026-11-25T23:59:00Z'), 1).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(pauseEndsAt('UTC', new Date('2026-11-26T00:00:00Z'), 1).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it("counts days in the member's timezone, not UTC's", () => {
    // 23:30 UTC on Wednesday is already 05:15 on Thursday in Kathmandu (UTC+05:45).
    const end = pauseEndsAt('Asia/Kathmandu', new Date('2026-11-25T23:30:00Z'), 1);
    expect(end.toISOString()).toBe('2026-11-27T18:15:00.000Z'); // Saturday 28 Nov, 00:00 in Kathmandu
  });

  it('ends at local midnight across the spring-forward change, an hour short of whole days', () => {
    // Wednesday 4 Mar 2026, 15:00 in New York (EST); clocks go forward on Sunday 8 Mar.
    const now = new Date('2026-03-04T20:00:00Z');
    const end = pauseEndsAt('America/New_York', now, 7);
    expect(end.toISOString()).toBe('2026-03-12T04:00:00.000Z'); // Thursday 12 Mar, 00:00 EDT
    expect(end.getTime() - now.getTime()).toBe((7 * 24 + 9 - 1) * HOUR);
  });

  it('ends at local midnight across the fall-back change', () => {
    // Friday 23 Oct 2026, 10:00 in London (BST); clocks go back on Sunday 25 Oct.
    const end = pauseEndsAt('Europe/London', new Date('2026-10-23T09:00:00Z'), 3);
    expect(end.toISOString()).toBe('2026-10-27T00:00:00.000Z'); // Tuesday 27 Oct, 00:00 GMT
  });
});

describe('describing a pause', () => {
  it('names the last paused day, not the day it ends at midnight', () => {
    const end = new Date('2026-03-12T04:00:00Z');
    expect(lastPausedDay('America/New_York', end)).toEqual({ year: 2026, month: 3, day: 11 });
    expect(formatWeekdayDate(lastPausedDay('America/New_York', end))).toBe('Wednesday 11 March 2026');
    expect(describePause('America/New_York', { endsAt: end })).toBe(
      'paused through Wednesday 11 March 2026 (your time) — back on Thursday 12 March 2026',
    );
  });

  it('says an open pause lasts until /resume', () => {
    expect(describePause('UTC', { endsAt: null })).toBe('paused until you `/resume`');
    expect(pauseSpan('UTC', { endsAt: null })).toBe('until you `/resume`');
    expect(pauseSpan('UTC', { endsAt: new Date('2026-03-12T00:00:00Z') })).toBe('through Wednesday 11 March 2026');
  });

  it("tells the member's local time as hours, minutes and weekday", () => {
    expect(describeLocalTime('Asia/Kathmandu', new Date('2026-11-25T23:30:00Z'))).toBe('05:15 on Thursday');
    expect(describeLocalTime('UTC', new Date('2026-11-25T00:05:00Z'))).toBe('00:05 on Wednesday');
  });
});

describe('paused days for the calendar', () => {
  it('lists each local day a pause touches, from the first day shown, a running pause until now', () => {
    const tz = 'America/New_York';
    const pauses = [
      // Fri 2026-08-07 22:00 local until Mon 2026-08-10 00:00 local: Fri, Sat and Sun.
      { start: new Date('2026-08-08T02:00:00Z'), end: new Date('2026-08-10T04:00:00Z') },
      // Started before the first day shown, still running on Wed 2026-08-19 local.
      { start: new Date('2026-01-01T12:00:00Z'), end: null },
    ];
    const days = pausedDaysOf(tz, pauses.slice(0, 1), new Date('2026-08-20T12:00:00Z'), { year: 2026, month: 8, day: 1 });
    expect([...days]).toEqual(['2026-08-07', '2026-08-08', '2026-08-09']);
    const running = pausedDaysOf(tz, pauses.slice(1), new Date('2026-08-19T12:00:00Z'), { year: 2026, month: 8, day: 17 });
    expect([...running]).toEqual(['2026-08-17', '2026-08-18', '2026-08-19']);
  });
});
