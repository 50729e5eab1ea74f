import { matchesPhrase, preparePhrase, type PreparedPhrase, type PreparedText } from './phrase-match.ts';

/*
 * A key point's concept lexicon is a list of entries; an entry is found in a sentence when every
 * one of its parts is there, in any order, and a part is found when one of its alternatives is:
 *
 *   "자주|작게|작은 단위|소규모 + 배포|릴리스"   →  ("자주" or "작게" or …) and ("배포" or "릴리스")
 *
 * so a concept written once covers the ways learners phrase it ("작은 단위로 자주 배포",
 * "배포를 작게 자주"), with Korean spacing and particles already ignored by the phrase matcher and
 * verb stems ("되돌리") covering their conjugations.
 */

export const entryPartSeparator = '+';
export const alternativeSeparator = '|';

/** One lexicon entry: every group must match, one alternative per group. */
export type ConceptEntry = { readonly source: string; readonly groups: readonly (readonly PreparedPhrase[])[] };

/** Parses one entry; null when a part has no usable alternative (content:check reports it). */
export function parseConceptEntry(source: string): ConceptEntry | null {
  const groups = source.split(entryPartSeparator).map((part) =>
    part.split(alternativeSeparator).map((alternative) => preparePhrase(alternative.trim())).filter((p): p is PreparedPhrase => p !== null));
  if (groups.length === 0 || groups.some((group) => group.length === 0)) return null;
  return { source, groups };
}

export function parseConcept(sources: readonly string[]): ConceptEntry[] {
  return sources.map(parseConceptEntry).filter((entry): entry is ConceptEntry => entry !== null);
}

export function matchesEntry(text: PreparedText, entry: ConceptEntry): boolean {
  return entry.groups.every((group) => group.some((phrase) => matchesPhrase(text, phrase)));
}

/** The first entry of the concept found in `text`, or undefined. */
export function findConcept(text: PreparedText, concept: readonly ConceptEntry[]): ConceptEntry | undefined {
  return concept.find((entry) => matchesEntry(text, entry));
}

/**
 * The first entry of the concept stated in a sentence: a one-part entry anywhere in it, a
 * multi-part entry ("cgroup + 제한") inside one clause, so "cgroups give each container its own
 * hostname, and namespaces limit CPU" does not credit "cgroups limit resources".
 */
export function findConceptInSentence(sentence: { readonly prepared: PreparedText; readonly clauses: readonly PreparedText[] }, concept: readonly ConceptEntry[]): ConceptEntry | undefined {
  return concept.find((entry) => entry.groups.length === 1
    ? matchesEntry(sentence.prepared, entry)
    : sentence.clauses.some((clause) => matchesEntry(clause, entry)));
}

/** How many distinct entries of `concept` occur in `text` (a word repeated counts once). */
export function countDistinctEntries(text: PreparedText, concept: readonly ConceptEntry[]): number {
  return concept.filter((entry) => matchesEntry(text, entry)).length;
}
