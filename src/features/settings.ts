import { memberSettings, updateMemberSettings, type MemberKey, type MemberSettings } from '../db/members.js';
import { activePause } from '../db/pauses.js';
import type { Pause } from '../db/schema.js';
import { rewrittenPeriods, type RewrittenPeriod } from '../domain/goals.js';
import type { TimeZoneReading } from '../domain/timezone-input.js';
import { progressOf, type FeatureDeps } from './progress.js';

export interface SettingsNow {
  settings: MemberSettings;
  pause: Pause | undefined;
  now: Date;
}

/** What /settings and the web settings page show. */
export async function settingsOf(deps: FeatureDeps, key: MemberKey): Promise<SettingsNow> {
  const now = deps.clock.now();
  const [settings, pause] = await Promise.all([memberSettings(deps.db, key), activePause(deps.db, key, now)]);
  return { settings, pause, now };
}

export type TimeZoneChoice = { kind: 'server' } | (TimeZoneReading & { kind: 'zone' });

export interface SettingsChange {
  timezone?: TimeZoneChoice | undefined;
  dms?: boolean | undefined;
  freshStart?: boolean | undefined;
}

export interface SettingsChanged {
  settings: MemberSettings;
  now: Date;
  /** Goal periods that read differently in the new timezone, newest first; empty when nothing moved. */
  rewritten: RewrittenPeriod[];
  /** The weekly streak before and after, when the new timezone changed it. */
  streak: { before: number; after: number } | undefined;
}

/**
 * Saves the member's settings. A new timezone moves where their days begin, so past wins can fall on
 * other days: what that rewrote is returned, for the member to be told rather than find out.
 */
export async function changeSettings(deps: FeatureDeps, key: MemberKey, change: SettingsChange): Promise<SettingsChanged> {
  const now = deps.clock.now();
  const prior = await memberSettings(deps.db, key);
  const timezone = change.timezone === undefined ? undefined : change.timezone.kind === 'server' ? null : change.timezone.zone;
  const nextZone = timezone === undefined ? prior.timezone : (timezone ?? prior.serverTimezone);
  const before = nextZone === prior.timezone ? undefined : await progressOf(deps, key, prior.timezone);
  await updateMemberSettings(deps.db, key, { timezone, dms: change.dms, freshStart: change.freshStart }, now);
  const settings = await memberSettings(deps.db, key);
  if (!before) return { settings, now, rewritten: [], streak: undefined };
  const after = await progressOf(deps, key, settings.timezone);
  const streakBefore = before.figures?.streaks.current ?? 0;
  const streakAfter = after.figures?.streaks.current ?? 0;
  return {
    settings,
    now,
    rewritten: rewrittenPeriods(before.goals, after.goals, before.timezone, after.timezone),
    streak: streakBefore === streakAfter ? undefined : { before: streakBefore, after: streakAfter },
  };
}
