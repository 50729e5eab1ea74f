import type { QuestionBank } from '../content/question-bank.ts';
import type { StatsRepository } from '../../db/stats/stats-repository.ts';
import type { UsersRepository } from '../../db/users/users-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { LocalizedText } from '../../domain/content/items.ts';
import { countByState, type CardState } from '../../domain/stats/card-states.ts';
import { accuracyPercent, accuracyWindowDays, dueForecast, reviewChartDays, reviewSeries, type ChartDay } from '../../domain/stats/day-series.ts';
import { visibleStreak } from '../../domain/streak.ts';
import { periodKey, studyDay } from '../../domain/study-day.ts';

export type StatsSummary = {
  userId: string;
  cards: Record<CardState, number>;
  dueToday: number;
  dueTomorrow: number;
  answers: number;
  /** Percent of accepted answers over all time; null before the first answer. */
  accuracy: number | null;
  decks: { deckId: string; title: LocalizedText | null; accuracy: number | null; answers: number }[];
  streak: { current: number; best: number };
  xp: { week: number; total: number };
  leeches: number;
  interviews: { itemId: string; question: LocalizedText | null; attempts: number; bestScore: number | null }[];
  labsCompleted: number;
};

/** What the two charts draw: dates as MM-DD labels of study days. */
export type StatsCharts = {
  reviews: (ChartDay & { label: string })[];
  forecast: { label: string; count: number }[];
};

export type StatsResult =
  | { type: 'full'; summary: StatsSummary; charts: StatsCharts }
  | { type: 'summary'; summary: StatsSummary }
  | { type: 'private' };

const labelOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(5, 10);

/** `/stats`: the learner's progress (cards, accuracy, streak, XP, interviews, labs) and chart data. */
export function createStatsService(deps: { repo: StatsRepository; users: UsersRepository; bank: QuestionBank; clock: Clock; timeZone: string }) {
  const { repo, users, bank, clock, timeZone } = deps;

  const summaryOf = (guildId: string, userId: string, now: Date): { summary: StatsSummary; dueMs: number[] } => {
    const today = studyDay(now, timeZone);
    const cards = repo.cards(userId);
    const active = cards.filter((card) => !card.suspended);
    const forecast = dueForecast(active.map((card) => card.dueMs), now, timeZone);
    const decks = repo.deckAccuracy(userId);
    const correct = decks.reduce((sum, deck) => sum + deck.correct, 0);
    const answers = decks.reduce((sum, deck) => sum + deck.total, 0);
    const streak = repo.streak(guildId, userId);
    const summary: StatsSummary = {
      userId,
      cards: countByState(cards),
      dueToday: forecast[0] ?? 0,
      dueTomorrow: forecast[1] ?? 0,
      answers,
      accuracy: accuracyPercent(correct, answers),
      decks: decks.map((deck) => ({
        deckId: deck.deckId, title: bank.deck(deck.deckId)?.title ?? null,
        accuracy: accuracyPercent(deck.correct, deck.total), answers: deck.total,
      })),
      streak: { current: visibleStreak(streak, today), best: streak.best },
      xp: { week: repo.xpTotal(guildId, userId, periodKey('week', today)), total: repo.xpTotal(guildId, userId, periodKey('all', today)) },
      leeches: cards.filter((card) => card.leech).length,
      interviews: repo.interviewBests(userId).map((best) => {
        const item = bank.item(best.itemId);
        return { ...best, question: item && 'prompt' in item ? item.prompt : null };
      }),
      labsCompleted: repo.labsCompleted(userId),
    };
    return { summary, dueMs: active.map((card) => card.dueMs) };
  };

  return {
    /** Full stats with chart data for oneself; a summary for another member, nothing if they hide from boards. */
    show(guildId: string, viewerId: string, targetId: string): StatsResult {
      const now = clock.now();
      if (viewerId !== targetId) {
        if (!users.userSettings(targetId).leaderboardVisible) return { type: 'private' };
        return { type: 'summary', summary: summaryOf(guildId, targetId, now).summary };
      }
      const { summary, dueMs } = summaryOf(guildId, viewerId, now);
      const today = studyDay(now, timeZone);
      const tallies = repo.dayTallies(viewerId, today - reviewChartDays - accuracyWindowDays);
      const charts: StatsCharts = {
        reviews: reviewSeries(tallies, today).map((day) => ({ ...day, label: labelOf(day.day) })),
        forecast: dueForecast(dueMs, now, timeZone).map((count, offset) => ({ label: labelOf(today + offset), count })),
      };
      return { type: 'full', summary, charts };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
