import { describe, expect, it } from 'vitest';
import { celebrateWin, winReply } from '../../src/discord/render/celebrate-win.js';

const win = { id: 7, userId: '42', text: 'fixed the gate', isPrivate: false };

describe('the celebration of a win', () => {
  it('says a back-dated win was logged for its day once, when no count can be shown', () => {
    expect(celebrateWin({ win, daysAgo: 1, tally: undefined }).description).toContain('Logged for yesterday. 🌱');
    expect(celebrateWin({ win, daysAgo: 3, tally: undefined }).description).toContain('Logged for 3 days ago. 🌱');
    expect(celebrateWin({ win, daysAgo: 0, tally: undefined }).description).toContain('Logged. 🌱');
  });

  it('keeps private wins out of a public count and tells the member the true one privately', () => {
    const counts = { weekCount: 3, weekPublicCount: 2, firstEver: false, firstPublic: false };
    const reply = winReply({ win, counts, daysAgo: 0, weekIsCurrent: true });
    expect(reply.embed.description).not.toMatch(/2nd|3rd/);
    expect(reply.privateLines).toEqual(["Counting your private wins too, that's your 3rd win this week. 🌱"]);
  });

  it('shows a goal met in public only for a goal shared with the server, and privately otherwise', () => {
    const counts = { weekCount: 1, weekPublicCount: 1, firstEver: false, firstPublic: false, goal: { count: 2, publicCount: 2, target: 2, period: 'week' as const } };
    const shared = winReply({ win, counts, daysAgo: 0, weekIsCurrent: true, goal: { title: 'Run', share: 'server', periodIsCurrent: true } });
    expect(shared.embed.description).toMatch(/Run.*2\/2.*goal met/);
    const own = winReply({ win, counts, daysAgo: 0, weekIsCurrent: true, goal: { title: 'Run', share: 'private', periodIsCurrent: true } });
    expect(own.embed.description).not.toMatch(/Run/);
    expect(own.privateLines.join('\n')).toMatch(/Run.*2\/2.*goal met/);
  });
});
