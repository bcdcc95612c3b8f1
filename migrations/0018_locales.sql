ALTER TABLE "guilds" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "recap_locale" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "locale" text;