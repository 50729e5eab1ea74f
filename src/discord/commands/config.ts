import { ChannelType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { Command } from '../command.ts';
import { requireGuild, requireManageGuild } from '../guards.ts';
import { localize, slashCommand, subcommand } from '../localized.ts';
import { dailyChannelPermissions, requireBotPermissions } from '../quiz/bot-permissions.ts';

/** `/config daily set channel time` and `/config daily off` (Manage Server). */
export const configCommand: Command = {
  data: slashCommand('config', '서버설정', 'config.command.description')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommandGroup((group) =>
      localize(group.setName('daily'), '오늘의문제', 'config.daily.description')
        .addSubcommand(
          subcommand('set', '설정', 'config.daily.set.description')
            .addChannelOption((option) =>
              localize(option.setName('channel').setRequired(true).addChannelTypes(ChannelType.GuildText), '채널', 'config.option.channel'))
            .addStringOption((option) =>
              localize(option.setName('time').setRequired(true).setMinLength(4).setMaxLength(5), '시간', 'config.option.time')),
        )
        .addSubcommand(subcommand('off', '끄기', 'config.daily.off.description'))),

  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    requireManageGuild(interaction);
    if (interaction.options.getSubcommand() === 'off') {
      const wasOn = ctx.services.daily.disable({ guildId, userId: interaction.user.id });
      await interaction.reply({ content: ctx.t(wasOn ? 'config.daily.off' : 'config.daily.alreadyOff'), flags: MessageFlags.Ephemeral });
      return;
    }
    const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
    requireBotPermissions(channel, interaction.client, dailyChannelPermissions);
    const schedule = ctx.services.daily.configure({
      guildId, channelId: channel.id, time: interaction.options.getString('time', true), userId: interaction.user.id, locale: ctx.locale,
    });
    await interaction.reply({
      content: ctx.t('config.daily.saved', {
        time: schedule.time, timeZone: schedule.timeZone, channel: `<#${channel.id}>`,
        next: `<t:${Math.floor(schedule.nextPostAt.getTime() / 1000)}:F>`,
      }),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
