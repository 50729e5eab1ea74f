import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Decodes a PNG (with the same native library the bot draws with) into RGBA pixels. */
export async function decodePng(data: Uint8Array): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const image = await loadImage(Buffer.from(data));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, pixels: context.getImageData(0, 0, image.width, image.height).data };
}

/** The columns [left, right] holding dark ("ink") pixels within rows [top, bottom), or null when the band is blank. */
export function inkColumns(png: { width: number; pixels: Uint8ClampedArray }, top: number, bottom: number): { left: number; right: number; count: number } | null {
  let left = Infinity;
  let right = -1;
  let count = 0;
  for (let y = top; y < bottom; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const luminance = (png.pixels[i]! + png.pixels[i + 1]! + png.pixels[i + 2]!) / 3;
      if (luminance < 128) {
        count += 1;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return count === 0 ? null : { left, right, count };
}
