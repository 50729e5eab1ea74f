import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import { editDistance } from '../domain/grading/edit-distance.ts';
import { knownKeys } from './schema.ts';

/** One problem of one file, before the file name is put in front. */
export type FieldProblem = { readonly path: string; readonly problem: string };

/** `['items', 3, 'options', 0]` → `items[3].options[0]`; the empty path is the whole file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}

/**
 * Turns zod issues into readable problems, each with the YAML line of the field when it exists.
 * Zod's own wording ("Invalid input: expected string, received undefined") is replaced by what a
 * question writer needs to do.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], doc: Document, lines: LineCounter): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ path: formatPath(path), problem: withLine(`unknown key${suggestKey(key)}`, doc, lines, path) });
      }
      continue;
    }
    out.push({ path: formatPath(issue.path), problem: withLine(describeOne(issue), doc, lines, issue.path) });
  }
  return out;
}

function describeOne(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        if (issue.expected === 'string' && last === 'ko') return 'missing Korean translation';
        if (issue.expected === 'string' && last === 'en') return 'missing English translation';
        return issue.expected === 'array' ? 'is required (use [] for none)' : 'is required';
      }
      return `expected ${article(issue.expected)}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_union':
      if (issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const input = issue.input;
        const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : input;
        return `must be one of ${options.join(', ')} (got ${describeValue(value)})`;
      }
      return issue.message;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (got ${describeValue(issue.input)})`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'a mapping ({ key: value })';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return `${typeof value} ${String(value)}`;
}

function suggestKey(key: string): string {
  // A misspelling is short; a long "key" (a hostile file's) is not compared with every known key.
  if (key.length > 64) return '';
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of knownKeys) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase(), 2);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Appends ` (line N)` for the deepest node of `path` that exists in the YAML document. */
function withLine(problem: string, doc: Document, lines: LineCounter, path: readonly PropertyKey[]): string {
  const offset = locate(doc, path);
  return offset === undefined ? problem : `${problem} (line ${lines.linePos(offset).line})`;
}

function locate(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, Math.max(0, depth - 1));
    const key = depth > 0 ? path[depth - 1] : undefined;
    // Prefer the key's own position (`promt:`) over the value's: that is where the writer looks.
    const parent = depth > 0 ? doc.getIn(parentPath as unknown[], true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    const node = depth > 0 ? doc.getIn(path.slice(0, depth) as unknown[], true) : doc.contents;
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}
