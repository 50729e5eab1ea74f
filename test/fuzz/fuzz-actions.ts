import { buttonsOf, modalFields, selectsOf, type InteractionHandle, type RawCommandOption, type Standin, type StandinChannel, type StandinMessage, type StandinUpload, type StandinUser, type StoredCommand } from '../../src/standin/index.ts';
import { chance, int, oddText, pick, wrongValue, type Rng } from './fuzz-values.ts';

type Def = { name: string; type: number; required?: boolean; autocomplete?: boolean; choices?: { value: string | number }[]; min_value?: number; max_value?: number; min_length?: number; max_length?: number; options?: Def[] };

/** What one fuzz step sent: interaction handles to check for an answer, or a timed autocomplete. */
export type Sent = { handles: InteractionHandle[]; autocompleteMs?: number };

export type FuzzWorld = {
  standin: Standin;
  rng: Rng;
  channel: StandinChannel;
  learners: StandinUser[];
  admin: StandinUser;
  commands: StoredCommand[];
  /** Recent bot messages with components, newest last (kept short). */
  recent: StandinMessage[];
  /** Custom ids seen on any message, including other users' and old ones. */
  seenIds: string[];
};

const anyUser = (w: FuzzWorld) => (chance(w.rng, 0.1) ? w.admin : pick(w.rng, w.learners));
const knownDecks = ['containers', 'images', 'docker-basics', 'nope', ''];

/** A subcommand path and its leaf option definitions, chosen at random. */
function choosePath(w: FuzzWorld, command: StoredCommand): { group?: string; sub?: string; defs: Def[] } {
  let defs = (command.options as Def[] | undefined) ?? [];
  const path: { group?: string; sub?: string } = {};
  const group = defs.filter((d) => d.type === 2);
  if (group.length > 0) {
    const g = pick(w.rng, group);
    path.group = g.name;
    defs = g.options ?? [];
  }
  const subs = defs.filter((d) => d.type === 1);
  if (subs.length > 0) {
    const s = pick(w.rng, subs);
    path.sub = s.name;
    defs = s.options ?? [];
  }
  return { ...path, defs };
}

function validValue(w: FuzzWorld, def: Def): string | number | boolean | StandinUser | StandinChannel | StandinUpload {
  if (def.choices?.length) return pick(w.rng, def.choices).value;
  switch (def.type) {
    case 3: {
      let text = def.autocomplete && chance(w.rng, 0.5) ? pick(w.rng, knownDecks) : oddText(w.rng, def.max_length ?? 6000);
      if (def.name === 'time' && chance(w.rng, 0.5)) text = `${int(w.rng, 0, 23)}:${String(int(w.rng, 0, 59)).padStart(2, '0')}`;
      const chars = [...text].slice(0, def.max_length ?? 6000);
      while (chars.length < (def.min_length ?? 0)) chars.push('x');
      return chars.join('');
    }
    case 4: return int(w.rng, def.min_value ?? -50, def.max_value ?? 50);
    case 10: return Math.round(((def.min_value ?? 0) + w.rng() * ((def.max_value ?? 1) - (def.min_value ?? 0))) * 100) / 100;
    case 5: return chance(w.rng, 0.5);
    case 7: return w.channel;
    // A file for an attachment option (a deck import): odd text, sometimes shaped like YAML.
    case 11: {
      const body = chance(w.rng, 0.5) ? `id: ${oddText(w.rng, 20)}\nitems: [${oddText(w.rng, 200)}]\n` : oddText(w.rng, 2000);
      return { kind: 'upload', filename: `${pick(w.rng, ['deck', 'x', oddText(w.rng, 10) || 'f'])}.yaml`, data: Buffer.from(body, 'utf8') };
    }
    default: return pick(w.rng, w.learners);
  }
}

/** A slash command the Discord client could send: registered path, fitting values. */
export async function validCommand(w: FuzzWorld): Promise<Sent> {
  const command = pick(w.rng, w.commands);
  const { group, sub, defs } = choosePath(w, command);
  const options: Record<string, ReturnType<typeof validValue>> = {};
  for (const def of defs) if (def.required || chance(w.rng, 0.5)) options[def.name] = validValue(w, def);
  if (command.name === 'quiz' && sub === 'start') Object.assign(options, { rounds: int(w.rng, 1, 3), seconds: 10 });
  const user = command.name === 'config' || command.name === 'quiz' ? w.admin : anyUser(w);
  const handle = await w.standin.sendChatInput({ user, channel: w.channel, name: command.name, ...(group ? { subcommandGroup: group } : {}), ...(sub ? { subcommand: sub } : {}), options });
  return { handles: [handle] };
}

