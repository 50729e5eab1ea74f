import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { StatsCharts } from '../../app/stats/stats-service.ts';
import { chartFontFamily, ensureChartFont } from './chart-font.ts';

Chart.register(...registerables);

export const chartSize = { width: 800, height: 400 } as const;
export const chartTitleFontPx = 22;
const colors = { correct: '#3fb27f', wrong: '#e4606d', accuracy: '#f2a33a', due: '#5b8def', text: '#2b2d31' } as const;

/** The localized words drawn on the charts. */
export type ChartTexts = { reviewsTitle: string; correct: string; wrong: string; accuracy: string; forecastTitle: string; due: string };

/**
 * Draws one chart.js configuration on a canvas of `chartSize` and encodes it as PNG. Drawing is
 * synchronous (tens of ms); the PNG encoding runs on libuv's thread pool, off the event loop.
 */
async function renderPng(config: ChartConfiguration): Promise<Buffer> {
  ensureChartFont();
  const canvas = createCanvas(chartSize.width, chartSize.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, chartSize.width, chartSize.height);
  Chart.defaults.font.family = chartFontFamily;
  Chart.defaults.color = colors.text;
  // chart.js only needs the 2D context API, which @napi-rs/canvas implements.
  const chart = new Chart(context as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

const baseOptions = (title: string) => ({
  responsive: false,
  animation: false as const,
  devicePixelRatio: 1,
  plugins: { title: { display: true, text: title, font: { size: chartTitleFontPx, weight: 'bold' as const } } },
});

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
