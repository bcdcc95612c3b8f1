import { componentIds } from '../component-ids.js';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { MemberKey } from '../../db/members.js';
import { formatWeekdayDate } from '../../domain/date-format.js';
import { publicMemberText } from '../../domain/member-text.js';
import { localDateTimeOf } from '../../domain/time.js';
import type { CheckinOutcome, CheerOutcome, NotByDm, PartnerDmRenderer, PartnerStatus } from '../../features/partners.js';
import { english, type Translator } from '../../i18n/index.js';
import { mentionOf, type OutgoingMessage } from './outgoing.js';

/** Partners and check-ins drawn for Discord: mentions, buttons and the words members read. */

const mentions = (ids: readonly string[]) => ids.map(mentionOf).join(' & ');

/** 'at 20:00 on Sunday 28 March 2027 (your time)': the member's wall clock in words, never bare UTC. */
export function atLocalMoment(timezone: string, instant: Date): string {
  const t = localDateTimeOf(timezone, instant);
  return `at ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')} on ${formatWeekdayDate(t)} (your time)`;
}

/** `checkin:cheer:<author>:<week>:<guild>`; the guild travels along because a DM click carries none. */
export const cheerButtonId = componentIds.cheer;

/** The Cheer button; once pressed it says so and cannot be pressed again. */
export function cheerRow(author: MemberKey, week: string, cheered: boolean): APIActionRowComponent<APIButtonComponent> {
  const button: APIButtonComponent = cheered
    ? { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Cheered', emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week), disabled: true }
    : { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Cheer', emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week) };
  return { type: ComponentType.ActionRow, components: [button] };
}

/** The DMs partners send each other; a check-in carries its Cheer button. */
export const partnerDms: PartnerDmRenderer<OutgoingMessage> = {
  checkin(author, week, note) {
    // `Delivery` sends the body as given, components included.
    const dm: OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } = {
      content: `💬 A check-in from your partner ${mentionOf(author.userId)}:\n\n${publicMemberText(note)}\n\n-# Only you (and any other partner of theirs this week) got this.`,
      allowed_mentions: { parse: [] },
      components: [cheerRow(author, week, false)],
    };
    return dm;
  },
  cheered: (cheererId) => ({ content: `${mentionOf(cheererId)} cheered your check-in 🎉`, allowed_mentions: { parse: [] } }),
};


/** The author's answer to `/checkin`. */
export function checkinAnswer(outcome: CheckinOutcome, tr: Translator = english): string {
  if (outcome.kind === 'private') return tr.t('checkin.private');
  if (outcome.kind === 'no-partner') return tr.t('checkin.noPartner');
  const lines: string[] = [];
  if (outcome.sent.length > 0) lines.push(tr.t('checkin.sent', { partners: mentions(outcome.sent) }));
  if (outcome.alreadyToday.length > 0) lines.push(tr.t('checkin.updated', { count: outcome.alreadyToday.length, partners: mentions(outcome.alreadyToday) }));
  if (lines.length === 0) lines.push(tr.t('checkin.saved'));
  for (const { userId, why } of outcome.notByDm) {
    const delivery = why === 'dms-closed' || why === 'undelivered' ? 'failed' : 'held';
    lines.push(tr.t('checkin.notDelivered', { delivery, partner: mentionOf(userId), why: tr.t(`checkin.why.${why satisfies NotByDm}`) }));
  }
  return lines.join('\n');
}

/** The cheering partner's answer; refusals are drawn by the adapter as user-facing errors. */
export function cheerAnswer(outcome: Exclude<CheerOutcome, { kind: 'refused' }>): string {
  if (outcome.kind === 'already-cheered') return 'You already cheered this one, and they heard it. 🎉';
  return outcome.told ? 'Cheer sent! 🎉' : "I saved your cheer: they'll see it in `/partner status` (they don't get DMs from me right now).";
}

/** `/partner status` when the member has no partner now: kindly, with what would change it. */
export function notPairedWords(status: Exclude<PartnerStatus, { kind: 'paired' }>): string {
  const when = status.nextRecapAt ? `, ${atLocalMoment(status.timezone, status.nextRecapAt)}` : '';
  if (status.kind === 'partners-left') {
    return `Your partner this week has left Small Wins in this server, so you're without one for the rest of the week. That's nothing you did. You'll get a new partner at the next recap${when}. 🌱`;
  }
  if (status.reason === 'checkins-off') {
    const remembered = status.optedIn ? " You're on the list, so you'll be paired once they're back on." : '';
    return `You're not paired this week: this server has check-ins off for now.${remembered}`;
  }
  if (status.reason === 'not-opted-in') return "You're not paired this week because you haven't opted in. `/partner join` and I'll pair you at the next recap.";
  if (status.reason === 'paused') return "You're paused, so I left you out of this week's pairing. Rest well — `/resume` whenever you're ready.";
  return `You're on the list! Pairing happens at the next recap${when}, so you'll have a partner from then on.`;
}

/** `/partner status` with partners: each one's shared note (never a private one), their shared goals, and cheers. */
export function partnerStatusDescription(status: PartnerStatus & { kind: 'paired' }, goalLines: ReadonlyMap<string, readonly string[]>): string {
  const lines = [`This week you're partners with ${mentions(status.partners.map((p) => p.userId))}. 🤝`];
  for (const partner of status.partners) {
    if (partner.sharedNote !== null) lines.push('', `**${mentionOf(partner.userId)} checked in:**`, partner.sharedNote);
    else lines.push('', `${mentionOf(partner.userId)} hasn't shared a check-in yet this week.`);
    const goals = goalLines.get(partner.userId) ?? [];
    if (goals.length > 0) lines.push('', `**Goals ${mentionOf(partner.userId)} shares with you:**`, ...goals);
  }
  if (status.cheeredMine.length > 0) lines.push('', `🎉 ${mentions(status.cheeredMine)} cheered your check-in.`);
  return lines.join('\n');
}
