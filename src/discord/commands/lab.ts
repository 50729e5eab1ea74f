import { MessageFlags } from 'discord.js';
import { maxCommandLength } from '../../domain/lab/command-types.ts';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { renderExercise, renderLabList, renderLabNotice, renderProgress, renderResetConfirmation, renderRun, renderStatus } from '../lab/render-lab.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';

/** `/lab list | start | run | check | status | reset`: the course's Docker exercises, privately. */
export const labCommand: Command = {
  data: slashCommand('lab', '실습', 'lab.command.description')
    .addSubcommand(subcommand('list', '목록', 'lab.sub.list'))
    .addSubcommand(subcommand('start', '시작', 'lab.sub.start')
      .addStringOption((o) => localize(o.setName('exercise').setRequired(true).setAutocomplete(true), '실습', 'lab.option.exercise')))
    .addSubcommand(subcommand('run', '실행', 'lab.sub.run')
      .addStringOption((o) => localize(o.setName('command').setRequired(true).setMaxLength(maxCommandLength), '명령', 'lab.option.command')))
    .addSubcommand(subcommand('check', '확인', 'lab.sub.check'))
    .addSubcommand(subcommand('status', '상태', 'lab.sub.status'))
    .addSubcommand(subcommand('reset', '초기화', 'lab.sub.reset')),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const service = ctx.services.lab;
    const { locale } = ctx;
    const chosen = interaction.options.getSubcommand();
    if (chosen === 'list') {
      await interaction.reply({ ...renderLabList(service.list(guildId, userId), locale), flags: MessageFlags.Ephemeral });
      return;
    }
    if (chosen === 'reset') {
      // Removing every container and image is not undone: ask first (the buttons are in lab-components).
      await interaction.reply({ ...renderResetConfirmation(locale), flags: MessageFlags.Ephemeral });
      return;
    }
    if (chosen === 'start') {
      const screen = service.start(guildId, userId, interaction.options.getString('exercise', true));
      await interaction.reply({ ...(screen.type === 'exercise' ? renderExercise(screen, locale) : renderLabNotice(screen, locale)), flags: MessageFlags.Ephemeral });
      return;
    }
    // The rest talk to the Docker engine: defer, then answer.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (chosen === 'run') {
      const view = await service.run(guildId, userId, interaction.options.getString('command', true));
      await interaction.editReply(view.type === 'run' ? renderRun(view, locale) : renderLabNotice(view, locale));
    } else if (chosen === 'check') {
      const active = service.list(guildId, userId).activeId;
      const update = active ? await service.check(guildId, userId, active) : { type: 'no-exercise' as const };
      await interaction.editReply(update.type === 'progress' ? renderProgress(update, locale) : renderLabNotice(update, locale));
    } else {
      const view = await service.status(guildId, userId);
      await interaction.editReply(view.type === 'status' ? renderStatus(view, locale) : renderLabNotice(view, locale));
    }
  },
  async autocomplete(interaction, ctx) {
    const choices = ctx.services.lab.search(interaction.options.getFocused(), ctx.locale);
    await interaction.respond(choices.map((c) => ({ name: c.title.slice(0, 100), value: c.id })));
  },
};
