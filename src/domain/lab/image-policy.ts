import type { ImageRef } from './command-types.ts';
import { checkImage } from './values.ts';

/**
 * Normalizes the configured allowlist to exact `name:tag` refs: an entry without a tag means
 * `:latest`, never "every tag", so `docker pull nginx:<anything>` never reaches a registry.
 * Invalid entries are dropped.
 */
export function normalizeAllowlist(entries: readonly string[]): string[] {
  return [...new Set(entries.flatMap((entry) => {
    const image = checkImage(entry.trim());
    return image.ok ? [image.value.ref] : [];
  }))];
}

/** Whether the allowlist admits exactly this `name:tag`. */
export function imageAllowed(image: Pick<ImageRef, 'ref'>, allowedImages: readonly string[]): boolean {
  return normalizeAllowlist(allowedImages).includes(image.ref);
}
