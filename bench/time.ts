// Run by hand: `npx tsx bench/time.ts`. Per-call cost of the zone maths on the hot paths.
import { dayRange, localDateOf, startOfLocalDay, weekKey, weekRange, zonedToInstant } from '../src/domain/time.js';

const zone = process.argv[2] ?? 'America/New_York';
const start = Date.UTC(2026, 0, 1);
const HOUR_MS = 3_600_000;
const runs = 20_000;

function time(label: string, fn: (t: Date) => unknown): void {
  for (let i = 0; i < 2_000; i++) fn(new Date(start + i * HOUR_MS)); // warm-up
  const began = process.cpuUsage(); // CPU time, not wall time: the machine is shared
  for (let i = 0; i < runs; i++) fn(new Date(start + ((i * 7919) % 8760) * HOUR_MS));
  const used = process.cpuUsage(began);
  const perCallUs = (used.user + used.system) / runs;
  console.log(`${label.padEnd(16)} ${perCallUs.toFixed(2)} µs CPU/call (${zone})`);
}

time('weekRange', (t) => weekRange(zone, t));
time('weekKey', (t) => weekKey(zone, t));
time('dayRange', (t) => dayRange(zone, t));
time('localDateOf', (t) => localDateOf(zone, t));
time('startOfLocalDay', (t) => startOfLocalDay(zone, localDateOf(zone, t)));
time('zonedToInstant', (t) => zonedToInstant(zone, localDateOf(zone, t), 9, 30));
