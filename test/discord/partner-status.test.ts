import { describe, expect, it } from 'vitest';
import { partnerStatusDescription } from '../../src/discord/render/partners.js';
import { translator } from '../../src/i18n/index.js';
import { LOCALES } from '../../src/i18n/locales.js';

const length = (text: string) => [...text].length;
const trio = (note: string | null) => ({
  kind: 'paired' as const,
  weekKey: '2026-W50',
  partners: [
    { userId: '222222222222222222', sharedNote: note },
    { userId: '333333333333333333', sharedNote: note },
  ],
  cheeredMine: ['222222222222222222', '333333333333333333'],
});
// Ten goals each, their titles at the 100-character limit, as `/partner status` draws them.
const goalLines = new Map(['222222222222222222', '333333333333333333'].map((id) => [id, Array.from({ length: 10 }, (_, i) => `🤝 **${`${i} ${'g'.repeat(98)}`}** ▰▰▰▰▰▱▱▱▱▱ 5/10 this month`)]));

// Discord refuses an embed description over 4096 characters: a trio's two long notes and twenty goals must still fit.
describe('/partner status for a trio with everything at its limits', () => {
  it.each(LOCALES)('fits in one embed description and names both partners (%s)', (locale) => {
    const note = `||a secret: ${'n'.repeat(970)}|| done`;
    const text = partnerStatusDescription(trio(note), goalLines, translator(locale));
    expect(length(text)).toBeLessThanOrEqual(4096);
    expect(text).toContain('<@222222222222222222>');
    expect(text).toContain('<@333333333333333333>');
    // Whatever is shortened, a spoiler stays closed.
    expect((text.split('||').length - 1) % 2).toBe(0);
  });

  it('keeps everything when it fits', () => {
    const text = partnerStatusDescription(trio('a short note'), new Map([['222222222222222222', ['🤝 **Read** 1/2']]]), translator('en'));
    expect(text).toContain('a short note');
    expect(text).toContain('🤝 **Read** 1/2');
    expect(text).not.toContain('…');
  });

  it("shows a partner's masked link with its real address", () => {
    const text = partnerStatusDescription(trio('notes at [docs](http://evil.example/x)'), new Map(), translator('en'));
    expect(text).toContain('notes at \\[docs\\](http://evil.example/x)');
  });
});
