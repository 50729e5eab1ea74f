import { decodeCustomId, encodeCustomId } from '../custom-id.ts';

export const deckPrefix = 'dk';
const version = 1;

export type DeckChoice = { action: 'remove' | 'cancel'; deck: string };

/** The confirmation buttons of `/deck remove` carry the deck's name (kebab-case, at most 64 characters). */
export function deckButtonId(action: DeckChoice['action'], deck: string): string {
  return encodeCustomId(deckPrefix, version, [action, deck]);
}

export function parseDeckButtonId(customId: string): DeckChoice | null {
  const fields = decodeCustomId(customId, deckPrefix, version);
  if (fields?.length !== 2) return null;
  const [action, deck] = fields as [string, string];
  if ((action !== 'remove' && action !== 'cancel') || !/^[a-z0-9-]{1,64}$/.test(deck)) return null;
  return { action, deck };
}
