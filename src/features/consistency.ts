import type { MemberKey } from '../db/members.js';
import { memberHistory } from '../db/personal-week.js';
import { consistencyRoleOn, recordRolePush, roleLinkOf, roleLinksOfGuild, forgetRefreshToken, saveRefreshedGrant, saveRoleLink, setConsistencyRole } from '../db/role-links.js';
import { weeksActiveOfLast } from '../domain/consistency.js';
import { weekCountsOf } from '../domain/streaks.js';
import { localDateOf, mondayOf } from '../domain/time.js';
import { timezoneOf } from './member-time.js';
import type { FeatureDeps } from './progress.js';
import { openToken, sealToken, type SealKey } from './token-seal.js';

/** How one push went: set, refused for the token (401: expired or revoked, worth a refresh), or refused otherwise. */
export type PushOutcome = 'set' | 'unauthorized' | 'refused';

/** How an adapter sets one member's role connection with their own token. */
export type PushRoleConnection = (accessToken: string, weeksActive: number) => Promise<PushOutcome>;

/** A grant from Discord's token endpoint. */
export interface RoleGrant {
  accessToken: string;
  /** Seconds the access token stays valid. */
  expiresIn: number;
  refreshToken?: string | undefined;
}

/** How an adapter trades a refresh token for a new grant: 'revoked' when Discord refused it for good, undefined when it could not be asked now. */
export type RefreshRoleGrant = (refreshToken: string) => Promise<RoleGrant | 'revoked' | undefined>;

/** Weeks with a win among the member's last 6, in their timezone, every win counted (the member chose to link). */
export async function weeksActiveOf(deps: FeatureDeps, key: MemberKey): Promise<number> {
  const now = deps.clock.now();
  const timezone = await timezoneOf(deps.db, key);
  const { days } = await memberHistory(deps.db, key, timezone, { winsBefore: null, pausesBefore: now });
  return weeksActiveOfLast(weekCountsOf(days), mondayOf(localDateOf(timezone, now)));
}

/** Stores the member's link (token sealed) and sets the value at once, so the role can be granted right away. */
export async function linkConsistencyRole(
  deps: FeatureDeps & { sealKey: SealKey },
  key: MemberKey,
  grant: RoleGrant,
  push: PushRoleConnection,
): Promise<{ weeksActive: number; pushed: boolean }> {
  const now = deps.clock.now();
  const sealedRefreshToken = grant.refreshToken ? sealToken(deps.sealKey, grant.refreshToken) : null;
  await saveRoleLink(deps.db, key, { sealedToken: sealToken(deps.sealKey, grant.accessToken), sealedRefreshToken, expiresAt: new Date(now.getTime() + grant.expiresIn * 1000) }, now);
  const weeksActive = await weeksActiveOf(deps, key);
  const pushed = (await push(grant.accessToken, weeksActive)) === 'set';
  if (pushed) await recordRolePush(deps.db, key.userId, weeksActive, now);
  return { weeksActive, pushed };
}

/**
 * After a server's recap: each linked member's value, kept current. An expired access token, or one
 * Discord answers 401 to, is renewed once with the sealed refresh token (the new pair is sealed and
 * stored); a link that cannot be renewed is skipped. Tokens never leave this function but to Discord.
 */
