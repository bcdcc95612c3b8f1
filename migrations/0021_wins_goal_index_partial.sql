DROP INDEX "wins_goal_time_idx";--> statement-breakpoint
CREATE INDEX "wins_goal_time_idx" ON "wins" USING btree ("goal_id","occurred_at") WHERE "wins"."goal_id" is not null;