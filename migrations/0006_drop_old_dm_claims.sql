DROP TABLE "checkin_prompts" CASCADE;--> statement-breakpoint
DROP TABLE "dm_recaps" CASCADE;