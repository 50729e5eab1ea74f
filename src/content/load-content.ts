import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Deck, Item, LocalizedText } from '../domain/content/items.ts';
import { ContentError } from './content-error.ts';
import { describeIssues, formatPath } from './describe-issue.ts';
import { createDeckSchema, sectionTitlesSchema, toDomainDeck, type ParsedDeck } from './schema.ts';
import { readYamlFiles, type YamlFile } from './yaml-files.ts';
import { yamlShapeProblem } from './yaml-shape.ts';
import { deckLimits } from '../domain/limits.ts';

export { ContentError } from './content-error.ts';

/** The whole question bank: decks in file-name order and every item by id. */
export type Content = { readonly decks: Deck[]; readonly items: Map<string, Item> };

/** A document refused before its content is looked at: an alias bomb, nesting too deep or a text too long to compose safely. */
/** `too-heavy`: the check itself ran out of time or memory (see `checkImportedDeckOffThread`). */
export type HostileYaml = 'aliases' | 'nesting' | 'long-text' | 'too-many-tokens' | 'too-heavy';

type FileResult = { deck?: ParsedDeck; problems: string[]; rawIds: { id: string; path: string }[]; hostile?: HostileYaml; tooManyItems?: number };

/** Where the readable titles of the notes' section headings live, relative to the questions folder. */
export const sectionTitlesFile = 'notes/sections.yaml';

/**
 * Reads and validates every `<deck-id>.yaml` directly inside `dir` (subfolders such as `labs/`
 * have their own format and are skipped). Throws a `ContentError` listing all problems at once,
 * including item ids used twice anywhere in the bank.
 */
export function loadContent(dir: string): Content {
  const { files, problems } = readYamlFiles(dir, 'deck');
  const sections = loadSectionTitles(dir, problems);
  const checked = checkDeckFiles(files, sections);
  for (const line of checked.problems) problems.push(line);
  const usedHeadings = new Set(checked.decks.flatMap((deck) => deck.headings));
  for (const heading of sections?.keys() ?? []) {
    if (!usedHeadings.has(heading)) problems.push(`${sectionTitlesFile}: sections: "${heading}" is cited by no item (remove it)`);
  }
  if (problems.length > 0) throw new ContentError(problems);
  const decks = checked.decks.map((deck) => deck.deck);
  const items = new Map<string, Item>();
  for (const deck of decks) for (const item of deck.items) items.set(item.id, item);
  return { decks, items };
}

/** A deck that passed every check, with the headings its items cite as written. */
export type CheckedDeck = { readonly deck: Deck; readonly headings: readonly string[] };

/**
 * The checks of `npm run content:check` over some deck files: each file's schema, item ids used
 * twice (within a file or across them), and, when a section-titles file is given, that every cited
 * heading has a readable title (without one a heading is shown as it is written). Problems are
 * `<shown file>: <path>: <problem>`; `hostile` names a file refused before its schema was checked
 * (an alias bomb or nesting too deep). The bot's `/deck import` runs the same function on one file.
 */
export function checkDeckFiles(files: readonly YamlFile[], sections: ReadonlyMap<string, LocalizedText> | null): {
  decks: CheckedDeck[];
  problems: string[];
  hostile: HostileYaml | null;
  /** The item count of a file over `deckLimits.itemsPerDeck` (its schema is not checked). */
  tooManyItems: number | null;
} {
  const problems: string[] = [];
  const decks: CheckedDeck[] = [];
  const idOwners = new Map<string, { file: string; path: string }>();
  let hostile: HostileYaml | null = null;
  let tooManyItems: number | null = null;
  for (const { id: fileDeckId, shown, source } of files) {
    const result = loadDeckFile(source, fileDeckId);
    for (const line of result.problems) problems.push(`${shown}: ${line}`);
    hostile ??= result.hostile ?? null;
    tooManyItems ??= result.tooManyItems ?? null;
    // Duplicates are checked on the raw ids so they are reported even when the file has other errors.
    for (const { id, path } of result.rawIds) {
      const owner = idOwners.get(id);
      if (!owner) idOwners.set(id, { file: shown, path });
      else {
        const where = owner.file === shown ? `also at ${owner.path}` : `also in ${owner.file}`;
        problems.push(`${shown}: ${path}: duplicate id "${id}" (${where})`);
      }
    }
    if (!result.deck) continue;
    result.deck.items.forEach((item, index) => {
      if (sections && !sections.has(item.source)) {
        problems.push(`${shown}: ${formatPath(['items', index, 'source'])}: "${item.source}" has no readable title in ${sectionTitlesFile}`);
      }
    });
    decks.push({
      deck: toDomainDeck(result.deck, (heading) => sections?.get(heading) ?? { ko: heading, en: heading }),
      headings: result.deck.items.map((item) => item.source),
    });
  }
  return { decks, problems, hostile, tooManyItems };
}

