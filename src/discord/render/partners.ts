import { componentIds } from '../component-ids.js';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { MemberKey } from '../../db/members.js';
import { publicMemberText } from '../../domain/member-text.js';
import { truncateAtWord } from '../../domain/truncate.js';
import { localDateTimeOf } from '../../domain/time.js';
import type { CheckinOutcome, CheerOutcome, NotByDm, PartnerDmRenderer, PartnerStatus, PartnerView } from '../../features/partners.js';
import { english, type Translator } from '../../i18n/index.js';
import { mentionOf, type OutgoingMessage } from './outgoing.js';

/** Partners and check-ins drawn for Discord: mentions, buttons and the words members read. */

const mentions = (ids: readonly string[], tr: Translator) => ids.map((id) => mentionOf(id, tr)).join(' & ');

/** 'at 20:00 on Sunday 28 March 2027 (your time)': the member's wall clock in words, never bare UTC. */
export function atLocalMoment(timezone: string, instant: Date, tr: Translator = english): string {
  const t = localDateTimeOf(timezone, instant);
  return tr.t('partner.atMoment', { time: `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`, date: tr.weekdayDate(t) });
}

/** `checkin:cheer:<author>:<week>:<guild>`; the guild travels along because a DM click carries none. */
export const cheerButtonId = componentIds.cheer;

/** The Cheer button; once pressed it says so and cannot be pressed again. */
export function cheerRow(author: MemberKey, week: string, cheered: boolean, tr: Translator = english): APIActionRowComponent<APIButtonComponent> {
  const button: APIButtonComponent = cheered
    ? { type: ComponentType.Button, style: ButtonStyle.Success, label: tr.t('cheer.button.done'), emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week), disabled: true }
    : { type: ComponentType.Button, style: ButtonStyle.Primary, label: tr.t('cheer.button'), emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week) };
  return { type: ComponentType.ActionRow, components: [button] };
}

/** The DMs partners send each other, each in its reader's language; a check-in carries its Cheer button. */
export function partnerDmsIn(localeOf: (to: MemberKey) => Promise<Translator>): PartnerDmRenderer<OutgoingMessage> {
  return {
    async checkin(author, week, note, to) {
      const tr = await localeOf(to);
      // `Delivery` sends the body as given, components included.
      const dm: OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } = {
        content: tr.t('partner.dm.checkin', { author: mentionOf(author.userId, tr), note: publicMemberText(note) }),
        allowed_mentions: { parse: [] },
        components: [cheerRow(author, week, false, tr)],
      };
      return dm;
    },
    async cheered(cheererId, to) {
      const tr = await localeOf(to);
      return { content: tr.t('partner.dm.cheered', { cheerer: mentionOf(cheererId, tr) }), allowed_mentions: { parse: [] } };
    },
  };
}

/** The author's answer to `/checkin`. */
export function checkinAnswer(outcome: CheckinOutcome, tr: Translator = english): string {
  if (outcome.kind === 'private') return tr.t('checkin.private');
  if (outcome.kind === 'no-partner') return tr.t('checkin.noPartner');
  const lines: string[] = [];
  if (outcome.sent.length > 0) lines.push(tr.t('checkin.sent', { partners: mentions(outcome.sent, tr) }));
  if (outcome.alreadyToday.length > 0) lines.push(tr.t('checkin.updated', { count: outcome.alreadyToday.length, partners: mentions(outcome.alreadyToday, tr) }));
  if (lines.length === 0) lines.push(tr.t('checkin.saved'));
  for (const { userId, why } of outcome.notByDm) {
    const delivery = why === 'dms-closed' || why === 'undelivered' ? 'failed' : 'held';
    lines.push(tr.t('checkin.notDelivered', { delivery, partner: mentionOf(userId, tr), why: tr.t(`checkin.why.${why satisfies NotByDm}`) }));
  }
  return lines.join('\n');
}

/** The cheering partner's answer; refusals are drawn by the adapter as user-facing errors. */
export function cheerAnswer(outcome: Exclude<CheerOutcome, { kind: 'refused' }>, tr: Translator = english): string {
  if (outcome.kind === 'already-cheered') return tr.t('cheer.already');
  return tr.t(outcome.told ? 'cheer.sent' : 'cheer.saved');
}

/** `/partner status` when the member has no partner now: kindly, with what would change it. */
export function notPairedWords(status: Exclude<PartnerStatus, { kind: 'paired' }>, tr: Translator = english): string {
  const when = status.nextRecapAt ? tr.t('partner.whenNext', { moment: atLocalMoment(status.timezone, status.nextRecapAt, tr) }) : '';
  if (status.kind === 'partners-left') return tr.t('partner.status.left', { when });
  if (status.reason === 'checkins-off') return tr.t('partner.status.checkinsOff', { optedIn: status.optedIn ? 'yes' : 'no' });
  if (status.reason === 'not-opted-in') return tr.t('partner.status.notOptedIn');
  if (status.reason === 'paused') return tr.t('partner.status.paused');
  if (status.reason === 'no-recap') return tr.t('partner.noRecapYet');
  return tr.t('partner.status.waiting', { when });
}

/** Discord's limit on an embed's description. */
const DESCRIPTION_MAX = 4096;
const length = (text: string) => [...text].length;

/**
 * `/partner status` with partners: each one's shared note (never a private one), their shared goals, and cheers.
 * A trio's two notes of 1,000 characters and twenty goals overrun an embed: each partner gets an even share of
 * the room, their last goals give way first (an "…" line says so), then the end of their note.
 */
export function partnerStatusDescription(status: PartnerStatus & { kind: 'paired' }, goalLines: ReadonlyMap<string, readonly string[]>, tr: Translator = english): string {
  const head = tr.t('partner.status.paired', { partners: mentions(status.partners.map((p) => p.userId), tr) });
  const cheered = status.cheeredMine.length > 0 ? `\n\n${tr.t('partner.status.cheered', { partners: mentions(status.cheeredMine, tr) })}` : '';
  // Every section starts on a new line: one more character each.
  const share = Math.floor((DESCRIPTION_MAX - length(head) - length(cheered)) / Math.max(1, status.partners.length)) - 1;
  const sections = status.partners.map((partner) => partnerSection(partner, goalLines.get(partner.userId) ?? [], share, tr));
  return `${[head, ...sections].join('\n')}${cheered}`;
}

/** One partner's part of `/partner status`, at most `room` characters: a blank line, their check-in, their shared goals. */
function partnerSection(partner: PartnerView, goals: readonly string[], room: number, tr: Translator): string {
  const who = mentionOf(partner.userId, tr);
  const draw = (note: string | null, shown: number) => {
    const lines = note === null ? ['', tr.t('partner.status.noCheckin', { partner: who })] : ['', tr.t('partner.status.checkedIn', { partner: who }), note];
    if (goals.length > 0) lines.push('', tr.t('partner.status.goals', { partner: who }), ...goals.slice(0, shown), ...(shown < goals.length ? ['…'] : []));
    return lines.join('\n');
  };
  // Their words as the DM shows them: a masked link shows where it goes.
  const note = partner.sharedNote === null ? null : publicMemberText(partner.sharedNote);
  let shown = goals.length;
  let section = draw(note, shown);
  while (length(section) > room && shown > 0) section = draw(note, --shown);
  if (length(section) <= room || note === null) return section;
  return draw(truncateAtWord(note, Math.max(1, length(note) - (length(section) - room))), 0);
}
