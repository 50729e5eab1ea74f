CREATE TABLE `review_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`guild_id` text NOT NULL,
	`deck_id` text,
	`mode` text NOT NULL,
	`phase` text NOT NULL,
	`version` integer NOT NULL,
	`item_id` text,
	`direction` text DEFAULT 'forward' NOT NULL,
	`expected_reps` integer DEFAULT 0 NOT NULL,
	`hint_used` integer DEFAULT false NOT NULL,
	`shown_at_ms` integer NOT NULL,
	`reviewed` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`xp_earned` integer DEFAULT 0 NOT NULL,
	`asked_json` text DEFAULT '[]' NOT NULL,
	`started_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_sessions_user` ON `review_sessions` (`user_id`,`started_at_ms`);