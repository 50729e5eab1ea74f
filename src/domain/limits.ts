/*
 * Size limits in one place: what we accept from a learner, and Discord's own message limits that
 * every renderer respects (https://discord.com/developers/docs/resources/message,
 * .../interactions/message-components). The stand-in enforces the same numbers.
 */

/** Longest typed answer accepted anywhere (review, daily, interview), in characters: a modal paragraph's maximum. */
export const answerMaxChars = 4000;

/** Discord's limits, in characters unless the name says otherwise. */
export const discordLimits = {
  messageContent: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** All titles, descriptions, fields, footers and author names of one message together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  customId: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  commandName: 32,
  commandDescription: 100,
  /** Choices of a command option, and of an autocomplete answer. */
  optionChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  textDisplay: 4000,
} as const;

/**
 * Shortens text to at most `max` UTF-16 code units (the stricter way to count), ending in "…" when
 * cut, without splitting a surrogate pair (an emoji or a rare Hangul extension stays whole or goes).
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

/**
 * What an instructor's own deck (`/deck import`) may be: the attachment's size, its items, the
 * decks of one server, the longest text of any field, and how deeply its YAML may nest (the deck
 * format needs about 10 levels; a hostile document nests thousands deep to exhaust the parser).
 */
export const deckLimits = {
  fileBytes: 1024 * 1024,
  itemsPerDeck: 500,
  decksPerGuild: 20,
  textChars: 2000,
  yamlNesting: 50,
  /** The longest single YAML token (a text as written, with quotes, escapes and indentation): 10× a field's maximum. */
  yamlTokenChars: 20_000,
  /** YAML tokens of one file: a real deck has about 0.18 per character (190,000 in 1 MiB). */
  yamlTokens: 300_000,
  /** Alias resolutions the `yaml` package allows before it reports a resource-exhaustion attack. */
  yamlAliases: 100,
  downloadTimeoutMs: 10_000,
  /** The import check's own budget (in a worker thread): a real 500-item deck takes ~0.4 s and ~20 MB. */
  checkMs: 5_000,
  checkHeapMb: 256,
} as const;
