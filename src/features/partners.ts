/**
 * Partners and check-ins (SPEC §5): what `/partner status`, `/checkin` and a Cheer press mean, as
 * content with member ids. The pairing comes from `pairingAt` and every DM goes through the gate.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { checkinOf, markCheered, recordCheckin, releasePartnerNotice, type CheckinShare } from '../db/checkins.js';
import { cheerersOf, recordCheer } from '../db/cheers.js';
import type { MemberKey } from '../db/members.js';
import { recapConfigured } from '../db/guild-settings.js';
import { partnersLeftAt } from '../db/partner-left.js';
import { partnerFacts, partnersOf } from '../db/partners.js';
import { activePause } from '../db/pauses.js';
import { formatLocalDate, localDateOf } from '../domain/time.js';
import { decideDms, sendPermittedDm, type DmRefusal, type DmSender } from './dm-gate.js';
import { checkinWeekAt, pairingWeekOf, timezoneOf } from './member-time.js';

export interface PartnerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/** The two DMs partners send each other, drawn by the adapter's renderer. */
export interface PartnerDmRenderer<M> {
  /** `to`: the partner who reads it, whose language it speaks. */
  checkin(author: MemberKey, week: string, note: string, to: MemberKey): M | Promise<M>;
  cheered(cheererId: string, to: MemberKey): M | Promise<M>;
}

/** Why a partner got no DM: the gate's refusal, or a delivery that failed. */
export type NotByDm = Exclude<DmRefusal, 'already-today' | 'claimed' | 'server-left'> | 'undelivered';

export type CheckinOutcome =
  | { kind: 'private' }
  | { kind: 'no-partner' }
  | { kind: 'shared'; sent: string[]; alreadyToday: string[]; notByDm: { userId: string; why: NotByDm }[] };

/** Records a check-in under the pairing in force and shares it with each partner the gate allows. */
export async function checkIn<M>(
  deps: PartnerDeps & { send: DmSender<M>; render: PartnerDmRenderer<M> },
  key: MemberKey,
  input: { note: string; share: CheckinShare },
): Promise<CheckinOutcome> {
  const now = deps.clock.now();
  const timezone = await timezoneOf(deps.db, key);
  const { weekKey: week, partners } = await checkinWeekAt(deps.db, key, timezone, now);
  await recordCheckin(deps.db, key, { weekKey: week, ...input }, now);
  if (input.share === 'private') return { kind: 'private' };
  if (partners.length === 0) return { kind: 'no-partner' };
  // A partner hears from the author at most once a local day, however many times they check in.
  const day = formatLocalDate(localDateOf(timezone, now));
  const decision = await decideDms(deps.db, { kind: 'partner-checkin', author: key, to: partners, week, day }, now);
  const outcome: CheckinOutcome & { kind: 'shared' } = { kind: 'shared', sent: [], alreadyToday: [], notByDm: [] };
  for (const { userId, why } of decision.refused) {
    if (why === 'already-today') outcome.alreadyToday.push(userId);
    // 'server-left' is never a check-in's refusal (the gate asks it only of DMs that may come after a removal).
    else if (why !== 'claimed' && why !== 'server-left') outcome.notByDm.push({ userId, why });
  }
  let transient = 0;
  for (const permit of decision.permits) {
    const result = await sendPermittedDm(deps.send, permit, await deps.render.checkin(key, week, input.note, permit.to), now);
    if (result.ok) {
      outcome.sent.push(permit.to.userId);
      continue;
    }
    outcome.notByDm.push({ userId: permit.to.userId, why: result.failure === 'dms-closed' ? 'dms-closed' : 'undelivered' });
    if (result.failure === 'transient') transient += 1;
    deps.logger.info({ guild: key.guildId, partner: permit.to.userId, failure: result.failure }, 'check-in: not delivered to partner');
  }
  // Nothing reached anyone for a passing reason: a later check-in today may try again.
  if (decision.permits.length > 0 && transient === decision.permits.length) await releasePartnerNotice(deps.db, key, week, day);
  return outcome;
}

export type CheerOutcome =
  | { kind: 'refused'; reason: 'own-checkin' | 'not-partner' | 'checkin-gone' }
  | { kind: 'already-cheered' }
  | { kind: 'cheered'; told: boolean };

