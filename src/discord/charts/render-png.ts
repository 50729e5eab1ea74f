import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { chartFontFamily, ensureChartFont } from './chart-font.ts';

Chart.register(...registerables);

/** Every chart of the bot (`/stats`, `/cohort`) is drawn at this size, with a bold title of this height. */
export const chartSize = { width: 800, height: 400 } as const;
export const chartTitleFontPx = 22;
export const chartColors = { correct: '#3fb27f', wrong: '#e4606d', accuracy: '#f2a33a', due: '#5b8def', text: '#2b2d31' } as const;

/**
 * Draws one chart.js configuration on a white canvas of `chartSize` and encodes it as PNG. Drawing
 * is synchronous (tens of ms); the PNG encoding runs on libuv's thread pool, off the event loop.
 * Callers import this module lazily: chart.js and the native canvas take seconds to load on a busy machine.
 */
export async function renderPng(config: ChartConfiguration): Promise<Buffer> {
  ensureChartFont();
  const canvas = createCanvas(chartSize.width, chartSize.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, chartSize.width, chartSize.height);
  Chart.defaults.font.family = chartFontFamily;
  Chart.defaults.color = chartColors.text;
  // chart.js only needs the 2D context API, which @napi-rs/canvas implements.
  const chart = new Chart(context as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

/** Options every chart shares: fixed size, no animation, the title on top. */
export const baseChartOptions = (title: string) => ({
  responsive: false,
  animation: false as const,
  devicePixelRatio: 1,
  plugins: { title: { display: true, text: title, font: { size: chartTitleFontPx, weight: 'bold' as const } } },
});
