import type { APIEmbed } from 'discord-api-types/v10';
import { REMEMBER_MIN_AGE_DAYS, type RememberKind } from '../../domain/remember.js';
import { daysBetween, localDateOf, type LocalDate } from '../../domain/time.js';
import { english, type Translator } from '../../i18n/index.js';
import { quote } from './win-embed.js';
import { palette } from './palette.js';


// Six closing lines, `remember.closing.0` … `.5`, chosen by the win's id so one win always closes the same way.
const CLOSINGS = 6;

export interface RemembranceInput {
  kind: RememberKind;
  winId: number;
  text: string;
  isPrivate: boolean;
  occurredAt: Date;
  timezone: string;
  now: Date;
}

function opening(input: RemembranceInput, tr: Translator): string {
  const when = () =>
    tr.t('remember.when', {
      date: tr.weekdayDate(localDateOf(input.timezone, input.occurredAt)),
      ago: agoWords(localDateOf(input.timezone, input.occurredAt), localDateOf(input.timezone, input.now), tr),
    });
  switch (input.kind) {
    case 'year-ago':
      return tr.t('remember.yearAgo');
    case 'month-ago':
      return tr.t('remember.monthAgo');
    case 'random':
      return when();
    case 'again':
      return tr.t('remember.again', { when: when() });
  }
}

/** "3 days ago", "5 weeks ago", "4 months ago", "2 years ago": counted in local calendar days, said in the reader's language. */
export function agoWords(then: LocalDate, today: LocalDate, tr: Translator = english): string {
  const days = daysBetween(then, today);
  if (days < 14) return tr.t('remember.ago', { unit: 'day', count: days });
  let months = (today.year - then.year) * 12 + (today.month - then.month);
  if (today.day < then.day) months -= 1;
  if (months < 2) return tr.t('remember.ago', { unit: 'week', count: Math.floor(days / 7) });
  if (months < 24) return tr.t('remember.ago', { unit: 'month', count: months });
  return tr.t('remember.ago', { unit: 'year', count: Math.floor(months / 12) });
}

/** A past win brought back, in the member's own words (SPEC §1.4). */
export function remembranceEmbed(input: RemembranceInput, tr: Translator = english): APIEmbed {
  const closing = tr.t(`remember.closing.${input.winId % CLOSINGS}`);
  return {
    color: palette.embed,
    title: tr.t('remember.title'),
    description: `${opening(input, tr)}\n${quote(input.text)}\n\n${closing}`,
    footer: { text: tr.t(input.isPrivate ? 'remember.footer.private' : 'remember.footer') },
  };
}

/** For a member with nothing old enough to bring back yet. */
export function rememberNudge(hasRecentWins: boolean, tr: Translator = english): string {
  return hasRecentWins ? tr.t('remember.nudge.recent', { days: REMEMBER_MIN_AGE_DAYS }) : tr.t('remember.nudge.none');
}
