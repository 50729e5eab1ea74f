import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { deckLimits } from '../../domain/limits.ts';
import type { Command } from '../command.ts';
import { downloadTextAttachment } from '../decks/download-attachment.ts';
import { renderDeckList, renderImportResult, renderRemoveConfirmation, renderTemplate } from '../decks/render-decks.ts';
import { clip } from '../format.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';

/** `/deck import|template|list|remove` (Manage Server): the server's own question decks. */
export const deckCommand: Command = {
  data: slashCommand('deck', '덱', 'deck.command.description')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand(subcommand('import', '가져오기', 'deck.import.description')
      .addAttachmentOption((option) => localize(option.setName('file').setRequired(true), '파일', 'deck.option.file')))
    .addSubcommand(subcommand('template', '예시', 'deck.template.description'))
    .addSubcommand(subcommand('list', '목록', 'deck.list.description'))
    .addSubcommand(subcommand('remove', '지우기', 'deck.remove.description')
      .addStringOption((option) => localize(option.setName('deck').setRequired(true).setAutocomplete(true), '덱', 'deck.option.deck'))),

  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    // The default permission can be overridden per server: the handler checks again.
    requireManageGuild(interaction);
    const decks = ctx.services.decks;
    switch (interaction.options.getSubcommand()) {
      case 'import': {
        const file = interaction.options.getAttachment('file', true);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const source = await downloadTextAttachment(file, { maxBytes: deckLimits.fileBytes, timeoutMs: deckLimits.downloadTimeoutMs });
        const result = await decks.importDeck({ guildId, userId: interaction.user.id, fileName: file.name, source });
        await interaction.editReply(renderImportResult(result, ctx.locale));
        return;
      }
      case 'template':
        await interaction.reply({ ...renderTemplate(decks.template(), ctx.locale), flags: MessageFlags.Ephemeral });
        return;
      case 'list':
        await interaction.reply({ ...renderDeckList(decks.list(guildId), ctx.locale), flags: MessageFlags.Ephemeral });
        return;
      default: {
        const deck = decks.find(guildId, interaction.options.getString('deck', true));
        await interaction.reply({ ...renderRemoveConfirmation(deck, ctx.locale), flags: MessageFlags.Ephemeral });
      }
    }
  },

  async autocomplete(interaction, ctx) {
    if (!interaction.guildId) return interaction.respond([]);
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = ctx.services.decks.list(interaction.guildId)
      .filter((deck) => deck.name.includes(typed) || deck.title[ctx.locale].toLowerCase().includes(typed))
      .slice(0, 25)
      .map((deck) => ({ name: clip(`${deck.title[ctx.locale]} (${deck.name}, ${deck.itemCount})`, 100), value: deck.name }));
    await interaction.respond(choices);
  },
};
