import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { GUILD_DEFAULTS } from '../domain/guild-defaults.js';
import { bigint, bigserial, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A Discord server the bot has seen. Discord ids are text: they overflow JavaScript numbers. */
export const guilds = pgTable(
  'guilds',
  {
    id: text('id').primaryKey(),
    /** The server's timezone: the recap's days and weeks, and members' fallback. */
    timezone: text('timezone').notNull().default(GUILD_DEFAULTS.timezone),
    createdAt: instant('created_at').notNull(),
    /** Null until an admin runs /config recap: no recap is posted before that. */
    recapChannelId: text('recap_channel_id'),
    /** 1 = Monday … 7 = Sunday. */
    recapDay: integer('recap_day').notNull().default(GUILD_DEFAULTS.recapDay),
    /** Local `HH:MM`, 24 h. */
    recapTime: text('recap_time').notNull().default(GUILD_DEFAULTS.recapTime),
    /** When the next recap is due; recomputed whenever the settings change or a recap fires. */
    nextRecapAt: instant('next_recap_at'),
    /** Why delivery stopped (e.g. missing permission); shown in /config show until a channel is set again. */
    recapProblem: text('recap_problem'),
    recapConfiguredAt: instant('recap_configured_at'),
    checkinsEnabled: boolean('checkins_enabled').notNull().default(GUILD_DEFAULTS.checkinsEnabled),
    /** 1 = Monday … 7 = Sunday. */
    checkinDay: integer('checkin_day').notNull().default(GUILD_DEFAULTS.checkinDay),
    /** The admin offers the consistency linked role here (SPEC §13); off until enabled on the web view. */
    consistencyRole: boolean('consistency_role').notNull().default(false),
    /** The server's language as Discord last reported it (`guild_locale`); null until an interaction came. */
    locale: text('locale'),
    /** The recap's language as an admin chose it (`/config language`); null: follow `locale`. */
    recapLocale: text('recap_locale'),
    /**
     * When the bot was removed from the server (GUILD_DELETE without `unavailable`); null while it is in it.
     * Cleared when the bot joins again. Members' data stays: it is no one's home meanwhile.
     */
    leftAt: instant('left_at'),
  },
  // Only servers the bot is in: a server that removed it keeps its due time without being read by every sweep.
  (t) => [index('guilds_next_recap_idx').on(t.nextRecapAt).where(sql`${t.recapChannelId} is not null and ${t.leftAt} is null`)],
);

/** A member of one server: settings are per server, like everything stored about them. */
export const members = pgTable(
  'members',
  {
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    /** Null: the server's timezone applies. */
    timezone: text('timezone'),
    dms: boolean('dms').notNull().default(false),
    /** Opted in to weekly partner pairing (`/partner join`). */
    partnerOptIn: boolean('partner_opt_in').notNull().default(false),
    /** Set when a DM bounced (closed DMs); DM recaps wait until the member turns DMs on again. */
    dmsClosedAt: instant('dms_closed_at'),
    /** The member's Discord language from their last interaction here: their DMs speak it. Null: English. */
    locale: text('locale'),
    createdAt: instant('created_at').notNull(),
    /** Asked for a fresh-start line by DM on the first morning of each week and month (`/settings fresh-start`). */
    freshStart: boolean('fresh_start').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

export const wins = pgTable(
  'wins',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    text: text('text').notNull(),
    isPrivate: boolean('is_private').notNull().default(false),
    /** When the win happened: now, or noon local time of a back-dated day. */
    occurredAt: instant('occurred_at').notNull(),
    /** When it was logged. */
    createdAt: instant('created_at').notNull(),
    /** 'command' or 'message' (the "Log as my win" context menu). */
    source: text('source').notNull().default('command'),
    sourceMessageId: text('source_message_id'),
    goalId: bigint('goal_id', { mode: 'number' }).references((): AnyPgColumn => goals.id, { onDelete: 'set null' }),
    /** Last time /remember brought it back, so it is not shown again too soon. */
    rememberedAt: instant('remembered_at'),
    /** The Discord interaction that logged it: Discord may deliver one twice, the win is stored once. */
    interactionId: text('interaction_id'),
    /**
     * Where a public win was celebrated, written with the win, so deleting it can remove that message too
     * (SPEC §7): the message is found in this channel by `interactionId`. Rows from before that change
     * also have the message's id; nothing writes it now.
     */
    celebrationChannelId: text('celebration_channel_id'),
    celebrationMessageId: text('celebration_message_id'),
  },
  (t) => [
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('wins_member_time_idx').on(t.guildId, t.userId, t.occurredAt),
    // Only a member's own query can use it, so /win's counts never scan the server's week, statistics or not.
    index('wins_member_key_time_idx').on(sql`(${t.guildId} || ':' || ${t.userId})`, t.occurredAt),
    index('wins_guild_time_idx').on(t.guildId, t.occurredAt),
    // Only wins toward a goal: a plain /win (most of them) then has one index fewer to write.
    index('wins_goal_time_idx').on(t.goalId, t.occurredAt).where(sql`${t.goalId} is not null`),
    // One win per source message, so logging the same message twice is caught by the database.
    uniqueIndex('wins_source_message_idx')
      .on(t.guildId, t.sourceMessageId)
      .where(sql`${t.sourceMessageId} is not null`),
    uniqueIndex('wins_interaction_idx')
      .on(t.interactionId)
      .where(sql`${t.interactionId} is not null`),
  ],
);

export type Win = typeof wins.$inferSelect;

/** A goal is the member's own; `share` decides who else may ever see it. */
export const goals = pgTable(
  'goals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    title: text('title').notNull(),
    target: integer('target').notNull(),
    /** 'week' | 'month' */
    period: text('period').notNull(),
    /** 'private' | 'partner' | 'server' */
    share: text('share').notNull().default('private'),
    createdAt: instant('created_at').notNull(),
    archivedAt: instant('archived_at'),
    /** A declined "smaller/bigger target" offer, remembered for the run of periods it was made for. */
    declinedOffer: text('declined_offer'),
    /** An if-then plan in the member's words (SPEC §13): "when <planWhen>, I will <planThen>". */
    planWhen: text('plan_when'),
    planThen: text('plan_then'),
    /** The planned moment for a reminder: local `HH:MM` on `planDay` (1 = Monday … 7 = Sunday); null: no reminder. */
    planAt: text('plan_at'),
    planDay: integer('plan_day'),
    /** False once the member dropped the reminder with its button. */
    planReminders: boolean('plan_reminders').notNull().default(true),
  },
  (t) => [
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('goals_member_idx').on(t.guildId, t.userId),
  ],
);

/** Every target and period a goal has had, so past periods keep the target they had then. */
export const goalRevisions = pgTable(
  'goal_revisions',
  {
    goalId: bigint('goal_id', { mode: 'number' })
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    effectiveFrom: instant('effective_from').notNull(),
    target: integer('target').notNull(),
    period: text('period').notNull(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.effectiveFrom] })],
);

