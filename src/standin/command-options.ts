import { attachmentJson, channelJson, memberJson, roleJson, userJson, type Json } from './api-json.ts';
import type { StandinChannel, StandinRole, StandinUpload, StandinUser } from './model.ts';
import type { StandinState, StoredCommand } from './state.ts';

/** A value a test gives for a slash-command option; entities may also be given by id. */
export type OptionValue = string | number | boolean | StandinUser | StandinChannel | StandinRole | StandinUpload;

/** An option already in Discord's shape, passed through unchanged. */
export interface RawCommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: RawCommandOption[];
  focused?: boolean;
}

export interface CommandInvocation {
  /** Command name as registered, e.g. `review`. */
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** `{ deck: 'docker-basics', count: 5 }` (typed by the registered definition) or raw Discord options. */
  options?: Record<string, OptionValue> | RawCommandOption[];
}

/** Discord's upload limit for a user without Nitro (10 MiB). */
const uploadLimitBytes = 10 * 1024 * 1024;

const OptionType = { Subcommand: 1, Group: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10, Attachment: 11 } as const;
type Def = Record<string, unknown> & { name?: string; type?: number; options?: Def[]; choices?: Array<{ value: unknown }> };

/** The registered command a user could pick: the guild's own first, then a global one. */
export function findRegisteredCommand(state: StandinState, name: string, guildId: string | null): StoredCommand | undefined {
  const isChatInput = (command: StoredCommand) => command.name === name && (command.type ?? 1) === 1;
  return (guildId ? state.commands.get(guildId)?.find(isChatInput) : undefined) ?? state.commands.get('global')?.find(isChatInput);
}

/**
 * Builds `data.options` and `data.resolved` for a chat-input or autocomplete interaction. When the
 * command is registered, names, types, choices, limits and required options are checked like the
 * Discord client would before sending; otherwise types are inferred from the values.
 */
export function buildCommandOptions(
  state: StandinState,
  invocation: CommandInvocation,
  command: StoredCommand | undefined,
  context: { guildId: string | null; userId: string; channelId: string; baseUrl: string; focused?: string },
): { options: Json[]; resolved: Json | undefined } {
  const label = `/${[invocation.name, invocation.subcommandGroup, invocation.subcommand].filter(Boolean).join(' ')}`;
  let defs: Def[] | undefined = command ? ((command.options as Def[] | undefined) ?? []) : undefined;
  const wrap: Array<{ name: string; type: number }> = [];
  if (invocation.subcommandGroup) {
    const group = defs?.find((def) => def.type === OptionType.Group && def.name === invocation.subcommandGroup);
    if (defs && !group) throw new Error(`${label}: the registered command has no subcommand group "${invocation.subcommandGroup}"`);
    defs = group ? (group.options ?? []) : undefined;
    wrap.push({ name: invocation.subcommandGroup, type: OptionType.Group });
  }
  if (invocation.subcommand) {
    const sub = defs?.find((def) => def.type === OptionType.Subcommand && def.name === invocation.subcommand);
    if (defs && !sub) throw new Error(`${label}: the registered command has no subcommand "${invocation.subcommand}" (has: ${names(defs)})`);
    defs = sub ? (sub.options ?? []) : undefined;
    wrap.push({ name: invocation.subcommand, type: OptionType.Subcommand });
  }
  // Raw options are sent as given (a fuzzer may send a subcommand path the command does not have).
  if (!Array.isArray(invocation.options) && defs?.some((def) => def.type === OptionType.Subcommand || def.type === OptionType.Group)) {
    throw new Error(`${label}: the registered command needs a subcommand (one of: ${names(defs)})`);
  }

  const resolved = new Resolved(state, context.guildId, context.userId, context.channelId, context.baseUrl);
  let leaves: Json[];
  if (Array.isArray(invocation.options)) {
    leaves = invocation.options as unknown as Json[];
  } else {
    leaves = Object.entries(invocation.options ?? {}).map(([name, value]) => {
      const def = defs?.find((candidate) => candidate.name === name);
      if (defs && !def) throw new Error(`${label}: the registered command has no option "${name}" (has: ${names(defs) || 'none'})`);
      const focused = context.focused === name;
      const type = def?.type ?? inferType(value);
      const converted = focused ? String(value) : convertValue(label, name, type, value, def, resolved);
      return { name, type, value: converted, ...(focused ? { focused: true } : {}) };
    });
    if (context.focused !== undefined && !leaves.some((leaf) => leaf.focused)) {
      leaves.push({ name: context.focused, type: OptionType.String, value: '', focused: true });
    }
    if (context.focused === undefined) {
      const missing = (defs ?? []).filter((def) => def.required === true && !leaves.some((leaf) => leaf.name === def.name));
      if (missing.length > 0) throw new Error(`${label}: required option(s) missing: ${names(missing)}`);
    }
  }
  let options = leaves;
  for (const level of wrap.reverse()) options = [{ name: level.name, type: level.type, options }];
  return { options, resolved: resolved.toJson() };
}

function names(defs: readonly Def[]): string {
  return defs.map((def) => def.name).join(', ');
}

function inferType(value: OptionValue): number {
  if (typeof value === 'string') return OptionType.String;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  if (value.kind === 'upload') return OptionType.Attachment;
  return value.kind === 'user' ? OptionType.User : value.kind === 'channel' ? OptionType.Channel : OptionType.Role;
}

