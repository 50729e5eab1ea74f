CREATE TABLE `cohort_days` (
	`guild_id` text NOT NULL,
	`study_day` integer NOT NULL,
	`learners` integer NOT NULL,
	`reviews` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `study_day`)
);
--> statement-breakpoint
CREATE TABLE `cohort_item_days` (
	`guild_id` text NOT NULL,
	`study_day` integer NOT NULL,
	`item_id` text NOT NULL,
	`reviews` integer NOT NULL,
	`correct` integer NOT NULL,
	`lapses` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `item_id`, `study_day`)
);
--> statement-breakpoint
CREATE INDEX `review_logs_guild_user_day` ON `review_logs` (`guild_id`,`user_id`,`study_day`);--> statement-breakpoint
CREATE INDEX `interview_attempts_guild_item` ON `interview_attempts` (`guild_id`,`kind`,`item_id`,`created_at_ms`,`score`);--> statement-breakpoint
CREATE INDEX `lab_progress_guild_funnel` ON `lab_progress` (`guild_id`,`exercise_id`,`best_steps`,`updated_at_ms`,`started_at_ms`,`finished_at_ms`);--> statement-breakpoint
-- Fill the rollups from the answers recorded so far (the rules match the trigger below).
INSERT INTO `cohort_days` (`guild_id`, `study_day`, `learners`, `reviews`, `correct`)
SELECT `guild_id`, `study_day`, count(DISTINCT `user_id`), count(*), sum(`outcome` IN ('correct', 'close'))
FROM `review_logs` GROUP BY `guild_id`, `study_day`;
--> statement-breakpoint
INSERT INTO `cohort_item_days` (`guild_id`, `study_day`, `item_id`, `reviews`, `correct`, `lapses`)
SELECT `guild_id`, `study_day`, `item_id`, count(*), sum(`outcome` IN ('correct', 'close')), sum(`state_before` = 2 AND `rating` = 1)
FROM `review_logs` GROUP BY `guild_id`, `study_day`, `item_id`;
--> statement-breakpoint
-- Every answer updates the rollups in its own transaction. Accepted = correct or close (like /stats);
-- a lapse = a card in review (state 2) answered Again (rating 1), as documented on ItemTally in src/domain/cohort/weakest.ts;
-- the learner counts once per server and study day, on their first answer of that day.
CREATE TRIGGER `review_logs_cohort_rollup` AFTER INSERT ON `review_logs`
BEGIN
  INSERT INTO `cohort_days` (`guild_id`, `study_day`, `learners`, `reviews`, `correct`)
  VALUES (
    NEW.`guild_id`, NEW.`study_day`,
    (SELECT count(*) FROM `review_logs` WHERE `guild_id` = NEW.`guild_id` AND `user_id` = NEW.`user_id` AND `study_day` = NEW.`study_day`) = 1,
    1, NEW.`outcome` IN ('correct', 'close')
  )
  ON CONFLICT (`guild_id`, `study_day`) DO UPDATE SET
    `learners` = `learners` + excluded.`learners`, `reviews` = `reviews` + 1, `correct` = `correct` + excluded.`correct`;
  INSERT INTO `cohort_item_days` (`guild_id`, `study_day`, `item_id`, `reviews`, `correct`, `lapses`)
  VALUES (NEW.`guild_id`, NEW.`study_day`, NEW.`item_id`, 1, NEW.`outcome` IN ('correct', 'close'), NEW.`state_before` = 2 AND NEW.`rating` = 1)
  ON CONFLICT (`guild_id`, `study_day`, `item_id`) DO UPDATE SET
    `reviews` = `reviews` + 1, `correct` = `correct` + excluded.`correct`, `lapses` = `lapses` + excluded.`lapses`;
END;
