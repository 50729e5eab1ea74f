import { MessageFlags } from 'discord.js';
import type { ReviewMode } from '../../app/review/review-service.ts';
import type { Command } from '../command.ts';
import { localize, slashCommand } from '../localized.ts';
import { choicesOf, readChoice } from '../options/choice-option.ts';
import { messageSentAsIs } from '../json-components.ts';
import { renderReviewScreen } from '../review/render-review.ts';
import { requireGuild } from '../guards.ts';

const reviewModes = ['due', 'mistakes'] as const satisfies readonly ReviewMode[];

/** `/review [deck] [mode]`: a private spaced-repetition session. */
export const reviewCommand: Command = {
  data: slashCommand('review', '복습', 'review.command.description')
    .addStringOption((option) => localize(option.setName('deck').setAutocomplete(true), '덱', 'review.option.deck'))
    .addStringOption((option) =>
      localize(option.setName('mode'), '방식', 'review.option.mode').addChoices(
        ...choicesOf(reviewModes, { due: { ko: '오늘 복습' }, mistakes: { ko: '틀린 문제' } }),
      )),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const screen = ctx.services.review.start({
      guildId,
      userId: interaction.user.id,
      deckId: interaction.options.getString('deck'),
      mode: readChoice(interaction, 'mode', reviewModes) ?? 'due',
    });
    await interaction.reply({ ...messageSentAsIs(renderReviewScreen(screen, ctx.locale)), flags: MessageFlags.Ephemeral });
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = ctx.services.catalog.decks(interaction.guildId, ctx.locale)
      .filter((deck) => deck.id.includes(typed) || deck.title.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((deck) => ({ name: `${deck.title} (${deck.itemCount})`, value: deck.id }));
    await interaction.respond(choices);
  },
};
