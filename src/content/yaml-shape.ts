import { Lexer } from 'yaml';

/*
 * The `yaml` package limits aliases (`maxAliasCount`) but not nesting or scalar size: its composer
 * recurses once per level, so `[[[[…` or `- - - - …` a few hundred thousand deep costs seconds,
 * gigabytes and a stack overflow, and folding one quoted scalar of a megabyte takes most of a
 * second. The lexer is a flat token stream and stays linear (about 20 ms for 1 MiB), so both are
 * measured on it before anything is composed.
 */

const scalarMarker = '\x1f';
const blockIndicators = new Set(['-', '?', ':']);

export type YamlShapeProblem = 'nesting' | 'long-text' | 'too-many-tokens';

export type YamlShapeLimits = { readonly maxNesting: number; readonly maxTokenChars: number; readonly maxTokens: number };

/**
 * What makes `source` too costly to compose, found in one pass that stops at the first problem:
 * nesting deeper than `maxNesting` levels, one token (a scalar as written, quotes and escapes
 * included) longer than `maxTokenChars`, or more than `maxTokens` tokens. Null when none.
 *
 * The depth of a line is the number of block indentation levels open above it, plus the block
 * indicators (`-`, `?`, `:`) on the line itself (a compact `- - - x` nests without indenting), plus
 * the open flow collections (`[`, `{`). It over-counts slightly (a `key: value` line counts its
 * colon), which is safe for a limit.
 */
export function yamlShapeProblem(source: string, limits: YamlShapeLimits): YamlShapeProblem | null {
  const indents: number[] = [];
  let flow = 0;
  let onLine = 0;
  let lineStart = true;
  let afterScalarMarker = false;
  let tokens = 0;
  for (const token of new Lexer().lex(source)) {
    if (++tokens > limits.maxTokens) return 'too-many-tokens';
    if (token.length > limits.maxTokenChars) return 'long-text';
    if (afterScalarMarker) {
      // The scalar's own text: a plain `-` or `[` here is a value, not structure.
      afterScalarMarker = false;
      lineStart = false;
      continue;
    }
    if (token === scalarMarker) {
      if (lineStart && flow === 0) openLine(indents, 0);
      afterScalarMarker = true;
      continue;
    }
    if (token === '\n' || token === '\r\n') {
      lineStart = true;
      onLine = 0;
      continue;
    }
    if (lineStart) {
      if (/^[ \t]+$/.test(token)) {
        if (flow === 0) openLine(indents, token.length);
        lineStart = false;
        continue;
      }
      if (flow === 0 && !token.startsWith('#')) openLine(indents, 0);
      lineStart = false;
    }
    if (token === '[' || token === '{') flow++;
    else if ((token === ']' || token === '}') && flow > 0) flow--;
    else if (flow === 0 && blockIndicators.has(token)) onLine++;
    if (indents.length + onLine + flow > limits.maxNesting) return 'nesting';
  }
  return null;
}

/** True when `source` nests deeper than `limit` levels (see `yamlShapeProblem`). */
export function nestsDeeperThan(source: string, limit: number): boolean {
  return yamlShapeProblem(source, { maxNesting: limit, maxTokenChars: Number.POSITIVE_INFINITY, maxTokens: Number.POSITIVE_INFINITY }) === 'nesting';
}

/** Keeps `indents` as the stack of indentation columns open at a line indented by `column`. */
function openLine(indents: number[], column: number): void {
  while (indents.length > 0 && indents.at(-1)! > column) indents.pop();
  if (indents.length === 0 || indents.at(-1)! < column) indents.push(column);
}
