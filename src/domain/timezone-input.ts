import { canonicalTimeZone, closeTimeZones, searchTimeZones, zonesForCity } from './timezones.js';

/** What a member typed as a timezone, read the way they most likely meant it. */
export type TimeZoneReading =
  | { kind: 'zone'; zone: string; typed: string; how: 'name' | 'city' }
  /** An abbreviation: `meaning` says which clock we took it for, to show back for confirmation. */
  | { kind: 'zone'; zone: string; typed: string; how: 'abbreviation'; meaning: string }
  /** A fixed UTC offset, stored as `Etc/GMT∓n`: the member should hear that it never changes for DST. */
  | { kind: 'zone'; zone: string; typed: string; how: 'offset'; offset: string }
  | { kind: 'unknown'; typed: string; why: 'not-a-zone' | 'offset-not-whole-hours' | 'ambiguous-city'; candidates: string[] };

type Meaning = readonly [zone: string, meaning: string];
const US_EASTERN: Meaning = ['America/New_York', 'US Eastern time'];
const US_CENTRAL: Meaning = ['America/Chicago', 'US Central time'];
const US_MOUNTAIN: Meaning = ['America/Denver', 'US Mountain time'];
const US_PACIFIC: Meaning = ['America/Los_Angeles', 'US Pacific time'];
const CENTRAL_EUROPE: Meaning = ['Europe/Paris', 'Central European time'];
const AU_EASTERN: Meaning = ['Australia/Sydney', 'Australian Eastern time'];

/**
 * Abbreviations → the zone people mean by them. Intl reads some of these itself, wrongly for members:
 * EST as America/Panama (no DST), BST as Bangladesh. Summer and winter forms give the same zone,
 * which then follows daylight saving by itself.
 */
const ABBREVIATIONS = new Map<string, Meaning>(Object.entries({
  est: US_EASTERN, edt: US_EASTERN, et: US_EASTERN, eastern: US_EASTERN,
  cst: US_CENTRAL, cdt: US_CENTRAL, ct: US_CENTRAL, central: US_CENTRAL,
  mst: US_MOUNTAIN, mdt: US_MOUNTAIN, mt: US_MOUNTAIN, mountain: US_MOUNTAIN,
  pst: US_PACIFIC, pdt: US_PACIFIC, pt: US_PACIFIC, pacific: US_PACIFIC,
  akst: ['America/Anchorage', 'Alaska time'], akdt: ['America/Anchorage', 'Alaska time'],
  hst: ['Pacific/Honolulu', 'Hawaii time'],
  ast: ['America/Halifax', 'Atlantic time'], adt: ['America/Halifax', 'Atlantic time'],
  nst: ['America/St_Johns', 'Newfoundland time'], ndt: ['America/St_Johns', 'Newfoundland time'],
  bst: ['Europe/London', 'UK time'],
  ist: ['Asia/Kolkata', 'India Standard Time'],
  wet: ['Europe/Lisbon', 'Western European time'], west: ['Europe/Lisbon', 'Western European time'],
  cet: CENTRAL_EUROPE, cest: CENTRAL_EUROPE,
  eet: ['Europe/Athens', 'Eastern European time'], eest: ['Europe/Athens', 'Eastern European time'],
  msk: ['Europe/Moscow', 'Moscow time'],
  sast: ['Africa/Johannesburg', 'South Africa time'],
  wat: ['Africa/Lagos', 'West Africa time'],
  cat: ['Africa/Maputo', 'Central Africa time'],
  eat: ['Africa/Nairobi', 'East Africa time'],
  pkt: ['Asia/Karachi', 'Pakistan time'],
  ict: ['Asia/Bangkok', 'Indochina time'],
  wib: ['Asia/Jakarta', 'Western Indonesia time'],
  sgt: ['Asia/Singapore', 'Singapore time'],
  hkt: ['Asia/Hong_Kong', 'Hong Kong time'],
  pht: ['Asia/Manila', 'Philippine time'],
  jst: ['Asia/Tokyo', 'Japan time'],
  kst: ['Asia/Seoul', 'Korea time'],
  awst: ['Australia/Perth', 'Australian Western time'],
  acst: ['Australia/Adelaide', 'Australian Central time'], acdt: ['Australia/Adelaide', 'Australian Central time'],
  aest: AU_EASTERN, aedt: AU_EASTERN,
  nzst: ['Pacific/Auckland', 'New Zealand time'], nzdt: ['Pacific/Auckland', 'New Zealand time'],
  brt: ['America/Sao_Paulo', 'Brasília time'],
  art: ['America/Argentina/Buenos_Aires', 'Argentina time'],
} satisfies Record<string, Meaning>));

// "UTC+2", "GMT-05:00", "utc +5:30", "+02:00"
// U+2212 written as an escape: one non-ASCII character in a regex would keep the bundle's whole chunk at two bytes a character in memory.
const OFFSET = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i;

