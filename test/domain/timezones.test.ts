import { describe, expect, it } from 'vitest';
import {
  RENAMED_TIME_ZONES,
  canonicalTimeZone,
  isValidTimeZone,
  listTimeZones,
  searchTimeZones,
} from '../../src/domain/time.js';

describe('timezone names', () => {
  it.each(['Asia/Kathmandu', 'Asia/Katmandu', 'Europe/Kyiv', 'Europe/Kiev', 'UTC', 'Etc/UTC', 'America/New_York'])(
    'accepts %s',
    (name) => {
      expect(isValidTimeZone(name)).toBe(true);
    },
  );

  it.each(['', 'Mars/Olympus_Mons', 'Europe/Paris ', '+05:30', 'UTC+1', 'Asia', '../etc/passwd'])('rejects %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });

  it.each([
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['asia/kathmandu', 'Asia/Kathmandu'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['EUROPE/KYIV', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['America/Godthab', 'America/Nuuk'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['America/Indianapolis', 'America/Indiana/Indianapolis'],
    ['Pacific/Enderbury', 'Pacific/Kanton'],
    ['Asia/Ulan_Bator', 'Asia/Ulaanbaatar'],
    ['Etc/UTC', 'UTC'],
    ['utc', 'UTC'],
    ['US/Eastern', 'America/New_York'],
    ['Europe/Paris', 'Europe/Paris'],
  ])('canonicalises %s to %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('returns null for an unknown name', () => {
    expect(canonicalTimeZone('Atlantis/Capital')).toBeNull();
  });

  it('lists current IANA names, including UTC, and no outdated spellings', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('Asia/Kathmandu');
    expect(zones).toContain('America/Argentina/Buenos_Aires');
    for (const old of Object.keys(RENAMED_TIME_ZONES)) expect(zones).not.toContain(old);
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort()).toEqual(zones);
  });

  it('lists only names that canonicalise to themselves and work with Intl', () => {
    for (const zone of listTimeZones()) {
      expect(canonicalTimeZone(zone)).toBe(zone);
      expect(canonicalTimeZone(zone.toLowerCase())).toBe(zone);
    }
  });

  it('maps every renamed zone to a listed name', () => {
    const zones = new Set(listTimeZones());
    for (const [old, current] of Object.entries(RENAMED_TIME_ZONES)) {
      expect(zones.has(current), `${old} → ${current}`).toBe(true);
      expect(canonicalTimeZone(old)).toBe(current);
    }
  });
});

describe('searching timezones for autocomplete', () => {
  it('finds a zone by any part of its name, ignoring case, spaces and underscores', () => {
    expect(searchTimeZones('kolk')).toEqual(['Asia/Kolkata']);
    expect(searchTimeZones('new york')[0]).toBe('America/New_York');
    expect(searchTimeZones('new_york')[0]).toBe('America/New_York');
    expect(searchTimeZones('NEW YORK')[0]).toBe('America/New_York');
    expect(searchTimeZones('paris')).toEqual(['Europe/Paris']);
    expect(searchTimeZones('europe/par')).toEqual(['Europe/Paris']);
    expect(searchTimeZones('utc')[0]).toBe('UTC');
  });

  it('finds a zone by its old spelling but offers the current one', () => {
    expect(searchTimeZones('kiev')).toEqual(['Europe/Kyiv']);
    expect(searchTimeZones('calcutta')).toEqual(['Asia/Kolkata']);
  });

  it('ranks city prefixes before matches elsewhere in the name', () => {
    expect(searchTimeZones('ist')).toEqual(['Europe/Istanbul', 'America/Boa_Vista', 'Indian/Christmas']);
    expect(searchTimeZones('juan')).toEqual(['America/Argentina/San_Juan', 'America/Tijuana']);
    expect(searchTimeZones('york')).toContain('America/New_York');
  });

  it('returns at most the limit, and the start of the list for an empty query', () => {
    expect(searchTimeZones('a', 5)).toHaveLength(5);
    expect(searchTimeZones('a')).toHaveLength(25);
    expect(searchTimeZones('', 3)).toEqual(listTimeZones().slice(0, 3));
    expect(searchTimeZones('no such place')).toEqual([]);
  });
});
