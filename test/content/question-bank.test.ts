import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/content/load-content.ts';

const questions = resolve(import.meta.dirname, '../../questions');

describe('the real questions/ folder', () => {
  it('passes the content check (every problem is listed if it does not)', () => {
    let problems: readonly string[] = [];
    try {
      loadContent(questions);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([]);
  });

  it('has at least one deck and every item sits in the deck its id names', () => {
    const { decks, items } = loadContent(questions);
    expect(decks.length).toBeGreaterThan(0);
    for (const deck of decks) for (const item of deck.items) expect(item.id.startsWith(`${deck.id}.`)).toBe(true);
    expect(items.size).toBe(decks.reduce((sum, d) => sum + d.items.length, 0));
  });
});
