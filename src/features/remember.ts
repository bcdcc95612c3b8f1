import { chooseOldWin, hasAnyWin, markRemembered } from '../db/remember.js';
import type { MemberKey } from '../db/members.js';
import type { Win } from '../db/schema.js';
import { rememberCutoff, type RememberKind } from '../domain/remember.js';
import { seededRandom } from '../domain/seeded-random.js';
import { timezoneOf } from './member-time.js';
import type { FeatureDeps } from './progress.js';

/** An old win brought back, or why none was: the member has no win old enough, or none at all. */
export type Remembered =
  | { kind: 'win'; remembrance: RememberKind; win: Win; timezone: string; now: Date }
  | { kind: 'none'; hasAnyWin: boolean };

/** /remember: one of the member's old wins, chosen as a personal recap's "Remember this?" is, and stamped as shown. */
export async function rememberOne(deps: FeatureDeps, key: MemberKey): Promise<Remembered> {
  const now = deps.clock.now();
  const timezone = await timezoneOf(deps.db, key);
  // Seeded by member and moment: varied from day to day, repeatable in tests and example scripts.
  const random = seededRandom(`remember:${key.guildId}:${key.userId}:${now.getTime()}`);
  const choice = await chooseOldWin(deps.db, key, rememberCutoff(now), { timezone, now, random });
  const win = choice && (await markRemembered(deps.db, key, choice.win.id, now));
  if (!choice || !win) return { kind: 'none', hasAnyWin: await hasAnyWin(deps.db, key) };
  return { kind: 'win', remembrance: choice.kind, win, timezone, now };
}
