import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { QuizFinalView, QuizHintView, QuizQuestionView, QuizStartView, RoundResultView } from '../../app/quiz/quiz-views.ts';
import type { ItemKind } from '../../domain/content/items.ts';
import { defaultAnswerLimits, isQuizKind, type QuizKind } from '../../domain/quiz/index.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { brandColor, clip, failureColor, relativeTime, successColor } from '../format.ts';
import { quizButtonId } from './quiz-ids.ts';

const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
const noMentions = { parse: [] as never[] };
const maxStandingLines = 15;

const mention = (userId: string) => `<@${userId}>`;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function renderQuizStart(view: QuizStartView) {
  const { locale } = view;
  const body = t(locale, 'quiz.start.body', {
    rounds: t(locale, 'quiz.count.rounds', { count: view.roundCount }),
    seconds: Math.round(view.answerWindowMs / 1000),
    mode: t(locale, view.mode === 'race' ? 'quiz.mode.race' : 'quiz.mode.everyone'),
    deck: view.deckTitle ? view.deckTitle[locale] : t(locale, 'quiz.deck.all'),
    rule: t(locale, view.mode === 'race' ? 'quiz.rule.race' : 'quiz.rule.everyone'),
  });
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, 'quiz.start.title'))
    .setDescription(`${body}

${t(locale, 'quiz.start.starter', { user: mention(view.starterId) })}`);
  return { embeds: [embed], allowedMentions: noMentions };
}

const kindKeys = {
  term: 'quiz.kind.term', short: 'quiz.kind.short', command: 'quiz.kind.command', choice: 'quiz.kind.choice', truefalse: 'quiz.kind.truefalse',
} as const satisfies Record<QuizKind, MessageKey>;

/**
 * The round's question, with answer buttons for choice and true/false items while it is open;
 * once closed (`closedAt`), without buttons and saying when it ended instead of when it closes.
 */
export function renderQuestion(view: QuizQuestionView, closedAt: Date | null = null) {
  const { locale, question } = view;
  const lines: string[] = [];
  if (question.kind === 'term') lines.push(t(locale, 'quiz.round.termPrompt'), '', `> ${question.prompt[locale]}`);
  else lines.push(question.prompt[locale]);
  if (question.style === 'pick-one') {
    lines.push('', ...question.options.map((option, i) => `**${letters[i]}.** ${option.text[locale]}`));
  }
  const how = view.style === 'typed'
    ? t(locale, 'quiz.round.typedHow', { count: defaultAnswerLimits.typedAttemptsPerRound })
    : t(locale, 'quiz.round.buttonsHow');
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, 'quiz.round.title', { number: view.roundIndex + 1, count: view.roundCount, kind: kindLabel(question.kind, locale) }))
    .setDescription(clip(lines.join('\n'), 4000))
    .addFields({
      name: '\u200b',
      value: closedAt ? t(locale, 'quiz.round.closed', { time: relativeTime(closedAt) }) : `${how}\n${t(locale, 'quiz.round.closes', { time: relativeTime(view.closesAt) })}`,
    });
  if (view.deckTitle) embed.setFooter({ text: view.deckTitle[locale] });

  const button = (id: string, label: string) =>
    new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Primary);
  const components: ActionRowBuilder<ButtonBuilder>[] = [];
  if (closedAt) return { embeds: [embed], components, allowedMentions: noMentions };
  if (question.style === 'pick-one') {
    components.push(new ActionRowBuilder<ButtonBuilder>().addComponents(
      question.options.map((option, i) => button(quizButtonId(view.quizId, view.roundIndex, { kind: 'option', index: option.index }), letters[i]!)),
    ));
  } else if (question.style === 'true-false') {
    components.push(new ActionRowBuilder<ButtonBuilder>().addComponents(
      button(quizButtonId(view.quizId, view.roundIndex, { kind: 'truefalse', value: true }), t(locale, 'quiz.true')),
      button(quizButtonId(view.quizId, view.roundIndex, { kind: 'truefalse', value: false }), t(locale, 'quiz.false')),
    ));
  }
  return { embeds: [embed], components, allowedMentions: noMentions };
}

function kindLabel(kind: ItemKind, locale: Locale): string {
  return isQuizKind(kind) ? t(locale, kindKeys[kind]) : kind;
}

export function renderHint(view: QuizHintView) {
  return {
    content: t(view.locale, 'quiz.hint', { hint: view.hint[view.locale] }),
    allowedMentions: noMentions,
    ...(view.questionMessageId ? { reply: { messageReference: view.questionMessageId, failIfNotExists: false } } : {}),
  };
}

