import {
  modalFields,
  type InteractionHandle,
  type MessageEvent,
  type Standin,
  type StandinChannel,
  type StandinGuild,
  type StandinMessage,
  type StandinUser,
} from '../standin/index.ts';
import { startOptionsLine } from './args.ts';
import { parseInput, type ConsoleInput } from './parse-input.ts';
import { headerFor, plainText, renderMessage, type ConsoleAction, type RenderContext } from './render.ts';
import { describeCommands, toInvocation } from './slash-invocation.ts';

/** How the session talks to the person: text out, and one line in when a form asks for it. */
export interface ConsoleIo {
  write(text: string): void;
  /** Next input line for a modal field; `null` when input has ended. */
  ask(prompt: string): Promise<string | null>;
}

export interface ConsoleSessionOptions {
  standin: Standin;
  guild: StandinGuild;
  channel: StandinChannel;
  user: StandinUser;
  io: ConsoleIo;
  /** Output counts as finished after this long without a message event. Default 400. */
  quietMs?: number;
  /** Longest wait for a deferred answer (a lab command can take a while). Default 60000. */
  answerTimeoutMs?: number;
}

type Seen = { key: string; reactions: string; loading: boolean };
/** A printed message with buttons or menus, addressable as `#no`. */
type Shown = { no: number; messageId: string; actions: ConsoleAction[] };

/**
 * People in one channel of the stand-in: runs what they type, prints what the bot shows them
 * (their ephemeral messages included, other people's not), and lets them press what they see.
 * The console user comes first; `as <name> …` acts as another member, created on first use.
 */
export class ConsoleSession {
  readonly #o: Required<ConsoleSessionOptions>;
  readonly #seen = new Map<string, Seen>();
  readonly #numbers = new Map<string, number>();
  readonly #shown = new Map<number, Shown>();
  /** When each message with buttons became the newest one: a press goes to what was on screen when it was typed. */
  readonly #focusLog: { at: number; no: number }[] = [];
  readonly #people = new Map<string, StandinUser>();
  #lastEventAt = Date.now();
  #unsubscribe: (() => void) | null = null;

  constructor(options: ConsoleSessionOptions) {
    this.#o = { quietMs: 400, answerTimeoutMs: 60_000, ...options };
    this.#people.set(options.user.username, options.user);
  }

  start(): void {
    this.#unsubscribe = this.#o.standin.onMessage((event) => this.#onMessage(event));
  }

  stop(): void {
    this.#unsubscribe?.();
  }

  /**
   * Runs one input line; resolves once the bot's visible answer has settled. `typedAt` is when the
   * line was typed: a bare button number presses the message that was newest at that moment.
   */
  async handle(line: string, typedAt = Date.now()): Promise<'continue' | 'quit'> {
    const input = parseInput(line);
    try {
      await this.#run(input, this.#o.user, typedAt);
    } catch (error) {
      this.#o.io.write(`! ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    return input.kind === 'quit' ? 'quit' : 'continue';
  }

  async #run(input: ConsoleInput, user: StandinUser, typedAt: number): Promise<void> {
    const { standin, channel, io } = this.#o;
    switch (input.kind) {
      case 'as':
        return this.#run(input.input, this.#member(input.username), typedAt);
      case 'empty':
      case 'quit':
        return;
      case 'help':
        return io.write(this.#helpText());
      case 'invalid':
        return io.write(`! ${input.problem}`);
      case 'show': {
        const latest = this.#focusLog.at(-1);
        const message = latest ? standin.message(this.#shown.get(latest.no)!.messageId) : undefined;
        if (!message) return io.write('(nothing to show yet)');
        return this.#print(message, 'created');
      }
      case 'say':
        await standin.sendMessage({ user, channel, content: input.text });
        return this.#settle();
      case 'slash': {
        const resolved = this.#invocation(input);
        if ('problem' in resolved) return io.write(`! ${resolved.problem}`);
        return this.#follow(await standin.sendChatInput({ user, channel, ...resolved }));
      }
      case 'choices': {
        const resolved = this.#invocation(input.slash);
        if ('problem' in resolved) return io.write(`! ${resolved.problem}`);
        const choices = await standin.autocomplete({ user, channel, ...resolved, focused: input.focused });
        if (choices.length === 0) return io.write(`(no suggestions for ${input.focused})`);
        return io.write([`suggestions for ${input.focused}:`, ...choices.map((choice, i) => `  ${i + 1}) ${choice.name}  →  ${input.focused}:${String(choice.value)}`)].join('\n'));
      }
      case 'click': {
        const target = this.#target(input.message, typedAt);
        const action = this.#action(target, input.item);
        if (action.kind !== 'button') return io.write(`! [${input.item}] is a menu: use \`select ${target.no}.${input.item} <option number>\``);
        return this.#follow(await standin.clickButton({ message: { id: target.messageId }, customId: action.customId, user }));
      }
      case 'select':
        return this.#select(this.#target(input.message, typedAt), input.item, input.choices, user);
    }
  }

  #invocation(input: { name: string; words: string[]; options: Record<string, string> }) {
    const command = this.#commands().find((candidate) => candidate.name === input.name);
    const invocation = toInvocation(input, command, { userNamed: (n) => this.#userNamed(n), channelNamed: (n) => this.#channelNamed(n) });
    if (!command && !('problem' in invocation)) this.#o.io.write(`(note: /${input.name} is not a registered command; sending it anyway)`);
    return invocation;
  }

  /** Message `#no`, or the newest message with buttons when the line was typed. */
  #target(no: number | null, typedAt: number): Shown {
    if (no !== null) {
      const shown = this.#shown.get(no);
      if (!shown) throw new Error(`message #${no} has no buttons or menus`);
      return shown;
    }
    const entry = [...this.#focusLog].reverse().find((candidate) => candidate.at <= typedAt) ?? this.#focusLog.at(-1);
    if (!entry) throw new Error('no message with buttons yet');
    return this.#shown.get(entry.no)!;
  }

  #action(target: Shown, item: number): ConsoleAction {
    const action = target.actions[item - 1];
    if (!action) throw new Error(`there is no [${item}] on message #${target.no}`);
    if (action.disabled) throw new Error(`[${item}] ${action.label} is disabled`);
    return action;
  }

  async #select(target: Shown, item: number | null, choices: number[], user: StandinUser): Promise<void> {
    const selects = target.actions.map((action, index) => ({ action, index })).filter(({ action }) => action.kind === 'select');
    let number = item;
    if (number === null) {
      if (selects.length !== 1) throw new Error(selects.length === 0 ? `message #${target.no} has no menu` : 'there are several menus: use `select <item> <option…>`');
      number = (selects[0]?.index ?? 0) + 1;
    }
    const action = this.#action(target, number);
    if (action.kind !== 'select') throw new Error(`[${number}] is a button: type just ${number}`);
    const values = choices.map((choice) => {
      const option = action.options[choice - 1];
      if (!option) throw new Error(`menu [${number}] has no option ${choice} (1-${action.options.length})`);
      return option.value;
    });
    const handle = await this.#o.standin.selectOption({ message: { id: target.messageId }, customId: action.customId, values, user });
    return this.#follow(handle);
  }

  /** A console person by name: the console user, or another member of the server made on first use. */
  #member(username: string): StandinUser {
    const known = this.#people.get(username);
    if (known) return known;
    const { standin, guild, user } = this.#o;
    const created = standin.createUser({ username, locale: user.locale });
    standin.addMember(guild, created);
    this.#people.set(username, created);
    this.#o.io.write(`(${username} joined "${guild.name}")`);
    return created;
  }

