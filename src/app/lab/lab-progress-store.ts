/** One learner's progress in one exercise. */
export type LabProgressRecord = {
  readonly exerciseId: string;
  readonly completedSteps: number;
  /** Most steps ever completed: XP is paid only beyond it, so Reset cannot farm XP. */
  readonly bestSteps: number;
  /** Failed presses of Check since the current step opened; 3 unlock the Solution. */
  readonly failedChecks: number;
  /** Hints read since the current step opened (the Hint button shows one more each press). */
  readonly hintsSeen: number;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | undefined;
};

/**
 * Where lab progress lives. The app implements it on SQLite (tables `lab_progress` and
 * `lab_active`, see the lab report); `transaction` must run `work` synchronously in one
 * transaction, together with the XP award.
 */
export interface LabProgressStore {
  transaction<T>(work: () => T): T;
  activeExercise(guildId: string, userId: string): string | undefined;
  setActiveExercise(guildId: string, userId: string, exerciseId: string | undefined): void;
  get(guildId: string, userId: string, exerciseId: string): LabProgressRecord | undefined;
  save(guildId: string, userId: string, record: LabProgressRecord): void;
  list(guildId: string, userId: string): LabProgressRecord[];
}

