import type { APIEmbed } from 'discord-api-types/v10';
import { describeAgo, REMEMBER_MIN_AGE_DAYS, type RememberKind } from '../../domain/remember.js';
import { formatWeekdayDate } from '../../domain/date-format.js';
import { localDateOf } from '../../domain/time.js';
import { quote } from './win-embed.js';
import { palette } from './palette.js';


const closings = [
  'That was you. It still is.',
  'Small wins add up — this one is part of the pile.',
  'Whatever today looks like, you have done this before.',
  'Worth remembering how that felt.',
  'Past you would be glad you looked back.',
  'Every size counts, then and now.',
] as const;

export interface RemembranceInput {
  kind: RememberKind;
  winId: number;
  text: string;
  isPrivate: boolean;
  occurredAt: Date;
  timezone: string;
  now: Date;
}

const longDate = (timezone: string, instant: Date): string => formatWeekdayDate(localDateOf(timezone, instant));

function opening(input: RemembranceInput): string {
  const when = () =>
    `On ${longDate(input.timezone, input.occurredAt)} — ${describeAgo(localDateOf(input.timezone, input.occurredAt), localDateOf(input.timezone, input.now))} — you logged this win:`;
  switch (input.kind) {
    case 'year-ago':
      return 'A year ago today you logged this win:';
    case 'month-ago':
      return 'A month ago today you logged this win:';
    case 'random':
      return when();
    case 'again':
      return `You've looked back at all your older wins lately, so here's the one you saw longest ago. ${when()}`;
  }
}

/** A past win brought back, in the member's own words (SPEC §1.4). */
export function remembranceEmbed(input: RemembranceInput): APIEmbed {
  const closing = closings[input.winId % closings.length] ?? closings[0];
  return {
    color: palette.embed,
    title: 'Remember this? 🌱',
    description: `${opening(input)}\n${quote(input.text)}\n\n${closing}`,
    footer: { text: input.isPrivate ? '🔒 A private win: only you can see it.' : 'Only you can see this.' },
  };
}

/** For a member with nothing old enough to bring back yet. */
export function rememberNudge(hasRecentWins: boolean): string {
  if (hasRecentWins) {
    return `Your wins are all from the last ${REMEMBER_MIN_AGE_DAYS} days, so there's nothing to look back on just yet — I'll have one for you once they've had a week to settle. Keep going! 🌱`;
  }
  return "There's nothing to look back on yet — but there could be soon. `/win` one small thing today, and in a week I'll bring it back to you. 🌱";
}
