import { describe, expect, it } from 'vitest';
import { formatDayMonthYear } from '../../src/domain/date-format.js';
import { collapseWhitespace, shownText, summarise } from '../../src/domain/recap/text.js';
import { truncateAtWord } from '../../src/domain/truncate.js';
import { embedLength } from './recap-support.js';

describe('summarise', () => {
  it('leaves text that fits untouched, markdown and all', () => {
    expect(summarise('wrote **300** words', 19)).toBe('wrote **300** words');
  });

  it('cuts at the last word boundary that fits, with "…" counted in the limit', () => {
    expect(summarise('answered one email today', 20)).toBe('answered one email…');
    expect(summarise('answered one email today', 13)).toBe('answered one…');
    expect(summarise('answered one email today', 12)).toBe('answered…');
  });

  it('never cuts inside a word, an emoji or a mention', () => {
    expect(summarise('done 👩‍👩‍👧‍👦👩‍👩‍👧‍👦 yes', 10)).toBe('done…');
    expect(summarise('thanks <@123456789012345678> for the help', 20)).toBe('thanks…');
  });

  it('leaves only "…" when the first word alone is too long', () => {
    expect(summarise('a'.repeat(300), 200)).toBe('…');
    expect(summarise(`${'a'.repeat(300)} b`, 200)).toBe('…');
  });

  it('does not end the kept part with whitespace', () => {
    expect(summarise('one    two three', 9)).toBe('one…');
  });

  it('counts characters as truncateAtWord does (code points), so an emoji is one character', () => {
    expect(summarise('🌱🌱🌱 ok', 6)).toBe('🌱🌱🌱 ok');
    expect(summarise('🌱🌱🌱 ok', 5)).toBe('🌱🌱🌱…');
  });

  it('shortens bare links to their hosts before cutting words, and only when the text does not fit', () => {
    const link = `https://www.example.com/${'a'.repeat(250)}`;
    expect(summarise(`read ${link} twice`, 40)).toBe('read example.com twice');
    expect(summarise(`read <${link}>, then slept`, 40)).toBe('read example.com, then slept');
    expect(summarise(`read ${link} ${'and more '.repeat(10)}`, 30)).toBe('read example.com and more and…');
    expect(summarise('read https://example.com/a', 40)).toBe('read https://example.com/a');
    // A markdown link keeps its target: shortening it would break the link.
    expect(summarise(`read [this](${link}) twice`, 40)).toBe('read…');
  });

  it('refuses a max with no room for the "…"', () => {
    expect(() => summarise('text', 0)).toThrow(RangeError);
  });
});

describe('a cut inside a spoiler', () => {
  const hidden = 'Finished the draft ||the twist: the butler did it, in the library, with a candlestick||';
  it('closes the spoiler again, within the limit, so the hidden words stay hidden', () => {
    const shown = summarise(hidden, 40);
    expect(shown).toBe('Finished the draft ||the twist: the…||');
    expect([...shown].length).toBeLessThanOrEqual(40);
    expect(truncateAtWord(hidden, 40)).toBe('Finished the draft ||the twist: the…||');
    expect([...truncateAtWord(hidden, 40)].length).toBeLessThanOrEqual(40);
  });
  it('leaves a `||` the member never closed as typed, and one inside code alone', () => {
    expect(summarise('this || that and a lot more words after it', 20)).toBe('this || that and a…');
    expect(summarise('typed `a||b` and then far more words', 20)).toBe('typed `a||b` and…');
  });
});

describe('shownText', () => {
  it('puts a member’s text on one line and summarises it', () => {
    expect(shownText('line one\n\n- line two\t ', 100)).toBe('line one - line two');
    expect(shownText('   \n ', 100)).toBe('*a win without words*');
  });

  it('collapses every kind of whitespace', () => {
    expect(collapseWhitespace('a\u00a0\u2028b\r\nc')).toBe('a b c');
  });
});

describe('embedLength', () => {
  it('counts title, description, field names and values, footer text and author name, as Discord does', () => {
    expect(
      embedLength({
        title: 'abc',
        description: 'de',
        fields: [{ name: 'f', value: 'gh' }, { name: 'ij', value: 'k' }],
        footer: { text: 'lmn' },
        author: { name: 'op' },
      }),
    ).toBe(3 + 2 + 3 + 3 + 3 + 2);
    expect(embedLength({})).toBe(0);
  });

  it('counts UTF-16 code units, the stricter measure for emoji', () => {
    expect(embedLength({ title: '🌱' })).toBe(2);
  });
});

describe('formatDayMonthYear', () => {
  it('writes the day, month name and year', () => {
    expect(formatDayMonthYear({ year: 2026, month: 11, day: 23 })).toBe('23 November 2026');
  });
});
