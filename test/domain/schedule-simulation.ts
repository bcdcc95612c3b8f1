import { describe, expect, it } from 'vitest';
import { nextRecapAt, parseRecapTime, recapWeekFor } from '../../src/domain/schedule.js';
import { addDays, epochDayOf, localDateOf, localDateTimeOf, mondayOf, weekdayOf, type LocalDate } from '../../src/domain/time.js';

/** The Monday of an ISO week key ('2026-W53'): week 1 holds 4 January. */
function isoWeekMonday(key: string): LocalDate {
  const [year, week] = key.split('-W').map(Number);
  return addDays(mondayOf({ year: year ?? 0, month: 1, day: 4 }), 7 * ((week ?? 1) - 1));
}

// Both hemispheres, half- and quarter-hour offsets, 30-minute DST, DST at midnight, abolished DST, no DST.
export const ALL_ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Sao_Paulo',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Paris',
  'Europe/Kyiv',
  'Africa/Cairo',
  'Asia/Beirut',
  'Asia/Jerusalem',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
];
// 00:00 / 00:30 fall in midnight gaps (Havana, Santiago, Beirut, Cairo, Azores); 02:30 in most others.
const TIMES = ['00:00', '00:30', '01:30', '02:30', '09:00', '23:30'];
// A year and a week: every DST change once, and 2026's week 53; the soak suite runs two years of recaps.
const WEEKS = 54;
// Transitions happen on Sundays and Fridays (Cairo, Jerusalem); one more weekday rotates so all seven are covered.
const daysFor = (timezone: string, time: string) => [5, 7, [1, 2, 3, 4, 6][(ALL_ZONES.indexOf(timezone) + TIMES.indexOf(time)) % 5] ?? 1];
const MINUTE = 60_000;

const wallMinutes = (date: LocalDate, hour: number, minute: number) => (epochDayOf(date) * 24 + hour) * 60 + minute;
function wallAt(timezone: string, instant: Date): number {
  const t = localDateTimeOf(timezone, instant);
  return wallMinutes(t, t.hour, t.minute) + t.second / 60;
}

/** The problems with one fire, as sentences; empty when it is right. */
function checkFire(timezone: string, day: number, time: string, fire: Date): string[] {
  const { hour, minute } = parseRecapTime(time);
  const shown = wallAt(timezone, fire);
  const before = wallAt(timezone, new Date(fire.getTime() - 1000));
  const dates = [localDateOf(timezone, fire), localDateOf(timezone, new Date(fire.getTime() - 1000))];
  const target = dates.filter((d) => weekdayOf(d) === day).map((d) => wallMinutes(d, hour, minute));
  const exact = target.includes(shown);
  // In a gap the wall clock jumps over the target at the fire instant: the first valid minute after it.
  const afterGap = target.some((t) => before < t && t < shown);
  const problems: string[] = [];
  if (!exact && !afterGap) problems.push(`fires at local ${localDateTimeOf(timezone, fire).hour}:${localDateTimeOf(timezone, fire).minute}`);
  if (fire.getTime() % MINUTE !== 0) problems.push('not on a whole minute');
  // A repeated wall time fires at its earlier occurrence: nothing shortly before showed it already.
  for (const back of [30, 60, 120]) {
    if (exact && wallAt(timezone, new Date(fire.getTime() - back * MINUTE)) === shown) problems.push(`the same wall time occurred ${back} min earlier`);
  }
  return problems;
}

/** The simulation over `ZONES` (npm test runs the oddest zones, the soak suite all of them). */
export function scheduleSimulation(ZONES: readonly string[]): void {
describe('recap schedule simulated over a year', () => {
  it(`fires every week at the local minute, once per covered week, with no week skipped (${ZONES.length} zones × ${TIMES.length} times × 3 weekdays × ${WEEKS} weeks)`, () => {
    const failures: string[] = [];
    let fires = 0;
    for (const timezone of ZONES) {
      for (const time of TIMES) {
        for (const day of daysFor(timezone, time)) {
          let previous: { fire: Date; key: string } | undefined;
          let after = new Date('2026-01-01T00:00:00Z');
          for (let week = 0; week < WEEKS; week++) {
            const fire = nextRecapAt({ day, time, timezone }, after);
            fires += 1;
            const label = `${timezone} day ${day} ${time} fire ${fire.toISOString()}`;
            for (const problem of checkFire(timezone, day, time, fire)) failures.push(`${label}: ${problem}`);
            const covered = recapWeekFor(timezone, fire, previous?.fire);
            if (covered.range.end.getTime() !== fire.getTime()) failures.push(`${label}: coverage does not end at the recap's moment`);
            if (previous) {
              const gapDays = epochDayOf(isoWeekMonday(covered.key)) - epochDayOf(isoWeekMonday(previous.key));
              if (gapDays !== 7) failures.push(`${label}: reported weeks ${gapDays} days apart`);
              if (covered.range.start.getTime() !== previous.fire.getTime()) failures.push(`${label}: coverage does not start at the previous recap`);
              if (fire.getTime() - previous.fire.getTime() < 6 * 24 * 60 * MINUTE) failures.push(`${label}: fired twice within 6 days`);
            }
            previous = { fire, key: covered.key };
            after = fire;
          }
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(fires).toBe(ZONES.length * TIMES.length * 3 * WEEKS);
  }, 120_000);
});
}
