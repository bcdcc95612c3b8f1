import { describe, expect, it } from 'vitest';
import { parseLocalTime, weekdayName, weekdayNumber } from '../../src/domain/weekly-settings.js';

describe('recap day and time settings', () => {
  it('reads weekday names in any case, Monday first', () => {
    expect(weekdayNumber('monday')).toBe(1);
    expect(weekdayNumber(' Sunday ')).toBe(7);
    expect(weekdayNumber('someday')).toBeUndefined();
    expect(weekdayName(4)).toBe('Thursday');
  });

  it('accepts 24-hour times and normalises them, refusing anything else', () => {
    expect(parseLocalTime('9:00')).toBe('09:00');
    expect(parseLocalTime('00:00')).toBe('00:00');
    expect(parseLocalTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '9', '9am', '09:00:00', '', '-1:00', '1:5']) expect(parseLocalTime(bad)).toBeUndefined();
  });
});
