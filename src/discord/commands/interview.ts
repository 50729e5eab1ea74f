import { MessageFlags } from 'discord.js';
import { UserError } from '../../app/user-error.ts';
import { mockCountLimits } from '../../domain/interview/pick-question.ts';
import type { Command } from '../command.ts';
import { clip } from '../format.ts';
import { requireGuild } from '../guards.ts';
import { renderMockQuestion, renderQuestion } from '../interview/render-question.ts';
import { renderHistory } from '../interview/render-report.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';

/** `/interview ask [topic] [public]`, `/interview mock [count]`, `/interview history`. */
export const interviewCommand: Command = {
  data: slashCommand('interview', '면접', 'interview.command.description')
    .addSubcommand(
      subcommand('ask', '질문', 'interview.ask.description')
        .addStringOption((option) => localize(option.setName('topic').setAutocomplete(true), '주제', 'interview.ask.topic.description'))
        .addBooleanOption((option) => localize(option.setName('public'), '공개', 'interview.ask.public.description')),
    )
    .addSubcommand(
      subcommand('mock', '모의면접', 'interview.mock.description').addIntegerOption((option) =>
        localize(option.setName('count').setMinValue(mockCountLimits.min).setMaxValue(mockCountLimits.max), '개수', 'interview.mock.count.description')),
    )
    .addSubcommand(subcommand('history', '기록', 'interview.history.description')),

  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const interview = ctx.services.interview;
    switch (interaction.options.getSubcommand()) {
      case 'ask': {
        const isPublic = interaction.options.getBoolean('public') ?? false;
        const view = interview.ask({ guildId, userId, topic: interaction.options.getString('topic'), isPublic });
        await interaction.reply({ ...renderQuestion(view, ctx.locale), ...(isPublic ? {} : { flags: MessageFlags.Ephemeral }) });
        return;
      }
      case 'mock': {
        const view = interview.startMock({ guildId, userId, count: interaction.options.getInteger('count') });
        await interaction.reply({ ...renderMockQuestion(view, ctx.locale), flags: MessageFlags.Ephemeral });
        return;
      }
      case 'history':
        await interaction.reply({ ...renderHistory(interview.history({ userId }), ctx.locale), flags: MessageFlags.Ephemeral });
        return;
      default:
        throw new UserError('error.unknownCommand');
    }
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = ctx.services.interview.topics(interaction.guildId)
      .filter((topic) => [topic.topic, topic.name.ko, topic.name.en, topic.sample[ctx.locale]].some((text) => text.toLowerCase().includes(typed)))
      .slice(0, 25)
      .map((topic) => ({ name: clip(`${topic.name[ctx.locale]} — ${topic.sample[ctx.locale]}`, 100), value: topic.topic }));
    await interaction.respond(choices);
  },
};
