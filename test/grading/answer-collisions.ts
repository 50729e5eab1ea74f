import type { Deck } from '../../src/domain/content/items.ts';
import type { TypedItem } from '../../src/domain/content/item-answers.ts';
import { acceptedAnswers, canonicalAnswer, isTypedItem } from '../../src/domain/content/item-answers.ts';
import { gradeCommand } from '../../src/domain/grading/grade-command.ts';
import { gradeTyped } from '../../src/domain/grading/grade-typed.ts';

/*
 * Cross-item checks of a question bank, shared by the test over the real folder and the test that
 * proves the checks catch planted problems. Each violation names item ids so writers can fix YAML.
 */

function grade(item: TypedItem, input: string) {
  return item.kind === 'command' ? gradeCommand(input, acceptedAnswers(item)) : gradeTyped(input, acceptedAnswers(item));
}

/** Items whose own answers or aliases are not graded correct. */
export function ownAnswerFailures(decks: readonly Deck[]): string[] {
  const violations: string[] = [];
  for (const item of decks.flatMap((deck) => deck.items.filter(isTypedItem))) {
    for (const answer of acceptedAnswers(item)) {
      const result = grade(item, answer);
      if (result.verdict !== 'correct') violations.push(`${item.id}: its own answer "${answer}" is graded ${result.verdict}`);
    }
  }
  return violations;
}

/**
 * Pairs of items in one deck where one accepts the other's canonical answer (ko or en) as correct
 * or close: a learner answering one question with the other's answer would be marked right.
 */
export function answerCollisions(decks: readonly Deck[]): string[] {
  const violations: string[] = [];
  for (const deck of decks) {
    const items = deck.items.filter(isTypedItem);
    for (const item of items) {
      for (const other of items) {
        // Text and command answers go to different graders; comparing across them means nothing.
        if (other === item || (other.kind === 'command') !== (item.kind === 'command')) continue;
        const main = canonicalAnswer(other);
        for (const input of new Set([main.ko, main.en])) {
          const result = grade(item, input);
          if (result.verdict === 'correct' || result.verdict === 'close') {
            violations.push(`${item.id} grades "${input}" (the answer of ${other.id}) as ${result.verdict} via "${result.matched}"`);
          }
        }
      }
    }
  }
  return violations;
}
