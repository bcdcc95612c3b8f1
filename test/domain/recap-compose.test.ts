import { describe, expect, it } from 'vitest';
import { ENCOURAGEMENT_BANK } from '../../src/domain/recap/encouragement.js';
import { pickHighlights } from '../../src/domain/recap/highlights.js';
import { composeAndRender, limitProblems, seeded, visibleText, weekData, win } from './recap-support.js';

const A = '100000000000000001';
const others = ['100000000000000002', '100000000000000003', '100000000000000004', '100000000000000005'];
const compose = (overrides: Parameters<typeof weekData>[0] = {}, seed = 1, recent: ReadonlySet<string> = new Set()) =>
  composeAndRender(weekData(overrides), { random: seeded(seed), recentLineIds: recent });
const embedOf = (recap: ReturnType<typeof compose>) => recap.message.embeds?.[0] ?? expect.unreachable('no embed');

describe('composeRecap', () => {
  it('tells the week together, without names or per-member counts', () => {
    const embed = embedOf(compose({ memberCount: 12, winCount: 40, goalsMet: 3 }));
    expect(embed.title).toBe('Small wins, 23 Nov – 29 Nov');
    expect(embed.description).toContain('12 members logged 40 wins this week, and 3 goals were met.');
    expect(embed.footer?.text).toMatch(/every size counts/i);
  });

  it('speaks in the singular for one, and leaves unmet goals out rather than counting zero', () => {
    const one = embedOf(compose({ memberCount: 1, winCount: 1, goalsMet: 1, publicWins: [win(A)] }));
    expect(one.description).toContain('1 member logged 1 win this week, and 1 goal was met.');
    const none = embedOf(compose({ goalsMet: 0 }));
    expect(none.description).not.toMatch(/\b0 goals?\b/);
  });

  it('shows highlights as rendered mentions that ping nobody', () => {
    const recap = compose({ publicWins: [win(A, 'wrote **300** words'), win(others[0] ?? '', 'answered one email')] });
    const values = embedOf(recap).fields?.map((f) => f.value) ?? [];
    expect(values).toContain(`<@${A}>: wrote **300** words`);
    expect(values).toContain(`<@${others[0]}>: answered one email`);
    expect(recap.message.allowed_mentions).toEqual({ parse: [] });
    expect(recap.message.content).toBeUndefined();
  });

  it('puts each highlight in its own field, so one member’s unclosed markdown cannot spill into another’s', () => {
    const wins = [win(A, 'started a ```code block'), ...others.map((id) => win(id, 'and **bold'))];
    const fields = embedOf(compose({ publicWins: wins })).fields ?? [];
    expect(fields).toHaveLength(5);
    expect(fields[0]?.name).toBe('Highlights ✨');
    for (const field of fields) expect(field.value.match(/<@\d+>:/g)).toHaveLength(1);
  });

  it('names every highlight field with something visible, never an invisible character that leaves a blank gap', () => {
    const fields = embedOf(compose({ publicWins: [win(A), ...others.map((id) => win(id))] })).fields ?? [];
    expect(fields).toHaveLength(5);
    for (const field of fields) {
      expect(field.name).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
      expect(field.name.trim()).not.toBe('');
    }
  });

  it('summarises a long win at a word boundary and puts newlines on one line', () => {
    const long = `line one\nline two ${'word '.repeat(100)}end`;
    const value = embedOf(compose({ publicWins: [win(A, long)] })).fields?.[0]?.value ?? '';
    expect(value.length).toBeLessThanOrEqual(230);
    expect(value).toMatch(/^<@\d+>: line one line two( word)+…$/);
  });

  it('keeps the words of a win that holds a long link, showing the link by its host', () => {
    const link = `https://www.example.com/articles/2027/${'sleep-and-memory-'.repeat(12)}?utm_source=newsletter`;
    const value = embedOf(compose({ publicWins: [win(A, `read ${link} — the chapter on sleep, loved it`)] })).fields?.[0]?.value ?? '';
    expect(value).toBe(`<@${A}>: read example.com — the chapter on sleep, loved it`);
  });

  it('stays well within Discord’s limits even with texts far longer than /win allows', () => {
    const huge = `**${'markdown '.repeat(300)}** @everyone ${'x'.repeat(3000)}`;
    const recap = compose({
      publicWins: [A, ...others, '100000000000000009'].map((id) => win(id, huge)),
      archive: { win: win(A, huge), kind: 'older' },
      lateByMinutes: 600,
      firstTimers: 3,
    });
    expect(limitProblems(recap.message, 4000)).toEqual([]);
    expect(recap.message.allowed_mentions).toEqual({ parse: [] });
  });

  it('brings back an archive win, introduced by how long ago it was', () => {
    const archived = { ...win(A, 'finished the first draft'), occurredAt: new Date('2024-03-03T12:00:00Z') };
    const field = (kind: 'year' | 'month' | 'older') =>
      embedOf(compose({ archive: { win: archived, kind } })).fields?.find((f) => f.name.startsWith('From the archive'))?.value;
    expect(field('year')).toBe(`A year ago this week, <@${A}> logged:\n> finished the first draft`);
    expect(field('month')).toMatch(/^A month ago, <@\d+> logged:/);
    expect(field('older')).toMatch(/^From the archive: on 3 March 2024, <@\d+> logged:/);
  });

  it('chooses encouragement for the week and reports the line ids to remember', () => {
    const recap = compose({ firstTimers: 1 });
    expect(recap.lineIds).toHaveLength(2);
    const [first, second] = recap.lineIds.map((id) => ENCOURAGEMENT_BANK.find((line) => line.id === id));
    expect(first?.situation).toBe('steady');
    expect(second?.situation).toBe('first-win');
    for (const line of [first, second]) expect(embedOf(recap).description).toContain(line?.text);
  });

  it('never uses a line this server saw in the last 8 weeks', () => {
    const recent = new Set(ENCOURAGEMENT_BANK.filter((line) => line.situation === 'steady').slice(1).map((l) => l.id));
    for (let seed = 0; seed < 20; seed++) expect(compose({}, seed, recent).lineIds).toEqual(['steady-01']);
  });

  it('adds a short note when the recap goes out late', () => {
    expect(embedOf(compose({ lateByMinutes: 95 })).description).toContain('Posted a little late: I was offline for a while.');
    expect(embedOf(compose()).description).not.toContain('late');
  });

  it('pings this week’s partners, and only them', () => {
    const recap = compose({ partnerGroups: [[A, others[0] ?? ''], others.slice(1)] });
    expect(recap.message.content).toContain(`<@${A}> & <@${others[0]}>`);
    expect(recap.message.content).toContain(`<@${others[1]}>, <@${others[2]}> & <@${others[3]}>`);
    expect(recap.message.allowed_mentions).toEqual({ parse: [], users: [A, ...others] });
  });

  it('keeps a huge partner list within the content limit and 100 pings, pointing the rest to /partner status', () => {
    const groups = Array.from({ length: 120 }, (_, i) => [`2${String(2 * i).padStart(17, '0')}`, `2${String(2 * i + 1).padStart(17, '0')}`]);
    const recap = compose({ partnerGroups: groups });
    expect(limitProblems(recap.message)).toEqual([]);
    expect(recap.message.content).toMatch(/…and \d+ more groups: `\/partner status` shows yours\.$/);
    const mentioned = [...(recap.message.content ?? '').matchAll(/<@(\d+)>/g)].map((m) => m[1]);
    expect(new Set(mentioned)).toEqual(new Set(recap.message.allowed_mentions.users));
  });
});

