import { sql } from 'drizzle-orm';
import { bigserial, boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A Discord server the bot has seen. Discord ids are text: they overflow JavaScript numbers. */
export const guilds = pgTable('guilds', {
  id: text('id').primaryKey(),
  timezone: text('timezone').notNull().default('UTC'),
  createdAt: instant('created_at').notNull(),
});

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
    createdAt: instant('created_at').notNull(),
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
  },
  (t) => [
    foreignKey({ columns: [t.guildId, t.userId], foreignColumns: [members.guildId, members.userId] }).onDelete('cascade'),
    index('wins_member_time_idx').on(t.guildId, t.userId, t.occurredAt),
    index('wins_guild_time_idx').on(t.guildId, t.occurredAt),
    // One win per source message, so logging the same message twice is caught by the database.
    uniqueIndex('wins_source_message_idx')
      .on(t.guildId, t.sourceMessageId)
      .where(sql`${t.sourceMessageId} is not null`),
  ],
);

export type Win = typeof wins.$inferSelect;
export type NewWin = typeof wins.$inferInsert;
