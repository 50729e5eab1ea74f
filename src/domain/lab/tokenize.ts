import type { LabRefusal } from './command-types.ts';

/** A word after quote removal, or the course's `$(docker ps -aq)` / `$(docker ps -q)`. */
export type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'all-ids'; readonly includeStopped: boolean };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; refusal: LabRefusal };

// Characters a shell would treat specially when unquoted. We never run a shell, but accepting them
// would teach a false lesson and hide injection attempts, so they are refused with a reason.
const operatorChars = new Set([';', '&', '|', '<', '>', '(', ')', '`', '\\', '#', '*', '?', '[', ']', '{', '}', '~', '!']);
const smartQuotes: Record<string, string> = { '\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'" };

/**
 * Splits a command line like a POSIX shell would, but with no expansion at all: quotes group words,
 * `$` anywhere (except the one substitution the course uses) and every shell operator are refusals.
 */
export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  const refuse = (code: LabRefusal['code'], detail: string): TokenizeResult => ({ ok: false, refusal: { code, detail } });

  for (let i = 0; i < input.length; i++) {
    const ch = smartQuotes[input[i]!] ?? input[i]!;
    if (ch === '\n' || ch === '\r') return refuse('shell-operator', 'newline');
    if (isControl(ch)) return refuse('shell-operator', 'control character');
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '$') return refuse('substitution-not-allowed', describeDollar(input, i));
      else if (ch === '`') return refuse('shell-operator', '`');
      else if (ch === '\\' && quote === '"') return refuse('shell-operator', '\\');
      else word += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (word !== null) tokens.push({ kind: 'word', text: word });
      word = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '$') {
      const substitution = word === null ? readSubstitution(input, i) : null;
      if (!substitution) return refuse('substitution-not-allowed', describeDollar(input, i));
      tokens.push(substitution.token);
      i = substitution.end - 1;
    } else if (operatorChars.has(ch)) {
      const pair = input.slice(i, i + 2);
      return refuse('shell-operator', pair === '&&' || pair === '||' || pair === '>>' ? pair : ch);
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) return refuse('shell-operator', `unterminated ${quote}`);
  if (word !== null) tokens.push({ kind: 'word', text: word });
  return { ok: true, tokens };
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code < 0x20 && ch !== '\t') || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029;
}

/** The `$…` fragment to show in the refusal, short enough for one line. */
function describeDollar(input: string, at: number): string {
  const rest = input.slice(at);
  const paren = rest.startsWith('$(') ? rest.indexOf(')') : -1;
  const fragment = paren > 0 ? rest.slice(0, paren + 1) : (/^\$\{?\w*\}?/.exec(rest)?.[0] ?? '$');
  return fragment.length > 40 ? `${fragment.slice(0, 39)}…` : fragment;
}

/**
 * Recognizes `$(docker ps -aq)` and its spellings (`-qa`, `-a -q`, `--all --quiet`, `container ls`)
 * as one whole word. Returns null for anything else, including nested or quoted substitutions.
 */
function readSubstitution(input: string, at: number): { token: Token; end: number } | null {
  if (!input.startsWith('$(', at)) return null;
  const close = input.indexOf(')', at);
  if (close < 0) return null;
  const next = input[close + 1];
  if (next !== undefined && next !== ' ' && next !== '\t') return null;
  const words = input.slice(at + 2, close).trim().split(/[ \t]+/);
  if (words.shift() !== 'docker') return null;
  const sub = words.shift();
  if (sub === 'container') {
    if (!['ls', 'ps', 'list'].includes(words.shift() ?? '')) return null;
  } else if (sub !== 'ps') return null;
  let all = false;
  let quiet = false;
  for (const w of words) {
    if (w === '--all') all = true;
    else if (w === '--quiet') quiet = true;
    else if (/^-[aq]+$/.test(w)) {
      all ||= w.includes('a');
      quiet ||= w.includes('q');
    } else return null;
  }
  if (!quiet) return null;
  return { token: { kind: 'all-ids', includeStopped: all }, end: close + 1 };
}
