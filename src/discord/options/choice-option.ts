import type { APIApplicationCommandOptionChoice, ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../app/user-error.ts';

/**
 * The choices of a string option, built from the same `as const` list the handler reads with
 * `readChoice`: the list is the option's definition and its type, so a handler never casts.
 * `labels` gives each value its English name (default: the value) and its Korean name.
 */
export function choicesOf<V extends string>(values: readonly V[], labels: Record<V, { ko: string; en?: string }>): APIApplicationCommandOptionChoice<string>[] {
  return values.map((value) => ({ name: labels[value].en ?? value, value, name_localizations: { ko: labels[value].ko } }));
}

/** The chosen value of a string option with choices, typed by its list; null when the option is absent. */
export function readChoice<V extends string>(interaction: ChatInputCommandInteraction, name: string, values: readonly V[]): V | null {
  const given = interaction.options.getString(name);
  if (given === null) return null;
  // The router checked the value against the definition already; this keeps the type honest.
  const chosen = values.find((value) => value === given);
  if (chosen === undefined) throw new UserError('error.badOption', { option: name });
  return chosen;
}
