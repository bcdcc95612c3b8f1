/**
 * Old timezone names → IANA's current names.
 *
 * Node 20's ICU keeps CLDR's frozen identifiers: `Intl.supportedValuesOf('timeZone')` lists them and
 * `resolvedOptions().timeZone` canonicalises *to* them (Asia/Kolkata → Asia/Calcutta). Members expect
 * the current spelling, so we offer and store the right-hand side and accept both.
 * The first block is every outdated name Node 20 (ICU 78, tzdata 2025c) reports as canonical; the rest
 * are other `backward` renames, for ICU builds or Node versions that return the name as typed.
 * Location names IANA merely links to another zone (Africa/Bamako, Asia/Aden…) are kept as-is:
 * they are current and are what people in those places look for.
 */
export const RENAMED_TIME_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',

  'America/Argentina/ComodRivadavia': 'America/Argentina/Catamarca',
  'America/Fort_Wayne': 'America/Indiana/Indianapolis',
  'America/Knox_IN': 'America/Indiana/Knox',
  'America/Montreal': 'America/Toronto',
  'America/Rosario': 'America/Argentina/Cordoba',
  'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Harbin': 'Asia/Shanghai',
  'Asia/Istanbul': 'Europe/Istanbul',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Tel_Aviv': 'Asia/Jerusalem',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Europe/Belfast': 'Europe/London',
  'Europe/Nicosia': 'Asia/Nicosia',
  'Europe/Tiraspol': 'Europe/Chisinau',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Pacific/Samoa': 'Pacific/Pago_Pago',
  'Pacific/Yap': 'Pacific/Chuuk',
  'Etc/UTC': 'UTC',
  'Etc/UCT': 'UTC',
  'Etc/Universal': 'UTC',
  'Etc/Zulu': 'UTC',
  'Etc/GMT': 'UTC',
  'Etc/GMT0': 'UTC',
  'Etc/GMT+0': 'UTC',
  'Etc/GMT-0': 'UTC',
  'Etc/Greenwich': 'UTC',
  GMT: 'UTC',
  UCT: 'UTC',
  Universal: 'UTC',
  Zulu: 'UTC',
};

const renamedByLowerCase = new Map(
  Object.entries(RENAMED_TIME_ZONES).map(([from, to]) => [from.toLowerCase(), to] as const),
);
const canonicalByLowerCase = new Map<string, string>();

/**
 * The current IANA name for a timezone name in any letter case (Asia/Katmandu → Asia/Kathmandu,
 * etc/utc → UTC), or null if it is not a timezone. Offsets such as '+05:30' are not names.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  const key = name.toLowerCase();
  const cached = canonicalByLowerCase.get(key);
  if (cached !== undefined) return cached;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const canonical = renamedByLowerCase.get(resolved.toLowerCase()) ?? resolved;
  // Only valid names reach the cache, so its size is bounded by the zone database.
  canonicalByLowerCase.set(key, canonical);
  return canonical;
}

/** True for any name Intl accepts, current or old (Asia/Katmandu, Europe/Kiev, UTC, Etc/UTC). */
export function isValidTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

let zoneList: readonly string[] | undefined;

/** Current IANA names, sorted, including 'UTC': the choices offered to members. */
export function listTimeZones(): readonly string[] {
  zoneList ??= Object.freeze(
    [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((z) => RENAMED_TIME_ZONES[z] ?? z))].sort(),
  );
  return zoneList;
}

interface SearchEntry {
  zone: string;
  full: string;
  city: string;
  words: readonly string[];
  isAlias: boolean;
}

const normalise = (s: string): string => s.trim().toLowerCase().replace(/[_\s]+/g, ' ');
let searchIndex: readonly SearchEntry[] | undefined;

function buildSearchIndex(): readonly SearchEntry[] {
  const current = listTimeZones();
  const known = new Set(current);
  const aliases = Object.entries(RENAMED_TIME_ZONES).filter(([, to]) => known.has(to));
  return [...current.map((z) => [z, z] as const), ...aliases].map(([name, zone]) => {
    const full = normalise(name);
    return {
      zone,
      full,
      city: full.slice(full.lastIndexOf('/') + 1),
      words: full.split(/[/ -]/),
      isAlias: name !== zone,
    };
  });
}

function matchScore(entry: SearchEntry, query: string): number | null {
  let score: number;
  if (entry.city === query || entry.full === query) score = 0;
  else if (entry.city.startsWith(query)) score = 1;
  else if (entry.full.startsWith(query)) score = 2;
  else if (entry.words.some((w) => w.startsWith(query))) score = 3;
  else if (entry.full.includes(query)) score = 4;
  else return null;
  // An old spelling only helps find the zone; the current spelling wins ties.
  return entry.isAlias ? score + 0.5 : score;
}

/** Autocomplete: case-insensitive, spaces or underscores, city prefixes before substrings. */
export function searchTimeZones(query: string, limit = 25): string[] {
  const max = Math.max(0, Math.floor(limit));
  const q = normalise(query);
  if (q === '') return listTimeZones().slice(0, max);
  searchIndex ??= buildSearchIndex();
  const best = new Map<string, number>();
  for (const entry of searchIndex) {
    const score = matchScore(entry, q);
    if (score === null) continue;
    const previous = best.get(entry.zone);
    if (previous === undefined || score < previous) best.set(entry.zone, score);
  }
  return [...best]
    .sort(([za, sa], [zb, sb]) => sa - sb || (za < zb ? -1 : za > zb ? 1 : 0))
    .slice(0, max)
    .map(([zone]) => zone);
}

/** The zones whose city is exactly this (any case, spaces or underscores, accents ignored). */
export function zonesForCity(typed: string): string[] {
  searchIndex ??= buildSearchIndex();
  const city = foldAccents(normalise(typed));
  return [...new Set(searchIndex.filter((entry) => entry.city === city).map((entry) => entry.zone))];
}

// Below this a "suggestion" is noise (Mars/Olympus → Asia/Srednekolymsk shares only "olym").
const MIN_SIMILARITY = 0.7;

/**
 * Zones close to a name we did not recognise, most similar first: its city (or the whole name) within
 * a few typos of a zone's, or a prefix of at least four letters. Nothing when nothing is close.
 */
export function closeTimeZones(typed: string, limit = 3): string[] {
  searchIndex ??= buildSearchIndex();
  const full = foldAccents(normalise(typed));
  const city = full.slice(full.lastIndexOf('/') + 1);
  const best = new Map<string, number>();
  for (const entry of searchIndex) {
    const score = Math.max(similarity(city, entry.city), similarity(full, entry.full), city.length >= 4 && entry.city.startsWith(city) ? 0.9 : 0);
    if (score < MIN_SIMILARITY) continue;
    best.set(entry.zone, Math.max(score, best.get(entry.zone) ?? 0));
  }
  return [...best]
    .sort(([za, sa], [zb, sb]) => sb - sa || (za < zb ? -1 : za > zb ? 1 : 0))
    .slice(0, Math.max(0, Math.floor(limit)))
    .map(([zone]) => zone);
}

const foldAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** 1 for equal strings, 0 for nothing in common: one minus the edit distance over the longer length. */
function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return 1 - (previous[b.length] ?? 0) / Math.max(a.length, b.length);
}
