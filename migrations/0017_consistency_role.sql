CREATE TABLE "role_links" (
	"user_id" text PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"sealed_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"weeks_active" integer,
	"pushed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "consistency_role" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "role_links" ADD CONSTRAINT "role_links_guild_id_user_id_members_guild_id_user_id_fk" FOREIGN KEY ("guild_id","user_id") REFERENCES "public"."members"("guild_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_links_guild_idx" ON "role_links" USING btree ("guild_id");