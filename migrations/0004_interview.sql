CREATE TABLE `interview_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prompt_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`follow_up_index` integer,
	`session_id` integer,
	`kind` text NOT NULL,
	`answer_text` text,
	`score` integer,
	`covered_json` text DEFAULT '[]' NOT NULL,
	`conclusion_first` integer DEFAULT false NOT NULL,
	`concrete` integer DEFAULT false NOT NULL,
	`length_verdict` text,
	`chars` integer DEFAULT 0 NOT NULL,
	`hint_used` integer DEFAULT false NOT NULL,
	`overtime` integer DEFAULT false NOT NULL,
	`response_ms` integer,
	`xp_awarded` integer DEFAULT 0 NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`prompt_id`) REFERENCES `interview_prompts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_attempts_user` ON `interview_attempts` (`user_id`,`created_at_ms`);--> statement-breakpoint
CREATE INDEX `interview_attempts_session` ON `interview_attempts` (`session_id`);--> statement-breakpoint
CREATE TABLE `interview_prompts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`item_id` text NOT NULL,
	`follow_up_index` integer,
	`from_prompt_id` integer,
	`public_prompt_id` integer,
	`is_public` integer DEFAULT false NOT NULL,
	`topic_filter` text,
	`session_id` integer,
	`position` integer,
	`hint_used` integer DEFAULT false NOT NULL,
	`shown_at_ms` integer NOT NULL,
	`answered_at_ms` integer,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_prompts_user` ON `interview_prompts` (`user_id`,`shown_at_ms`);--> statement-breakpoint
CREATE UNIQUE INDEX `interview_prompts_public_user` ON `interview_prompts` (`public_prompt_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `interview_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`item_ids_json` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`budget_ms` integer NOT NULL,
	`status` text NOT NULL,
	`started_at_ms` integer NOT NULL,
	`finished_at_ms` integer
);
--> statement-breakpoint
CREATE INDEX `interview_sessions_user` ON `interview_sessions` (`user_id`,`status`);