import { MessageFlags } from 'discord.js';
import type { Command } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';
import { renderReminderStatus } from '../remind/render-reminder.ts';

/** `/remind on [time] | off | status`: a daily DM when cards are due. */
export const remindCommand: Command = {
  data: slashCommand('remind', '알림', 'remind.command.description')
    .addSubcommand(subcommand('on', '켜기', 'remind.on.description')
      .addStringOption((option) => localize(option.setName('time').setMaxLength(5), '시간', 'remind.option.time')))
    .addSubcommand(subcommand('off', '끄기', 'remind.off.description'))
    .addSubcommand(subcommand('status', '상태', 'remind.status.description')),
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const { remind } = ctx.services;
    const userId = interaction.user.id;
    const action = interaction.options.getSubcommand();
    const status = action === 'on' ? remind.turnOn(guildId, userId, interaction.options.getString('time'))
      : action === 'off' ? remind.turnOff(userId) : remind.status(userId);
    await interaction.reply({ content: renderReminderStatus(status, ctx.locale, action !== 'status'), flags: MessageFlags.Ephemeral });
  },
};
