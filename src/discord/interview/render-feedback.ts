import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown } from 'discord.js';
import type { InterviewFeedbackView } from '../../app/interview/interview-views.ts';
import type { StructureCheck } from '../../domain/interview/structure.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { clip, failureColor, relativeTime, successColor } from '../format.ts';
import { interviewId } from './interview-ids.ts';

const descriptionLimit = 4096;
const warnColor = 0xf39c12;
const excerptChars = 400;

/** The learner's own text, shown back inert: markdown escaped, whitespace collapsed, clipped. */
export function echoUserText(text: string, maxChars = excerptChars): string {
  const flat = clip(text.replace(/\s+/gu, ' ').trim(), maxChars);
  return clip(escapeMarkdown(flat), 1000) || '—';
}

export function structureLines(structure: StructureCheck, locale: Locale): string[] {
  const { chars, min, max, verdict } = structure.length;
  return [
    t(locale, structure.conclusionFirst ? 'interview.structure.conclusionFirst.ok' : 'interview.structure.conclusionFirst.missing'),
    t(locale, structure.concrete ? 'interview.structure.concrete.ok' : 'interview.structure.concrete.missing'),
    t(locale, `interview.structure.length.${verdict}`, { chars, min, max }),
  ];
}

/** Content in a spoiler, which must stay closed: the text is clipped inside the bars. */
function spoiler(text: string, maxChars: number): string {
  return `||${clip(text.replace(/\|\|/g, '| |'), Math.max(1, maxChars - 4))}||`;
}

/** The rubric (or follow-up) feedback: score in the title, ✅/⬜ per key point with tips, model answer in a spoiler. */
export function renderFeedback(view: InterviewFeedbackView, locale: Locale) {
  const embed = new EmbedBuilder();
  const head: string[] = [];
  if (view.kind === 'rubric') {
    embed.setTitle(t(locale, 'interview.feedback.title', { score: view.score }))
      .setColor(view.score >= 70 ? successColor : view.score >= 40 ? warnColor : failureColor);
    head.push(`**Q.** ${view.question[locale]}`, '', `**${t(locale, 'interview.feedback.points')}**`);
    for (const point of view.points) {
      head.push(point.covered ? `✅ ${point.label[locale]}` : `⬜ **${point.label[locale]}** — ${point.tip[locale]}`);
    }
  } else {
    embed.setTitle(t(locale, 'interview.followUpFeedback.title', { score: view.score }))
      .setColor(view.score >= 70 ? successColor : view.score >= 40 ? warnColor : failureColor);
    head.push(`**Q.** ${view.question[locale]}`, '', `**${t(locale, 'interview.feedback.points')}**`);
    for (const point of view.points) head.push(`${point.covered ? '✅' : '⬜'} ${point.label[locale]}`);
  }
  // Structure ticks only for an answer that states something: a keyword list or an unrelated
  // answer gets a short explanation instead, so no ✅ ever contradicts its score.
  if (view.verdict === 'answered') head.push('', `**${t(locale, 'interview.feedback.structure')}**`, ...structureLines(view.structure, locale));
  else head.push('', t(locale, `interview.verdict.${view.verdict}`));
  let description = clip(head.join('\n'), descriptionLimit - 200);
  if (view.kind === 'rubric') {
    const title = `\n\n**${t(locale, 'interview.feedback.modelAnswer')}**\n`;
    // UTF-16 length is never below the character count, so this stays under the limit either way.
    const room = descriptionLimit - description.length - title.length;
    description += `${title}${spoiler(view.modelAnswer[locale], room)}`;
  }
  embed.setDescription(description);
  embed.addFields({ name: t(locale, 'interview.feedback.yourAnswer'), value: echoUserText(view.answerText) });
  if (view.kind === 'rubric') {
    const xp = view.xpAwarded > 0 ? t(locale, 'interview.feedback.xp', { xp: view.xpAwarded }) : t(locale, 'interview.feedback.xpAlready');
    const next = t(locale, 'interview.feedback.nextReview', { when: relativeTime(view.nextReviewAt), rating: t(locale, `interview.rating.${view.rating}`) });
    embed.addFields({ name: t(locale, 'interview.feedback.reward'), value: `${xp} · ${next}` });
  }
  if (view.narrationExpected) embed.setFooter({ text: t(locale, 'interview.feedback.narrationSoon') });

  const buttons: ButtonBuilder[] = [];
  if (view.canFollowUp) {
    buttons.push(new ButtonBuilder().setCustomId(interviewId('fu', view.promptId)).setLabel(t(locale, 'interview.button.followUp')).setStyle(ButtonStyle.Primary));
  }
  buttons.push(new ButtonBuilder().setCustomId(interviewId('next', view.promptId)).setLabel(t(locale, 'interview.button.another')).setStyle(ButtonStyle.Secondary));
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)], allowedMentions: { parse: [] } };
}

/** The language model's paragraph, sent as a follow-up message after the rubric feedback. */
export function renderNarration(text: string, locale: Locale) {
  const embed = new EmbedBuilder()
    .setColor(0x9b59b6)
    .setTitle(t(locale, 'interview.narration.title'))
    .setDescription(clip(text, 4000))
    .setFooter({ text: t(locale, 'interview.narration.footer') });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
