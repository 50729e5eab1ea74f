import { checkImportedDeckOffThread } from '../../content/check-deck-off-thread.ts';
import type { DeckRepository } from '../../db/decks/deck-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import type { LocalizedText } from '../../domain/content/items.ts';
import { deckLimits } from '../../domain/limits.ts';
import type { QuestionBank } from '../content/question-bank.ts';
import { UserError } from '../user-error.ts';

export type DeckImportResult =
  | { type: 'imported'; name: string; title: LocalizedText; itemCount: number; interviewCount: number; decks: number }
  /** Every problem, as `<file>: <path>: <problem>` lines; nothing was stored. */
  | { type: 'invalid'; fileName: string; problems: readonly string[] };

export type DeckView = {
  name: string; title: LocalizedText; itemCount: number; interviewCount: number; importedBy: string; importedAt: Date;
};

/** The example deck `/deck template` attaches. */
export type DeckTemplate = { fileName: string; source: string };

/**
 * A server's own decks (`/deck`): import checked like `content:check` (off the main thread), list,
 * remove. The question bank is handed the checked deck after an import and told of a removal, so the
 * deck is served (or no longer served) at once without parsing its YAML again.
 */
export function createDeckService(deps: { repo: DeckRepository; bank: QuestionBank; clock: Clock; template: () => DeckTemplate }) {
  const { repo, bank, clock } = deps;

  const viewOf = (name: string, guildId: string): DeckView => {
    const stored = repo.ofGuild(guildId).find((deck) => deck.name === name);
    if (!stored) throw new UserError('deck.error.unknown', { deck: name });
    return toView(stored);
  };
  const toView = (stored: ReturnType<DeckRepository['ofGuild']>[number]): DeckView => ({
    name: stored.name, title: stored.title, itemCount: stored.itemCount, interviewCount: stored.interviewCount,
    importedBy: stored.importedBy, importedAt: new Date(stored.importedAtMs),
  });

  return {
    template: (): DeckTemplate => deps.template(),

    /** Checks the file and stores it only when it has no problem at all. */
    async importDeck(input: { guildId: string; userId: string; fileName: string; source: string }): Promise<DeckImportResult> {
      if (Buffer.byteLength(input.source, 'utf8') > deckLimits.fileBytes) throw new UserError('deck.import.tooLarge', { maxMiB: deckLimits.fileBytes / 1024 / 1024 });
      const checked = await checkImportedDeckOffThread(input.fileName, input.source);
      if (!checked.ok) {
        if (checked.hostile === 'aliases') throw new UserError('deck.import.aliasBomb', { max: deckLimits.yamlAliases });
        if (checked.hostile === 'nesting') throw new UserError('deck.import.tooDeep', { max: deckLimits.yamlNesting });
        if (checked.hostile === 'long-text') throw new UserError('deck.import.hugeText', { max: deckLimits.textChars });
        if (checked.hostile === 'too-many-tokens') throw new UserError('deck.import.tooManyTokens', { max: deckLimits.yamlTokens });
        if (checked.hostile === 'too-heavy') throw new UserError('deck.import.tooHeavy', { seconds: deckLimits.checkMs / 1000 });
        if (checked.tooManyItems !== null) throw new UserError('deck.import.tooManyItems', { count: checked.tooManyItems, max: deckLimits.itemsPerDeck });
        return { type: 'invalid', fileName: input.fileName, problems: checked.problems };
      }
      const { deck } = checked;
      const interviewCount = deck.items.filter((item) => item.kind === 'interview').length;
      const stored = repo.insert({
        guildId: input.guildId, name: deck.id, title: deck.title, source: input.source, checked: bank.checkedForm(deck),
        itemCount: deck.items.length, interviewCount, importedBy: input.userId, importedAtMs: clock.now().getTime(),
      }, deckLimits.decksPerGuild);
      if (!stored.ok && stored.reason === 'limit') throw new UserError('deck.import.limit', { max: deckLimits.decksPerGuild });
      if (!stored.ok) throw new UserError('deck.import.exists', { deck: deck.id });
      bank.add(input.guildId, deck);
      return {
        type: 'imported', name: deck.id, title: deck.title, itemCount: deck.items.length, interviewCount, decks: repo.ofGuild(input.guildId).length,
      };
    },

    list(guildId: string): DeckView[] {
      return repo.ofGuild(guildId).map(toView);
    },

    /** The deck a removal asks about (refused when the server has no deck of that name). */
    find: (guildId: string, name: string): DeckView => viewOf(name, guildId),

    /** Stops serving the deck's items; learners' cards and review logs of them are kept. */
    remove(guildId: string, name: string): DeckView {
      const view = viewOf(name, guildId);
      if (!repo.remove(guildId, name)) throw new UserError('deck.error.unknown', { deck: name });
      bank.remove(guildId, name);
      return view;
    },
  };
}
export type DeckService = ReturnType<typeof createDeckService>;