/** A slash command no Discord client would send: wrong types, out of range, unknown names, oversized. */
export async function invalidCommand(w: FuzzWorld): Promise<Sent> {
  const command = pick(w.rng, w.commands);
  const { group, sub, defs } = choosePath(w, command);
  let leaves: RawCommandOption[] = defs.filter((d) => d.required || chance(w.rng, 0.4)).map((def) => ({ name: def.name, type: def.type, value: rawValid(w, def) }));
  const target = defs.length > 0 ? pick(w.rng, defs) : undefined;
  switch (int(w.rng, 0, 4)) {
    case 0: if (target) leaves = [...leaves.filter((l) => l.name !== target.name), { name: target.name, type: target.type, value: wrongValue(w.rng, target.type) as string }]; break;
    case 1: if (target) leaves = [...leaves.filter((l) => l.name !== target.name), { name: target.name, type: pick(w.rng, [3, 4, 5, 10]), value: true }]; break;
    case 2: leaves.push({ name: oddText(w.rng, 40) || 'x', type: 3, value: oddText(w.rng) }); break;
    case 3: leaves = leaves.filter((l) => !defs.find((d) => d.name === l.name)?.required); break;
    default: if (target) leaves.push({ name: target.name, type: target.type, value: rawValid(w, target) });
  }
  let options: RawCommandOption[] = leaves;
  const subName = sub && chance(w.rng, 0.2) ? oddText(w.rng, 32) || 'dance' : sub;
  if (subName) options = [{ name: subName, type: 1, options }];
  if (group) options = [{ name: group, type: 2, options }];
  return { handles: [await w.standin.sendChatInput({ user: anyUser(w), channel: w.channel, name: command.name, options })] };
}

function rawValid(w: FuzzWorld, def: Def): string | number | boolean {
  const value = validValue(w, def);
  // A raw attachment id has no uploaded file behind it: Discord never sends that, the fuzzer does.
  if (typeof value === 'object' && value.kind === 'upload') return String(10n ** 18n + BigInt(int(w.rng, 0, 1e9)));
  return typeof value === 'object' ? value.id : value;
}

/** Autocomplete as typed, with nothing focused, or with a number in the focused option. */
export async function autocomplete(w: FuzzWorld): Promise<Sent> {
  const targets = w.commands.flatMap((command) => {
    const { group, sub, defs } = choosePath(w, command);
    return defs.filter((d) => d.autocomplete).map((def) => ({ command, group, sub, def }));
  });
  if (targets.length === 0) return { handles: [] };
  const { command, group, sub, def } = pick(w.rng, targets);
  const user = anyUser(w);
  const started = Date.now();
  const kind = int(w.rng, 0, 2);
  const wrap = (leaves: RawCommandOption[]): RawCommandOption[] => (sub ? [{ name: sub, type: 1, options: leaves }] : leaves);
  const base = { user, channel: w.channel, name: command.name, focused: def.name };
  if (kind === 0) await w.standin.autocomplete({ ...base, ...(group ? { subcommandGroup: group } : {}), ...(sub ? { subcommand: sub } : {}), options: { [def.name]: oddText(w.rng, 100) } });
  else if (kind === 1) await w.standin.autocomplete({ ...base, options: wrap([]) });
  else await w.standin.autocomplete({ ...base, options: wrap([{ name: def.name, type: 3, value: int(w.rng, -9, 9999), focused: true }]) });
  return { handles: [], autocompleteMs: Date.now() - started };
}

/** Who may interact with a message: its owner when ephemeral, anyone (someone else's button) otherwise. */
function actorFor(w: FuzzWorld, message: StandinMessage): StandinUser {
  const owner = message.interaction?.userId;
  if (message.ephemeral && owner) return w.learners.find((u) => u.id === owner) ?? (w.admin.id === owner ? w.admin : pick(w.rng, w.learners));
  return anyUser(w);
}

const liveRecent = (w: FuzzWorld) => {
  const message = w.recent.length > 0 ? w.standin.message(pick(w.rng, w.recent).id) : undefined;
  return message && !message.deleted ? message : undefined;
};

