DROP INDEX `streaks_rank`;--> statement-breakpoint
CREATE INDEX `streaks_rank_by_user` ON `streaks` (`guild_id`,`current`,`user_id`);--> statement-breakpoint
DROP INDEX `xp_totals_rank`;--> statement-breakpoint
CREATE INDEX `xp_totals_rank_by_user` ON `xp_totals` (`guild_id`,`period_key`,`total`,`user_id`);