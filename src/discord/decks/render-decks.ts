import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { DeckImportResult, DeckTemplate, DeckView } from '../../app/decks/deck-service.ts';
import { deckLimits, discordLimits } from '../../domain/limits.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, relativeTime } from '../format.ts';
import { deckButtonId } from './deck-ids.ts';

const noMentions = { parse: [] as [] };
/** One problem line in the message; the attached file has them whole (up to `fileLineChars`). */
const messageLineChars = 300;
const fileLineChars = 2000;

/** The outcome of an import: what was added, or every problem (as many as fit, and all of them in a file). */
export function renderImportResult(result: DeckImportResult, locale: Locale) {
  if (result.type === 'imported') {
    const interview = result.interviewCount > 0 ? t(locale, 'deck.imported.interview', { n: result.interviewCount }) : '';
    const content = t(locale, 'deck.imported', {
      title: clip(result.title[locale], 200), deck: result.name, count: result.itemCount, interview, decks: result.decks, max: deckLimits.decksPerGuild,
    });
    return { content: clip(content, discordLimits.messageContent), files: [], allowedMentions: noMentions };
  }
  const head = t(locale, 'deck.invalid', { file: clip(result.fileName.replace(/`/g, 'ˋ'), 100), n: result.problems.length });
  const lines = result.problems.map((line) => clip(line.replace(/```/g, 'ˋˋˋ'), messageLineChars));
  // Room for the head, the code fence and the "… and N more" line.
  const budget = discordLimits.messageContent - head.length - 8 - 80;
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    shown.push(line);
    used += line.length + 1;
  }
  const rest = lines.length - shown.length;
  const more = rest > 0 ? `\n${t(locale, 'deck.invalid.more', { n: rest })}` : '';
  const content = `${head}\n\`\`\`\n${shown.join('\n')}\n\`\`\`${more}`;
  const all = result.problems.map((line) => clip(line, fileLineChars)).join('\n');
  const files = rest > 0 ? [new AttachmentBuilder(Buffer.from(`${all}\n`, 'utf8'), { name: 'problems.txt' })] : [];
  return { content, files, allowedMentions: noMentions };
}

export function renderTemplate(template: DeckTemplate, locale: Locale) {
  return {
    content: t(locale, 'deck.template.ready'),
    files: [new AttachmentBuilder(Buffer.from(template.source, 'utf8'), { name: template.fileName })],
    allowedMentions: noMentions,
  };
}

export function renderDeckList(decks: readonly DeckView[], locale: Locale) {
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'deck.list.title', { n: decks.length, max: deckLimits.decksPerGuild }));
  const lines = decks.map((deck) => t(locale, 'deck.list.line', {
    title: clip(deck.title[locale], 100), deck: deck.name, count: deck.itemCount,
    interview: deck.interviewCount > 0 ? t(locale, 'deck.list.interview', { n: deck.interviewCount }) : '',
    user: deck.importedBy, when: relativeTime(deck.importedAt),
  }));
  embed.setDescription(clip(lines.length > 0 ? lines.join('\n') : t(locale, 'deck.list.empty'), discordLimits.embedDescription));
  return { embeds: [embed], allowedMentions: noMentions };
}

export function renderRemoveConfirmation(deck: DeckView, locale: Locale) {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(deckButtonId('remove', deck.name)).setStyle(ButtonStyle.Danger).setLabel(t(locale, 'deck.remove.button.confirm')),
    new ButtonBuilder().setCustomId(deckButtonId('cancel', deck.name)).setStyle(ButtonStyle.Secondary).setLabel(t(locale, 'deck.remove.button.cancel')),
  );
  const content = t(locale, 'deck.remove.confirm', { title: clip(deck.title[locale], 200), deck: deck.name, count: deck.itemCount });
  return { content, components: [row], allowedMentions: noMentions };
}
