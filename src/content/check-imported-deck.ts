import type { Deck } from '../domain/content/items.ts';
import { checkDeckFiles, type HostileYaml } from './load-content.ts';

export type ImportedDeckCheck =
  | { readonly ok: true; readonly deck: Deck }
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      readonly hostile: HostileYaml | null;
      /** The item count when it is over the limit (the deck is otherwise valid). */
      readonly tooManyItems: number | null;
    };

/**
 * Checks an instructor's deck file (`/deck import`, the console's preview) with the checks of
 * `npm run content:check`: the file name gives the deck id as in `questions/`, problems read
 * `<file>: <path>: <problem>` (at most `deckLimits.itemsPerDeck` items, as in the built-in bank). Section headings
 * are shown as written (an instructor's own notes have no titles file).
 */
export function checkImportedDeck(fileName: string, source: string): ImportedDeckCheck {
  if (!fileName.endsWith('.yaml')) {
    const problem = fileName.endsWith('.yml') ? 'deck files must end in .yaml, not .yml' : 'a deck file must be a .yaml file';
    return { ok: false, problems: [`${fileName}: (file): ${problem}`], hostile: null, tooManyItems: null };
  }
  const checked = checkDeckFiles([{ id: fileName.slice(0, -'.yaml'.length), shown: fileName, source }], null);
  const deck = checked.decks[0]?.deck;
  if (checked.problems.length > 0 || !deck) return { ok: false, problems: checked.problems, hostile: checked.hostile, tooManyItems: checked.tooManyItems };
  return { ok: true, deck };
}
