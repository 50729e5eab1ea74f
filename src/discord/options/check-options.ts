import { ApplicationCommandOptionType as T } from 'discord.js';

/** An option of a registered command, as in its JSON definition. */
type OptionDefinition = {
  name: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: readonly { value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: readonly number[];
  options?: readonly OptionDefinition[];
};

/** An option as an interaction carries it (discord.js keeps Discord's raw name/type/value). */
export type GivenOption = {
  readonly name: string;
  readonly type: number;
  readonly value?: unknown;
  readonly focused?: boolean;
  readonly options?: readonly GivenOption[];
  readonly channel?: { readonly type?: unknown } | null;
  /** The uploaded file Discord resolved for an attachment option (absent when the payload was forged). */
  readonly attachment?: unknown;
};

/** Discord's own ceiling for a string option when the definition sets none. */
const maxStringOptionChars = 6000;
const snowflake = /^\d{15,21}$/;
const isGroup = (type: number) => type === T.Subcommand || type === T.SubcommandGroup;

/**
 * Checks the options of a slash command or autocomplete interaction against the command's own
 * definition: subcommand path, names, types, choices, ranges, lengths and required options.
 * Returns the name of the first option that does not fit (or the command path), or null when all fit.
 * For autocomplete exactly one option must be focused, on an option defined with autocomplete.
 */
export function findBadOption(definitions: readonly OptionDefinition[] | undefined, given: readonly GivenOption[], mode: 'command' | 'autocomplete'): string | null {
  const defs = definitions ?? [];
  if (defs.some((def) => isGroup(def.type))) {
    const [chosen, ...extra] = given;
    const def = defs.find((candidate) => candidate.name === chosen?.name && candidate.type === chosen.type);
    if (!chosen || !def || extra.length > 0) return chosen?.name ?? 'subcommand';
    return findBadOption(def.options, chosen.options ?? [], mode);
  }
  const focused = given.filter((option) => option.focused === true);
  if (mode === 'autocomplete' && focused.length !== 1) return focused[1]?.name ?? 'focused';
  if (mode === 'command' && focused.length > 0) return focused[0]!.name;
  const seen = new Set<string>();
  for (const option of given) {
    const def = defs.find((candidate) => candidate.name === option.name);
    if (!def || def.type !== option.type || isGroup(def.type) || seen.has(option.name)) return String(option.name);
    seen.add(option.name);
    const fits = option.focused ? def.autocomplete === true && typeof option.value === 'string' && option.value.length <= maxStringOptionChars : valueFits(def, option);
    if (!fits) return option.name;
  }
  if (mode === 'command') {
    const missing = defs.find((def) => def.required === true && !seen.has(def.name));
    if (missing) return missing.name;
  }
  return null;
}

function valueFits(def: OptionDefinition, option: GivenOption): boolean {
  const { value } = option;
  switch (def.type) {
    case T.String:
      return typeof value === 'string' && withinRange([...value].length, def.min_length ?? 0, def.max_length ?? maxStringOptionChars) && isChoice(def, value);
    case T.Integer:
      return Number.isSafeInteger(value) && withinRange(value as number, def.min_value, def.max_value) && isChoice(def, value);
    case T.Number:
      return typeof value === 'number' && Number.isFinite(value) && withinRange(value, def.min_value, def.max_value) && isChoice(def, value);
    case T.Boolean:
      return typeof value === 'boolean';
    case T.Channel:
      return typeof value === 'string' && snowflake.test(value) && (!def.channel_types || def.channel_types.some((type) => type === option.channel?.type));
    case T.User:
    case T.Role:
    case T.Mentionable:
      return typeof value === 'string' && snowflake.test(value);
    case T.Attachment:
      return typeof value === 'string' && snowflake.test(value) && option.attachment != null;
    default:
      return false;
  }
}

function withinRange(actual: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || actual >= min) && (max === undefined || actual <= max);
}

function isChoice(def: OptionDefinition, value: unknown): boolean {
  return !def.choices || def.choices.length === 0 || def.choices.some((choice) => choice.value === value);
}