function convertValue(label: string, name: string, type: number, value: OptionValue, def: Def | undefined, resolved: Resolved): string | number | boolean {
  const fail = (why: string) => new Error(`${label}: option "${name}" ${why}`);
  switch (type) {
    case OptionType.String: {
      if (typeof value !== 'string') throw fail('must be a string');
      checkRange(fail, [...value].length, def?.min_length, def?.max_length, 'length');
      checkChoice(fail, value, def);
      return value;
    }
    case OptionType.Integer:
    case OptionType.Number: {
      const number = typeof value === 'string' ? Number(value) : value;
      if (typeof number !== 'number' || Number.isNaN(number) || (type === OptionType.Integer && !Number.isInteger(number))) {
        throw fail(type === OptionType.Integer ? 'must be an integer' : 'must be a number');
      }
      checkRange(fail, number, def?.min_value, def?.max_value, 'value');
      checkChoice(fail, number, def);
      return number;
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean') throw fail('must be true or false');
      return value;
    case OptionType.Attachment:
      if (typeof value !== 'object' || value.kind !== 'upload') throw fail('must be a file (an upload)');
      return resolved.upload(fail, value);
    case OptionType.User:
    case OptionType.Channel:
    case OptionType.Role:
    case OptionType.Mentionable:
      return resolved.add(fail, type, value);
    default:
      throw fail(`has option type ${type}, which the stand-in cannot fill`);
  }
}

function checkRange(fail: (why: string) => Error, actual: number, min: unknown, max: unknown, what: string): void {
  if (typeof min === 'number' && actual < min) throw fail(`${what} ${actual} is below the minimum ${min}`);
  if (typeof max === 'number' && actual > max) throw fail(`${what} ${actual} is above the maximum ${max}`);
}

function checkChoice(fail: (why: string) => Error, value: unknown, def: Def | undefined): void {
  if (!def?.choices || def.choices.length === 0) return;
  if (!def.choices.some((choice) => choice.value === value)) {
    throw fail(`must be one of the registered choices (${def.choices.map((choice) => String(choice.value)).join(', ')})`);
  }
}

/** Collects `data.resolved` for user, channel, role and mentionable options. */
class Resolved {
  readonly users: Json = {};
  readonly members: Json = {};
  readonly channels: Json = {};
  readonly roles: Json = {};
  readonly attachments: Json = {};

  constructor(
    private readonly state: StandinState,
    private readonly guildId: string | null,
    private readonly invokerId: string,
    private readonly channelId: string,
    private readonly baseUrl: string,
  ) {}

  /** Stores the file like Discord's upload step and returns its attachment id. */
  upload(fail: (why: string) => Error, file: StandinUpload): string {
    if (file.data.byteLength > uploadLimitBytes) throw fail(`is ${file.data.byteLength} bytes; Discord refuses uploads over ${uploadLimitBytes}`);
    if (file.filename.trim() === '') throw fail('needs a file name');
    // A file name travels as UTF-8 (a lone surrogate arrives as U+FFFD); Discord replaces spaces with underscores.
    const filename = Buffer.from(file.filename, 'utf8').toString('utf8').replace(/\s/g, '_');
    const id = this.state.nextId();
    const attachment = {
      id, filename, contentType: file.contentType ?? null, description: null, size: file.data.byteLength, channelId: this.channelId,
      url: `${this.baseUrl}/ephemeral-attachments/${this.channelId}/${id}/${encodeURIComponent(filename)}`, data: file.data,
    };
    this.state.uploads.set(id, attachment);
    this.attachments[id] = { ...attachmentJson(attachment), ephemeral: true };
    return id;
  }

  add(fail: (why: string) => Error, type: number, value: OptionValue): string {
    if (typeof value === 'object' && value.kind === 'upload') throw fail('is a file, but the option is not an attachment');
    const id = typeof value === 'object' ? value.id : String(value);
    const user = this.state.users.get(id);
    const channel = this.state.channels.get(id);
    const role = this.state.roles.get(id);
    if ((type === OptionType.User || type === OptionType.Mentionable) && user) {
      this.users[id] = userJson(user);
      const member = this.guildId ? this.state.member(this.guildId, id) : undefined;
      if (member) this.members[id] = memberJson(this.state, member, { user: false, permissions: true });
      return id;
    }
    if ((type === OptionType.Role || type === OptionType.Mentionable) && role) {
      this.roles[id] = roleJson(role);
      return id;
    }
    if (type === OptionType.Channel && channel) {
      // Discord sends the invoking member's permissions in that channel.
      const permissions = this.guildId ? this.state.permissionsOf(this.guildId, this.invokerId).toString() : undefined;
      this.channels[id] = { ...channelJson(this.state, channel), permissions };
      return id;
    }
    throw fail(`refers to ${id}, which is not a known ${type === OptionType.Channel ? 'channel' : type === OptionType.Role ? 'role' : 'user'}`);
  }

  toJson(): Json | undefined {
    const parts = Object.entries({ users: this.users, members: this.members, channels: this.channels, roles: this.roles, attachments: this.attachments }).filter(
      ([, entries]) => Object.keys(entries).length > 0,
    );
    return parts.length > 0 ? Object.fromEntries(parts) : undefined;
  }
}
