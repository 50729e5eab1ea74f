import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { DailyAnswerResult, DailyPostView } from '../../app/quiz/daily-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, relativeTime, successColor } from '../format.ts';
import { dailyButtonId } from './quiz-ids.ts';

const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
export const dailyAnswerFieldId = 'answer';
const maxTypedChars = 200;

/** The daily question post: open with answer buttons, or revealed with the answer and no buttons. */
export function renderDailyPost(view: DailyPostView) {
  const { locale, question } = view;
  const lines: string[] = [];
  if (question.kind === 'term') lines.push(t(locale, 'quiz.round.termPrompt'), '', `> ${question.prompt[locale]}`);
  else lines.push(question.prompt[locale]);
  if (question.style === 'pick-one') lines.push('', ...question.options.map((option, i) => `**${letters[i]}.** ${option.text[locale]}`));

  const embed = new EmbedBuilder().setTitle(t(locale, 'daily.post.title', { date: view.date }));
  if (view.reveal) {
    lines.push('', t(locale, 'daily.post.revealed', { answer: view.reveal.expected[locale] }), '', view.reveal.explanation[locale]);
    embed.setColor(successColor).setFooter({ text: t(locale, 'daily.post.revealedStats', { count: view.answered, correct: view.reveal.correct }) });
  } else {
    const how = question.style === 'typed' ? t(locale, 'daily.post.typedHow') : t(locale, 'daily.post.buttonsHow');
    embed.setColor(brandColor)
      .addFields({ name: '\u200b', value: `${how}\n${t(locale, 'daily.post.revealAt', { time: relativeTime(view.revealAt) })}` })
      .setFooter({ text: t(locale, 'daily.post.answered', { count: view.answered }) });
  }
  embed.setDescription(clip(lines.join('\n'), 4000));
  return { embeds: [embed], components: view.reveal ? [] : [answerRow(view)], allowedMentions: { parse: [] as never[] } };
}

function answerRow(view: DailyPostView): ActionRowBuilder<ButtonBuilder> {
  const { locale, question, postId } = view;
  const button = (id: string, label: string) => new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Primary);
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (question.style === 'pick-one') {
    row.addComponents(question.options.map((option, i) =>
      button(dailyButtonId(postId, { action: 'choice', choice: { kind: 'option', index: option.index } }), letters[i]!)));
  } else if (question.style === 'true-false') {
    row.addComponents(
      button(dailyButtonId(postId, { action: 'choice', choice: { kind: 'truefalse', value: true } }), t(locale, 'quiz.true')),
      button(dailyButtonId(postId, { action: 'choice', choice: { kind: 'truefalse', value: false } }), t(locale, 'quiz.false')),
    );
  } else {
    row.addComponents(button(dailyButtonId(postId, { action: 'open' }), t(locale, 'daily.button.answer')));
  }
  return row;
}

/** The modal a typed daily question opens. */
export function renderDailyModal(postId: number, locale: Locale): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(dailyAnswerFieldId)
    .setLabel(t(locale, 'daily.modal.label'))
    .setStyle(TextInputStyle.Short)
    .setMaxLength(maxTypedChars)
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(dailyButtonId(postId, { action: 'typed' }))
    .setTitle(t(locale, 'daily.modal.title'))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/**
 * The answering member's private result: right or not, XP and streak, and when the answer is
 * revealed. It never shows the answer: the post reveals it to everyone at the same time.
 */
export function renderDailyReply(result: DailyAnswerResult, locale: Locale): string {
  const key = result.outcome === 'correct' ? 'daily.reply.correct' : result.outcome === 'close' ? 'daily.reply.close' : 'daily.reply.incorrect';
  const head = t(locale, key, { xp: result.xpAwarded, streak: result.streak });
  return `${head}\n${t(locale, 'daily.reply.revealAt', { time: relativeTime(result.post.revealAt) })}`;
}
