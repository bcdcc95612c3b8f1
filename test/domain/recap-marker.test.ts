import { describe, expect, it } from 'vitest';
import { withWeekMarker } from '../../src/discord/render/recap.js';
import { isRecapOfWeek } from '../../src/domain/recap-marker.js';

describe('recap week marker', () => {
  it('adds the week to the first embed footer, once, keeping the footer that was there', () => {
    const message = { embeds: [{ title: 'Week', footer: { text: 'Every size counts.' } }, { title: 'More' }], allowed_mentions: { parse: [] } };
    const marked = withWeekMarker(message, '2026-W48');
    expect(marked.embeds?.[0]?.footer?.text).toBe('Every size counts.\nSmall Wins · week 2026-W48');
    expect(marked.embeds?.[1]).toEqual({ title: 'More' });
    expect(withWeekMarker(marked, '2026-W48')).toEqual(marked);
  });

  it('puts the marker in small text content when there is no embed', () => {
    expect(withWeekMarker({ allowed_mentions: { parse: [] } }, '2026-W01').content).toBe('-# Small Wins · week 2026-W01');
  });

  it('recognises a recap of that week only', () => {
    const recap = { content: '', footers: ['Every size counts.\nSmall Wins · week 2026-W48'] };
    expect(isRecapOfWeek(recap, '2026-W48')).toBe(true);
    expect(isRecapOfWeek(recap, '2026-W49')).toBe(false);
    expect(isRecapOfWeek({ content: 'Small Wins · week 2026-W49', footers: [] }, '2026-W49')).toBe(true);
  });
});
