import { describe, expect, it } from 'vitest';
import { withRecapMarker } from '../../src/discord/render/recap.js';
import { isRecapOf, recapMarker } from '../../src/domain/recap-marker.js';

const span = { firstDay: { year: 2026, month: 11, day: 23 }, lastDay: { year: 2026, month: 11, day: 29 } };
const nextSpan = { firstDay: { year: 2026, month: 11, day: 30 }, lastDay: { year: 2026, month: 12, day: 6 } };

describe('recap marker', () => {
  it('adds the recap’s dates to the first embed footer, once, keeping the footer that was there', () => {
    const message = { embeds: [{ title: 'Week', footer: { text: 'Every size counts.' } }, { title: 'More' }], allowed_mentions: { parse: [] } };
    const marked = withRecapMarker(message, span);
    expect(marked.embeds?.[0]?.footer?.text).toBe('Every size counts.\nSmall Wins recap · 23 Nov – 29 Nov 2026');
    expect(marked.embeds?.[1]).toEqual({ title: 'More' });
    expect(withRecapMarker(marked, span)).toEqual(marked);
  });

  it('names dates, never an ISO week number, and the years of a span that crosses one', () => {
    expect(recapMarker(span)).not.toMatch(/W\d\d|week 20/);
    expect(recapMarker({ firstDay: { year: 2026, month: 12, day: 28 }, lastDay: { year: 2027, month: 1, day: 3 } })).toBe('Small Wins recap · 28 Dec 2026 – 3 Jan 2027');
  });

  it('puts the marker in small text content when there is no embed', () => {
    expect(withRecapMarker({ allowed_mentions: { parse: [] } }, span).content).toBe('-# Small Wins recap · 23 Nov – 29 Nov 2026');
  });

  it('recognises a recap of those dates only', () => {
    const recap = { content: '', footers: ['Every size counts.\nSmall Wins recap · 23 Nov – 29 Nov 2026'] };
    expect(isRecapOf(recap, span)).toBe(true);
    expect(isRecapOf(recap, nextSpan)).toBe(false);
    expect(isRecapOf({ content: recapMarker(nextSpan), footers: [] }, nextSpan)).toBe(true);
  });
});
