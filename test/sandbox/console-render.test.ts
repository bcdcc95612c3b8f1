import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/sandbox/json.js';
import { displayWidth, findButton, renderComponents, renderEmbed, renderMentions, wrap } from '../../src/sandbox/console-render.js';

const lookup = {
  userName: (id: string) => ({ '1001': 'alice' })[id],
  channelName: (id: string) => ({ '2002': 'wins' })[id],
  roleName: () => undefined,
};

describe('console renderer', () => {
  it('draws an embed as a box with title, wrapped description, fields and footer', () => {
    const lines = renderEmbed(
      { title: 'Weekly recap', description: 'A great week for <@1001> in <#2002>, who wrote every single day', fields: [{ name: 'Wins', value: '7' }], footer: { text: 'Keep going' } },
      lookup,
      30,
    );
    expect(lines).toEqual([
      '┌────────────────────────────────┐',
      '│ Weekly recap                   │',
      '│ A great week for @alice in     │',
      '│ #wins, who wrote every single  │',
      '│ day                            │',
      '│                                │',
      '│ Wins                           │',
      '│ 7                              │',
      '│ ────────────────────           │',
      '│ Keep going                     │',
      '└────────────────────────────────┘',
    ]);
  });

  it('keeps box edges aligned around emoji', () => {
    const lines = renderEmbed({ title: '🎉 Done' }, lookup, 10);
    expect(lines.map(displayWidth)).toEqual([14, 14, 14]);
  });

  it('wraps over-long words instead of overflowing', () => {
    expect(wrap('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
  });

  it('renders mentions and timestamps readably', () => {
    expect(renderMentions('<@!1001> <@999> <#2002> </win:5> <t:1799053200:F>', lookup)).toBe('@alice @999 #wins /win 2027-01-04 09:00 UTC');
  });

  it('shows buttons as labels in brackets and finds them by label or custom id', () => {
    const rows: JsonObject[] = [{ type: 1, components: [{ type: 2, style: 1, label: 'Undo', custom_id: 'undo:1' }, { type: 2, style: 5, label: 'Docs', url: 'https://x' }] }];
    expect(renderComponents(rows)).toEqual(['[ Undo ]  [ Docs ↗ ]']);
    expect(findButton(rows, 'undo')).toBe('undo:1');
    expect(findButton(rows, 'undo:1')).toBe('undo:1');
    expect(findButton(rows, 'Docs')).toBeUndefined();
  });
});
