import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { chartFontFamily, ensureChartFont } from '../../src/discord/charts/chart-font.ts';

/** Draws one string in the chart font and returns its pixels. */
function draw(text: string): Uint8ClampedArray {
  ensureChartFont();
  const canvas = createCanvas(120, 60);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 120, 60);
  context.fillStyle = '#000';
  context.font = `40px ${chartFontFamily}`;
  context.fillText(text, 10, 45);
  return context.getImageData(0, 0, 120, 60).data;
}

const inked = (pixels: Uint8ClampedArray) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;
const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((value, i) => value === b[i]);

describe('the chart font', () => {
  it('draws Korean syllables as real glyphs, not as the empty box of a missing glyph', () => {
    // U+E000 is a private-use code point no font maps: it draws whatever the renderer uses for "missing".
    const tofu = draw('\uE000');
    const syllables = ['복', '습', '정', '답'].map(draw);
    for (const glyph of syllables) {
      expect(inked(glyph)).toBeGreaterThan(50);
      expect(same(glyph, tofu)).toBe(false);
    }
    // Missing glyphs all look alike; real ones differ from each other.
    expect(same(syllables[0]!, syllables[1]!)).toBe(false);
    expect(same(syllables[2]!, syllables[3]!)).toBe(false);
  });
});