export async function refreshRoleConnections(
  deps: FeatureDeps & { sealKey: SealKey },
  guildId: string,
  discord: { push: PushRoleConnection; refresh?: RefreshRoleGrant | undefined },
): Promise<{ pushed: number; renewed: number; skipped: number }> {
  const now = deps.clock.now();
  let pushed = 0;
  let renewed = 0;
  let skipped = 0;
  for (const link of await roleLinksOfGuild(deps.db, guildId)) {
    const renew = async (): Promise<string | undefined> => {
      const refreshToken = link.sealedRefreshToken ? openToken(deps.sealKey, link.sealedRefreshToken) : undefined;
      const grant = refreshToken && discord.refresh ? await discord.refresh(refreshToken) : undefined;
      // Refused for good (the member removed the app): the link has run out, and the page says so.
      if (grant === 'revoked') await forgetRefreshToken(deps.db, link.userId);
      if (!grant || grant === 'revoked') return undefined;
      await saveRefreshedGrant(deps.db, link.userId, {
        sealedToken: sealToken(deps.sealKey, grant.accessToken),
        // Discord rotates it; should it not, the old one stays.
        sealedRefreshToken: grant.refreshToken ? sealToken(deps.sealKey, grant.refreshToken) : (link.sealedRefreshToken ?? ''),
        expiresAt: new Date(now.getTime() + grant.expiresIn * 1000),
      });
      renewed += 1;
      return grant.accessToken;
    };
    let token = link.expiresAt > now ? openToken(deps.sealKey, link.sealedToken) : undefined;
    let fresh = false;
    if (!token) {
      token = await renew();
      fresh = true;
    }
    if (!token) {
      skipped += 1;
      continue;
    }
    const weeksActive = await weeksActiveOf(deps, { guildId, userId: link.userId });
    let outcome = await discord.push(token, weeksActive);
    if (outcome === 'unauthorized' && !fresh) {
      const renewedToken = await renew();
      if (renewedToken) outcome = await discord.push(renewedToken, weeksActive);
    }
    if (outcome === 'set') {
      await recordRolePush(deps.db, link.userId, weeksActive, now);
      pushed += 1;
    } else skipped += 1;
  }
  return { pushed, renewed, skipped };
}

/** Whether the server offers the role, and the member's link to it, for the web view. */
export async function consistencyRoleOf(deps: FeatureDeps, key: MemberKey): Promise<{ offered: boolean; linked: boolean; expired: boolean; weeksActive: number | null }> {
  const [offered, link] = await Promise.all([consistencyRoleOn(deps.db, key.guildId), roleLinkOf(deps.db, key)]);
  return { offered, linked: link !== undefined, expired: link !== undefined && link.expiresAt <= deps.clock.now() && link.sealedRefreshToken === null, weeksActive: link?.weeksActive ?? null };
}

/** The admin's switch; turning it on registers the app's metadata with Discord first, so a role can use it. */
export async function setConsistencyRoleOffered(deps: FeatureDeps, guildId: string, on: boolean, registerMetadata: () => Promise<void>): Promise<void> {
  if (on) await registerMetadata();
  await setConsistencyRole(deps.db, guildId, on);
}

export const isConsistencyRoleOffered = (deps: FeatureDeps, guildId: string): Promise<boolean> => consistencyRoleOn(deps.db, guildId);

/** What clearing a member's role connection needs: the seal key, and the adapter's calls with the member's token. */
export interface RoleLinkClearing {
  sealKey: SealKey;
  clear: (accessToken: string) => Promise<PushOutcome>;
  refresh?: RefreshRoleGrant | undefined;
}

/**
 * Before a member's data is deleted: empties their role connection with Discord, so the role stops
 * applying (renewing an expired grant first when it can). Best effort: it never throws, so a failure
 * here never blocks the deletion; no token is ever logged.
 */
export async function clearRoleConnectionOf(deps: FeatureDeps, key: MemberKey, discord: RoleLinkClearing): Promise<'cleared' | 'none' | 'failed'> {
  try {
    const link = await roleLinkOf(deps.db, key);
    if (!link) return 'none';
    const renew = async (): Promise<string | undefined> => {
      const refreshToken = link.sealedRefreshToken ? openToken(discord.sealKey, link.sealedRefreshToken) : undefined;
      const grant = refreshToken && discord.refresh ? await discord.refresh(refreshToken) : undefined;
      return grant && grant !== 'revoked' ? grant.accessToken : undefined;
    };
    const stored = link.expiresAt > deps.clock.now() ? openToken(discord.sealKey, link.sealedToken) : undefined;
    const token = stored ?? (await renew());
    if (!token) return 'failed';
    let outcome = await discord.clear(token);
    if (outcome === 'unauthorized' && stored) {
      const renewed = await renew();
      if (renewed) outcome = await discord.clear(renewed);
    }
    return outcome === 'set' ? 'cleared' : 'failed';
  } catch {
    return 'failed';
  }
}