/** Holiday mode: streaks freeze and prompts stop while a pause covers a moment. */
export const pauses = pgTable(
  'pauses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    startedAt: instant('started_at').notNull(),
    /** Null: until /resume. */
    endsAt: instant('ends_at'),
  },
  (t) => [
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('pauses_member_idx').on(t.guildId, t.userId, t.startedAt),
  ],
);

/** An empty week a member repaired from /progress (SPEC §13): it no longer breaks their weekly streak. */
export const streakRepairs = pgTable(
  'streak_repairs',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** The repaired week's Monday, 'YYYY-MM-DD', in the member's timezone when they repaired it. */
    weekStart: text('week_start').notNull(),
    repairedAt: instant('repaired_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.weekStart] }),
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
  ],
);

export type Goal = typeof goals.$inferSelect;
export type GoalRevision = typeof goalRevisions.$inferSelect;
export type Pause = typeof pauses.$inferSelect;

/**
 * One weekly recap of one server: claimed (unique per server and week) before it is
 * posted, so it goes out exactly once however many processes run and whatever crashes.
 */
export const recapRuns = pgTable(
  'recap_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    /** ISO week the recap mostly reports (`recapWeekKey`), e.g. `2026-W48`: one recap per week. */
    weekKey: text('week_key').notNull(),
    scheduledFor: instant('scheduled_for').notNull(),
    /** Where its coverage ends (its own moment); null on runs from before coverage ended there (they stopped at the Monday). */
    coversUntil: instant('covers_until'),
    /** 'claimed' | 'posted' | 'skipped' | 'failed' */
    status: text('status').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    claimedBy: text('claimed_by').notNull(),
    attempts: integer('attempts').notNull().default(1),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    finishedAt: instant('finished_at'),
    /** Why it was skipped or failed, or that it went out late. */
    note: text('note'),
  },
  (t) => [uniqueIndex('recap_runs_guild_week_idx').on(t.guildId, t.weekKey), index('recap_runs_status_idx').on(t.status, t.claimedAt)],
);

