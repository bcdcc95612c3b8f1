import { guildSettings, saveCheckinSettings, saveRecapSettings } from '../db/guild-settings.js';
import { recentRecaps } from '../db/recap.js';
import type { Guild } from '../db/schema.js';
import { readDayOr, readRecapSettings, weekdayProblem, type InputQuoting, type RecapSettingsInput, type RecapSettingsProblem } from '../domain/recap-settings-input.js';
import { nextRecapToPost } from '../domain/recap/weeks.js';
import { nextRecapAt } from '../domain/schedule.js';
import type { FeatureDeps } from './progress.js';

// /config and the web admin page: one set of rules, one save, one next-recap answer for both doors.

export const serverSettingsOf = (deps: FeatureDeps, guildId: string): Promise<Guild> => guildSettings(deps.db, guildId, deps.clock.now());

export type RecapChange =
  | { ok: true; saved: Guild; timezoneNote: string | undefined; /** Set when this week's recap already went out, so the next is later. */ passedOverTo: Date | undefined }
  | { ok: false; problem: RecapSettingsProblem };

/**
 * Saves where and when the recap goes. The next recap never repeats a week already recapped, nor follows
 * this week's within the same week, whichever door changed the schedule.
 */
export async function changeRecapSettings(deps: FeatureDeps, guildId: string, input: RecapSettingsInput, quoting: InputQuoting): Promise<RecapChange> {
  const now = deps.clock.now();
  const current = await guildSettings(deps.db, guildId, now);
  const read = readRecapSettings(current, input, quoting);
  if (!read.ok) return read;
  const { channelId, recapDay, recapTime, timezone, timezoneNote } = read.value;
  const schedule = { day: recapDay, time: recapTime, timezone };
  const recent = await recentRecaps(deps.db, current.id);
  const next = nextRecapToPost(schedule, now, recent.weeks, recent.lastWentOutAt);
  const saved = await saveRecapSettings(deps.db, current.id, { recapChannelId: channelId, recapDay, recapTime, timezone, nextRecapAt: next }, now);
  const passedOverTo = next.getTime() !== nextRecapAt(schedule, now).getTime() ? next : undefined;
  return { ok: true, saved, timezoneNote: timezoneNote || undefined, passedOverTo };
}

export type CheckinChange = { ok: true; saved: Guild } | { ok: false; problem: RecapSettingsProblem };

/** Turns check-ins on or off, with the prompt day (the current one when none is given). */
export async function changeCheckinSettings(deps: FeatureDeps, guildId: string, input: { enabled: boolean; day: string | null }, quoting: InputQuoting): Promise<CheckinChange> {
  const now = deps.clock.now();
  const current = await guildSettings(deps.db, guildId, now);
  const checkinDay = readDayOr(input.day, current.checkinDay);
  if (checkinDay === undefined) return { ok: false, problem: weekdayProblem(quoting) };
  return { ok: true, saved: await saveCheckinSettings(deps.db, current.id, { checkinsEnabled: input.enabled, checkinDay }, now) };
}
