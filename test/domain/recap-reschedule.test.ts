import { describe, expect, it } from 'vitest';
import { nextRecapToPost } from '../../src/domain/recap/weeks.js';
import { nextRecapAt, recapWeekFor, type RecapSchedule } from '../../src/domain/schedule.js';

// `/config recap` changed after this week's recap went out: the next recap is the configured
// weekday and time in the following week (SPEC §1.7, §4: at most one recap per server per week),
// or sooner only when the previous one is about a week old. The year-long property is in
// recap-coverage-properties.test.ts, whose simulation runs /config as production does.

const at = (iso: string) => new Date(iso);
const WEEKDAYS = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 } as const;
type Weekday = keyof typeof WEEKDAYS;

/** The recap went out at `firedAt` under `before`; at `changedAt` the admin saves `after`: when does the next one come? */
function movedTo(before: RecapSchedule, firedAt: string, changedAt: string, after: { day: Weekday; time: string; timezone?: string }): string {
  const fired = at(firedAt);
  expect(nextRecapAt(before, new Date(fired.getTime() - 1)).toISOString()).toBe(fired.toISOString());
  const weeks = new Set([recapWeekFor(before.timezone, fired).key]);
  const schedule = { day: WEEKDAYS[after.day], time: after.time, timezone: after.timezone ?? before.timezone };
  return nextRecapToPost(schedule, at(changedAt), weeks, fired).toISOString();
}

describe('the next recap after the schedule moves, once this week’s went out', () => {
  const thursday11 = { day: 4, time: '11:00', timezone: 'UTC' };
  const fired = '2026-12-03T11:00:00.000Z'; // Thursday 3 December, 11:00 UTC
  const changed = '2026-12-03T11:05:00.000Z';

  it('a later hour the same day (across noon) is passed over to next week', () => {
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '13:00' })).toBe('2026-12-10T13:00:00.000Z');
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '23:30' })).toBe('2026-12-10T23:30:00.000Z');
  });

  it('a later hour that stays before noon was already passed over, and still is', () => {
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '11:30' })).toBe('2026-12-10T11:30:00.000Z');
  });

  it('a later day of the same week is passed over to that day next week', () => {
    expect(movedTo(thursday11, fired, changed, { day: 'friday', time: '09:00' })).toBe('2026-12-11T09:00:00.000Z');
    expect(movedTo(thursday11, fired, changed, { day: 'saturday', time: '11:00' })).toBe('2026-12-12T11:00:00.000Z');
    expect(movedTo(thursday11, fired, changed, { day: 'sunday', time: '23:00' })).toBe('2026-12-13T23:00:00.000Z');
  });

  it('an earlier hour or day comes on that day of the following week, as configured', () => {
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '09:00' })).toBe('2026-12-10T09:00:00.000Z');
    expect(movedTo(thursday11, fired, changed, { day: 'wednesday', time: '11:00' })).toBe('2026-12-09T11:00:00.000Z');
    expect(movedTo(thursday11, fired, changed, { day: 'monday', time: '09:00' })).toBe('2026-12-07T09:00:00.000Z');
  });

  it('a new timezone does not let the same moment of the week come round twice', () => {
    // 13:00 in Paris is 12:00 UTC: an hour after this week's recap.
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '13:00', timezone: 'Europe/Paris' })).toBe('2026-12-10T12:00:00.000Z');
    // Friday 08:00 in New York is Friday 13:00 UTC: the next day.
    expect(movedTo(thursday11, fired, changed, { day: 'friday', time: '08:00', timezone: 'America/New_York' })).toBe('2026-12-11T13:00:00.000Z');
    // Thursday 09:00 in New York is 14:00 UTC the same day.
    expect(movedTo(thursday11, fired, changed, { day: 'thursday', time: '09:00', timezone: 'America/New_York' })).toBe('2026-12-10T14:00:00.000Z');
    // Monday 09:00 in Tokyo is Monday 00:00 UTC: the following week, as configured.
    expect(movedTo(thursday11, fired, changed, { day: 'monday', time: '09:00', timezone: 'Asia/Tokyo' })).toBe('2026-12-07T00:00:00.000Z');
  });

  it('keeps the rules that were right: an earlier recap moved later that morning, Sunday evening to Monday morning', () => {
    expect(movedTo({ day: 4, time: '09:00', timezone: 'UTC' }, '2026-12-03T09:00:00.000Z', '2026-12-03T09:05:00.000Z', { day: 'thursday', time: '11:00' })).toBe('2026-12-10T11:00:00.000Z');
    expect(movedTo({ day: 7, time: '23:00', timezone: 'UTC' }, '2026-12-06T23:00:00.000Z', '2026-12-07T08:00:00.000Z', { day: 'monday', time: '09:00' })).toBe('2026-12-14T09:00:00.000Z');
    expect(movedTo({ day: 1, time: '09:00', timezone: 'Europe/Paris' }, '2026-11-30T08:00:00.000Z', '2026-11-30T18:30:00.000Z', { day: 'monday', time: '20:00' })).toBe('2026-12-07T19:00:00.000Z');
  });

  it('comes sooner than that day next week only when the previous recap is about a week old', () => {
    // Monday morning's recap reported the week before; Sunday evening's reports this one, six and a half days later.
    expect(movedTo({ day: 1, time: '09:00', timezone: 'UTC' }, '2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z', { day: 'sunday', time: '20:00' })).toBe('2026-12-06T20:00:00.000Z');
  });

  it('with no recap yet, or none lately, comes at the first configured time', () => {
    expect(nextRecapToPost({ day: 5, time: '09:00', timezone: 'UTC' }, at(changed), new Set()).toISOString()).toBe('2026-12-04T09:00:00.000Z');
    expect(nextRecapToPost({ day: 5, time: '09:00', timezone: 'UTC' }, at(changed), new Set(['2026-W47']), at('2026-11-26T11:00:00Z')).toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });
});
