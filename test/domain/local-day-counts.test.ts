import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByLocalDay } from '../../src/domain/local-day-counts.js';
import { formatLocalDate, localDateOf } from '../../src/domain/time.js';

/** The plain definition: each instant's local date, counted. */
function naiveCounts(timezone: string, instants: Date[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const instant of instants) {
    const day = formatLocalDate(localDateOf(timezone, instant));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

const zones = Intl.supportedValuesOf('timeZone');
const HOUR_MS = 3_600_000;

describe('counting wins per local day', () => {
  it('agrees with each instant’s own local date in every zone, over centuries and around every change of offset', () => {
    const instant = fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
    // Clusters of instants minutes apart, so DST changes and midnights are crossed inside one history.
    const cluster = fc.tuple(instant, fc.array(fc.integer({ min: -48 * HOUR_MS, max: 48 * HOUR_MS }), { maxLength: 30 }))
      .map(([at, steps]) => [at, ...steps.map((s) => new Date(at.getTime() + s))]);
    fc.assert(
      fc.property(fc.constantFrom(...zones, 'UTC', 'Europe/Kyiv', 'Asia/Kathmandu'), fc.array(cluster, { maxLength: 20 }), (zone, clusters) => {
        const instants = clusters.flat();
        expect([...countByLocalDay(zone, instants.map((i) => i.getTime()))]).toEqual([...naiveCounts(zone, instants)]);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees hour by hour across a whole year of DST changes in zones with odd rules', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca', 'America/Santiago', 'Asia/Tehran'];
    // Monrovia's offset had seconds (-0:44:30) until 1972.
    for (const [zone, year] of [...zones.map((z) => [z, 2026] as const), ['Africa/Monrovia', 1971] as const]) {
      const start = Date.UTC(year, 0, 1);
      const instants = Array.from({ length: 366 * 24 }, (_, i) => new Date(start + i * 3_600_000 + 59 * 60_000));
      expect([...countByLocalDay(zone, instants.map((i) => i.getTime()))]).toEqual([...naiveCounts(zone, instants)]);
    }
  });
});
