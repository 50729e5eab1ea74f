import { buildCohortExport, type CohortExport } from './cohort-export.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import type { CohortRepository } from '../../db/cohort/cohort-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { cohortBounds, dayLabel, inactiveSinceDay, type CohortBounds, type CohortPeriod } from '../../domain/cohort/period.ts';
import { labFunnel, type Funnel } from '../../domain/cohort/funnel.ts';
import { deckIdOfItemId, retentionByDeck, weakestItems } from '../../domain/cohort/weakest.ts';
import type { Item, LocalizedText } from '../../domain/content/items.ts';
import type { LabExercise } from '../../domain/lab/exercise.ts';
import type { Locale } from '../../domain/locale.ts';
import { accuracyPercent } from '../../domain/stats/day-series.ts';

export type CohortDayView = { day: number; label: string; learners: number; reviews: number; correct: number };

/** Everything `/cohort` shows and `/cohort export` writes, for one server and period. */
export type CohortReport = {
  bounds: CohortBounds & { fromLabel: string; toLabel: string };
  /** Learners who ever answered in this server, and those who answered in the period. */
  learners: number;
  activeLearners: number;
  reviews: number;
  correct: number;
  /** Percent of accepted answers in the period; null without answers. */
  retention: number | null;
  /** Every study day of the period, days without answers as zeros. */
  days: CohortDayView[];
  decks: { deckId: string; title: LocalizedText | null; reviews: number; correct: number; retention: number | null }[];
  weakest: { itemId: string; prompt: LocalizedText | null; reviews: number; correct: number; lapses: number; lapseRate: number; recall: number }[];
  /** Learners idle for 7+ study days: all counted, only those who do not hide from boards named. */
  inactive: { count: number; named: { userId: string; lastDay: number; lastLabel: string }[]; hidden: { lastDay: number; lastLabel: string }[] };
  interviews: { itemId: string; question: LocalizedText | null; attempts: number; average: number; bands: number[] }[];
  labs: ({ exerciseId: string; title: LocalizedText | null; stepIds: string[] } & Funnel)[];
};

/** The words a learner sees for an item: its prompt, or the term of a term card. */
export function itemText(item: Item | undefined): LocalizedText | null {
  if (!item) return null;
  return 'prompt' in item ? item.prompt : item.term;
}

/** `/cohort`: where a server's learners stand, for its instructors. */
export function createCohortService(deps: { repo: CohortRepository; bank: QuestionBank; exercises: readonly LabExercise[]; clock: Clock; timeZone: string }) {
  const { repo, bank, exercises, clock, timeZone } = deps;
  const deckOf = (itemId: string) => bank.deckOf(itemId)?.id ?? deckIdOfItemId(itemId);

  const service = {
    report(guildId: string, period: CohortPeriod): CohortReport {
      const bounds = cohortBounds(period, clock.now(), timeZone, period === 'all' ? repo.firstDay(guildId) : null);
      const range = { guildId, fromDay: bounds.fromDay, toDay: bounds.toDay };
      const window = { guildId, fromMs: bounds.fromMs, toMs: bounds.toMs };

      const byDay = new Map(repo.days(range).map((day) => [day.day, day]));
      const days: CohortDayView[] = [];
      for (let day = bounds.fromDay; day <= bounds.toDay; day += 1) {
        days.push({ learners: 0, reviews: 0, correct: 0, ...byDay.get(day), day, label: dayLabel(day) });
      }
      const reviews = days.reduce((sum, day) => sum + day.reviews, 0);
      const correct = days.reduce((sum, day) => sum + day.correct, 0);

      const tallies = repo.itemTallies(range);
      const decks = retentionByDeck(tallies, deckOf).map((deck) => ({
        ...deck, title: bank.deck(deck.deckId)?.title ?? null, retention: accuracyPercent(deck.correct, deck.reviews),
      }));
      const weakest = weakestItems(tallies).map((item) => ({ ...item, prompt: itemText(bank.item(item.itemId)) }));

      const idle = repo.idleLearners(guildId, inactiveSinceDay(bounds.toDay)).map((learner) => ({ ...learner, lastLabel: dayLabel(learner.lastDay) }));
      const inactive = {
        count: idle.length,
        named: idle.filter((learner) => learner.named).map(({ userId, lastDay, lastLabel }) => ({ userId, lastDay, lastLabel })),
        hidden: idle.filter((learner) => !learner.named).map(({ lastDay, lastLabel }) => ({ lastDay, lastLabel })),
      };

      const interviews = repo.interviewScores(window).map((entry) => ({
        itemId: entry.itemId, question: itemText(bank.item(entry.itemId)), attempts: entry.attempts,
        average: Math.round(entry.scoreSum / entry.attempts), bands: entry.bands,
      })).sort((a, b) => b.attempts - a.attempts || a.itemId.localeCompare(b.itemId));

      const labRows = repo.labSteps(window);
      const labs = exercises.flatMap((exercise) => {
        const rows = labRows.filter((row) => row.exerciseId === exercise.id);
        if (rows.length === 0) return [];
        const funnel = labFunnel({
          started: rows.reduce((sum, row) => sum + row.learners, 0),
          byBestSteps: new Map(rows.map((row) => [row.bestSteps, row.learners])),
          finished: rows.reduce((sum, row) => sum + row.finished, 0),
        }, exercise.steps.length);
        return [{ exerciseId: exercise.id, title: exercise.title, stepIds: exercise.steps.map((step) => step.id), ...funnel }];
      });

      return {
        bounds: { ...bounds, fromLabel: dayLabel(bounds.fromDay), toLabel: dayLabel(bounds.toDay) },
        learners: repo.learnerCount(guildId),
        activeLearners: repo.activeLearners(range),
        reviews, correct, retention: accuracyPercent(correct, reviews), days, decks, weakest, inactive, interviews, labs,
      };
    },
    /** The same figures as CSV files in a zip, texts in `locale`. */
    exportZip(guildId: string, period: CohortPeriod, locale: Locale, attachmentLimitBytes: number): Promise<CohortExport> {
      return buildCohortExport(service.report(guildId, period), locale, attachmentLimitBytes);
    },
  };
  return service;
}
export type CohortService = ReturnType<typeof createCohortService>;
