/** What a person typed at the console prompt. */
export type ConsoleInput =
  | { kind: 'empty' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'show' }
  | { kind: 'say'; text: string }
  /** `/name word word key:value key:"quoted value"`: words are the subcommand group/subcommand. */
  | { kind: 'slash'; name: string; words: string[]; options: Record<string, string> }
  /** A bare number: press that button of the last message with components. */
  | { kind: 'click'; item: number }
  /** `select 3 1 2`: pick options 1 and 2 of item 3; `select 2` when there is a single menu. */
  | { kind: 'select'; item: number | null; choices: number[] }
  | { kind: 'invalid'; problem: string };

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
  if (/^\d+$/.test(line)) return { kind: 'click', item: Number(line) };
  if (word === 'select' || word === 'pick') {
    if (rest.length === 0 || !rest.every((part) => /^\d+$/.test(part))) {
      return { kind: 'invalid', problem: 'use `select <item> <option numbers…>`, e.g. `select 3 1`' };
    }
    const numbers = rest.map(Number);
    return numbers.length === 1 ? { kind: 'select', item: null, choices: numbers } : { kind: 'select', item: numbers[0] ?? null, choices: numbers.slice(1) };
  }
  if (line.startsWith('/')) return parseSlash(line.slice(1));
  return { kind: 'invalid', problem: `unknown input "${first}": type help, a /command, a button number, or say <text>` };
}

function parseSlash(body: string): ConsoleInput {
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
