/** What a person typed at the console prompt. */
export type ConsoleInput =
  | { kind: 'empty' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'show' }
  | { kind: 'say'; text: string }
  /** `/name word word key:value key:"quoted value"`: words are the subcommand group/subcommand. */
  | { kind: 'slash'; name: string; words: string[]; options: Record<string, string> }
  /** `2`: press button 2 of the last message with components; `4.2`: button 2 of message #4. */
  | { kind: 'click'; message: number | null; item: number }
  /** `select 3 1 2`: pick options 1 and 2 of item 3 (`select 4.3 1` on message #4); `select 2` when there is a single menu. */
  | { kind: 'select'; message: number | null; item: number | null; choices: number[] }
  /** `choices /review deck:co`: what the bot suggests while typing the last option. */
  | { kind: 'choices'; slash: SlashInput; focused: string }
  /** `as bob say hello`: run one input as another member of the server (created on first use). */
  | { kind: 'as'; username: string; input: ConsoleInput }
  | { kind: 'invalid'; problem: string };

export type SlashInput = { kind: 'slash'; name: string; words: string[]; options: Record<string, string> };

/** `4.2` → message 4, item 2; `2` → the last message, item 2. */
function itemRef(text: string): { message: number | null; item: number } | null {
  const match = /^(?:(\d+)\.)?(\d+)$/.exec(text);
  return match ? { message: match[1] ? Number(match[1]) : null, item: Number(match[2]) } : null;
}

type Token = { text: string; colonAt: number };

/**
 * Splits on spaces, honouring "double" and 'single' quotes anywhere in a word (so `command:"docker ps"`
 * is one word) and backslash escapes inside double quotes. `colonAt` is the first colon outside quotes.
 */
export function tokenize(line: string): Token[] | { problem: string } {
  const tokens: Token[] = [];
  let text = '';
  let colonAt = -1;
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (quote) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && i + 1 < line.length) text += line[++i];
      else text += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) tokens.push({ text, colonAt });
      text = '';
      colonAt = -1;
      inWord = false;
    } else {
      if (char === ':' && colonAt === -1) colonAt = text.length;
      text += char;
      inWord = true;
    }
  }
  if (quote) return { problem: `a ${quote} quote is not closed` };
  if (inWord) tokens.push({ text, colonAt });
  return tokens;
}

export function parseInput(raw: string): ConsoleInput {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return { kind: 'empty' };
  const [first = '', ...rest] = line.split(/\s+/);
  const word = first.toLowerCase();
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  if (word === 'show') return { kind: 'show' };
  if (word === 'say') {
    const text = line.slice(first.length).trim();
    return text ? { kind: 'say', text } : { kind: 'invalid', problem: 'say what? e.g. `say docker ps`' };
  }
  const clicked = itemRef(line);
  if (clicked) return { kind: 'click', ...clicked };
  if (word === 'as') {
    const [username, ...input] = rest;
    if (!username || input.length === 0) return { kind: 'invalid', problem: 'use `as <name> <input>`, e.g. `as bob say docker ps`' };
    const inner = parseInput(input.join(' '));
    if (inner.kind === 'as' || inner.kind === 'quit' || inner.kind === 'help') return { kind: 'invalid', problem: '`as <name>` runs a command, a button press or `say`' };
    return { kind: 'as', username, input: inner };
  }
  if (word === 'choices') {
    const slash = rest.length > 0 && rest[0]!.startsWith('/') ? parseSlash(line.slice(first.length).trim().slice(1)) : null;
    if (!slash || slash.kind !== 'slash' || Object.keys(slash.options).length === 0) {
      return { kind: 'invalid', problem: 'use `choices /command [sub] option:partial`, e.g. `choices /review deck:co`' };
    }
    return { kind: 'choices', slash, focused: Object.keys(slash.options).at(-1)! };
  }
  if (word === 'select' || word === 'pick') {
    const target = rest.length > 1 ? itemRef(rest[0]!) : null;
    const choices = rest.slice(rest.length > 1 ? 1 : 0);
    if (rest.length === 0 || (rest.length > 1 && !target) || !choices.every((part) => /^\d+$/.test(part))) {
      return { kind: 'invalid', problem: 'use `select <item> <option numbers…>`, e.g. `select 3 1` (or `select 4.3 1` for message #4)' };
    }
    return { kind: 'select', message: target?.message ?? null, item: target?.item ?? null, choices: choices.map(Number) };
  }
  if (line.startsWith('/')) return parseSlash(line.slice(1));
  return { kind: 'invalid', problem: `unknown input "${first}": type help, a /command, a button number, say <text> or as <name> …` };
}

function parseSlash(body: string): SlashInput | { kind: 'invalid'; problem: string } {
  const tokens = tokenize(body);
  if ('problem' in tokens) return { kind: 'invalid', problem: tokens.problem };
  const [nameToken, ...others] = tokens;
  if (!nameToken || nameToken.text === '' || nameToken.colonAt !== -1) return { kind: 'invalid', problem: 'type a command name after /, e.g. /help' };
  const words: string[] = [];
  const options: Record<string, string> = {};
  for (const token of others) {
    if (token.colonAt > 0) {
      options[token.text.slice(0, token.colonAt)] = token.text.slice(token.colonAt + 1);
    } else if (Object.keys(options).length > 0) {
      return { kind: 'invalid', problem: `"${token.text}" comes after the options; write subcommands first and options as name:value` };
    } else {
      words.push(token.text);
    }
  }
  return { kind: 'slash', name: nameToken.text.toLowerCase(), words, options };
}
