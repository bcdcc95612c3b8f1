CREATE TABLE "checkin_cheers" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_key" text NOT NULL,
	"cheerer_id" text NOT NULL,
	"cheered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_cheers_guild_id_user_id_week_key_cheerer_id_pk" PRIMARY KEY("guild_id","user_id","week_key","cheerer_id")
);
--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "partners_left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checkin_cheers" ADD CONSTRAINT "checkin_cheers_guild_id_user_id_week_key_checkins_guild_id_user_id_week_key_fk" FOREIGN KEY ("guild_id","user_id","week_key") REFERENCES "public"."checkins"("guild_id","user_id","week_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_cheers_cheerer_idx" ON "checkin_cheers" USING btree ("guild_id","cheerer_id");