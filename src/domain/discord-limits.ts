/**
 * Discord's own size limits for what a bot sends (Discord answers anything larger with HTTP 400, so
 * the user would see nothing). Counted in UTF-16 code units, the stricter of the two ways to count.
 */
export const discordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  buttonLabel: 80,
  selectPlaceholder: 150,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  textDisplay: 4000,
} as const;

/**
 * Shortens text to at most `max` UTF-16 code units, ending in "…" when cut, without splitting a
 * surrogate pair (an emoji or a rare Hangul extension stays whole or goes).
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
