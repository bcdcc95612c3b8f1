import { deleteMemberData, exportMemberData } from '../db/privacy.js';
import type { MemberKey } from '../db/members.js';
import { clearRoleConnectionOf, type RoleLinkClearing } from './consistency.js';
import type { FeatureDeps } from './progress.js';

const ABOUT = 'Everything Small Wins stores about you in this one server. Other servers keep their own, separate data.';

/** Everything stored about a member in one server: the same file from /privacy export and the web. */
export async function exportOf(deps: FeatureDeps, key: MemberKey) {
  const stored = await exportMemberData(deps.db, key);
  // Dates become ISO strings through Date#toJSON when the file is written.
  return { about: ABOUT, exportedAt: deps.clock.now(), ...stored };
}

/** The export's file name, without its extension. */
export const exportFileName = (key: MemberKey): string => `small-wins-${key.guildId}-${key.userId}`;

/**
 * Deletes everything stored about a member in one server; false when there was nothing to delete. A
 * consistency-role link is cleared with Discord first (best effort: a failure never blocks the deletion).
 */
export async function deleteEverythingOf(deps: FeatureDeps, key: MemberKey, roleLink?: RoleLinkClearing): Promise<boolean> {
  if (roleLink) await clearRoleConnectionOf(deps, key, roleLink);
  return deleteMemberData(deps.db, key, deps.clock.now());
}
