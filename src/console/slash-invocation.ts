import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CommandInvocation, OptionValue, StandinChannel, StandinUser, StoredCommand } from '../standin/index.ts';

type Def = { name?: string; type?: number; options?: Def[]; required?: boolean; description?: string };

export interface Lookups {
  userNamed(nameOrId: string): StandinUser | undefined;
  channelNamed(nameOrId: string): StandinChannel | undefined;
}

/**
 * Turns `/lab run command:"docker ps"` (already split) into a stand-in invocation: words become the
 * subcommand group / subcommand, option text is typed by the registered definition.
 */
export function toInvocation(
  parsed: { name: string; words: string[]; options: Record<string, string> },
  command: StoredCommand | undefined,
  lookups: Lookups,
): CommandInvocation | { problem: string } {
  if (!command) {
    // Not registered (yet): send what was typed and let the bot decide.
    const [subcommandGroup, subcommand] = parsed.words.length >= 2 ? parsed.words : [undefined, parsed.words[0]];
    return { name: parsed.name, ...(subcommandGroup ? { subcommandGroup } : {}), ...(subcommand ? { subcommand } : {}), options: parsed.options };
  }
  let defs = (command.options as Def[] | undefined) ?? [];
  const invocation: CommandInvocation = { name: parsed.name };
  const words = [...parsed.words];
  const group = defs.find((def) => def.type === 2 && def.name === words[0]);
  if (group) {
    invocation.subcommandGroup = words.shift();
    defs = group.options ?? [];
  }
  const subs = defs.filter((def) => def.type === 1);
  if (subs.length > 0) {
    const sub = subs.find((def) => def.name === words[0]);
    if (!sub) return { problem: `/${parsed.name} needs one of: ${subs.map((def) => def.name).join(', ')}` };
    invocation.subcommand = words.shift();
    defs = sub.options ?? [];
  }
  if (words.length > 0) return { problem: `unexpected "${words.join(' ')}": options are written name:value` };

  const options: Record<string, OptionValue> = {};
  for (const [name, text] of Object.entries(parsed.options)) {
    const def = defs.find((candidate) => candidate.name === name);
    if (!def) return { problem: `/${parsed.name} has no option "${name}" (options: ${defs.map((d) => d.name).join(', ') || 'none'})` };
    const value = typed(def.type ?? 3, text, lookups);
    if (typeof value === 'object' && 'problem' in value) return { problem: `${name}: ${value.problem}` };
    options[name] = value;
  }
  invocation.options = options;
  return invocation;
}

function typed(type: number, text: string, lookups: Lookups): OptionValue | { problem: string } {
  switch (type) {
    case 4:
    case 10: {
      const number = Number(text);
      if (text.trim() === '' || Number.isNaN(number)) return { problem: `"${text}" is not a number` };
      return number;
    }
    case 5:
      if (/^(true|yes|y|1|on)$/i.test(text)) return true;
      if (/^(false|no|n|0|off)$/i.test(text)) return false;
      return { problem: `"${text}" is not true/false` };
    case 6:
    case 9:
      return lookups.userNamed(text.replace(/^@/, '')) ?? { problem: `no user "${text}"` };
    case 7:
      return lookups.channelNamed(text.replace(/^#/, '')) ?? { problem: `no channel "${text}"` };
    case 11:
      return localFile(text);
    default:
      return text;
  }
}

/** Discord's upload limit without Nitro: the console refuses what a Discord client would. */
const uploadLimitBytes = 10 * 1024 * 1024;

/**
 * An attachment option given as a local path (`file:./my-deck.yaml`): read here and uploaded to the
 * stand-in, which serves it to the bot like Discord's CDN, so the bot's own download path runs.
 */
function localFile(path: string): OptionValue | { problem: string } {
  const full = resolve(path);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat?.isFile()) return { problem: `no file "${path}"` };
  if (stat.size > uploadLimitBytes) return { problem: `"${path}" is ${stat.size} bytes; Discord takes uploads up to ${uploadLimitBytes}` };
  const contentType = /\.ya?ml$/i.test(full) ? 'application/yaml' : /\.txt$/i.test(full) ? 'text/plain; charset=utf-8' : undefined;
  return { kind: 'upload', filename: basename(full), data: readFileSync(full), ...(contentType ? { contentType } : {}) };
}

/** One line per command for the console's help: `/review start deck:… [count:…]`. */
export function describeCommands(commands: readonly StoredCommand[]): string[] {
  const lines: string[] = [];
  const optionText = (defs: Def[]) =>
    defs
      .filter((def) => def.type !== 1 && def.type !== 2)
      .map((def) => (def.required ? `${def.name}:…` : `[${def.name}:…]`))
      .join(' ');
  const walk = (prefix: string, defs: Def[], description: string) => {
    const subs = defs.filter((def) => def.type === 1 || def.type === 2);
    if (subs.length === 0) {
      lines.push(`  ${[prefix, optionText(defs)].filter(Boolean).join(' ')}${description ? `  — ${description}` : ''}`);
      return;
    }
    for (const sub of subs) walk(`${prefix} ${sub.name}`, sub.options ?? [], sub.description ?? '');
  };
  for (const command of commands) walk(`/${command.name}`, (command.options as Def[] | undefined) ?? [], String(command.description ?? ''));
  return lines;
}
