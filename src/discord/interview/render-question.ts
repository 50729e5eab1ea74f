import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { InterviewAnswerForm, InterviewQuestionView } from '../../app/interview/interview-views.ts';
import { answerMaxChars, discordLimits } from '../../domain/limits.ts';
import type { LocalizedText } from '../../domain/content/items.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, relativeTime } from '../format.ts';
import { interviewId } from './interview-ids.ts';

const button = (id: string, label: string, style = ButtonStyle.Secondary) =>
  new ButtonBuilder().setCustomId(id).setLabel(clip(label, 80)).setStyle(style);

/** A question from `/interview ask`, "Another question" or "Follow-up question". */
export function renderQuestion(view: InterviewQuestionView, locale: Locale) {
  const lines = [`**${view.text[locale]}**`];
  if (view.followUpOf) lines.push(t(locale, 'interview.followUp.of', { question: view.followUpOf[locale] }));
  lines.push('', t(locale, 'interview.question.howTo', { max: answerMaxChars }));
  if (view.isPublic) lines.push('', t(locale, 'interview.question.public', { user: `<@${view.askedBy}>` }));
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, view.followUpOf ? 'interview.followUp.title' : 'interview.question.title'))
    .setDescription(clip(lines.join('\n'), discordLimits.embedDescription))
    .setFooter({ text: t(locale, 'interview.question.topic', { topic: view.topicName[locale] }) });
  const buttons = [button(interviewId('ans', view.promptId), t(locale, 'interview.button.answer'), ButtonStyle.Primary)];
  if (!view.followUpOf) buttons.push(button(interviewId('hint', view.promptId), t(locale, 'interview.button.hint')));
  buttons.push(button(interviewId('next', view.promptId), t(locale, 'interview.button.another')));
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)], allowedMentions: { parse: [] } };
}

/** One question of a mock interview, with its time budget; `status` reports the previous step. */
export function renderMockQuestion(view: InterviewQuestionView, locale: Locale, status?: string) {
  const mock = view.mock!;
  const lines = status ? [status, ''] : [];
  lines.push(`**${view.text[locale]}**`, '');
  lines.push(t(locale, 'interview.mock.budget', { minutes: Math.round(mock.budgetMs / 60_000), deadline: relativeTime(mock.deadlineAt) }));
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, 'interview.mock.title', { n: mock.position + 1, count: mock.count }))
    .setDescription(clip(lines.join('\n'), discordLimits.embedDescription))
    .setFooter({ text: t(locale, 'interview.mock.footer') });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    button(interviewId('ans', view.promptId), t(locale, 'interview.button.answer'), ButtonStyle.Primary),
    button(interviewId('skip', view.promptId), t(locale, 'interview.button.skip')),
  );
  return { embeds: [embed], components: [row], allowedMentions: { parse: [] } };
}

/** The answer modal: a paragraph of up to 4,000 characters; the title carries the question. */
export function renderAnswerModal(form: InterviewAnswerForm, locale: Locale) {
  const input = new TextInputBuilder()
    .setCustomId('answer')
    .setLabel(clip(t(locale, 'interview.modal.label'), 45))
    .setStyle(TextInputStyle.Paragraph)
    .setMinLength(1)
    .setMaxLength(answerMaxChars)
    .setRequired(true)
    .setPlaceholder(clip(t(locale, 'interview.modal.placeholder'), 100));
  return new ModalBuilder()
    .setCustomId(interviewId('sub', form.promptId))
    .setTitle(clip(form.text[locale], 45))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** The hint: the labels of the key points only, never the phrases that score them. */
export function renderHint(labels: readonly LocalizedText[], locale: Locale) {
  const description = labels.length === 0 ? t(locale, 'interview.hint.none') : labels.map((label) => `• ${label[locale]}`).join('\n');
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'interview.hint.title')).setDescription(clip(description, discordLimits.embedDescription));
  if (labels.length > 0) embed.setFooter({ text: t(locale, 'interview.hint.footer') });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
