import { describe, expect, it } from 'vitest';
import { nextRecapAt, parseRecapTime, recapWeekFor } from '../../src/domain/schedule.js';

const at = (iso: string) => new Date(iso);
const next = (timezone: string, day: number, time: string, after: string) => nextRecapAt({ day, time, timezone }, at(after)).toISOString();

describe('nextRecapAt', () => {
  it('fires at the configured local weekday and time (Monday 09:00 in Paris is 08:00 UTC in winter)', () => {
    expect(next('Europe/Paris', 1, '09:00', '2026-11-28T12:00:00Z')).toBe('2026-11-30T08:00:00.000Z');
    expect(next('Europe/Paris', 1, '09:00', '2026-06-27T12:00:00Z')).toBe('2026-06-29T07:00:00.000Z');
  });

  it('is strictly after the given instant: at the fire time itself, the next one is a week later', () => {
    expect(next('Europe/Paris', 1, '09:00', '2026-11-30T08:00:00Z')).toBe('2026-12-07T08:00:00.000Z');
    expect(next('Europe/Paris', 1, '09:00', '2026-11-30T07:59:59.999Z')).toBe('2026-11-30T08:00:00.000Z');
  });

  it('after downtime, jumps to the next occurrence without any backlog', () => {
    expect(next('UTC', 3, '18:30', '2026-01-01T00:00:00Z')).toBe('2026-01-07T18:30:00.000Z');
    expect(next('UTC', 3, '18:30', '2026-02-11T18:31:00Z')).toBe('2026-02-18T18:30:00.000Z');
  });

  it('fires at 03:00 when 02:30 is skipped by the spring-forward gap (New York, Sunday 2026-03-08)', () => {
    expect(next('America/New_York', 7, '02:30', '2026-03-07T00:00:00Z')).toBe('2026-03-08T07:00:00.000Z');
    // And back at 02:30 local the week after.
    expect(next('America/New_York', 7, '02:30', '2026-03-08T07:00:00Z')).toBe('2026-03-15T06:30:00.000Z');
  });

  it('fires once, at the earlier 01:30, when London falls back on Sunday 2026-10-25', () => {
    const first = next('Europe/London', 7, '01:30', '2026-10-24T00:00:00Z');
    expect(first).toBe('2026-10-25T00:30:00.000Z');
    // The repeated 01:30 (01:30 UTC) does not fire again: the next fire is a week later.
    expect(next('Europe/London', 7, '01:30', first)).toBe('2026-11-01T01:30:00.000Z');
  });

  it('handles Pacific/Chatham (+12:45/+13:45) across both of its transitions', () => {
    // 2026-09-27 02:45 → 03:45: a 03:00 recap fires at 03:45.
    expect(next('Pacific/Chatham', 7, '03:00', '2026-09-25T00:00:00Z')).toBe('2026-09-26T14:00:00.000Z');
    // 2026-04-05 03:45 → 02:45: 03:00 happens twice; the earlier (+13:45) fires, once.
    const first = next('Pacific/Chatham', 7, '03:00', '2026-04-03T00:00:00Z');
    expect(first).toBe('2026-04-04T13:15:00.000Z');
    expect(next('Pacific/Chatham', 7, '03:00', first)).toBe('2026-04-11T14:15:00.000Z');
  });

  it('handles Asia/Kathmandu (+05:45)', () => {
    expect(next('Asia/Kathmandu', 1, '09:00', '2026-03-01T00:00:00Z')).toBe('2026-03-02T03:15:00.000Z');
  });

  it("handles Australia/Lord_Howe's 30-minute daylight saving", () => {
    // 2026-10-04 02:00 → 02:30: 02:15 fires at 02:30 (+11).
    expect(next('Australia/Lord_Howe', 7, '02:15', '2026-10-02T00:00:00Z')).toBe('2026-10-03T15:30:00.000Z');
    // 2026-04-05 02:00 → 01:30: 01:45 happens twice; the earlier (+11) fires, once.
    const first = next('Australia/Lord_Howe', 7, '01:45', '2026-04-03T00:00:00Z');
    expect(first).toBe('2026-04-04T14:45:00.000Z');
    expect(next('Australia/Lord_Howe', 7, '01:45', first)).toBe('2026-04-11T15:15:00.000Z');
  });

  it('refuses a weekday outside 1..7 and a malformed time', () => {
    expect(() => nextRecapAt({ day: 0, time: '09:00', timezone: 'UTC' }, at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => parseRecapTime('9:00')).toThrow(RangeError);
    expect(() => parseRecapTime('24:00')).toThrow(RangeError);
    expect(parseRecapTime('23:59')).toEqual({ hour: 23, minute: 59 });
  });
});

describe('recapWeekFor', () => {
  it('a Monday-morning recap covers the seven days ending at its moment and reports the week just ended', () => {
    const week = recapWeekFor('Europe/Paris', at('2026-11-30T08:00:00Z'));
    expect(week.key).toBe('2026-W48');
    expect([week.firstDay, week.lastDay]).toEqual([{ year: 2026, month: 11, day: 23 }, { year: 2026, month: 11, day: 29 }]);
    expect(week.range).toEqual({ start: at('2026-11-23T08:00:00Z'), end: at('2026-11-30T08:00:00Z') });
  });

  it('a Sunday-evening recap reports the week that is ending, Sunday included', () => {
    const week = recapWeekFor('UTC', at('2026-12-06T23:00:00Z'));
    expect(week.key).toBe('2026-W49');
    expect([week.firstDay, week.lastDay]).toEqual([{ year: 2026, month: 11, day: 30 }, { year: 2026, month: 12, day: 6 }]);
    expect(week.range.end).toEqual(at('2026-12-06T23:00:00Z'));
  });

  it('starts where the previous posted recap ended, however long ago within a quarter', () => {
    const previous = at('2026-11-30T09:00:00Z');
    expect(recapWeekFor('UTC', at('2026-12-06T23:00:00Z'), previous).range.start).toEqual(previous);
    expect(recapWeekFor('UTC', at('2026-12-14T09:00:00Z'), previous).range.start).toEqual(previous);
    // A previous recap from long ago (the channel was unset for months) is not carried forward.
    expect(recapWeekFor('UTC', at('2026-12-14T09:00:00Z'), at('2026-08-01T09:00:00Z')).range.start).toEqual(at('2026-12-07T09:00:00Z'));
  });

  it('names ISO weeks across a year end (2026 has a week 53)', () => {
    expect(recapWeekFor('UTC', at('2027-01-04T09:00:00Z')).key).toBe('2026-W53');
    expect(recapWeekFor('UTC', at('2027-01-11T09:00:00Z')).key).toBe('2027-W01');
  });

  it('spans 167 hours across a spring-forward week', () => {
    const { range } = recapWeekFor('Europe/Paris', at('2026-03-30T07:00:00Z'));
    expect((range.end.getTime() - range.start.getTime()) / 3_600_000).toBe(167);
  });
});
