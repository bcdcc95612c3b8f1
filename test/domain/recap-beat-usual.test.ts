import { describe, expect, it } from 'vitest';
import { beatUsualCount, type MemberSpanTally } from '../../src/domain/recap/beat-usual.js';

const span = { start: new Date('2026-11-30T09:00:00Z'), end: new Date('2026-12-07T09:00:00Z') };
const longAgo = new Date('2026-10-01T00:00:00Z');
const member = (inSpan: number, inFourWeeksBefore: number, firstWinAt = longAgo): MemberSpanTally => ({ inSpan, inFourWeeksBefore, firstWinAt });

describe('"N members beat their own usual week": who counts, and when the line stays out', () => {
  it('counts members whose span beats their own average of the 4 weeks before', () => {
    expect(beatUsualCount([member(3, 4), member(2, 4), member(1, 4), member(0, 4), member(1, 8)], span)).toBe(2);
  });

  it('never counts a member with less than 4 weeks of history, whatever they logged', () => {
    const recent = new Date(span.start.getTime() - 27 * 86_400_000);
    const tallies = [member(3, 4), member(3, 4), member(1, 4), member(1, 4), member(9, 0, recent)];
    expect(beatUsualCount(tallies, span)).toBeUndefined();
    expect(beatUsualCount([...tallies, member(1, 4)], span)).toBe(2);
  });

  it('stays out when it would single out one member, or fewer than 5 are counted', () => {
    expect(beatUsualCount([member(3, 4), member(1, 4), member(1, 4), member(1, 4), member(1, 4)], span)).toBeUndefined();
    expect(beatUsualCount([member(3, 4), member(3, 4), member(3, 4), member(3, 4)], span)).toBeUndefined();
    expect(beatUsualCount([member(3, 4), member(3, 4), member(3, 4), member(3, 4), member(3, 4)], span)).toBe(5);
  });

  it('scales the usual to a span longer than a week', () => {
    const twoWeeks = { start: span.start, end: new Date(span.start.getTime() + 14 * 86_400_000) };
    expect(beatUsualCount([member(3, 8), member(3, 8), member(5, 8), member(5, 8), member(0, 0)], twoWeeks)).toBe(2);
  });
});
