import { ButtonStyle, ComponentType, type APIEmbed } from 'discord.js';
import type { ReviewScreen } from '../../app/review/review-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip } from '../format.ts';
import { jsonButton as button, jsonButtonRows, jsonRow, type MessageRow } from '../json-components.ts';
import { reviewId } from './review-ids.ts';
import { discordLimits } from '../../domain/limits.ts';

type QuestionScreen = Extract<ReviewScreen, { type: 'question' }>;
const letters = ['A', 'B', 'C', 'D', 'E', 'F'];

/** One line telling the learner how to answer this kind of question. */
function instructionFor(view: QuestionScreen['view']) {
  if (view.kind === 'term') return view.direction === 'reverse' ? 'review.ask.definition' : 'review.ask.term';
  if (view.kind === 'command') return 'review.ask.command';
  if (view.kind === 'truefalse') return 'review.ask.truefalse';
  if (view.kind === 'interview') return 'review.ask.interview';
  if (view.style === 'pick-many') return 'review.ask.pickMany';
  if (view.style === 'order') return 'review.order.instructions';
  return view.style === 'typed' ? 'review.ask.short' : 'review.ask.pickOne';
}

/** The question screen: prompt, options, and the buttons that fit the kind of item. */
export function renderQuestion(screen: QuestionScreen, locale: Locale, orderPicks: readonly number[] = []) {
  const { view, sessionId, version, progress } = screen;
  const lines = [view.prompt[locale], '', `*${t(locale, instructionFor(view))}*`];
  if (view.style === 'pick-one' || view.style === 'pick-many') {
    lines.push('', ...view.options.map((option, i) => `**${letters[i]}.** ${option.text[locale]}`));
  }
  if (view.style === 'order') {
    lines.push('', ...view.options.map((option, i) => `**${i + 1}.** ${option.text[locale]}`));
    if (orderPicks.length > 0) {
      const chosen = orderPicks.map((index) => view.options.find((option) => option.index === index)?.text[locale] ?? '?');
      lines.push('', t(locale, 'review.order.sofar', { steps: chosen.join(' → ') }));
    }
  }
  if (screen.hintShown && view.hint) lines.push('', t(locale, 'review.hint', { hint: view.hint[locale] }));
  const embed: APIEmbed = {
    color: brandColor,
    title: t(locale, screen.isNew ? 'review.title.new' : 'review.title.due'),
    description: clip(lines.join('\n'), discordLimits.embedDescription),
    footer: { text: t(locale, 'review.progress', { reviewed: progress.reviewed, correct: progress.correct, xp: progress.xpEarned }) },
  };

  const rows: MessageRow[] = [];
  if (view.style === 'pick-one') {
    rows.push(jsonRow(view.options.map((option, i) => button(reviewId('pick', sessionId, version, String(option.index)), letters[i]!, ButtonStyle.Primary))));
  } else if (view.style === 'pick-many') {
    rows.push(jsonRow([{
      type: ComponentType.StringSelect,
      custom_id: reviewId('many', sessionId, version),
      placeholder: t(locale, 'review.select.placeholder'),
      min_values: 1,
      max_values: view.options.length,
      options: view.options.map((option, i) => ({ label: clip(`${letters[i]}. ${option.text[locale]}`, discordLimits.selectOptionLabel), value: String(option.index) })),
    }]));
  } else if (view.style === 'true-false') {
    rows.push(jsonRow([
      button(reviewId('tf', sessionId, version, '1'), t(locale, 'review.button.true'), ButtonStyle.Primary),
      button(reviewId('tf', sessionId, version, '0'), t(locale, 'review.button.false'), ButtonStyle.Primary),
    ]));
  } else if (view.style === 'order') {
    const picked = orderPicks.join('');
    // Up to six steps: a sixth goes on a second row (five buttons per row).
    rows.push(...jsonButtonRows(view.options.map((option, i) =>
      button(reviewId('ord', sessionId, version, `${picked}${option.index}`), String(i + 1), ButtonStyle.Primary, orderPicks.includes(option.index)))));
  } else {
    rows.push(jsonRow([button(reviewId('ans', sessionId, version), t(locale, 'review.button.answer'), ButtonStyle.Primary)]));
  }
  const tools = [
    button(reviewId('hint', sessionId, version), t(locale, 'review.button.hint'), ButtonStyle.Secondary, screen.hintShown || !view.hint),
    button(reviewId('skip', sessionId, version), t(locale, 'review.button.skip')),
    button(reviewId('stop', sessionId, version), t(locale, 'review.button.stop'), ButtonStyle.Danger),
  ];
  if (view.style === 'order' && orderPicks.length > 0) tools.unshift(button(reviewId('ord', sessionId, version, ''), t(locale, 'review.button.undo')));
  rows.push(jsonRow(tools));
  return { embeds: [embed], components: rows, allowedMentions: { parse: [] } };
}
