ALTER TABLE "wins" ADD COLUMN "celebration_channel_id" text;--> statement-breakpoint
ALTER TABLE "wins" ADD COLUMN "celebration_message_id" text;