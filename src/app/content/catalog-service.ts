import type { Content } from '../../content/load-content.ts';
import type { Locale } from '../../i18n/index.ts';

/** What the question bank offers, for pickers and help texts. */
export function createCatalogService(content: Content) {
  return {
    decks(locale: Locale) {
      return content.decks.map((deck) => ({ id: deck.id, title: deck.title[locale], itemCount: deck.items.length }));
    },
    item: (itemId: string) => content.items.get(itemId),
    content,
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
