CREATE TABLE "goal_revisions" (
	"goal_id" bigint NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"target" integer NOT NULL,
	"period" text NOT NULL,
	CONSTRAINT "goal_revisions_goal_id_effective_from_pk" PRIMARY KEY("goal_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"target" integer NOT NULL,
	"period" text NOT NULL,
	"share" text DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	"declined_offer" text
);
--> statement-breakpoint
CREATE TABLE "pauses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "wins" ADD COLUMN "goal_id" bigint;--> statement-breakpoint
ALTER TABLE "wins" ADD COLUMN "remembered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "goal_revisions" ADD CONSTRAINT "goal_revisions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goals_member_idx" ON "goals" USING btree ("guild_id","user_id");--> statement-breakpoint
CREATE INDEX "pauses_member_idx" ON "pauses" USING btree ("guild_id","user_id","started_at");--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wins_goal_time_idx" ON "wins" USING btree ("goal_id","occurred_at");