function readOffset(typed: string): TimeZoneReading | null {
  const match = OFFSET.exec(typed);
  if (!match) return null;
  const sign = match[1] === '+' ? 1 : -1;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  const offset = `UTC${sign > 0 ? '+' : '−'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
  // tzdata's fixed zones are whole hours from UTC−12 to UTC+14; anything else needs a real place.
  if (minutes !== 0 || hours > (sign > 0 ? 14 : 12)) return { kind: 'unknown', typed, why: 'offset-not-whole-hours', candidates: [] };
  if (hours === 0) return { kind: 'zone', zone: 'UTC', typed, how: 'name' };
  // POSIX inverts the sign in these names: Etc/GMT-2 is two hours ahead of UTC.
  return { kind: 'zone', zone: `Etc/GMT${sign > 0 ? '-' : '+'}${hours}`, typed, how: 'offset', offset };
}

/**
 * Reads a typed timezone: an abbreviation (EST → America/New_York), a fixed offset (GMT+2 → Etc/GMT-2),
 * an IANA name in any case or old spelling, or an unambiguous city (Paris → Europe/Paris).
 */
export function readTimeZone(raw: string): TimeZoneReading {
  const typed = raw.trim();
  const abbreviation = ABBREVIATIONS.get(typed.toLowerCase());
  if (abbreviation) return { kind: 'zone', zone: abbreviation[0], typed, how: 'abbreviation', meaning: abbreviation[1] };
  const offset = readOffset(typed);
  if (offset) return offset;
  const zone = canonicalTimeZone(typed);
  if (zone !== null) {
    const fixed = /^Etc\/GMT([+-])(\d+)$/.exec(zone);
    if (fixed) return { kind: 'zone', zone, typed, how: 'offset', offset: `UTC${fixed[1] === '+' ? '−' : '+'}${fixed[2]}` };
    return { kind: 'zone', zone, typed, how: 'name' };
  }
  const cities = zonesForCity(typed);
  if (cities.length === 1 && cities[0]) return { kind: 'zone', zone: cities[0], typed, how: 'city' };
  if (cities.length > 1) return { kind: 'unknown', typed, why: 'ambiguous-city', candidates: cities };
  return { kind: 'unknown', typed, why: 'not-a-zone', candidates: [] };
}

/** The sentence to add after saving, so the member can see what we understood; empty for a plain name. */
export function timeZoneConfirmation(reading: TimeZoneReading & { kind: 'zone' }, quote: (s: string) => string): string {
  switch (reading.how) {
    case 'abbreviation':
      return `I read ${quote(reading.typed)} as ${reading.meaning}, so I saved ${reading.zone}: it follows daylight saving by itself. Not what you meant? Type your city instead.`;
    case 'offset':
      return `${reading.zone} is a fixed ${reading.offset} all year (tz names count the sign the other way round) with no daylight saving. If your clocks change in summer, type your city instead.`;
    case 'city':
      return `I took ${quote(reading.typed)} to mean ${reading.zone}.`;
    case 'name':
      return reading.typed.toLowerCase() !== reading.zone.toLowerCase()
        ? `(${quote(reading.typed)} is also known as ${reading.zone}, so that's the name I saved.)`
        : '';
  }
}

/** Why a typed timezone was not taken, and what to type instead. */
export function unknownTimeZoneHint(reading: TimeZoneReading & { kind: 'unknown' }, quote: (s: string) => string): string {
  const close = reading.why === 'ambiguous-city' ? reading.candidates : closeTimeZones(reading.typed);
  if (reading.why === 'offset-not-whole-hours') {
    return 'A fixed offset needs whole hours (like `UTC+2`); for others, start typing your city, like `Europe/Paris` or `Asia/Kolkata`, and pick it from the list.';
  }
  if (close.length > 0) return `Did you mean ${close.slice(0, 5).map(quote).join(' or ')}?`;
  return 'Timezone names look like `Europe/Paris` or `America/New_York`: start typing your city and pick it from the list.';
}

const SERVER_WORDS = ['server', 'default', 'reset', "server's", 'server default'];

/** What a member asked for as their timezone: the server's, a zone read from what they typed, or nothing we know. */
export type TimeZoneSetting = { kind: 'server' } | TimeZoneReading;

/** Reads a typed timezone setting: `server` (or `default`, `reset`) returns the member to the server's. */
export function readTimeZoneSetting(raw: string): TimeZoneSetting {
  const typed = raw.trim();
  return SERVER_WORDS.includes(typed.toLowerCase()) ? { kind: 'server' } : readTimeZone(typed);
}

/** One suggestion while a member types; `meaning` says how an abbreviation or offset was read. */
export type TimeZoneSuggestion = { kind: 'server' } | { kind: 'zone'; zone: string; meaning?: string };

function meaningOf(reading: TimeZoneReading & { kind: 'zone' }): string | undefined {
  if (reading.how === 'abbreviation') return `${reading.meaning}, for ${reading.typed.toUpperCase()}`;
  if (reading.how === 'offset') return `a fixed ${reading.offset}, no daylight saving`;
  return undefined;
}

/**
 * Suggestions for what a member is typing, at most `limit`: the server's own when the words fit, then the
 * reading /settings would accept (EST → America/New_York) ahead of names that merely contain the letters.
 */
export function suggestTimeZones(typed: string, limit: number): TimeZoneSuggestion[] {
  const text = typed.trim();
  const server: TimeZoneSuggestion[] = text === '' || SERVER_WORDS.some((word) => word.startsWith(text.toLowerCase())) ? [{ kind: 'server' }] : [];
  const reading = text === '' ? undefined : readTimeZone(text);
  const accepted: TimeZoneSuggestion[] = [];
  if (reading?.kind === 'zone') {
    const meaning = meaningOf(reading);
    accepted.push(meaning ? { kind: 'zone', zone: reading.zone, meaning } : { kind: 'zone', zone: reading.zone });
  }
  const room = Math.max(0, limit - server.length - accepted.length);
  const acceptedZone = reading?.kind === 'zone' ? reading.zone : undefined;
  const rest = searchTimeZones(text, room + 1)
    .filter((zone) => zone !== acceptedZone)
    .slice(0, room)
    .map((zone): TimeZoneSuggestion => ({ kind: 'zone', zone }));
  return [...server, ...accepted, ...rest].slice(0, limit);
}
