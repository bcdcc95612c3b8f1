import { describe, expect, it } from 'vitest';
import { closeTimeZones, offsetMinutesAt, readTimeZone, timeZoneConfirmation, unknownTimeZoneHint } from '../../src/domain/time.js';

const quote = (s: string): string => `\`${s}\``;
const zoneOf = (typed: string): string | null => {
  const reading = readTimeZone(typed);
  return reading.kind === 'zone' ? reading.zone : null;
};

describe('reading a typed timezone', () => {
  it.each([
    ['EST', 'America/New_York'], ['edt', 'America/New_York'],
    ['CST', 'America/Chicago'], ['CDT', 'America/Chicago'],
    ['MST', 'America/Denver'], ['MDT', 'America/Denver'],
    ['PST', 'America/Los_Angeles'], ['pdt', 'America/Los_Angeles'],
    ['BST', 'Europe/London'], ['CET', 'Europe/Paris'], ['CEST', 'Europe/Paris'],
    ['IST', 'Asia/Kolkata'], ['JST', 'Asia/Tokyo'], ['AEST', 'Australia/Sydney'], ['AEDT', 'Australia/Sydney'],
    ['HST', 'Pacific/Honolulu'], ['NZDT', 'Pacific/Auckland'],
  ])('takes the abbreviation %s to mean %s, a zone that follows daylight saving where it has it', (typed, zone) => {
    const reading = readTimeZone(typed);
    expect(reading).toMatchObject({ kind: 'zone', zone, how: 'abbreviation' });
    if (reading.kind === 'zone') expect(timeZoneConfirmation(reading, quote)).toContain(`I read \`${typed}\` as`);
  });

  it('gives EST a zone that is on EDT in July, unlike America/Panama', () => {
    const zone = zoneOf('EST') ?? 'none';
    expect(offsetMinutesAt(zone, new Date('2026-07-01T12:00:00Z'))).toBe(-240);
    expect(offsetMinutesAt(zone, new Date('2026-01-15T12:00:00Z'))).toBe(-300);
  });

  it.each([
    ['GMT+2', 'Etc/GMT-2', 120], ['UTC+2', 'Etc/GMT-2', 120], ['utc -5', 'Etc/GMT+5', -300], ['UTC+14', 'Etc/GMT-14', 840],
    ['GMT-03:00', 'Etc/GMT+3', -180], ['+9', 'Etc/GMT-9', 540],
  ])('maps the fixed offset %s to %s, %i minutes from UTC all year', (typed, zone, minutes) => {
    const reading = readTimeZone(typed);
    expect(reading).toMatchObject({ kind: 'zone', zone, how: 'offset' });
    for (const month of ['01', '07']) expect(offsetMinutesAt(zone, new Date(`2026-${month}-15T12:00:00Z`))).toBe(minutes);
    if (reading.kind === 'zone') expect(timeZoneConfirmation(reading, quote)).toMatch(/the sign the other way round.*no daylight saving/);
  });

  it('says the same about a fixed zone typed by its tz name', () => {
    const reading = readTimeZone('Etc/GMT-2');
    expect(reading).toMatchObject({ kind: 'zone', zone: 'Etc/GMT-2', how: 'offset', offset: 'UTC+2' });
  });

  it('reads UTC+0 as UTC, and refuses offsets that are not whole hours or out of range', () => {
    expect(zoneOf('GMT+0')).toBe('UTC');
    expect(readTimeZone('+05:30')).toMatchObject({ kind: 'unknown', why: 'offset-not-whole-hours' });
    expect(readTimeZone('UTC+15')).toMatchObject({ kind: 'unknown', why: 'offset-not-whole-hours' });
    expect(readTimeZone('UTC-13')).toMatchObject({ kind: 'unknown', why: 'offset-not-whole-hours' });
  });

  it.each([
    ['Paris', 'Europe/Paris'], ['paris', 'Europe/Paris'], ['New York', 'America/New_York'], ['new_york', 'America/New_York'],
    ['São Paulo', 'America/Sao_Paulo'], ['Kolkata', 'Asia/Kolkata'], ['Calcutta', 'Asia/Kolkata'], ['Kiev', 'Europe/Kyiv'],
  ])('accepts the unambiguous city %s as %s', (typed, zone) => {
    expect(readTimeZone(typed)).toMatchObject({ kind: 'zone', zone, how: 'city' });
  });

  it('still reads IANA names and old spellings as names', () => {
    expect(readTimeZone('Europe/Paris')).toMatchObject({ kind: 'zone', zone: 'Europe/Paris', how: 'name' });
    expect(readTimeZone('Asia/Calcutta')).toMatchObject({ kind: 'zone', zone: 'Asia/Kolkata', how: 'name' });
    expect(readTimeZone('  utc ')).toMatchObject({ kind: 'zone', zone: 'UTC', how: 'name' });
  });

  it('refuses what is not a zone', () => {
    for (const typed of ['Mars/Olympus', 'Atlantis', '', 'constructor', 'toString']) {
      expect(readTimeZone(typed).kind, typed).toBe('unknown');
    }
  });
});

describe('suggesting close timezones', () => {
  it('suggests only zones that are really close', () => {
    expect(closeTimeZones('Mars/Olympus')).toEqual([]);
    expect(closeTimeZones('Atlantis/Capital')).toEqual([]);
    expect(closeTimeZones('Asia/Kolkatta')).toEqual(['Asia/Kolkata']);
    expect(closeTimeZones('Europe/Pariss')).toEqual(['Europe/Paris']);
    expect(closeTimeZones('Nw York')[0]).toBe('America/New_York');
    expect(closeTimeZones('Los Ang')).toEqual(['America/Los_Angeles']);
  });

  it('hints at a city for an offset that is not whole hours, and at names when nothing is close', () => {
    const offset = readTimeZone('+05:30');
    if (offset.kind === 'unknown') expect(unknownTimeZoneHint(offset, quote)).toContain('whole hours');
    const mars = readTimeZone('Mars/Olympus');
    if (mars.kind === 'unknown') expect(unknownTimeZoneHint(mars, quote)).not.toContain('Did you mean');
    expect.assertions(2);
  });
});