/** Which encouragement lines a server has seen and when, so none repeats within 8 weeks. */
export const encouragementUses = pgTable(
  'encouragement_uses',
  {
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    lineId: text('line_id').notNull(),
    weekKey: text('week_key').notNull(),
    usedAt: instant('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.weekKey, t.lineId] })],
);

/**
 * Claimed DMs to members, one per member, kind and period: personal recaps ('recap') and check-in
 * prompts ('checkin-prompt'), each for a week. Claimed before sending so each goes out once; a
 * transient failure stays claimed and is tried again once the lease runs out, `attempts` counting.
 */
export const memberDms = pgTable(
  'member_dms',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** 'recap' | 'checkin-prompt' */
    kind: text('kind').notNull(),
    /** The ISO week it is for, e.g. `2026-W48`. */
    period: text('period').notNull(),
    /** 'claimed' | 'sent' | 'dms-closed' | 'failed' */
    status: text('status').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    finishedAt: instant('finished_at'),
    attempts: integer('attempts').notNull().default(1),
    /** Why it failed, when it did. */
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.kind, t.period] }),
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('member_dms_status_idx').on(t.status, t.claimedAt),
  ],
);

export type Guild = typeof guilds.$inferSelect;

/** This week's partner groups (pairs, or one trio), made once per server and week at recap time. */
export const pairings = pgTable(
  'pairings',
  {
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    /** ISO week the partners are for (the week starting at the recap), e.g. `2026-W49`. */
    weekKey: text('week_key').notNull(),
    userId: text('user_id').notNull(),
    /** Members with the same group number are partners that week. */
    groupNo: integer('group_no').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Set on the one left behind when every partner of the group deleted their data (/privacy delete). */
    partnersLeftAt: instant('partners_left_at'),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.weekKey, t.userId] }), index('pairings_member_idx').on(t.guildId, t.userId)],
);

/** A member's check-in note for a week; one per week, the latest wins. */
export const checkins = pgTable(
  'checkins',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    weekKey: text('week_key').notNull(),
    note: text('note').notNull(),
    /** 'partner' | 'private' */
    share: text('share').notNull(),
    createdAt: instant('created_at').notNull(),
    /** When a partner pressed Cheer on it. */
    cheeredAt: instant('cheered_at'),
    /** The author's local day (YYYY-MM-DD) the note last went to their partners by DM: at most once a day. */
    partnerNotifiedOn: text('partner_notified_on'),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.weekKey] }),
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
  ],
);

/** One row per partner who cheered a check-in: a cheer counts once per member (and DMs the author once). */
export const checkinCheers = pgTable(
  'checkin_cheers',
  {
    guildId: text('guild_id').notNull(),
    /** The check-in's author. */
    userId: text('user_id').notNull(),
    weekKey: text('week_key').notNull(),
    cheererId: text('cheerer_id').notNull(),
    cheeredAt: instant('cheered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.weekKey, t.cheererId] }),
    foreignKey({ columns: [t.guildId, t.userId, t.weekKey], foreignColumns: [checkins.guildId, checkins.userId, checkins.weekKey] }).onDelete('cascade'),
    index('checkin_cheers_cheerer_idx').on(t.guildId, t.cheererId),
  ],
);

export type Pairing = typeof pairings.$inferSelect;
export type Checkin = typeof checkins.$inferSelect;

/** A signed-in web view session (SPEC §10): the cookie holds only the signed id, so sign-out really ends it. */
export const webSessions = pgTable(
  'web_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    username: text('username').notNull(),
    /** Servers shared with the bot at sign-in: `[{ id, name, manage }]`. */
    guilds: jsonb('guilds').$type<{ id: string; name: string; manage: boolean }[]>().notNull(),
    /** The member's Discord access token, to check Manage Server again before every admin change. */
    accessToken: text('access_token').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('web_sessions_expiry_idx').on(t.expiresAt)],
);

export type WebSession = typeof webSessions.$inferSelect;

/**
 * A member's link to the consistency role (SPEC §13): Discord keeps one role connection per user and
 * app, so one row per user, counting the server they linked from. The token is sealed (AES-GCM), never plain.
 */
export const roleLinks = pgTable(
  'role_links',
  {
    userId: text('user_id').primaryKey(),
    guildId: text('guild_id').notNull(),
    /** The `role_connections.write` access token, sealed with a key derived from SESSION_SECRET. */
    sealedToken: text('sealed_token').notNull(),
    expiresAt: instant('expires_at').notNull(),
    /** The refresh token Discord gave with it, sealed the same way: the link outlives the 7-day access token. */
    sealedRefreshToken: text('sealed_refresh_token'),
    linkedAt: instant('linked_at').notNull(),
    /** The value last sent to Discord, and when. */
    weeksActive: integer('weeks_active'),
    pushedAt: instant('pushed_at'),
  },
  (t) => [
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('role_links_guild_idx').on(t.guildId),
  ],
);

/** A member's home server: where what they do from a DM or a server without the bot counts (SPEC §11). */
export const memberHomes = pgTable('member_homes', {
  userId: text('user_id').primaryKey(),
  guildId: text('guild_id')
    .notNull()
    .references(() => guilds.id, { onDelete: 'cascade' }),
  updatedAt: instant('updated_at').notNull(),
});
