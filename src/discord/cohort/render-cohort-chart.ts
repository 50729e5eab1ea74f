import type { CohortDayView } from '../../app/cohort/cohort-service.ts';
import { baseChartOptions, chartColors, renderPng } from '../charts/render-png.ts';

export type CohortChartTexts = { title: string; learners: string; reviews: string };

/** Learners who answered per day (bars, left axis) and answers per day (line, right axis). */
export function renderCohortChart(days: readonly CohortDayView[], texts: CohortChartTexts): Promise<Buffer> {
  return renderPng({
    type: 'bar',
    data: {
      labels: days.map((day) => day.label.slice(5)),
      datasets: [
        { type: 'bar', label: texts.learners, data: days.map((day) => day.learners), backgroundColor: chartColors.due, order: 1 },
        {
          type: 'line', label: texts.reviews, data: days.map((day) => day.reviews), borderColor: chartColors.accuracy,
          backgroundColor: chartColors.accuracy, yAxisID: 'reviews', pointRadius: days.length > 45 ? 0 : 2, order: 0,
        },
      ],
    },
    options: {
      ...baseChartOptions(texts.title),
      scales: {
        x: { ticks: { maxRotation: 0, autoSkipPadding: 8 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
        reviews: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
      },
    },
  });
}