describe('a week without wins', () => {
  const empty = { publicWins: [], winCount: 0, memberCount: 0, goalsMet: 0 };

  it('gets a short, kind post that invites one small win, never a zero count', () => {
    const recap = compose(empty);
    const text = visibleText(recap.message);
    expect(text).not.toMatch(/\b0 (wins?|members?|goals?)\b/);
    expect(text).not.toContain('Together');
    expect(text).toContain('/win');
    expect(recap.lineIds.map((id) => id.split('-')[0])).toEqual(['empty']);
    expect(embedOf(recap).fields).toBeUndefined();
    expect(text.length).toBeLessThan(600);
  });

  it('still carries the partners and the archive', () => {
    const archive = { win: win(A, 'a walk in the rain'), kind: 'year' as const };
    const recap = compose({ ...empty, archive, partnerGroups: [[A, others[0] ?? '']] });
    expect(embedOf(recap).fields?.map((f) => f.name)).toEqual(['From the archive 📜']);
    expect(recap.message.allowed_mentions.users).toEqual([A, others[0]]);
  });

  it('mentions goals met quietly with private wins', () => {
    expect(embedOf(compose({ ...empty, goalsMet: 2 })).description).toContain('Quietly, 2 goals were met this week.');
  });
});

describe('pickHighlights', () => {
  const prolific = [...Array.from({ length: 50 }, () => win(A)), ...others.map((id) => win(id))];
  const tenMembers = [...Array.from({ length: 50 }, () => win(A)), ...Array.from({ length: 9 }, (_, i) => win(`30000000000000000${i}`))];

  it('shows one win per member when five or more members logged wins', () => {
    for (let seed = 0; seed < 200; seed++) {
      const picked = pickHighlights(tenMembers, seeded(seed));
      expect(picked).toHaveLength(5);
      expect(new Set(picked.map((w) => w.userId)).size).toBe(5);
    }
  });

  it('chooses among members, not by volume: a member with 50 wins is picked as often as one with a single win', () => {
    const runs = 4000;
    const appearances = new Map<string, number>();
    const random = seeded(20261123);
    for (let i = 0; i < runs; i++) {
      for (const w of pickHighlights(tenMembers, random)) appearances.set(w.userId, (appearances.get(w.userId) ?? 0) + 1);
    }
    // Each of 10 members is in 5 of 10 picks: 2000 ± 4σ (σ ≈ 32).
    expect(appearances.size).toBe(10);
    for (const [member, count] of appearances) expect(Math.abs(count - runs / 2), member).toBeLessThan(130);
  });

  it('does not put the most prolific member first', () => {
    const runs = 4000;
    const random = seeded(7);
    let aFirst = 0;
    for (let i = 0; i < runs; i++) if (pickHighlights(prolific, random)[0]?.userId === A) aFirst++;
    // Five members, so one in five: 800 ± 4σ (σ ≈ 25).
    expect(Math.abs(aFirst - runs / 5)).toBeLessThan(100);
  });

  it('fills up with more wins of the same members, in turn, only when fewer than five members logged wins', () => {
    const wins = [...Array.from({ length: 10 }, () => win(A)), win(others[0] ?? '', 'only one')];
    for (let seed = 0; seed < 50; seed++) {
      const picked = pickHighlights(wins, seeded(seed));
      expect(picked).toHaveLength(5);
      expect(new Set(picked.map((w) => w.id)).size).toBe(5);
      expect(new Set(picked.slice(0, 2).map((w) => w.userId))).toEqual(new Set([A, others[0]]));
    }
    expect(pickHighlights([win(A)], seeded(1))).toHaveLength(1);
    expect(pickHighlights([], seeded(1))).toEqual([]);
  });
});
