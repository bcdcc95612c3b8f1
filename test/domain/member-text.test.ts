import { describe, expect, it } from 'vitest';
import { isVisiblyEmpty, publicMemberText, stripControlCharacters } from '../../src/domain/member-text.js';
import { parseWinText } from '../../src/domain/win-input.js';

describe('text members type', () => {
  it('strips NUL and other control characters, keeping tabs and newlines', () => {
    expect(stripControlCharacters('ran\u0000 5k\u0007\tthen\nrested\u007f')).toBe('ran 5k\tthen\nrested');
    expect(parseWinText('wrote\u0000 a page')).toEqual({ ok: true, value: 'wrote a page' });
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a word joiner and BOM', '\u2060\ufeff'],
    ['Hangul fillers', '\u3164\u115f'],
    ['a braille blank', '\u2800'],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
    ['bidi controls', '\u202e\u2066\u2069'],
    ['a variation selector', '\ufe0f'],
    ['NUL bytes', '\u0000\u0000'],
    ['bold around a space', '** **'],
    ['italics around a space', '_ _'],
    ['strikethrough around zero-width space', '~~\u200b~~'],
    ['a spoiler of blanks', '||   ||'],
    ['nested marks around a space', '***__ __***'],
  ])('refuses a win of only %s as empty', (_, text) => {
    expect(isVisiblyEmpty(text)).toBe(true);
    expect(parseWinText(text)).toEqual({ ok: false, problem: 'text-empty' });
  });

  it('accepts short visible text, emoji included', () => {
    for (const text of ['.', '🎉', '✔️', 'ok\u200b', '**ok**', '¯\\_(ツ)_/¯', '***', '**', '~~']) expect(isVisiblyEmpty(text), text).toBe(false);
  });

  it('removes bidi overrides and isolates from public text, keeping plain direction marks', () => {
    expect(publicMemberText('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(publicMemberText('a\u2067b\u2069c\u200f')).toBe('abc\u200f');
  });

  it('shows a masked link literally, with its real URL', () => {
    expect(publicMemberText('got [free nitro](https://evil.example/x) today')).toBe('got \\[free nitro\\](https://evil.example/x) today');
    expect(publicMemberText('[safe](<https://evil.example/y>)')).toBe('\\[safe\\](https://evil.example/y)');
    expect(publicMemberText('plain https://example.com and [brackets] (here)')).toBe('plain https://example.com and [brackets] (here)');
  });
});
