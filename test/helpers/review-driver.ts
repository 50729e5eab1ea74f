import { loadContent } from '../../src/content/load-content.ts';
import { acceptedAnswers, acceptedCommands } from '../../src/domain/content/item-answers.ts';
import type { Item } from '../../src/domain/content/items.ts';
import { parseReviewId } from '../../src/discord/review/review-ids.ts';
import { buttonsOf, selectsOf, type InteractionHandle, type Standin, type StandinMessage, type StandinUser } from '../../src/standin/index.ts';

export const content = loadContent('questions');

/** The review session's buttons by action. */
export function reviewButtons(message: StandinMessage) {
  return buttonsOf(message).flatMap((button) => {
    const click = button.customId ? parseReviewId(button.customId) : null;
    return click ? [{ ...click, customId: button.customId!, label: button.label, disabled: button.disabled }] : [];
  });
}

export function buttonFor(message: StandinMessage, action: string, arg?: string) {
  const found = reviewButtons(message).find((button) => button.action === action && (arg === undefined || button.arg === arg));
  if (!found) throw new Error(`no ${action} button on the review message: ${JSON.stringify(reviewButtons(message))}`);
  return found;
}

/** Which item the question screen shows: found by matching its prompt against the bank. */
export function itemOnScreen(message: StandinMessage): Item {
  const text = message.embeds.map((embed) => embed.description ?? '').join('\n');
  const matches = [...content.items.values()].filter((item) => {
    const prompt = item.kind === 'term' ? item.definition : 'prompt' in item ? item.prompt : null;
    return prompt !== null && (text.startsWith(prompt.ko) || text.startsWith(prompt.en) || text.includes(`**${item.kind === 'term' ? item.term.ko : '\u0000'}**`));
  });
  if (matches.length === 0) throw new Error(`no item matches the screen: ${text.slice(0, 120)}`);
  return matches.sort((a, b) => promptLength(b) - promptLength(a))[0]!;
}

function promptLength(item: Item): number {
  return item.kind === 'term' ? item.definition.ko.length : 'prompt' in item ? item.prompt.ko.length : 0;
}

/** Answers the question on screen correctly, the way a learner would. Returns the answering interaction. */
export async function answerCorrectly(standin: Standin, user: StandinUser, message: StandinMessage): Promise<InteractionHandle> {
  const item = itemOnScreen(message);
  const buttons = reviewButtons(message);
  const reversed = item.kind === 'term' && buttons.some((button) => button.action === 'pick');
  if (reversed) return standin.clickButton({ user, message, customId: buttonFor(message, 'pick', '0').customId });
  switch (item.kind) {
    case 'choice': {
      const correct = item.options.flatMap((option, index) => (option.correct ? [String(index)] : []));
      if (correct.length === 1) return standin.clickButton({ user, message, customId: buttonFor(message, 'pick', correct[0]).customId });
      const select = selectsOf(message)[0]!;
      return standin.selectOption({ user, message, customId: select.customId, values: correct });
    }
    case 'truefalse':
      return standin.clickButton({ user, message, customId: buttonFor(message, 'tf', item.answer ? '1' : '0').customId });
    case 'order': {
      let current = message;
      let handle: InteractionHandle | undefined;
      for (let step = 0; step < item.steps.length; step += 1) {
        const button = reviewButtons(current).find((candidate) => candidate.action === 'ord' && candidate.arg.endsWith(String(step)) && candidate.arg.length === step + 1);
        handle = await standin.clickButton({ user, message: current, customId: button!.customId });
        current = await handle.finalMessage();
      }
      return handle!;
    }
    default: {
      const answer = item.kind === 'command' ? acceptedCommands(item)[0]! : acceptedAnswers(item as Extract<Item, { kind: 'term' | 'short' }>)[0]!;
      const opened = await standin.clickButton({ user, message, customId: buttonFor(message, 'ans').customId });
      await opened.modal();
      return standin.submitModal({ from: opened, fields: { answer } });
    }
  }
}
