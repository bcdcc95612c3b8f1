/** The week's situation, which decides the pool an encouragement line is drawn from. */
export type Situation = 'empty' | 'first-week' | 'first-win' | 'comeback' | 'busy' | 'quiet' | 'steady';

export const SITUATIONS: readonly Situation[] = ['empty', 'first-week', 'first-win', 'comeback', 'busy', 'quiet', 'steady'];

export interface EncouragementLine {
  /** Stable: recorded per server so a line is not used again within 8 weeks. Never renumber. */
  id: string;
  situation: Situation;
  text: string;
  /** It speaks of one week ("this week", "a quieter week") in some language: not for a recap of more than one (SPEC §4). */
  speaksOfOneWeek: boolean;
}

// Voice (SPEC §1): kind, about yourself and your own past, never shaming, never competitive,
// every size counts, rest is part of it, you can do your best and still fall short.
// 'steady' lines double as the fallback for every situation, so they must suit any week, even an empty one.
const lines: Record<Situation, readonly string[]> = {
  steady: [
    'Small wins, logged one at a time, are how big things get done. Every one here counts.',
    'Every size counts: an answered email sits right beside a finished chapter.',
    'The only week worth comparing yours with is your own.',
    'Rest is part of it too. A slow day is still a day in the story.',
    'You can do your best and still fall short. Showing up again is the part that matters.',
    'Whatever your week held, you’re still here, and that counts.',
    'Progress rarely feels like progress from the inside. Look back in a month and it shows.',
    'Write down the small thing. Future you will be glad it’s there.',
    'Goals here are yours alone: make them bigger or smaller whenever it suits you.',
    'One small step, logged, is worth more than a perfect plan that waits.',
    'Be as kind to yourself as you would be to a friend having your week.',
    'A win doesn’t need to be impressive to be real.',
  ],
  busy: [
    'What a full week! Lots of small steps taken, each one worth its own moment.',
    'A lively week here. Enjoy it, and remember that quieter weeks are part of the rhythm too.',
    'So many wins this week. If some of them were tiny, even better: tiny ones count.',
    'A busy stretch. If it was a lot for you, resting counts as part of it.',
    'Look at all those steps. Take a moment to notice your own before the new week starts.',
    'The log filled right up this week. May the next one feel good too, whatever size it turns out to be.',
  ],
  quiet: [
    'A quieter week. Quiet weeks are part of it: rest is how the next steps get taken.',
    'Fewer wins were logged this week, and that’s okay. Some weeks are for catching your breath.',
    'Quiet weeks still hold small things. If you did one, it counts; log it whenever you like.',
    'Not every week is a sprint. A gentle one is still a week you lived through.',
    'Things were calm here this week. If life got in the way, that’s life, not a verdict on you.',
    'A slower week. The wins that did land are just as real as in any busy one.',
    'Pace changes. Yours is allowed to.',
  ],
  comeback: [
    'Wins are back after a quiet spell. Welcome back: starting again is a win of its own.',
    'After a week without shared wins, here they are again. Picking things back up takes courage.',
    'The log has come back to life. No catching up needed: this week is its own start.',
    'Back at it after a pause. Returning counts as much as any streak.',
    'A quiet stretch, then this. That’s how it goes, and it’s good to see.',
    'Nice to see wins here again. Whatever the break was for, it was allowed.',
  ],
  'first-week': [
    'The first wins here! Every story in this channel starts with someone logging one small thing.',
    'Week one. Nothing to compare with yet, and there never needs to be: each week is yours.',
    'A first week together. Small wins only grow more meaningful as they pile up.',
    'Welcome to the very start. Here every size counts, and the only comparison is with your own past.',
    'This is where it starts. Come back next week and there’ll be a week of your own to look back on.',
  ],
  'first-win': [
    'Welcome to anyone who logged their very first win here this week. The first one is the hardest.',
    'A warm hello to this week’s first-time loggers. That first step is a real one.',
    'New names in the log this week! Start as small as you like.',
    'First wins were logged here this week. Welcome: there’s no wrong size.',
    'If you logged a win here for the first time this week: glad you’re here. One small thing at a time.',
    'A first win landed this week. Every long story here began with one.',
  ],
  empty: [
    'No wins were shared here this week, and that’s okay. Rest is part of it.',
    'A quiet week in the log. If you did one small thing (an email, a walk, a page), it counts.',
    'Some weeks are for resting, or simply getting through. Both count.',
    'The log was quiet this week. No catching up needed: one small win is a fine place to start again.',
    'Quiet weeks come to everyone. Whenever you’re ready, a few words are enough.',
    'You can do your best and have a week that doesn’t look like much. It still counted.',
    'If this week was hard, be gentle with yourself. The log will be here when you’re ready.',
  ],
};

/**
 * The lines that speak of one week ("this week", "a quieter week", "next week"; a plural such as "quiet
 * weeks" speaks of none) in English or in any translation: a recap covering more than one week leaves
 * them out (SPEC §4). Marked by id, not found in the English text, because a translation may name the
 * week where the English does not; test/domain/recap-span-words.test.ts reads all six catalogues.
 */
const SPEAKS_OF_ONE_WEEK: ReadonlySet<string> = new Set([
  'steady-03', 'steady-06', 'steady-11',
  'busy-01', 'busy-02', 'busy-03', 'busy-05', 'busy-06',
  'quiet-01', 'quiet-02', 'quiet-04', 'quiet-05', 'quiet-06',
  'comeback-02', 'comeback-03',
  'first-week-02', 'first-week-03', 'first-week-05',
  'first-win-01', 'first-win-02', 'first-win-03', 'first-win-04', 'first-win-05', 'first-win-06',
  'empty-01', 'empty-02', 'empty-04', 'empty-06', 'empty-07',
]);

/** Every line, with ids like 'quiet-03' (situation and 1-based position, fixed once published). */
export const ENCOURAGEMENT_BANK: readonly EncouragementLine[] = SITUATIONS.flatMap((situation) =>
  lines[situation].map((text, i) => {
    const id = `${situation}-${String(i + 1).padStart(2, '0')}`;
    return { id, situation, text, speaksOfOneWeek: SPEAKS_OF_ONE_WEEK.has(id) };
  }),
);
