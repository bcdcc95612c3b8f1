import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENCOURAGEMENT_BANK } from '../../src/domain/recap/encouragement.js';
import { publicMemberText } from '../../src/domain/member-text.js';
import { collapseWhitespace, linksToHosts, summarise } from '../../src/domain/recap/text.js';
import type { RecapWeekData, RecapWin } from '../../src/domain/recap/types.js';
import { localDateOfEpochDay } from '../../src/domain/time.js';
import { composeAndRender, limitProblems, seeded } from './recap-support.js';

/**
 * `shown` is `full`, or `full` with its bare links as hosts, or a prefix of that which stops just before
 * whitespace, plus "…" (and "||" when the cut left a spoiler open).
 */
function isWordBoundarySummary(original: string, shown: string): boolean {
  if (shown === original) return true;
  const full = linksToHosts(original);
  if (shown === full) return true;
  const cut = shown.endsWith('…||') ? shown.slice(0, -2) : shown;
  if (!cut.endsWith('…')) return false;
  const prefix = cut.slice(0, -1);
  return full.startsWith(prefix) && (prefix === '' || (/\S$/.test(prefix) && /\s/.test(full.charAt(prefix.length))));
}

/** Whether `shown` is the summary of `full` as the recap shows members' words (masked links unmasked, bidi overrides gone). */
const shownFrom = (full: string, shown: string): boolean => isWordBoundarySummary(full, shown) || isWordBoundarySummary(publicMemberText(full), shown);

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String);
const fragments = [
  '**bold**', '*', '_', '`', '```', '||', '~~', '> ', '# ', '- ', '\n', '\n\n', '@everyone', '@here', '<@123456789012345678>',
  '<@&123456789012345678>', '🎉', '👩‍👩‍👧‍👦', ' ', '[link](https://example.com)', 'word', 'https://example.com/a/very/long/path', '\t', 'é',
];
const memberText = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 500 }),
    fc.string({ unit: fc.constantFrom(...fragments), maxLength: 120 }),
    fc.string({ unit: fc.constantFrom('a', 'é', '🌱'), minLength: 150, maxLength: 500 }),
    fc.array(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 260 }), { maxLength: 6 }).map((words) => words.join(' ')),
  )
  .map((text) => [...text].slice(0, 500).join(''));

const recapWeek = fc
  .record({
    epochDay: fc.integer({ min: 10_000, max: 40_000 }),
    timezone: fc.constantFrom('UTC', 'Asia/Kathmandu', 'America/New_York', 'Pacific/Chatham'),
    members: fc.uniqueArray(snowflake, { minLength: 1, maxLength: 12 }),
    wins: fc.array(fc.record({ member: fc.nat(), text: memberText, at: fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }) }), { maxLength: 30 }),
    archive: fc.option(fc.record({ text: memberText, kind: fc.constantFrom('year' as const, 'month' as const, 'older' as const) }), { nil: undefined }),
    counts: fc.record({ memberCount: fc.nat(100_000), winCount: fc.oneof(fc.constant(0), fc.nat(10_000_000)), goalsMet: fc.nat(100_000), firstTimers: fc.nat(50) }),
    previousWeekCounts: fc.array(fc.nat(1000), { maxLength: 8 }),
    firstRecap: fc.boolean(),
    partnerGroups: fc.array(fc.array(snowflake, { minLength: 2, maxLength: 3 }), { maxLength: 80 }),
    lateByMinutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: undefined }),
  })
  .map(({ epochDay, members, wins, archive, counts, ...rest }): RecapWeekData => {
    const publicWins: RecapWin[] = wins.map((w, i) => ({ id: i + 1, userId: members[w.member % members.length] ?? '1', text: w.text, occurredAt: new Date(w.at) }));
    return {
      ...rest,
      ...counts,
      firstDay: localDateOfEpochDay(epochDay),
      lastDay: localDateOfEpochDay(epochDay + 6),
      publicWins,
      archive: archive && { kind: archive.kind, win: { id: 0, userId: members[0] ?? '1', text: archive.text, occurredAt: new Date('2025-11-26T12:00:00Z') } },
    };
  });

describe('composeRecap, for any week', () => {
  it('stays within every Discord limit with room to spare, pings only partners, and never cuts a word', () => {
    fc.assert(
      fc.property(recapWeek, fc.integer(), fc.subarray(ENCOURAGEMENT_BANK.map((l) => l.id), { maxLength: 16 }), (data, seed, recent) => {
        const { message, lineIds } = composeAndRender(data, { random: seeded(seed), recentLineIds: new Set(recent) });
        expect(limitProblems(message, 5000)).toEqual([]);
        expect(message.allowed_mentions.parse).toEqual([]);
        const partnerIds = new Set(data.partnerGroups.flat());
        for (const id of message.allowed_mentions.users ?? []) expect(partnerIds).toContain(id);
        expect(message.allowed_mentions.roles).toBeUndefined();
        expect(lineIds.length).toBeGreaterThanOrEqual(1);
        for (const id of lineIds) expect(recent).not.toContain(id);

        const texts = new Map<string, string[]>();
        for (const w of data.publicWins) texts.set(w.userId, [...(texts.get(w.userId) ?? []), collapseWhitespace(w.text)]);
        const fields = message.embeds?.[0]?.fields ?? [];
        for (const field of fields) {
          if (field.name === 'From the archive 📜') {
            const shown = field.value.slice(field.value.indexOf('\n> ') + 3);
            expect(shownFrom(collapseWhitespace(data.archive?.win.text ?? ''), shown) || shown === '*a win without words*').toBe(true);
            continue;
          }
          const match = /^<@(\d+)>: ([\s\S]*)$/.exec(field.value);
          expect(match, field.value).not.toBeNull();
          const [, userId = '', shown = ''] = match ?? [];
          const own = texts.get(userId) ?? [];
          expect(own.length, 'a highlight names the member who logged it').toBeGreaterThan(0);
          expect(own.some((full) => (full === '' ? shown === '*a win without words*' : shownFrom(full, shown))), shown).toBe(true);
        }
        if (data.winCount === 0) expect(fields.filter((f) => f.name !== 'From the archive 📜')).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });
});

describe('summarise', () => {
  it('fits in max and is the whole text or a word-boundary prefix with "…"', () => {
    fc.assert(
      fc.property(memberText, fc.integer({ min: 1, max: 600 }), (text, max) => {
        const shown = summarise(text, max);
        // Characters are code points, as everywhere the bot shortens text.
        expect([...shown].length).toBeLessThanOrEqual(max);
        expect(isWordBoundarySummary(text, shown)).toBe(true);
        if ([...text].length <= max) expect(shown).toBe(text);
        // A spoiler the member closed is never left open by the cut: Discord would show what it hides.
        const marks = (t: string) => t.replace(/`[^`\n]*`/g, '').split('||').length - 1;
        const cut = shown !== text && shown !== linksToHosts(text);
        if (cut && marks(shown) % 2 === 1) expect(marks(linksToHosts(text))).toBeLessThanOrEqual(marks(shown));
      }),
      { numRuns: 500 },
    );
  });
});
