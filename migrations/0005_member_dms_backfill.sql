-- Hand-written: the rows of dm_recaps and checkin_prompts move into member_dms before those tables go.
INSERT INTO "member_dms" ("guild_id", "user_id", "kind", "period", "status", "claimed_at", "finished_at", "attempts")
SELECT "guild_id", "user_id", 'recap', "week_key", "status", "claimed_at", "finished_at", 1 FROM "dm_recaps"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- checkin_prompts never recorded when a prompt finished: its claim time is the closest known.
INSERT INTO "member_dms" ("guild_id", "user_id", "kind", "period", "status", "claimed_at", "finished_at", "attempts")
SELECT "guild_id", "user_id", 'checkin-prompt', "week_key", "status", "claimed_at",
  CASE WHEN "status" = 'claimed' THEN NULL ELSE "claimed_at" END, 1 FROM "checkin_prompts"
ON CONFLICT DO NOTHING;
