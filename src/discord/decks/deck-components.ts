import { componentHandler } from '../command.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { deckPrefix, parseDeckButtonId, type DeckChoice } from './deck-ids.ts';

/** The buttons under `/deck remove`: remove (Manage Server, checked again at the click) or cancel. */
export const deckComponents = componentHandler<DeckChoice>({
  prefix: deckPrefix,
  parse: parseDeckButtonId,
  async run(interaction, choice, ctx) {
    if (!interaction.isButton()) return;
    if (choice.action === 'cancel') {
      await interaction.update({ content: ctx.t('deck.remove.cancelled'), components: [] });
      return;
    }
    const guildId = requireGuild(interaction);
    requireManageGuild(interaction);
    const removed = ctx.services.decks.remove(guildId, choice.deck);
    await interaction.update({ content: ctx.t('deck.remove.done', { deck: removed.name }), components: [], allowedMentions: { parse: [] } });
  },
});
