import { MessageFlags } from 'discord.js';
import { componentHandler, type ComponentInteraction } from '../command.ts';
import { requireGuild } from '../guards.ts';
import { parseLabId, labPrefix, type LabClick } from './lab-ids.ts';
import { renderExercise, renderLabNotice, renderProgress, solutionLockedText } from './render-lab.ts';

/** Check / Hint / Solution / Start over on an exercise screen, and the confirmation of `/lab reset`. */
export const labComponents = componentHandler<LabClick>({
  prefix: labPrefix,
  parse: parseLabId,
  async run(interaction, click, ctx) {
    if (!interaction.isButton()) return;
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const service = ctx.services.lab;
    const { locale } = ctx;
    switch (click.action) {
      case 'check': {
        await interaction.deferUpdate(); // the check probes real ports: it may take a moment
        const update = await service.check(guildId, userId, click.exerciseId);
        if (update.type === 'progress') await interaction.editReply(renderProgress(update, locale));
        else await notice(interaction, renderLabNotice(update, locale).content);
        return;
      }
      case 'hint': {
        // Each press reads one more hint; the card lists every hint read so far.
        const screen = service.hint(guildId, userId, click.exerciseId);
        if (screen.type !== 'exercise') return notice(interaction, renderLabNotice(screen, locale).content);
        await interaction.update(renderExercise(screen, locale));
        return;
      }
      case 'solution': {
        const result = service.solution(guildId, userId, click.exerciseId);
        if (result.type === 'solution-locked') return notice(interaction, solutionLockedText(result, locale));
        if (result.type !== 'solution') return notice(interaction, result.type === 'exercise' ? ctx.t('lab.exercise.finished') : renderLabNotice(result, locale).content);
        const commands = result.step.solution.map((c) => `\`${c}\``).join(' → ');
        const note = commands ? ctx.t('lab.solution', { commands }) : ctx.t('lab.solution.page');
        await interaction.update(renderExercise(result.screen, locale, [note]));
        return;
      }
      case 'wipe': {
        await interaction.deferUpdate(); // removing containers talks to the engine
        const result = await service.reset(guildId, userId);
        const content = result.type === 'reset' ? ctx.t('lab.reset.done', { containers: result.removedContainers, images: result.removedImages }) : renderLabNotice(result, locale).content;
        await interaction.editReply({ content, components: [], allowedMentions: { parse: [] } });
        return;
      }
      case 'keep':
        await interaction.update({ content: ctx.t('lab.reset.kept'), components: [], allowedMentions: { parse: [] } });
        return;
      case 'reset': {
        await interaction.deferUpdate();
        const screen = await service.restart(guildId, userId, click.exerciseId);
        if (screen.type === 'exercise') await interaction.editReply(renderExercise(screen, locale));
        else await notice(interaction, renderLabNotice(screen, locale).content);
        return;
      }
    }
  },
});

async function notice(interaction: ComponentInteraction, content: string): Promise<void> {
  const payload = { content, allowedMentions: { parse: [] as [] }, flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}
