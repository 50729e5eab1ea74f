CREATE TABLE `bot_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `guilds` (
	`id` text PRIMARY KEY NOT NULL,
	`new_cards_per_day` integer DEFAULT 10 NOT NULL,
	`desired_retention` real DEFAULT 0.9 NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`locale` text,
	`leaderboard_visible` integer DEFAULT true NOT NULL,
	`created_at_ms` integer NOT NULL
);