  #isPerson(userId: string | undefined): boolean {
    return [...this.#people.values()].some((person) => person.id === userId);
  }

  /** Waits for the bot's answer: fills a modal if one opens, waits out deferrals, then lets output settle. */
  async #follow(handle: InteractionHandle): Promise<void> {
    const callback = await handle.reply(5000);
    if (callback.type === 9) {
      const submitted = await this.#fillModal(handle);
      if (submitted) return this.#follow(submitted);
      return;
    }
    if (callback.type === 5 || callback.type === 6) {
      await handle.finalMessage(this.#o.answerTimeoutMs).catch((error: unknown) => {
        this.#o.io.write(`! the bot did not finish its answer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      });
    }
    await this.#settle();
  }

  async #fillModal(handle: InteractionHandle): Promise<InteractionHandle | null> {
    const { io, standin } = this.#o;
    const modal = await handle.modal();
    io.write(`${standin.botUser.username} opened a form: ${modal.title}  (one line per field; \\n for a line break)`);
    const fields: Record<string, string | string[]> = {};
    for (const field of modalFields(modal)) {
      const hints = [field.required ? '' : 'optional', field.maxLength ? `max ${field.maxLength}` : '', field.style === 2 ? 'long' : ''].filter(Boolean);
      let prompt = `  ${field.label}${hints.length ? ` (${hints.join(', ')})` : ''}`;
      if (field.type === 3) prompt += ` — options: ${field.options.map((option, index) => `${index + 1}) ${option.label}`).join('  ')}`;
      const answer = await io.ask(`${prompt}: `);
      if (answer === null) {
        io.write('(form closed without sending)');
        return null;
      }
      if (field.type === 3) {
        fields[field.customId] = answer.split(/[\s,]+/).filter(Boolean).map((n) => field.options[Number(n) - 1]?.value ?? n);
      } else if (answer !== '' || field.required) {
        fields[field.customId] = answer.replace(/\\n/g, '\n');
      }
    }
    return standin.submitModal({ from: handle, fields });
  }

  /** Resolves once no message event came for `quietMs` (bounded, so a silent bot cannot hang the console). */
  async #settle(maxMs = 10_000): Promise<void> {
    const started = Date.now();
    this.#lastEventAt = Math.max(this.#lastEventAt, started);
    while (Date.now() - this.#lastEventAt < this.#o.quietMs && Date.now() - started < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  #onMessage(event: MessageEvent): void {
    const { message } = event;
    if (!this.#visible(message)) return;
    this.#lastEventAt = Date.now();
    const previous = this.#seen.get(message.id);
    const reactions = message.reactions.map((r) => `${r.emoji}${r.userIds.length}`).join(' ');
    const key = JSON.stringify([message.content, message.embeds, message.components, message.loading, message.attachments.length]);
    this.#seen.set(message.id, { key, reactions, loading: message.loading });
    const bot = this.#o.standin.botUser.username;
    if (event.kind === 'deleted') {
      if (previous) this.#o.io.write(`${bot} deleted a message.`);
      return;
    }
    if (this.#isPerson(message.authorId)) {
      if (previous && previous.reactions !== reactions && message.reactions.length > 0) {
        const whose = message.authorId === this.#o.user.id ? 'your' : `${this.#o.standin.user(message.authorId)?.username ?? message.authorId}'s`;
        this.#o.io.write(`${bot} reacted ${message.reactions.map((r) => r.emoji).join(' ')} to ${whose} message "${truncate(message.content)}"`);
      } else if (!previous && message.authorId !== this.#o.user.id) {
        this.#o.io.write(`${this.#o.standin.user(message.authorId)?.username ?? message.authorId}: ${truncate(message.content, 200)}`);
      }
      return;
    }
    if (message.loading) {
      if (!previous) this.#o.io.write(`${bot} is thinking…`);
      return;
    }
    if (previous && previous.key === key) {
      if (previous.reactions !== reactions) this.#o.io.write(`reactions on "${truncate(message.content)}": ${message.reactions.map((r) => `${r.emoji} ${r.userIds.length}`).join('  ')}`);
      return;
    }
    // The end of a deferred reply reads as the answer itself, not as an edit of "thinking…".
    this.#print(message, previous && !previous.loading ? 'updated' : 'created');
  }

  #print(message: StandinMessage, kind: 'created' | 'updated'): void {
    const context = this.#renderContext();
    let no = this.#numbers.get(message.id);
    if (no === undefined) {
      no = this.#numbers.size + 1;
      this.#numbers.set(message.id, no);
    }
    const rendered = renderMessage(message, context, `#${no} ${headerFor(message, context, kind)}`);
    this.#o.io.write(rendered.lines.join('\n'));
    if (rendered.actions.length > 0) {
      this.#shown.set(no, { no, messageId: message.id, actions: rendered.actions });
      this.#focusLog.push({ at: Date.now(), no });
    } else {
      this.#shown.delete(no);
    }
  }

  #visible(message: StandinMessage): boolean {
    const channel = this.#o.standin.channel(message.channelId);
    const inDm = channel?.type === 1 && channel.recipientIds.some((id) => this.#isPerson(id));
    if (message.channelId !== this.#o.channel.id && !inDm) return false;
    return !message.ephemeral || this.#isPerson(message.interaction?.userId);
  }

  #renderContext(): RenderContext {
    const { standin, user, channel } = this.#o;
    return {
      authorName: (id) => (id === standin.botUser.id ? standin.botUser.username : id === user.id ? `${user.username} (you)` : (standin.user(id)?.username ?? id)),
      viewerName: (id) => (id === user.id ? 'you' : (standin.user(id)?.username ?? id)),
      userName: (id) => standin.user(id)?.username,
      channelName: (id) => (id === channel.id ? channel.name : standin.channel(id)?.name),
    };
  }

  #commands() {
    const { standin, guild } = this.#o;
    return [...standin.registeredCommands(guild), ...standin.registeredCommands()];
  }

  #userNamed(name: string): StandinUser | undefined {
    return this.#o.standin.users().find((candidate) => candidate.username === name || candidate.id === name);
  }

  #channelNamed(name: string): StandinChannel | undefined {
    return this.#o.standin.channels().find((candidate) => candidate.name === name || candidate.id === name);
  }

  #helpText(): string {
    const commands = describeCommands(this.#commands());
    return [
      'Console commands:',
      '  /command [sub] [name:value …]   run a slash command; quote values with spaces: command:"docker ps"',
      '  <n>                             press button [n] of the newest message with buttons (as it was when you typed)',
      '  <m>.<n>                         press button [n] of message #m, e.g. 3.1',
      '  select <n> <option…>            pick options of menu [n] (`select <m>.<n> …` on message #m; `select <option>` when there is one menu)',
      `  say <text>                      post <text> in #${this.#o.channel.name} (group quiz answers are typed this way)`,
      '  as <name> <input>               do it as another member, e.g. `as bob say 도커 엔진` (made on first use)',
      '  choices /command … option:text  what the bot suggests while typing that option, e.g. `choices /review deck:co`',
      '  show                            print the newest message with buttons again',
      '  help                            this list',
      '  quit                            stop the bot and leave',
      `Start options (npm run console -- …): ${startOptionsLine}`,
      commands.length > 0 ? 'Slash commands the bot registered:' : '(the bot registered no slash commands)',
      ...commands,
    ].join('\n');
  }
}

function truncate(text: string, max = 40): string {
  const flat = plainText(text, { authorName: (id) => id, userName: () => undefined, channelName: () => undefined }).replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
