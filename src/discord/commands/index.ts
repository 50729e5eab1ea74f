import type { Command, ComponentHandler } from '../command.ts';
import { interviewComponents } from '../interview/interview-components.ts';
import { labComponents } from '../lab/lab-components.ts';
import { dailyComponents, quizComponents } from '../quiz/quiz-components.ts';
import { reviewComponents } from '../review/review-components.ts';
import { cohortCommand } from './cohort.ts';
import { configCommand } from './config.ts';
import { createHelpCommand } from './help.ts';
import { interviewCommand } from './interview.ts';
import { labCommand } from './lab.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { quizCommand } from './quiz.ts';
import { reviewCommand } from './review.ts';
import { settingsCommand } from './settings.ts';
import { statsCommand } from './stats.ts';
import { exportCommand } from './export.ts';
import { forgetMeCommand } from './forget-me.ts';
import { remindCommand } from './remind.ts';
import { remindComponents } from '../remind/remind-components.ts';
import { forgetComponents } from '../privacy/forget-components.ts';
import { deckCommand } from './deck.ts';
import { deckComponents } from '../decks/deck-components.ts';

/** The one static list of slash commands: it feeds both the router and the command deploy. */
export const commands: readonly Command[] = [createHelpCommand(() => commands), reviewCommand, leaderboardCommand, settingsCommand, interviewCommand, quizCommand, configCommand, labCommand, statsCommand, remindCommand, exportCommand, forgetMeCommand, deckCommand, cohortCommand];

/** The one static list of button/select/modal handlers. */
export const componentHandlers: readonly ComponentHandler[] = [reviewComponents, interviewComponents, quizComponents, dailyComponents, labComponents, forgetComponents, remindComponents, deckComponents];
