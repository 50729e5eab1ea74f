CREATE TABLE `lab_active` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `lab_images` (
	`owner` text NOT NULL,
	`ref` text NOT NULL,
	`added_at_ms` integer NOT NULL,
	PRIMARY KEY(`owner`, `ref`)
);
--> statement-breakpoint
CREATE TABLE `lab_progress` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`completed_steps` integer NOT NULL,
	`best_steps` integer NOT NULL,
	`failed_checks` integer NOT NULL,
	`started_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL,
	`finished_at_ms` integer,
	PRIMARY KEY(`guild_id`, `user_id`, `exercise_id`)
);
