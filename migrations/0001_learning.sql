CREATE TABLE `cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`deck_id` text NOT NULL,
	`due_ms` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review_ms` integer,
	`last_rating` integer,
	`suspended` integer DEFAULT false NOT NULL,
	`leech` integer DEFAULT false NOT NULL,
	`introduced_day` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_user_item` ON `cards` (`user_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `cards_user_due` ON `cards` (`user_id`,`due_ms`);--> statement-breakpoint
CREATE INDEX `cards_user_introduced` ON `cards` (`user_id`,`introduced_day`);--> statement-breakpoint
CREATE TABLE `review_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`guild_id` text NOT NULL,
	`item_id` text NOT NULL,
	`mode` text NOT NULL,
	`rating` integer NOT NULL,
	`outcome` text NOT NULL,
	`hint_used` integer NOT NULL,
	`response_ms` integer,
	`answer_text` text,
	`state_before` integer NOT NULL,
	`due_before_ms` integer NOT NULL,
	`stability_before` real NOT NULL,
	`difficulty_before` real NOT NULL,
	`state_after` integer NOT NULL,
	`due_after_ms` integer NOT NULL,
	`stability_after` real NOT NULL,
	`difficulty_after` real NOT NULL,
	`reviewed_at_ms` integer NOT NULL,
	`study_day` integer NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_logs_user_time` ON `review_logs` (`user_id`,`reviewed_at_ms`);--> statement-breakpoint
CREATE INDEX `review_logs_card` ON `review_logs` (`card_id`);--> statement-breakpoint
CREATE TABLE `streaks` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`current` integer NOT NULL,
	`best` integer NOT NULL,
	`last_day` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `streaks_rank` ON `streaks` (`guild_id`,`current`);--> statement-breakpoint
CREATE TABLE `xp_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`amount` integer NOT NULL,
	`source` text NOT NULL,
	`ref` text NOT NULL,
	`study_day` integer NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `xp_events_user_day` ON `xp_events` (`guild_id`,`user_id`,`study_day`,`source`);--> statement-breakpoint
CREATE TABLE `xp_totals` (
	`guild_id` text NOT NULL,
	`period_key` text NOT NULL,
	`user_id` text NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `period_key`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `xp_totals_rank` ON `xp_totals` (`guild_id`,`period_key`,`total`);