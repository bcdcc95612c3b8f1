CREATE TABLE "streak_repairs" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_start" text NOT NULL,
	"repaired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "streak_repairs_guild_id_user_id_week_start_pk" PRIMARY KEY("guild_id","user_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "streak_repairs" ADD CONSTRAINT "streak_repairs_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;