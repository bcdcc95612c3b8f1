import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, periodRange } from '../../src/domain/win-pages.js';
import { truncateAtWord } from '../../src/domain/truncate.js';

describe('truncateAtWord', () => {
  it('leaves text within the limit exactly as written', () => {
    expect(truncateAtWord('**bold** _and_ `code`', 21)).toBe('**bold** _and_ `code`');
  });

  it('cuts at a space near the end and adds an ellipsis, never splitting a word', () => {
    expect(truncateAtWord('wrote three hundred words today', 20)).toBe('wrote three hundred…');
    expect([...truncateAtWord('a'.repeat(10) + ' ' + 'b'.repeat(30), 20)].length).toBeLessThanOrEqual(20);
  });

  it('cuts a single long word where it must, counting emoji as one character', () => {
    expect(truncateAtWord('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(truncateAtWord('🌱'.repeat(12), 10)).toBe(`${'🌱'.repeat(9)}…`);
  });
});

describe('paging', () => {
  it('always has at least one page', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(5)).toBe(1);
    expect(pageCount(6)).toBe(2);
  });

  it('brings any page number into range', () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(7, 3)).toBe(3);
    expect(clampPage(Number.NaN, 3)).toBe(1);
    expect(clampPage(2, 3)).toBe(2);
  });

  it('uses the member’s week and month, and no range for all time', () => {
    const now = new Date('2026-11-25T23:30:00Z'); // Thursday 26 Nov in Kathmandu
    expect(periodRange('week', 'Asia/Kathmandu', now)?.start.toISOString()).toBe('2026-11-22T18:15:00.000Z');
    expect(periodRange('month', 'UTC', now)?.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(periodRange('all', 'UTC', now)).toBeNull();
  });
});
