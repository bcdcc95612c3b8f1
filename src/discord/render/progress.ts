import type { APIEmbed } from 'discord-api-types/v10';
import type { ProgressFigures } from '../../domain/streaks.js';
import { ghostLine as ghostMsg, streakLine as streakMsg, thisWeekLine as thisWeekMsg } from '../../domain/own-pace.js';
import { WIN_CALENDAR_FILE } from './win-calendar.js';
import { english, type Translator } from '../../i18n/index.js';
import { palette } from './palette.js';
import { repairOfferText, repairOfferTitle } from './streak-repair.js';

const FIELD_MAX = 1024;


// The meaning of a member's own figures lives in the domain, shared with the DM recap and the web view; these say it.
export const thisWeekLine = (thisWeek: number, usual: number | null, tr: Translator = english): string => tr.say(thisWeekMsg(thisWeek, usual));
export const streakLine = (streaks: ProgressFigures['streaks'], pausedNow: boolean, tr: Translator = english): string => tr.say(streakMsg(streaks, pausedNow));
export function ghostLine(ghost: ProgressFigures['ghost'], thisWeek: number, tr: Translator = english): string | undefined {
  const said = ghostMsg(ghost, thisWeek);
  return said && tr.say(said);
}

/** Joins lines up to Discord's field limit; the rest become "…and N more". */
export function fitLines(lines: readonly string[], max = FIELD_MAX, tr: Translator = english): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const more = tr.t('progress.more', { count: lines.length - i });
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    const reserve = i < lines.length - 1 ? more.length + 1 : 0;
    if (used + cost + reserve > max) {
      kept.push(more);
      break;
    }
    kept.push(line);
    used += cost;
  }
  return kept.join('\n');
}

export interface OwnProgressInput {
  figures: ProgressFigures;
  pausedNow: boolean;
  timezone: string;
  /** Goal progress lines (one per active goal); empty until goals exist. Filled by the goals code. */
  goalLines: readonly string[];
}

/** The member's own progress; the calendar PNG is attached as {@link WIN_CALENDAR_FILE}. */
export function ownProgressEmbed(input: OwnProgressInput, tr: Translator = english): APIEmbed {
  const { figures } = input;
  const ghost = ghostLine(figures.ghost, figures.thisWeek, tr);
  const fields = [
    { name: tr.t('progress.thisWeek'), value: thisWeekLine(figures.thisWeek, figures.usual, tr) },
    { name: tr.t('progress.streak'), value: streakLine(figures.streaks, input.pausedNow, tr) },
    ...(figures.repairable ? [{ name: repairOfferTitle(tr), value: repairOfferText(figures.repairable, tr) }] : []),
    ...(ghost ? [{ name: tr.t('progress.best'), value: ghost }] : []),
    ...(input.goalLines.length > 0 ? [{ name: tr.t('progress.goals'), value: fitLines(input.goalLines, FIELD_MAX, tr) }] : []),
  ];
  return {
    color: palette.embed,
    title: tr.t('progress.title'),
    fields,
    image: { url: `attachment://${WIN_CALENDAR_FILE}` },
    footer: { text: tr.t('progress.footer', { timezone: input.timezone }) },
  };
}

/** A member with no wins yet: a kind nudge instead of a page of zeros. */
export function firstWinNudgeEmbed(goalLines: readonly string[], tr: Translator = english): APIEmbed {
  return {
    color: palette.embed,
    title: tr.t('progress.title'),
    description: [tr.t('progress.nudge.1'), tr.t('progress.nudge.2')].join('\n\n'),
    fields: goalLines.length > 0 ? [{ name: tr.t('progress.goals'), value: fitLines(goalLines, FIELD_MAX, tr) }] : [],
    footer: { text: tr.t('progress.onlyYou') },
  };
}

/**
 * Another member's page: only what they chose to share (`share = 'server'` goals), never their counts,
 * streaks, calendar or wins.
 */
export function sharedProgressEmbed(userId: string, sharedGoalLines: readonly string[], asPartner = false, tr: Translator = english): APIEmbed {
  const member = `<@${userId}>`;
  const description =
    sharedGoalLines.length > 0 ? tr.t('progress.shared.some', { member, partner: asPartner ? 'yes' : 'no' }) : tr.t('progress.shared.none', { member });
  return {
    color: palette.embed,
    title: tr.t('progress.shared.title'),
    description,
    fields: sharedGoalLines.length > 0 ? [{ name: tr.t('progress.shared.goals'), value: fitLines(sharedGoalLines, FIELD_MAX, tr) }] : [],
    footer: { text: tr.t('progress.shared.footer') },
  };
}
