CREATE TABLE "dm_recaps" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_key" text NOT NULL,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "dm_recaps_guild_id_user_id_week_key_pk" PRIMARY KEY("guild_id","user_id","week_key")
);
--> statement-breakpoint
CREATE TABLE "encouragement_uses" (
	"guild_id" text NOT NULL,
	"line_id" text NOT NULL,
	"week_key" text NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "encouragement_uses_guild_id_week_key_line_id_pk" PRIMARY KEY("guild_id","week_key","line_id")
);
--> statement-breakpoint
CREATE TABLE "recap_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"week_key" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"channel_id" text,
	"message_id" text,
	"finished_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_channel_id" text;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_day" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_time" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "next_recap_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_problem" text;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_configured_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "checkins_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "checkin_day" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "dms_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dm_recaps" ADD CONSTRAINT "dm_recaps_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encouragement_uses" ADD CONSTRAINT "encouragement_uses_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recap_runs" ADD CONSTRAINT "recap_runs_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recap_runs_guild_week_idx" ON "recap_runs" USING btree ("guild_id","week_key");--> statement-breakpoint
CREATE INDEX "recap_runs_status_idx" ON "recap_runs" USING btree ("status","claimed_at");--> statement-breakpoint
CREATE INDEX "guilds_next_recap_idx" ON "guilds" USING btree ("next_recap_at") WHERE "guilds"."recap_channel_id" is not null;