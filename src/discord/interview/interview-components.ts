import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { InterviewFeedbackView, MockStep } from '../../app/interview/interview-views.ts';
import { componentHandler, type ComponentInteraction, type HandlerContext } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { interviewPrefix, parseInterviewId, type InterviewClick } from './interview-ids.ts';
import { renderFeedback, renderNarration } from './render-feedback.ts';
import { renderAnswerModal, renderHint, renderMockQuestion, renderQuestion } from './render-question.ts';
import { renderReport } from './render-report.ts';

const answerFieldId = 'answer';

/** Buttons and the answer modal of `/interview` (ask, follow-ups and mock interviews). */
export const interviewComponents = componentHandler<InterviewClick>({
  prefix: interviewPrefix,
  parse: parseInterviewId,
  async run(interaction, click, ctx) {
    const interview = ctx.services.interview;
    const userId = interaction.user.id;
    const guildId = requireGuild(interaction);
    const { promptId } = click;
    const ephemeral = MessageFlags.Ephemeral;

    switch (click.action) {
      case 'ans': {
        if (!interaction.isButton()) return;
        const form = interview.beginAnswer({ promptId, userId, guildId });
        await interaction.showModal(renderAnswerModal(form, ctx.locale));
        return;
      }
      case 'sub': {
        if (!interaction.isModalSubmit()) return;
        const result = interview.submit({ promptId, userId, answerText: interaction.fields.getTextInputValue(answerFieldId) });
        if (result.kind === 'mock') return showMockStep(interaction, result.step, ctx);
        await interaction.reply({ ...renderFeedback(result.feedback, ctx.locale), flags: ephemeral });
        await sendNarration(interaction, result.feedback, ctx);
        return;
      }
      case 'hint': {
        const { labels } = interview.hint({ promptId, userId, guildId });
        await interaction.reply({ ...renderHint(labels, ctx.locale), flags: ephemeral });
        return;
      }
      case 'next':
        await interaction.reply({ ...renderQuestion(interview.another({ promptId, userId, guildId }), ctx.locale), flags: ephemeral });
        return;
      case 'fu':
        await interaction.reply({ ...renderQuestion(interview.followUp({ promptId, userId, guildId }), ctx.locale), flags: ephemeral });
        return;
      case 'skip':
        return showMockStep(interaction, interview.skipMock({ promptId, userId }), ctx);
    }
  },
});

/** The mock interview lives in one message that moves on in place: next question, then the report. */
async function showMockStep(interaction: ComponentInteraction, step: MockStep, ctx: HandlerContext): Promise<void> {
  let payload;
  if (step.kind === 'report') {
    payload = renderReport(step.report, ctx.locale);
  } else {
    const n = step.previous.position + 1;
    const key = step.previous.skipped ? 'interview.mock.skipped' : step.previous.overtime ? 'interview.mock.savedLate' : 'interview.mock.saved';
    payload = renderMockQuestion(step.question, ctx.locale, ctx.t(key, { n }));
  }
  if (!interaction.isModalSubmit() || interaction.isFromMessage()) await interaction.update(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/**
 * The optional language-model paragraph, sent after the rubric feedback (which never waits for it).
 * A slow or failing model is only logged: the learner already has their feedback.
 */
async function sendNarration(interaction: ModalSubmitInteraction, feedback: InterviewFeedbackView, ctx: HandlerContext): Promise<void> {
  if (!feedback.narrationExpected) return;
  const result = await ctx.services.interview.narrate({ attemptId: feedback.attemptId, userId: interaction.user.id, language: ctx.locale });
  if (!result.ok) {
    ctx.logger.warn({ attemptId: feedback.attemptId, reason: result.reason, detail: result.detail, elapsedMs: result.elapsedMs }, 'interview narrative feedback failed');
    return;
  }
  try {
    await interaction.followUp({ ...renderNarration(result.text, ctx.locale), flags: MessageFlags.Ephemeral });
  } catch (error) {
    ctx.logger.warn({ err: error, attemptId: feedback.attemptId }, 'could not deliver the narrative feedback');
  }
}
