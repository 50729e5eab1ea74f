import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** The Korean font shipped by the `pretendard` npm package: charts never depend on system fonts. */
export const chartFontFamily = 'Pretendard';
const fontFiles = ['Regular', 'Bold'].map((weight) =>
  createRequire(import.meta.url).resolve(`pretendard/dist/public/static/Pretendard-${weight}.otf`));

let registered = false;

/** Registers the font once per process (idempotent). */
export function ensureChartFont(): void {
  if (registered) return;
  for (const file of fontFiles) {
    if (!GlobalFonts.registerFromPath(file, chartFontFamily)) throw new Error(`could not load the chart font ${file}`);
  }
  registered = true;
}
