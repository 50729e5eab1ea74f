import { MessageFlags } from 'discord.js';
import type { ReviewAnswer } from '../../domain/review/evaluate.ts';
import { componentHandler } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { choiceAnswer, dailyPrefix, parseDailyId, parseQuizButtonId, quizPrefix, type DailyPress, type QuizPress } from './quiz-ids.ts';
import { dailyAnswerFieldId, renderDailyModal, renderDailyReply } from './render-daily.ts';

/** A member presses an answer button under a quiz round: one press per round, the result privately. */
export const quizComponents = componentHandler<QuizPress>({
  prefix: quizPrefix,
  parse: parseQuizButtonId,
  async run(interaction, press, ctx) {
    const result = ctx.services.quiz.submitButton({
      quizId: press.quizId, roundIndex: press.roundIndex, userId: interaction.user.id, answer: choiceAnswer(press.choice),
    });
    const key = result.outcome === 'correct' ? 'quiz.answer.correct' : result.outcome === 'close' ? 'quiz.answer.close' : 'quiz.answer.incorrect';
    await interaction.reply({ content: ctx.t(key, { points: result.points }), flags: MessageFlags.Ephemeral });
    if (result.closed) ctx.services.conductor.quiz.roundClosed(result.closed);
  },
});

/** The daily question's buttons and answer modal. */
export const dailyComponents = componentHandler<DailyPress>({
  prefix: dailyPrefix,
  parse: parseDailyId,
  async run(interaction, press, ctx) {
    const guildId = requireGuild(interaction);
    const who = { postId: press.postId, guildId, userId: interaction.user.id };
    if (press.action === 'open') {
      ctx.services.daily.checkCanAnswer(who);
      if (interaction.isButton()) await interaction.showModal(renderDailyModal(press.postId, ctx.locale));
      return;
    }
    let answer: ReviewAnswer;
    if (press.action === 'typed') {
      if (!interaction.isModalSubmit()) return;
      answer = { type: 'typed', text: interaction.fields.getTextInputValue(dailyAnswerFieldId) };
    } else {
      answer = choiceAnswer(press.choice);
    }
    const result = ctx.services.daily.answer({ ...who, answer });
    await interaction.reply({ content: renderDailyReply(result, ctx.locale), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    ctx.services.conductor.daily.answered(press.postId);
  },
});
