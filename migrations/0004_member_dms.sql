CREATE TABLE "member_dms" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"attempts" integer DEFAULT 1 NOT NULL,
	"note" text,
	CONSTRAINT "member_dms_guild_id_user_id_kind_period_pk" PRIMARY KEY("guild_id","user_id","kind","period")
);
--> statement-breakpoint
ALTER TABLE "member_dms" ADD CONSTRAINT "member_dms_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_dms_status_idx" ON "member_dms" USING btree ("status","claimed_at");