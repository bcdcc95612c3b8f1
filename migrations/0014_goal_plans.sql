ALTER TABLE "goals" ADD COLUMN "plan_when" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "plan_then" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "plan_at" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "plan_day" integer;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "plan_reminders" boolean DEFAULT true NOT NULL;