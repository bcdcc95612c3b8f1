CREATE TABLE "checkin_prompts" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_key" text NOT NULL,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_prompts_guild_id_user_id_week_key_pk" PRIMARY KEY("guild_id","user_id","week_key")
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_key" text NOT NULL,
	"note" text NOT NULL,
	"share" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cheered_at" timestamp with time zone,
	CONSTRAINT "checkins_guild_id_user_id_week_key_pk" PRIMARY KEY("guild_id","user_id","week_key")
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"guild_id" text NOT NULL,
	"week_key" text NOT NULL,
	"user_id" text NOT NULL,
	"group_no" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pairings_guild_id_week_key_user_id_pk" PRIMARY KEY("guild_id","week_key","user_id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "partner_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_prompts" ADD CONSTRAINT "checkin_prompts_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairings_member_idx" ON "pairings" USING btree ("guild_id","user_id");