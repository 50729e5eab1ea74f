CREATE TABLE `guild_decks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`name` text NOT NULL,
	`title_ko` text NOT NULL,
	`title_en` text NOT NULL,
	`source` text NOT NULL,
	`item_count` integer NOT NULL,
	`interview_count` integer NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guild_decks_guild_name` ON `guild_decks` (`guild_id`,`name`);