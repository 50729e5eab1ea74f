import { ApplicationCommandOptionType, EmbedBuilder, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Locale } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { brandColor } from '../format.ts';

type Localizable = { name: string; name_localizations?: Record<string, string | null> | null; description: string; description_localizations?: Record<string, string | null> | null };

/**
 * One line per command, subcommand and subcommand of a group, with its options as Discord shows
 * them to the reader (`<required>` `[optional]`, localized names), then a few worked examples.
 */
export function renderHelp(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], locale: Locale) {
  const pick = (entity: Localizable, field: 'name' | 'description') =>
    (locale === 'ko' ? entity[`${field}_localizations`]?.ko : undefined) ?? entity[field];
  // Path pairs: [as the reader's client shows it, the default (English) name].
  const usage = (path: [string, string][], options: readonly APIApplicationCommandOption[], description: string) => {
    const args = options.map((option) => (option.required ? `<${pick(option, 'name')}>` : `[${pick(option, 'name')}]`));
    const shown = path.map(([name]) => name).join(' ');
    const plain = path.map(([, name]) => name).join(' ');
    // Korean clients show the localized names; the default ones work too, so both are given.
    const alias = shown === plain ? '' : ` (/${plain})`;
    return `**/${shown}**${alias}${args.length > 0 ? ` \`${args.join(' ')}\`` : ''} — ${description}`;
  };
  const linesOf = (path: [string, string][], entity: Localizable, options: readonly APIApplicationCommandOption[]): string[] => {
    const here: [string, string][] = [...path, [pick(entity, 'name'), entity.name]];
    const nested = options.filter((option) => option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup);
    if (nested.length === 0) return [usage(here, options, pick(entity, 'description'))];
    return nested.flatMap((option) => linesOf(here, option, 'options' in option ? option.options ?? [] : []));
  };
  const lines = definitions.flatMap((command) => linesOf([], command, command.options ?? []));
  const embed = new EmbedBuilder()
    .setColor(brandColor)
    .setTitle(t(locale, 'help.title'))
    .setDescription([t(locale, 'help.intro'), '', ...lines, '', `**${t(locale, 'help.examplesTitle')}**`, t(locale, 'help.examples')].join('\n'))
    .setFooter({ text: t(locale, 'help.footer') });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
