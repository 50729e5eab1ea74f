ALTER TABLE `guild_decks` ADD `checked_json` text;--> statement-breakpoint
ALTER TABLE `guild_decks` ADD `checker_version` text;