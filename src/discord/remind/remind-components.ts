import { componentHandler } from '../command.ts';
import { messageSentAsIs } from '../json-components.ts';
import { renderReviewScreen } from '../review/render-review.ts';
import { parseRemindId, remindPrefix } from './remind-ids.ts';

/** "Review now" in a reminder DM starts a due-cards review session in the DM itself. */
export const remindComponents = componentHandler<'review'>({
  prefix: remindPrefix,
  parse: parseRemindId,
  async run(interaction, _action, ctx) {
    const screen = ctx.services.remind.startReviewOutsideServer(interaction.user.id);
    await interaction.reply(messageSentAsIs(renderReviewScreen(screen, ctx.locale)));
  },
});
