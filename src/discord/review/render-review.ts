import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { ReviewScreen } from '../../app/review/review-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, failureColor, quoteUserText, relativeTime, successColor } from '../format.ts';
import { jsonButton, jsonRow } from '../json-components.ts';
import { renderQuestion } from './render-question.ts';
import { reviewId } from './review-ids.ts';
import { discordLimits } from '../../domain/limits.ts';

/** Any review screen → message payload (embeds + components), in the reader's language. */
export function renderReviewScreen(screen: ReviewScreen, locale: Locale) {
  switch (screen.type) {
    case 'question':
      return renderQuestion(screen, locale);
    case 'feedback':
      return renderFeedback(screen, locale);
    case 'summary':
      return renderSummary(screen, locale);
    case 'empty':
      return renderEmpty(screen, locale);
  }
}

function renderFeedback(screen: Extract<ReviewScreen, { type: 'feedback' }>, locale: Locale) {
  const accepted = screen.outcome === 'correct' || screen.outcome === 'close';
  const title = screen.score === null ? t(locale, `review.feedback.${screen.outcome}`) : t(locale, 'review.feedback.score', { score: screen.score });
  // A model answer is long: it goes behind a spoiler so the learner can compare at their own pace.
  const expected = screen.score === null ? clip(screen.expected[locale], discordLimits.embedFieldValue) : `||${clip(screen.expected[locale], discordLimits.embedFieldValue - 4)}||`;
  const fields: APIEmbedField[] = [{ name: t(locale, screen.score === null ? 'review.feedback.expected' : 'review.feedback.modelAnswer'), value: expected }];
  if (screen.answerText !== null) fields.push({ name: t(locale, 'review.feedback.yourAnswer'), value: quoteUserText(screen.answerText) });
  else if (screen.given) fields.push({ name: t(locale, 'review.feedback.yourAnswer'), value: clip(screen.given[locale], discordLimits.embedFieldValue) });
  if (screen.missed) fields.push({ name: t(locale, 'review.feedback.missed'), value: clip(screen.missed[locale], discordLimits.embedFieldValue) });
  fields.push({ name: t(locale, 'review.feedback.explanation'), value: clip(screen.explanation[locale], discordLimits.embedFieldValue) });
  const notes = [
    t(locale, 'review.feedback.source', { source: screen.source[locale] }),
    `${t(locale, 'review.feedback.next', { due: relativeTime(screen.dueAt) })} · ${t(locale, 'review.feedback.xp', { xp: screen.xpAwarded })}`,
  ];
  if (screen.leechNow) notes.push(t(locale, 'review.feedback.leech'));
  const embed: APIEmbed = {
    color: accepted ? successColor : failureColor,
    title,
    description: notes.join('\n'),
    fields,
    footer: { text: t(locale, 'review.progress', { reviewed: screen.progress.reviewed, correct: screen.progress.correct, xp: screen.progress.xpEarned }) },
  };
  const row = jsonRow([
    jsonButton(reviewId('next', screen.sessionId, screen.version), t(locale, 'review.button.next'), ButtonStyle.Primary),
    jsonButton(reviewId('stop', screen.sessionId, screen.version), t(locale, 'review.button.stop'), ButtonStyle.Secondary),
  ]);
  return { embeds: [embed], components: [row], allowedMentions: { parse: [] } };
}

function renderSummary(screen: Extract<ReviewScreen, { type: 'summary' }>, locale: Locale) {
  const { reviewed, correct, xpEarned } = screen.progress;
  const accuracy = reviewed === 0 ? 0 : Math.round((correct / reviewed) * 100);
  const lines = [t(locale, 'review.summary.body', { reviewed, accuracy, xp: xpEarned, streak: screen.streak })];
  if (screen.newLimitReached) lines.push(t(locale, 'review.empty.limit'));
  lines.push(screen.nextDueAt ? t(locale, 'review.summary.nextDue', { due: relativeTime(screen.nextDueAt) }) : t(locale, 'review.summary.noneDue'));
  const embed: APIEmbed = { color: brandColor, title: t(locale, screen.stopped ? 'review.summary.stopped' : 'review.summary.title'), description: lines.join('\n') };
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

function renderEmpty(screen: Extract<ReviewScreen, { type: 'empty' }>, locale: Locale) {
  const lines: string[] = [];
  if (screen.mode === 'mistakes') lines.push(t(locale, 'review.empty.mistakes'));
  if (screen.newLimitReached) lines.push(t(locale, 'review.empty.limit'));
  if (screen.nextDueAt) lines.push(t(locale, 'review.empty.nextDue', { due: relativeTime(screen.nextDueAt) }));
  if (lines.length === 0) lines.push(t(locale, 'review.empty.nothing'));
  const embed: APIEmbed = { color: brandColor, title: t(locale, 'review.empty.title'), description: lines.join('\n') };
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}
