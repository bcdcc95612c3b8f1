import { describe, expect, it } from 'vitest';
import { composeAndRender, seeded, weekData, win } from '../domain/recap-support.js';

const fieldValues = (data: Parameters<typeof weekData>[0]) =>
  (composeAndRender(weekData(data), { random: seeded(1), recentLineIds: new Set() }).message.embeds?.[0]?.fields ?? []).map((field) => field.value);

// SPEC §7: members' words are shown as written, but nothing in them may mislead the server: a masked link
// shows where it really goes and bidi overrides cannot turn a text around, in the recap as in the celebration.
describe("members' words in the recap", () => {
  it('shows a masked link with its real address and drops bidi overrides, in the highlights', () => {
    const values = fieldValues({ publicWins: [win('111111111111111111', 'notes at [docs.google.com](http://evil.example/steal)'), win('222222222222222222', 'renamed \u202egnp.exe\u202c file')] });
    expect(values.join('\n')).toContain('notes at \\[docs.google.com\\](http://evil.example/steal)');
    expect(values.join('\n')).toContain('renamed gnp.exe file');
    expect(values.join('\n')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('does the same for the win from the archive', () => {
    const archived = { ...win('111111111111111111', 'see [my post](http://evil.example/x) \u202eok'), occurredAt: new Date('2025-11-25T10:00:00Z') };
    const values = fieldValues({ archive: { kind: 'year', win: archived } });
    expect(values.join('\n')).toContain('see \\[my post\\](http://evil.example/x) ok');
  });

  it('keeps a spoiler closed when a long win is shortened', () => {
    const hidden = `Finished the draft ||the twist: ${'word '.repeat(60)}the end||`;
    const [value] = fieldValues({ publicWins: [win('111111111111111111', hidden)] });
    expect(value).toMatch(/…\|\|$/);
  });
});