/** Clicks a real button (or picks a real select) on a recent message, and fills a modal it opens. */
export async function clickVisible(w: FuzzWorld): Promise<Sent> {
  const message = liveRecent(w);
  if (!message) return validCommand(w);
  const user = actorFor(w, message);
  const buttons = buttonsOf(message).filter((b) => b.customId && !b.disabled);
  const selects = selectsOf(message).filter((s) => !s.disabled && s.type === 3 && s.options.length > 0);
  if (selects.length > 0 && (buttons.length === 0 || chance(w.rng, 0.3))) {
    const select = pick(w.rng, selects);
    const count = Math.min(select.options.length, int(w.rng, Math.max(1, select.minValues), select.maxValues));
    const values = select.options.slice(0, count).map((o) => o.value);
    return { handles: [await w.standin.selectOption({ message, user, customId: select.customId, values })] };
  }
  if (buttons.length === 0) return validCommand(w);
  const handle = await w.standin.clickButton({ message, user, customId: pick(w.rng, buttons).customId! });
  const reply = await handle.reply(3_000).catch(() => undefined);
  if (reply?.type !== 9 || chance(w.rng, 0.3)) return { handles: [handle] };
  const modal = await handle.modal();
  const fields: Record<string, string> = {};
  for (const field of modalFields(modal)) {
    if (field.type !== 4) continue;
    const chars = [...oddText(w.rng, field.maxLength ?? 4000)].slice(0, field.maxLength ?? 4000);
    while (chars.length < Math.max(field.minLength ?? 0, field.required ? 1 : 0)) chars.push('ㅋ');
    fields[field.customId] = chars.join('');
  }
  return { handles: [handle, await w.standin.submitModal({ from: handle, fields })] };
}

const forgedIds = (w: FuzzWorld): string[] => {
  const n = () => String(int(w.rng, 0, 3) === 0 ? int(w.rng, 0, 5) : int(w.rng, 0, 2 ** 31));
  return [
    `rv:v1:${pick(w.rng, ['pick', 'many', 'tf', 'ord', 'ans', 'typed', 'hint', 'skip', 'next', 'stop'])}:${n()}:${n()}:${pick(w.rng, ['', '0', '1', '012', '9'])}`,
    `iv:v1:${pick(w.rng, ['ans', 'sub', 'hint', 'next', 'fu', 'skip'])}:${n()}`,
    `qz:v1:${n()}:${n()}:${pick(w.rng, ['o0', 'o3', 't', 'f', 'o99'])}`,
    `dq:v1:${pick(w.rng, ['open', 'typed', 'choice'])}:${n()}:${pick(w.rng, ['', 'o1', 't'])}`,
    `lab:v1:${pick(w.rng, ['check', 'hint', 'solution', 'reset'])}:first-container`,
    `rv:v9:next:1:1:`, 'x'.repeat(100), '', ':::', 'rv', oddText(w.rng, 100),
  ];
};

/** A real-shaped, stale, someone else's or nonsense custom id on any component type, or a modal submit of one. */
export async function forgedComponent(w: FuzzWorld): Promise<Sent> {
  const customId = w.seenIds.length > 0 && chance(w.rng, 0.5) ? pick(w.rng, w.seenIds) : pick(w.rng, forgedIds(w));
  const message = liveRecent(w);
  if (!message || chance(w.rng, 0.25)) {
    const fields: Record<string, string> = chance(w.rng, 0.5) ? {} : { [pick(w.rng, ['answer', 'x', 'ans'])]: oddText(w.rng, 4000) };
    // Discord never sends a modal submit without a custom id; the stand-in refuses to build one.
    return { handles: [await w.standin.submitModal({ customId: customId || 'm', fields, user: anyUser(w), channel: w.channel })] };
  }
  const componentType = pick(w.rng, [2, 2, 3, 5, 6, 7, 8]);
  const values = componentType === 2 ? [] : Array.from({ length: int(w.rng, 0, 3) }, () => pick(w.rng, ['0', '1', '99', w.learners[0]!.id, oddText(w.rng, 100)]));
  return { handles: [await w.standin.forgeComponent({ message, user: actorFor(w, message), customId, componentType, values })] };
}

/** Channel chatter: typed answers, noise and floods while a quiz may be running. */
export async function messageFlood(w: FuzzWorld, count: number): Promise<number> {
  for (let i = 0; i < count; i += 1) {
    await w.standin.sendMessage({ user: pick(w.rng, w.learners), channel: w.channel, content: oddText(w.rng, 2000) || '.' });
  }
  return count;
}
