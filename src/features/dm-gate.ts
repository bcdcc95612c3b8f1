/**
 * One gate for every DM (SPEC §5), so no sender can forget a rule: consent (`dms:true`, not bounced), no pause,
 * partner opt-in for partner DMs, nothing about a server that removed the bot, and the bound on how often one
 * recipient hears from us. The only
 * way to send a DM is `sendPermittedDm`, which takes a permit that only `decideDms` can make.
 */
import type { Db } from '../db/client.js';
import { claimPartnerNotice } from '../db/checkins.js';
import { claimMemberDm, dmRecipientFacts, markDmsClosed, type MemberDmKind } from '../db/member-dms.js';
import type { MemberKey } from '../db/members.js';

export type DmKind = MemberDmKind | 'partner-checkin' | 'cheer';

/** What asks to be sent, and to whom; the kind says which bound applies. */
export type DmRequest =
  /** Claimed job DMs, once per member and period (the claim is the bound). */
  | { kind: MemberDmKind; to: MemberKey; period: string; leaseMs?: number }
  /** A check-in to the author's partners: each hears from the author at most once per local `day`. */
  | { kind: 'partner-checkin'; author: MemberKey; to: readonly string[]; week: string; day: string }
  /** "cheered your check-in": bounded upstream, a cheer counts once per partner per check-in. */
  | { kind: 'cheer'; to: MemberKey };

/** Why a recipient gets no DM; the surface says so (the partner reads it in `/partner status`). */
export type DmRefusal = 'dms-off' | 'dms-closed' | 'paused' | 'not-partner' | 'already-today' | 'claimed' | 'server-left';

declare const issuedByGate: unique symbol;

/** Leave to send one DM; only `decideDms` makes one (the brand cannot be named elsewhere). */
export interface DmPermit {
  readonly [issuedByGate]: true;
  readonly kind: DmKind;
  readonly to: MemberKey;
  /** The claim's attempt number, for claimed job DMs. */
  readonly attempt: number;
}

export interface DmDecision {
  permits: DmPermit[];
  refused: { userId: string; why: DmRefusal }[];
}

const partnerKinds: ReadonlySet<DmKind> = new Set<DmKind>(['checkin-prompt', 'partner-checkin', 'cheer']);

const permit = (kind: DmKind, to: MemberKey, attempt = 1) => ({ kind, to, attempt }) as DmPermit;

/** Consent, bounce, pause, opt-in and the bot's presence in the server for one recipient: the refusal, if any. */
async function refusalFor(db: Db, kind: DmKind, to: MemberKey, now: Date): Promise<DmRefusal | undefined> {
  const facts = await dmRecipientFacts(db, to, now);
  // A check-in is written in the server itself, so the bot is there; the rest may come after a removal.
  if (facts.serverLeft && kind !== 'partner-checkin') return 'server-left';
  if (!facts.dms) return 'dms-off';
  if (facts.dmsClosed) return 'dms-closed';
  if (facts.paused) return 'paused';
  if (partnerKinds.has(kind) && !facts.partnerOptIn) return 'not-partner';
  return undefined;
}

/** Decides every DM the bot sends: who may get this one now, and why the others may not. */
export async function decideDms(db: Db, request: DmRequest, now: Date): Promise<DmDecision> {
  const decision: DmDecision = { permits: [], refused: [] };
  const recipients = request.kind === 'partner-checkin' ? request.to.map((userId) => ({ guildId: request.author.guildId, userId })) : [request.to];
  const allowed: MemberKey[] = [];
  for (const to of recipients) {
    const why = await refusalFor(db, request.kind, to, now);
    if (why) decision.refused.push({ userId: to.userId, why });
    else allowed.push(to);
  }
  if (allowed.length === 0) return decision;
  if (request.kind === 'partner-checkin') {
    // One claim for the author's day covers every partner, so a trio is bounded alike.
    if (!(await claimPartnerNotice(db, request.author, request.week, request.day))) {
      decision.refused.push(...allowed.map((to) => ({ userId: to.userId, why: 'already-today' as const })));
      return decision;
    }
  } else if (request.kind !== 'cheer') {
    const attempt = await claimMemberDm(db, { ...request.to, kind: request.kind, period: request.period }, now, request.leaseMs);
    if (attempt === undefined) return { ...decision, refused: [{ userId: request.to.userId, why: 'claimed' }] };
    return { ...decision, permits: [permit(request.kind, request.to, attempt)] };
  }
  decision.permits.push(...allowed.map((to) => permit(request.kind, to)));
  return decision;
}

/** How a DM went, as the adapter's sender says it ('dms-closed': the member's DMs refuse the bot). */
export type DmResult = { ok: true } | { ok: false; failure: string };

/** What sending needs: the database (to remember a bounce) and the adapter's way to DM a drawn message `M`. */
export interface DmSender<M, R extends DmResult = DmResult> {
  db: Db;
  delivery: { dm(userId: string, message: M, options?: { nonce?: string }): Promise<R> };
}

/** Sends one permitted DM; a bounce is remembered so the member is not tried again until they say yes again. */
export async function sendPermittedDm<M, R extends DmResult>(sender: DmSender<M, R>, dm: DmPermit, message: M, now: Date, options?: { nonce?: string }): Promise<R> {
  const result = await sender.delivery.dm(dm.to.userId, message, options);
  const said: DmResult = result;
  if (!said.ok && said.failure === 'dms-closed') await markDmsClosed(sender.db, dm.to, now);
  return result;
}
