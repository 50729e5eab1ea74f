import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../src/console/session.ts';
import type { Content } from '../../src/content/load-content.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { loadQuizFixture } from '../quiz/fixtures/content.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The quiz fixture deck with one typed question, so the test knows the answer. */
function oneQuestion(): Content {
  const full = loadQuizFixture();
  const keep = (id: string) => id === 'quizfix.container';
  return { decks: full.decks.map((deck) => ({ ...deck, items: deck.items.filter((item) => keep(item.id)) })), items: new Map([...full.items].filter(([id]) => keep(id))) };
}

describe('the console with several people', () => {
  it('plays a race quiz between two members: `as alex say …` answers as alex, the console user wins', async () => {
    harness = await startBotHarness({ content: oneQuestion() });
    const { standin, guild, channel, learnerKo } = harness;
    const output: string[] = [];
    const session = new ConsoleSession({ standin, guild, channel, user: learnerKo, io: { write: (text) => output.push(text), ask: async () => null }, quietMs: 300 });
    session.start();
    try {
      await session.handle('/quiz start deck:quizfix rounds:1 seconds:10 mode:race');
      await standin.waitForMessage((m) => m.embeds.some((e) => e.title?.startsWith('라운드 1/1') ?? false), { timeoutMs: 20_000, description: 'the question' });
      await session.handle('as alex say 도커');
      await session.handle('say 컨테이너');
      await standin.waitForMessage((m) => m.embeds.some((e) => e.title?.includes('최종 순위') ?? false), { timeoutMs: 30_000, description: 'the final standings' });
      await session.handle('help');
      const text = output.join('\n');
      expect(text).toContain('(alex joined "Docker 스터디")');
      expect(text).toMatch(/reacted ❌ to alex's message "도커"/);
      expect(text).toMatch(/reacted ✅ to your message "컨테이너"/);
      expect(text).toMatch(/최종 순위[\s\S]*@minji/);
      expect(text).toContain('as <name> <input>');
      expect(text).toContain('--preview');
    } finally {
      session.stop();
    }
  }, 90_000);

  it('presses the button of the message that was newest when the number was typed, and of message #n when asked', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo } = harness;
    const output: string[] = [];
    const session = new ConsoleSession({ standin, guild, channel, user: learnerKo, io: { write: (text) => output.push(text), ask: async () => null }, quietMs: 300 });
    session.start();
    try {
      await session.handle('/review deck:containers');
      const typedBeforeTheNextCard = Date.now();
      await session.handle('/review deck:os-basics');
      const firstSkip = output.length;
      // Typed while message #1 was the newest: it goes to #1 even though #2 is newer now.
      await session.handle('9', typedBeforeTheNextCard);
      expect(output.slice(firstSkip).join('\n')).toContain('there is no [9] on message #1');
      await session.handle('9');
      expect(output.at(-1)).toContain('there is no [9] on message #2');
      await session.handle('1.9');
      expect(output.at(-1)).toContain('there is no [9] on message #1');
      await session.handle('choices /review deck:con');
      expect(output.at(-1)).toMatch(/suggestions for deck:[\s\S]*deck:containers/);
    } finally {
      session.stop();
    }
  }, 60_000);
});