export function renderRoundResult(view: RoundResultView) {
  const { locale } = view;
  const headline = view.reason === 'won' && view.winnerId ? t(locale, 'quiz.result.won', { user: mention(view.winnerId) })
    : t(locale, view.reason === 'allAnswered' ? 'quiz.result.allAnswered' : view.reason === 'stopped' ? 'quiz.result.stopped' : 'quiz.result.timeout');
  const scored = view.scorers.map((s) => t(locale, 'quiz.result.scorerLine', { user: mention(s.userId), points: s.points, seconds: seconds(s.elapsedMs) }));
  const nobody = view.answeredCount === 0 ? t(locale, 'quiz.result.noAnswers') : t(locale, 'quiz.result.nobodyRight', { count: view.answeredCount });
  const embed = new EmbedBuilder()
    .setColor(view.scorers.length > 0 ? successColor : failureColor)
    .setTitle(t(locale, 'quiz.result.title', { number: view.roundIndex + 1, count: view.roundCount }))
    .setDescription(clip(`${headline}\n${t(locale, 'quiz.result.answer', { answer: view.expected[locale] })}`, 4000))
    .addFields(
      { name: t(locale, 'quiz.result.explanation'), value: clip(view.explanation[locale], 1024) },
      { name: t(locale, 'quiz.result.scorers'), value: clip(scored.length > 0 ? scored.join('\n') : nobody, 1024) },
    );
  // Between rounds, the scoreboard so far (the last round's reveal is followed by the final standings).
  if (!view.final && view.standings.length > 0) {
    const lines = view.standings.slice(0, maxStandingLines)
      .map((s) => t(locale, 'quiz.result.standingLine', { rank: s.rank, user: mention(s.userId), points: s.points }));
    embed.addFields({ name: t(locale, 'quiz.result.standings'), value: clip(lines.join('\n'), 1024) });
  }
  const footer = [view.source ? t(locale, 'quiz.result.source', { source: view.source[locale] }) : '', view.final ? '' : t(locale, 'quiz.result.next')]
    .filter(Boolean).join(' · ');
  if (footer) embed.setFooter({ text: clip(footer, 2048) });
  return { embeds: [embed], allowedMentions: noMentions };
}

export function renderFinal(view: QuizFinalView) {
  const { locale } = view;
  const lines = view.standings.slice(0, maxStandingLines).map((s) =>
    t(locale, 'quiz.final.line', {
      rank: s.rank, user: mention(s.userId), points: s.points, correct: s.correct,
      fastest: s.fastestMs === null ? '—' : `${seconds(s.fastestMs)}${locale === 'ko' ? '초' : ' s'}`,
    }));
  const reason = view.reason === 'completed' ? t(locale, 'quiz.final.completed', { count: view.roundsPlayed })
    : view.reason === 'stopped' ? t(locale, 'quiz.final.stopped', { count: view.roundCount, played: view.roundsPlayed })
      : t(locale, `quiz.final.${view.reason}`);
  const body = [reason, '', ...(lines.length > 0 ? lines : [t(locale, 'quiz.final.empty')])];
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, 'quiz.final.title'))
    .setDescription(clip(body.join('\n'), 4000));
  if (lines.length > 0) embed.setFooter({ text: t(locale, 'quiz.final.learning') });
  return { embeds: [embed], allowedMentions: noMentions };
}

export function renderResumeNotice(locale: Locale) {
  return { content: t(locale, 'quiz.resume.continue'), allowedMentions: noMentions };
}

/** How a typed answer is acknowledged: right, wrong, or no tries left. */
export const ackMarks = ['✅', '❌', '🚫'] as const;
export type AckMark = (typeof ackMarks)[number];

/**
 * One message acknowledging many typed answers: `✅ @a @b · ❌ @c`, each learner under the mark of
 * their latest answer. Mentions are shown but never ping anybody.
 */
export function renderAnswerAcks(locale: Locale, marks: ReadonlyMap<string, AckMark>) {
  const groups = ackMarks
    .map((mark) => [mark, [...marks].filter(([, m]) => m === mark).map(([userId]) => mention(userId))] as const)
    .filter(([, users]) => users.length > 0)
    .map(([mark, users]) => `${mark} ${users.join(' ')}`);
  const content = `${t(locale, 'quiz.ack.batch', { marks: groups.join(' · ') })}\n-# ${t(locale, 'quiz.ack.legend')}`;
  return { content: clip(content, 2000), allowedMentions: noMentions };
}
