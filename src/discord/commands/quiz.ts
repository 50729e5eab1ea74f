import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { quizLimits } from '../../app/quiz/quiz-service.ts';
import { UserError } from '../../app/user-error.ts';
import { quizModes } from '../../domain/quiz/index.ts';
import { t } from '../../i18n/index.ts';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';
import { choicesOf, readChoice } from '../options/choice-option.ts';
import { quizChannelPermissions, requireBotPermissions } from '../quiz/bot-permissions.ts';
import { renderFinal, renderQuizStart, renderRoundResult } from '../quiz/render-quiz.ts';

/** `/quiz start [deck] [rounds] [seconds] [mode]` and `/quiz stop`: a group quiz in this channel. */
export const quizCommand: Command = {
  data: slashCommand('quiz', '퀴즈', 'quiz.command.description')
    .addSubcommand(
      subcommand('start', '시작', 'quiz.start.description')
        .addStringOption((option) => localize(option.setName('deck').setAutocomplete(true), '덱', 'quiz.option.deck'))
        .addIntegerOption((option) =>
          localize(option.setName('rounds').setMinValue(quizLimits.minRounds).setMaxValue(quizLimits.maxRounds), '라운드', 'quiz.option.rounds'))
        .addIntegerOption((option) =>
          localize(option.setName('seconds').setMinValue(quizLimits.minSeconds).setMaxValue(quizLimits.maxSeconds), '초', 'quiz.option.seconds'))
        .addStringOption((option) =>
          localize(option.setName('mode'), '방식', 'quiz.option.mode').addChoices(
            ...choicesOf(quizModes, { race: { ko: '스피드전' }, everyone: { ko: '모두득점' } }),
          )),
    )
    .addSubcommand(subcommand('stop', '멈추기', 'quiz.stop.description')),

  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    if (interaction.options.getSubcommand() === 'stop') {
      const result = ctx.services.quiz.stop({
        channelId: interaction.channelId, userId: interaction.user.id,
        canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      });
      ctx.services.conductor.quiz.stopped(result);
      const round = result.round ? renderRoundResult({ ...result.round, final: result.final }).embeds : [];
      await interaction.reply({
        content: t(result.final.locale, 'quiz.stop.by', { user: `<@${interaction.user.id}>` }),
        embeds: [...round, ...renderFinal(result.final).embeds],
        allowedMentions: { parse: [] },
      });
      return;
    }
    if (interaction.channel?.type !== ChannelType.GuildText) throw new UserError('quiz.error.textChannel');
    requireBotPermissions(interaction.channel, interaction.client, quizChannelPermissions);
    const view = ctx.services.quiz.start({
      guildId, channelId: interaction.channelId, starterId: interaction.user.id, locale: ctx.locale,
      deckId: interaction.options.getString('deck'),
      rounds: interaction.options.getInteger('rounds') ?? 10,
      seconds: interaction.options.getInteger('seconds') ?? 20,
      mode: readChoice(interaction, 'mode', quizModes) ?? 'race',
    });
    await interaction.reply(renderQuizStart(view));
    ctx.services.conductor.quiz.begin(view);
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = ctx.services.catalog.decks(interaction.guildId, ctx.locale)
      .filter((deck) => !deck.interviewOnly)
      .filter((deck) => deck.id.includes(typed) || deck.title.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((deck) => ({ name: `${deck.title} (${deck.itemCount})`, value: deck.id }));
    await interaction.respond(choices);
  },
};