/** Parses one deck file; problems are `<path>: <problem>` without the file name. */
export function loadDeckFile(source: string, fileDeckId: string): FileResult {
  const shape = yamlShapeProblem(source, { maxNesting: deckLimits.yamlNesting, maxTokenChars: deckLimits.yamlTokenChars, maxTokens: deckLimits.yamlTokens });
  if (shape === 'nesting') return { problems: [`(file): nested more than ${deckLimits.yamlNesting} levels deep`], rawIds: [], hostile: 'nesting' };
  if (shape === 'long-text') {
    return { problems: [`(file): a text longer than ${deckLimits.yamlTokenChars} characters as written (at most ${deckLimits.textChars} per field)`], rawIds: [], hostile: 'long-text' };
  }
  if (shape === 'too-many-tokens') return { problems: [`(file): more than ${deckLimits.yamlTokens} YAML tokens`], rawIds: [], hostile: 'too-many-tokens' };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const at = lines.linePos(error.pos[0]);
      const where = `line ${at.line}, column ${at.col}`;
      const message = error.message.split('\n')[0]!;
      // The usual cause in our files: an unquoted text containing ": " (e.g. "en: Example: …").
      const advice = /Nested mappings|Block collections are not allowed within flow/.test(message)
        ? ' (put quotes around a text that contains ": ")'
        : '';
      return `${where}: YAML syntax error: ${message}${advice}`;
    });
    return { problems, rawIds: [] };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: deckLimits.yamlAliases });
  } catch (error) {
    // The yaml package's own guard against alias bombs ("billion laughs").
    if (error instanceof ReferenceError) return { problems: [`(file): ${error.message} (aliases expand too much)`], rawIds: [], hostile: 'aliases' };
    throw error;
  }
  if (raw === null || raw === undefined) return { problems: ['(file): the file is empty'], rawIds: [] };
  // Checked before the schema: a file of a hundred thousand items costs seconds to describe.
  const itemCount = typeof raw === 'object' && 'items' in raw && Array.isArray(raw.items) ? raw.items.length : 0;
  if (itemCount > deckLimits.itemsPerDeck) {
    return { problems: [`items: at most ${deckLimits.itemsPerDeck} items per deck (this file has ${itemCount})`], rawIds: [], tooManyItems: itemCount };
  }
  const parsed = createDeckSchema(fileDeckId).safeParse(raw, { reportInput: true });
  const rawIds = collectRawIds(raw);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, doc, lines).map((p) => `${p.path}: ${p.problem}`);
    return { problems, rawIds };
  }
  return { deck: parsed.data, problems: [], rawIds };
}

function collectRawIds(raw: unknown): { id: string; path: string }[] {
  if (typeof raw !== 'object' || raw === null || !('items' in raw) || !Array.isArray(raw.items)) return [];
  const out: { id: string; path: string }[] = [];
  raw.items.forEach((item: unknown, index: number) => {
    if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string') {
      out.push({ id: item.id, path: formatPath(['items', index, 'id']) });
    }
  });
  return out;
}

/** Reads the optional section-titles file; its problems are added to `problems`. */
function loadSectionTitles(dir: string, problems: string[]): Map<string, LocalizedText> | null {
  const path = join(dir, sectionTitlesFile);
  if (!existsSync(path)) return null;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    problems.push(...doc.errors.map((error) => `${sectionTitlesFile}: line ${lines.linePos(error.pos[0]).line}: YAML syntax error: ${error.message.split('\n')[0]!}`));
    return new Map();
  }
  const parsed = sectionTitlesSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.error.issues, doc, lines).map((p) => `${sectionTitlesFile}: ${p.path}: ${p.problem}`));
    return new Map();
  }
  return new Map(Object.entries(parsed.data.sections));
}
