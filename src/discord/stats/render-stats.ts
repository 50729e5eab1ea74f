import { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import type { StatsCharts, StatsSummary } from '../../app/stats/stats-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, localized } from '../format.ts';
import type { ChartTexts } from './render-charts.ts';

const maxListLines = 10;

/** The numbers of `/stats` as one embed (name is shown as plain text, mentions stay inert). */
export function renderStatsEmbed(summary: StatsSummary, name: string, locale: Locale): EmbedBuilder {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(locale, key, params);
  const decks = summary.decks.slice(0, maxListLines).map((deck) =>
    tr('stats.deck.line', { deck: deck.title ? localized(deck.title, locale) : deck.deckId, accuracy: deck.accuracy ?? 0, answers: deck.answers }));
  const interviews = summary.interviews.slice(0, maxListLines).map((entry) => tr('stats.interview.line', {
    question: clip(entry.question ? localized(entry.question, locale) : entry.itemId, 60),
    best: entry.bestScore ?? tr('stats.interview.noScore'), attempts: entry.attempts,
  }));
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(clip(tr('stats.title', { name }), 256)).addFields(
    { name: tr('stats.cards'), value: tr('stats.cards.value', summary.cards) },
    { name: tr('stats.due'), value: tr('stats.due.value', { today: summary.dueToday, tomorrow: summary.dueTomorrow }), inline: true },
    {
      name: tr('stats.accuracy'), inline: true,
      value: summary.accuracy === null ? tr('stats.accuracy.none') : tr('stats.accuracy.value', { accuracy: summary.accuracy, answers: summary.answers }),
    },
    { name: tr('stats.streak'), value: tr('stats.streak.value', summary.streak), inline: true },
    { name: tr('stats.xp'), value: tr('stats.xp.value', summary.xp), inline: true },
    { name: tr('stats.leeches'), value: tr('stats.leeches.value', { count: summary.leeches }), inline: true },
    { name: tr('stats.labs'), value: tr('stats.labs.value', { count: summary.labsCompleted }), inline: true },
  );
  if (decks.length > 0) embed.addFields({ name: tr('stats.decks'), value: clip(decks.join('\n'), 1024) });
  if (interviews.length > 0) embed.addFields({ name: tr('stats.interviews'), value: clip(interviews.join('\n'), 1024) });
  return embed;
}

export const chartFileNames = { reviews: 'reviews-30d.png', forecast: 'due-14d.png' } as const;

/**
 * The two PNG charts as attachments, labelled in the reader's language. chart.js and the native
 * canvas load on the first /stats, not at bot start (they take seconds to import on a busy machine).
 */
export async function renderStatsCharts(charts: StatsCharts, locale: Locale): Promise<AttachmentBuilder[]> {
  const { renderForecastChart, renderReviewsChart } = await import('./render-charts.ts');
  const texts: ChartTexts = {
    reviewsTitle: t(locale, 'stats.chart.reviewsTitle'), correct: t(locale, 'stats.chart.correct'), wrong: t(locale, 'stats.chart.wrong'),
    accuracy: t(locale, 'stats.chart.accuracy'), forecastTitle: t(locale, 'stats.chart.forecastTitle'), due: t(locale, 'stats.chart.due'),
  };
  const [reviews, forecast] = await Promise.all([renderReviewsChart(charts.reviews, texts), renderForecastChart(charts.forecast, texts)]);
  return [new AttachmentBuilder(reviews, { name: chartFileNames.reviews }), new AttachmentBuilder(forecast, { name: chartFileNames.forecast })];
}
