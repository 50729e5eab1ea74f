import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { ReviewScreen } from '../../app/review/review-service.ts';
import { answerMaxChars } from '../../domain/limits.ts';
import type { ReviewAnswer } from '../../domain/review/evaluate.ts';
import { componentHandler, type ComponentInteraction, type HandlerContext } from '../command.ts';
import { renderQuestion } from './render-question.ts';
import { messageSentAsIs, sentAsIs } from '../json-components.ts';
import { renderReviewScreen } from './render-review.ts';
import { parseReviewId, reviewId, reviewPrefix, type ReviewClick } from './review-ids.ts';

const answerFieldId = 'answer';

/** Buttons, selects and the answer modal of a /review session. */
export const reviewComponents = componentHandler<ReviewClick>({
  prefix: reviewPrefix,
  parse: parseReviewId,
  async run(interaction, click, ctx) {
    const review = ctx.services.review;
    const userId = interaction.user.id;
    const { sessionId, version } = click;
    const answer = (value: ReviewAnswer, text: string | null) => review.answer(sessionId, version, userId, value, text);

    switch (click.action) {
      case 'ans': {
        const { view } = review.current(sessionId, version, userId); // refuses a stale screen before opening the modal
        if (!interaction.isButton()) return;
        await interaction.showModal(sentAsIs(answerModal(click, ctx, view.kind === 'interview' ? TextInputStyle.Paragraph : TextInputStyle.Short)));
        return;
      }
      case 'typed': {
        if (!interaction.isModalSubmit()) return;
        const text = interaction.fields.getTextInputValue(answerFieldId);
        return show(interaction, answer({ type: 'typed', text }, text), ctx);
      }
      case 'pick':
        return show(interaction, answer({ type: 'pick', indexes: [Number(click.arg)] }, null), ctx);
      case 'many':
        if (!interaction.isStringSelectMenu()) return;
        return show(interaction, answer({ type: 'pick', indexes: interaction.values.map(Number) }, null), ctx);
      case 'tf':
        return show(interaction, answer({ type: 'true-false', value: click.arg === '1' }, null), ctx);
      case 'ord': {
        const picks = [...click.arg].map(Number);
        const screen = review.current(sessionId, version, userId);
        if (picks.length < screen.view.options.length) {
          if (!interaction.isModalSubmit() || interaction.isFromMessage()) await interaction.update(messageSentAsIs(renderQuestion(screen, ctx.locale, picks)));
          return;
        }
        return show(interaction, answer({ type: 'order', indexes: picks }, null), ctx);
      }
      case 'hint':
        return show(interaction, review.hint(sessionId, version, userId), ctx);
      case 'skip':
        return show(interaction, answer({ type: 'skip' }, null), ctx);
      case 'next':
        return show(interaction, review.next(sessionId, version, userId), ctx);
      case 'stop':
        return show(interaction, review.stop(sessionId, version, userId), ctx);
    }
  },
});

/** Replaces the session's message with the next screen. */
async function show(interaction: ComponentInteraction, screen: ReviewScreen, ctx: HandlerContext): Promise<void> {
  const payload = messageSentAsIs(renderReviewScreen(screen, ctx.locale));
  if (interaction.isModalSubmit() && !interaction.isFromMessage()) {
    await interaction.reply({ ...payload, flags: 'Ephemeral' });
    return;
  }
  await interaction.update(payload);
}

function answerModal(click: ReviewClick, ctx: HandlerContext, style: TextInputStyle): APIModalInteractionResponseCallbackData {
  return {
    custom_id: reviewId('typed', click.sessionId, click.version),
    title: ctx.t('review.modal.title'),
    components: [{
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput,
        custom_id: answerFieldId,
        label: ctx.t('review.modal.label'),
        placeholder: ctx.t('review.modal.placeholder'),
        style,
        max_length: answerMaxChars,
        required: true,
      }],
    }],
  };
}
