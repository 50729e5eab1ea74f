import { EmbedBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Locale } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';

const subcommandType = 1;
const embedColor = 0x2496ed;

/** One line per command (and per subcommand), in the reader's language. */
export function renderHelp(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], locale: Locale) {
  const describe = (entity: { description: string; description_localizations?: Record<string, string | null> | null }) =>
    (locale === 'ko' ? entity.description_localizations?.ko : undefined) ?? entity.description;
  const lines = definitions.flatMap((command) => {
    const subs = (command.options ?? []).filter((option) => option.type === subcommandType);
    if (subs.length === 0) return [`**/${command.name}** — ${describe(command)}`];
    return subs.map((sub) => `**/${command.name} ${sub.name}** — ${describe(sub)}`);
  });
  const embed = new EmbedBuilder()
    .setColor(embedColor)
    .setTitle(t(locale, 'help.title'))
    .setDescription([t(locale, 'help.intro'), '', ...lines].join('\n'))
    .setFooter({ text: t(locale, 'help.footer') });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
