import type { Content } from '../../src/content/load-content.ts';
import type { Item } from '../../src/domain/content/items.ts';
import type { StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { manualClock } from '../helpers/temp-db.ts';
import { loadQuizFixture } from './fixtures/content.ts';

export type QuizHarness = BotHarness & {
  clock: ReturnType<typeof manualClock>;
  content: Content;
  /** A third learner (ko). */
  learnerThree: StandinUser;
  /** Moves the bot's clock and runs the timers and daily check that are due. */
  advance(ms: number): Promise<void>;
  /** The fixture item a posted question (or daily post) asks. */
  itemOf(message: StandinMessage): Item;
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
};

/** The fixture deck with only the given items (so a test knows what a quiz can ask). */
export function fixtureWith(...ids: string[]): Content {
  const full = loadQuizFixture();
  const decks = full.decks.map((deck) => ({ ...deck, items: deck.items.filter((item) => ids.includes(item.id)) }));
  const items = new Map([...full.items].filter(([id]) => ids.includes(id)));
  return { decks, items };
}

export const embedText = (message: StandinMessage) =>
  message.embeds.map((embed) => [embed.title, embed.description, ...(embed.fields ?? []).map((f) => `${f.name}\n${f.value}`), embed.footer?.text].filter(Boolean).join('\n')).join('\n');

export async function startQuizHarness(options: { content: Content; start?: Date }): Promise<QuizHarness> {
  const clock = manualClock(options.start ?? new Date('2026-03-02T01:00:00Z'));
  const h = await startBotHarness({ clock, content: options.content });
  const learnerThree = h.standin.createUser({ username: 'seoyeon', locale: 'ko' });
  h.standin.addMember(h.guild, learnerThree);
  const prompts = (item: Item): string[] => {
    switch (item.kind) {
      case 'term': return [item.definition.ko, item.definition.en];
      case 'interview': return [];
      default: return [item.prompt.ko, item.prompt.en];
    }
  };
  return Object.assign(h, {
    clock,
    content: options.content,
    learnerThree,
    async advance(ms: number) {
      clock.advance(ms);
      await h.bot.services.conductor.tick();
    },
    itemOf(message: StandinMessage): Item {
      const text = embedText(message);
      const item = [...options.content.items.values()].find((candidate) => prompts(candidate).some((prompt) => text.includes(prompt)));
      if (!item) throw new Error(`no fixture item matches the message:\n${text}`);
      return item;
    },
    sql<T>(query: string, ...params: unknown[]): T[] {
      return h.bot.database.sqlite.prepare(query).all(...params) as T[];
    },
  });
}
