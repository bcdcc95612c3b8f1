import { describe, expect, it } from 'vitest';
import {
  fitLines,
  firstWinNudgeEmbed,
  ghostLine,
  ownProgressEmbed,
  sharedProgressEmbed,
  streakLine,
  thisWeekLine,
} from '../../src/discord/render/progress.js';

describe('the /progress embed around the win calendar', () => {
  it('compares this week only with the member’s own usual, kindly', () => {
    expect(thisWeekLine(4, 2.5)).toBe("4 wins this week — you usually log 2 or 3 wins a week. You're ahead of your own pace! 🎉");
    expect(thisWeekLine(2, 2)).toBe('2 wins this week — right around your usual (about 2 wins a week).');
    expect(thisWeekLine(1, 7 / 3)).toBe("1 win this week — you usually log 2 or 3 wins a week. Every one counts, and the week isn't over.");
    expect(thisWeekLine(0, 3)).toBe('No wins yet this week — you usually log about 3 wins a week, and one small thing is enough to start.');
  });

  it('says a usual week the way a person would, never as a decimal like 0.3', () => {
    expect(thisWeekLine(1, 0.3)).toBe("1 win this week — you usually log a win every few weeks. You're ahead of your own pace! 🎉");
    expect(thisWeekLine(0, 0.5)).toBe('No wins yet this week — you usually log a win every other week or so, and one small thing is enough to start.');
    expect(thisWeekLine(1, 1)).toContain('about 1 win a week');
    for (const usual of [0.25, 0.3, 0.5, 0.75, 1.25, 2.3, 2.5]) for (const wins of [0, 1, 3]) expect(thisWeekLine(wins, usual)).not.toMatch(/\d\.\d/);
    expect(thisWeekLine(3, null)).toBe('3 wins this week — your first week here, so this is the start of your usual.');
  });

  it('never tells a member their usual is zero', () => {
    expect(thisWeekLine(0, 0)).not.toMatch(/\b0\b/);
    expect(thisWeekLine(2, 0)).toBe('2 wins this week — up from a quiet few weeks. Welcome back! 🎉');
  });

  it('describes streaks without shame, and frozen while paused', () => {
    expect(streakLine({ current: 5, best: 6, bestBefore: 6 }, false)).toBe('🔥 5 weeks in a row with a win. Your best: 6 weeks.');
    expect(streakLine({ current: 6, best: 6, bestBefore: 5 }, false)).toBe('🔥 6 weeks in a row with a win. Your longest yet!');
    // A tie is not a record (issue 16 item 6).
    expect(streakLine({ current: 2, best: 2, bestBefore: 2 }, false)).toBe('🔥 2 weeks in a row with a win. That matches your best.');
    expect(streakLine({ current: 1, best: 1, bestBefore: 0 }, false)).toBe('🔥 Your streak has begun: 1 week with a win.');
    expect(streakLine({ current: 0, best: 3, bestBefore: 3 }, false)).toBe('A new streak starts with your next win. Your best: 3 weeks.');
    expect(streakLine({ current: 2, best: 2, bestBefore: 0 }, true)).toBe("⏸️ You're on a pause, so your streak of 2 weeks is frozen, safe until you're back.");
  });

  it('turns the best past week into a ghost to chase, caught or passed', () => {
    const ghost = { monday: '2026-03-02', wins: 7 };
    expect(ghostLine(ghost, 4)).toBe('👻 Your ghost: 7 wins in the week of 2 March 2026 — 3 to catch it.');
    expect(ghostLine(ghost, 7)).toBe("👻 You've caught your ghost (7 wins in the week of 2 March 2026). One more passes it!");
    expect(ghostLine(ghost, 8)).toBe('👻 You passed your ghost (7 wins in the week of 2 March 2026): this is your best week yet!');
    expect(ghostLine(null, 0)).toBeUndefined();
  });

  it('keeps a long goals section within Discord’s field limit', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `🎯 goal ${i}: ${'▰'.repeat(40)}`);
    const value = fitLines(lines);
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value).toMatch(/…and \d+ more$/);
    expect(fitLines(['a', 'b'])).toBe('a\nb');
  });

  it('shows the calendar attachment and the goal lines it is given', () => {
    const figures = { thisWeek: 2, usual: 1, streaks: { current: 3, best: 3, bestBefore: 0 }, ghost: null };
    const embed = ownProgressEmbed({ figures, pausedNow: false, timezone: 'Europe/Paris', goalLines: ['🎯 Read: 1/2 this week'] });
    expect(embed.image).toEqual({ url: 'attachment://win-calendar.png' });
    expect(embed.fields?.map((f) => f.name)).toEqual(['This week', 'Weekly streak', 'Your best week', 'Goals']);
    expect(ownProgressEmbed({ figures, pausedNow: false, timezone: 'UTC', goalLines: [] }).fields?.map((f) => f.name)).not.toContain('Goals');
  });

  it('shows another member nothing but their shared goals', () => {
    expect(sharedProgressEmbed('42', []).description).toMatch(/^Nothing shared yet/);
    expect(sharedProgressEmbed('42', ['🎯 Run: 2/3 this week']).fields).toEqual([{ name: 'Shared goals', value: '🎯 Run: 2/3 this week' }]);
    expect(firstWinNudgeEmbed([]).image).toBeUndefined();
  });
});
