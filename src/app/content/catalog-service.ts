import type { Locale } from '../../i18n/index.ts';
import type { QuestionBank } from './question-bank.ts';

/** What a server's question bank offers, for pickers and help texts. */
export function createCatalogService(bank: QuestionBank) {
  return {
    /** The decks of this server: the built-in ones and its own (null: a DM, built-in only). */
    decks(guildId: string | null, locale: Locale) {
      return bank.forGuild(guildId).decks.map((deck) => ({
        id: deck.id, title: deck.title[locale], itemCount: deck.items.length, interviewOnly: deck.items.every((item) => item.kind === 'interview'),
      }));
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
