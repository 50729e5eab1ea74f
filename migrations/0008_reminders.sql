CREATE TABLE `reminders` (
	`user_id` text PRIMARY KEY NOT NULL,
	`guild_id` text NOT NULL,
	`hour` integer NOT NULL,
	`minute` integer NOT NULL,
	`enabled` integer NOT NULL,
	`last_sent_day` integer,
	`refusal_pending` integer DEFAULT false NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminders_enabled_day` ON `reminders` (`enabled`,`last_sent_day`);