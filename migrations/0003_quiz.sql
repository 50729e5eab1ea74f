CREATE TABLE `daily_answers` (
	`post_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`answer_text` text NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `daily_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `daily_configs` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`hour` integer NOT NULL,
	`minute` integer NOT NULL,
	`enabled` integer NOT NULL,
	`active_since_ms` integer NOT NULL,
	`locale` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`local_date` text NOT NULL,
	`item_id` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`message_id` text,
	`posted_at_ms` integer NOT NULL,
	`reveal_at_ms` integer NOT NULL,
	`revealed_at_ms` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_posts_guild_date` ON `daily_posts` (`guild_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `daily_posts_status_reveal` ON `daily_posts` (`status`,`reveal_at_ms`);--> statement-breakpoint
CREATE TABLE `quiz_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quiz_id` integer NOT NULL,
	`round_index` integer NOT NULL,
	`user_id` text NOT NULL,
	`at_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`hinted` integer NOT NULL,
	`points` integer NOT NULL,
	`answer_text` text NOT NULL,
	`message_id` text,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_answers_round` ON `quiz_answers` (`quiz_id`,`round_index`);--> statement-breakpoint
CREATE TABLE `quiz_rounds` (
	`quiz_id` integer NOT NULL,
	`round_index` integer NOT NULL,
	`item_id` text NOT NULL,
	`style` text NOT NULL,
	`opened_at_ms` integer NOT NULL,
	`closes_at_ms` integer NOT NULL,
	`hint_at_ms` integer,
	`hint_posted` integer DEFAULT false NOT NULL,
	`closed_at_ms` integer,
	`close_reason` text,
	`message_id` text,
	PRIMARY KEY(`quiz_id`, `round_index`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quizzes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`starter_id` text NOT NULL,
	`deck_id` text,
	`mode` text NOT NULL,
	`answer_window_ms` integer NOT NULL,
	`item_ids_json` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`end_reason` text,
	`empty_rounds_in_a_row` integer DEFAULT 0 NOT NULL,
	`created_at_ms` integer NOT NULL,
	`finished_at_ms` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_one_running_per_channel` ON `quizzes` (`channel_id`) WHERE "quizzes"."status" = 'running';--> statement-breakpoint
CREATE INDEX `quizzes_status` ON `quizzes` (`status`);