/** A partner's Cheer on the author's check-in of `week`: counted once, told by DM only where the gate allows. */
export async function cheer<M>(deps: PartnerDeps & { send: DmSender<M>; render: PartnerDmRenderer<M> }, cheererId: string, author: MemberKey, week: string): Promise<CheerOutcome> {
  if (author.userId === cheererId) return { kind: 'refused', reason: 'own-checkin' };
  if (!(await partnersOf(deps.db, author, week)).includes(cheererId)) return { kind: 'refused', reason: 'not-partner' };
  const checkin = await checkinOf(deps.db, author, week);
  if (checkin?.share !== 'partner') return { kind: 'refused', reason: 'checkin-gone' };
  const now = deps.clock.now();
  if (!(await recordCheer(deps.db, author, week, cheererId, now))) return { kind: 'already-cheered' };
  await markCheered(deps.db, author, week, now);
  const [permit] = (await decideDms(deps.db, { kind: 'cheer', to: author }, now)).permits;
  if (!permit) return { kind: 'cheered', told: false };
  const result = await sendPermittedDm(deps.send, permit, await deps.render.cheered(cheererId, permit.to), now);
  return { kind: 'cheered', told: result.ok };
}

/** One partner as `/partner status` shows them: their shared note, if any, and whether they cheered the member's. */
export interface PartnerView {
  userId: string;
  sharedNote: string | null;
}

export type PartnerStatus =
  | { kind: 'paired'; weekKey: string; partners: PartnerView[]; cheeredMine: string[] }
  | { kind: 'partners-left'; timezone: string; nextRecapAt: Date | null }
  | { kind: 'not-paired'; reason: 'checkins-off' | 'not-opted-in' | 'paused' | 'no-recap' | 'waiting'; optedIn: boolean; timezone: string; nextRecapAt: Date | null };

/** The member's partners in force now and their shared notes, or why there are none. */
export async function partnerStatus(deps: PartnerDeps, key: MemberKey): Promise<PartnerStatus> {
  const now = deps.clock.now();
  const timezone = await timezoneOf(deps.db, key);
  const { weekKey: week, partners } = await checkinWeekAt(deps.db, key, timezone, now);
  const facts = await partnerFacts(deps.db, key);
  const nextRecapAt = facts.nextRecapAt && facts.nextRecapAt.getTime() > now.getTime() ? facts.nextRecapAt : null;
  if (partners.length === 0) {
    const pairingWeek = await pairingWeekOf(deps.db, key, timezone, now);
    if (pairingWeek && (await partnersLeftAt(deps.db, key, pairingWeek))) return { kind: 'partners-left', timezone, nextRecapAt };
    const paused = await activePause(deps.db, key, now);
    // Pairing happens at recap time: with no recap set up, there is no "next recap" to wait for.
    const waiting = (await recapConfigured(deps.db, key.guildId)) ? 'waiting' : 'no-recap';
    const reason = !facts.checkinsEnabled ? 'checkins-off' : !facts.optedIn ? 'not-opted-in' : paused ? 'paused' : waiting;
    return { kind: 'not-paired', reason, optedIn: facts.optedIn, timezone, nextRecapAt };
  }
  const views: PartnerView[] = [];
  for (const userId of partners) {
    const checkin = await checkinOf(deps.db, { guildId: key.guildId, userId }, week);
    // A note kept private stays private, even from a partner.
    views.push({ userId, sharedNote: checkin?.share === 'partner' ? checkin.note : null });
  }
  const cheeredMine = (await cheerersOf(deps.db, key, week)).filter((id) => partners.includes(id));
  return { kind: 'paired', weekKey: week, partners: views, cheeredMine };
}

/**
 * When a member who has just opted in will first be paired (for `/partner join`'s answer): at the next recap,
 * unless no recap is set up yet or a pause of theirs still runs at that moment (paused members are left out).
 */
export async function firstPairingFor(deps: PartnerDeps, key: MemberKey): Promise<'next-recap' | 'no-recap' | 'paused'> {
  const now = deps.clock.now();
  if (!(await recapConfigured(deps.db, key.guildId))) return 'no-recap';
  const pause = await activePause(deps.db, key, now);
  if (!pause) return 'next-recap';
  const { nextRecapAt } = await partnerFacts(deps.db, key);
  return pause.endsAt === null || (nextRecapAt !== null && pause.endsAt.getTime() > nextRecapAt.getTime()) ? 'paused' : 'next-recap';
}

/** Whether the member is paired now (for `/partner leave`'s answer). */
export async function isPairedNow(deps: PartnerDeps, key: MemberKey): Promise<boolean> {
  const now = deps.clock.now();
  return (await checkinWeekAt(deps.db, key, await timezoneOf(deps.db, key), now)).partners.length > 0;
}
