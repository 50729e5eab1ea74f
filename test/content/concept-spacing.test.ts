import { afterEach, describe, expect, it } from 'vitest';
import { conceptGap, pickSpaced, spreadByConcept } from '../../src/domain/content/concept-spacing.ts';
import { planQuiz } from '../../src/domain/quiz/plan.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { content } from '../helpers/review-driver.ts';
import { openTestServices } from '../helpers/temp-db.ts';

const item = (id: string, concept: string) => ({ id, concept });

describe('cards of one concept stand apart', () => {
  it('picks the first candidate whose concept was not asked in the last few questions', () => {
    const candidates = [item('a1', 'a'), item('a2', 'a'), item('b1', 'b')];
    expect(pickSpaced(candidates, ['a'])?.id).toBe('b1');
    expect(pickSpaced(candidates, ['a', 'x', 'y', 'z'])?.id).toBe('a1');
    expect(pickSpaced([item('a1', 'a')], ['a'])?.id).toBe('a1');
    expect(pickSpaced([], ['a'])).toBeNull();
  });

  it('spreads a list so that no two items of a concept are closer than the gap when the pool allows it', () => {
    const spread = spreadByConcept([item('a1', 'a'), item('a2', 'a'), item('b1', 'b'), item('c1', 'c'), item('d1', 'd'), item('b2', 'b')]);
    expect(spread.map((i) => i.id)).toEqual(['a1', 'b1', 'c1', 'd1', 'a2', 'b2']);
    for (let i = 0; i < spread.length; i += 1) {
      const window = spread.slice(Math.max(0, i - conceptGap), i).map((other) => other.concept);
      expect(window).not.toContain(spread[i]!.concept);
    }
  });

  it('never plans two rounds of one concept back to back in a quiz over the real docker-engine deck', () => {
    const deck = content.decks.find((d) => d.id === 'docker-engine')!;
    for (let seed = 1; seed <= 20; seed += 1) {
      const plan = planQuiz(deck.items, 10, seededRandom(seed)).map((id) => content.items.get(id)!.concept);
      plan.slice(1).forEach((concept, i) => expect(concept).not.toBe(plan[i]));
    }
  });
});

describe('new review cards', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(() => cleanup?.());

  it('does not follow the engine term card with the engine-parts card that it gives away', () => {
    const opened = openTestServices(content);
    cleanup = opened.cleanup;
    const { services } = opened;
    const userId = '200000000000000009';
    let screen = services.review.start({ guildId: '100000000000000001', userId, deckId: 'docker-engine', mode: 'due' });
    const shown: string[] = [];
    for (let i = 0; i < 4 && screen.type === 'question'; i += 1) {
      shown.push(screen.view.itemId);
      const answered = services.review.answer(screen.sessionId, screen.version, userId, { type: 'skip' }, null);
      if (answered.type !== 'feedback') break;
      screen = services.review.next(answered.sessionId, answered.version, userId);
    }
    expect(shown[0]).toBe('docker-engine.engine-term');
    expect(shown.slice(1)).not.toContain('docker-engine.engine-parts');
    const concepts = shown.map((id) => content.items.get(id)!.concept);
    expect(new Set(concepts).size).toBe(concepts.length);
  });
});
