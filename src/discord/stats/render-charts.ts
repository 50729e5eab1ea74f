import type { StatsCharts } from '../../app/stats/stats-service.ts';
import { baseChartOptions as baseOptions, chartColors as colors, renderPng } from '../charts/render-png.ts';

/** The localized words drawn on the charts. */
export type ChartTexts = { reviewsTitle: string; correct: string; wrong: string; accuracy: string; forecastTitle: string; due: string };

/** The last 30 days of answers, stacked accepted/other, with the 7-day accuracy line on a 0–100 % axis. */
export function renderReviewsChart(reviews: StatsCharts['reviews'], texts: ChartTexts): Promise<Buffer> {
  return renderPng({
    type: 'bar',
    data: {
      labels: reviews.map((day) => day.label),
      datasets: [
        { type: 'bar', label: texts.correct, data: reviews.map((day) => day.correct), backgroundColor: colors.correct, stack: 'answers', order: 1 },
        { type: 'bar', label: texts.wrong, data: reviews.map((day) => day.wrong), backgroundColor: colors.wrong, stack: 'answers', order: 1 },
        {
          type: 'line', label: texts.accuracy, data: reviews.map((day) => day.accuracy7), borderColor: colors.accuracy,
          backgroundColor: colors.accuracy, yAxisID: 'percent', pointRadius: 2, spanGaps: true, order: 0,
        },
      ],
    },
    options: {
      ...baseOptions(texts.reviewsTitle),
      scales: {
        x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        percent: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (value) => `${value}%` } },
      },
    },
  });
}

/** Cards falling due on each of the next 14 days (overdue ones on the first bar). */
export function renderForecastChart(forecast: StatsCharts['forecast'], texts: ChartTexts): Promise<Buffer> {
  return renderPng({
    type: 'bar',
    data: {
      labels: forecast.map((day) => day.label),
      datasets: [{ label: texts.due, data: forecast.map((day) => day.count), backgroundColor: colors.due }],
    },
    options: { ...baseOptions(texts.forecastTitle), scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}
