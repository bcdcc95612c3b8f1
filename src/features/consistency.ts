import type { MemberKey } from '../db/members.js';
import { memberHistory } from '../db/personal-week.js';
import { consistencyRoleOn, recordRolePush, roleLinkOf, roleLinksOfGuild, saveRoleLink, setConsistencyRole } from '../db/role-links.js';
import { weeksActiveOfLast } from '../domain/consistency.js';
import { weekCountsOf } from '../domain/streaks.js';
import { localDateOf, mondayOf } from '../domain/time.js';
import { timezoneOf } from './member-time.js';
import type { FeatureDeps } from './progress.js';
import { openToken, sealToken, type SealKey } from './token-seal.js';

/** How an adapter sets one member's role connection with their own token; false when Discord refused it. */
export type PushRoleConnection = (accessToken: string, weeksActive: number) => Promise<boolean>;

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
  grant: { accessToken: string; expiresIn: number },
  push: PushRoleConnection,
): Promise<{ weeksActive: number; pushed: boolean }> {
  const now = deps.clock.now();
  await saveRoleLink(deps.db, key, { sealedToken: sealToken(deps.sealKey, grant.accessToken), expiresAt: new Date(now.getTime() + grant.expiresIn * 1000) }, now);
  const weeksActive = await weeksActiveOf(deps, key);
  const pushed = await push(grant.accessToken, weeksActive);
  if (pushed) await recordRolePush(deps.db, key.userId, weeksActive, now);
  return { weeksActive, pushed };
}

/** After a server's recap: each linked member's value, kept current (expired or unreadable tokens are skipped). */
export async function refreshRoleConnections(deps: FeatureDeps & { sealKey: SealKey }, guildId: string, push: PushRoleConnection): Promise<{ pushed: number; skipped: number }> {
  const now = deps.clock.now();
  let pushed = 0;
  let skipped = 0;
  for (const link of await roleLinksOfGuild(deps.db, guildId)) {
    const token = link.expiresAt > now ? openToken(deps.sealKey, link.sealedToken) : undefined;
    if (!token) {
      skipped += 1;
      continue;
    }
    const weeksActive = await weeksActiveOf(deps, { guildId, userId: link.userId });
    if (await push(token, weeksActive)) {
      await recordRolePush(deps.db, link.userId, weeksActive, now);
      pushed += 1;
    } else skipped += 1;
  }
  return { pushed, skipped };
}

/** Whether the server offers the role, and the member's link to it, for the web view. */
export async function consistencyRoleOf(deps: FeatureDeps, key: MemberKey): Promise<{ offered: boolean; linked: boolean; expired: boolean; weeksActive: number | null }> {
  const [offered, link] = await Promise.all([consistencyRoleOn(deps.db, key.guildId), roleLinkOf(deps.db, key)]);
  return { offered, linked: link !== undefined, expired: link !== undefined && link.expiresAt <= deps.clock.now(), weeksActive: link?.weeksActive ?? null };
}

/** The admin's switch; turning it on registers the app's metadata with Discord first, so a role can use it. */
export async function setConsistencyRoleOffered(deps: FeatureDeps, guildId: string, on: boolean, registerMetadata: () => Promise<void>): Promise<void> {
  if (on) await registerMetadata();
  await setConsistencyRole(deps.db, guildId, on);
}

export const isConsistencyRoleOffered = (deps: FeatureDeps, guildId: string): Promise<boolean> => consistencyRoleOn(deps.db, guildId);
