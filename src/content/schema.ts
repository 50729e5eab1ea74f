import { z } from 'zod';
import type { Deck, LocalizedText } from '../domain/content/items.ts';
import { parseConceptEntry } from '../domain/interview/concept-lexicon.ts';
import { deckLimits } from '../domain/limits.ts';

/*
 * The zod schemas of `questions/<deck-id>.yaml` (contract: team/content-spec.md). Every object is
 * strict so a misspelt key fails. Checks are attached to the field they are about, so one run
 * reports every problem of a file at its own path instead of stopping at the first broken object.
 * The output types mirror `src/domain/content/items.ts`; a type-level check at the bottom keeps
 * the two in step.
 */

const kebabPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every text has a ceiling, so one field cannot fill a message (or the bot's memory). */
const bounded = () => z.string().max(deckLimits.textChars, `must be at most ${deckLimits.textChars} characters`);
/** A required, non-blank string. */
const text = bounded().refine((value) => value.trim().length > 0, 'must not be empty');
const kebab = z.string().max(64, 'must be at most 64 characters').regex(kebabPattern, 'must be kebab-case (lowercase letters, digits and single dashes)');

/** `{ ko, en }`: both languages are required; a blank one counts as a missing translation. */
export const localizedTextSchema = z.strictObject({
  ko: bounded().refine((value) => value.trim().length > 0, 'missing Korean translation (empty)'),
  en: bounded().refine((value) => value.trim().length > 0, 'missing English translation (empty)'),
});

const aliasList = z.array(text);
export const localizedAliasesSchema = z.strictObject({ ko: aliasList, en: aliasList });

/** Concept-lexicon entries ("a|b + c"): every part needs at least one word. */
const conceptList = z.array(text.refine((entry) => parseConceptEntry(entry) !== null, 'every "+" part needs a word (entry syntax: "a|b + c")'));
const conceptLexiconSchema = z.strictObject({ ko: conceptList, en: conceptList });

/** Fields shared by every kind; the id must start with the deck id the file name gives. */
function baseFields(deckId: string) {
  const prefix = `${deckId}.`;
  return {
    id: z
      .string()
      .max(130, 'must be at most 130 characters')
      .refine((id) => id.startsWith(prefix), `must start with "${prefix}"`)
      .refine((id) => kebabPattern.test(id.slice(id.indexOf('.') + 1)), 'must be "<deck-id>.<kebab-slug>"'),
    concept: kebab,
    source: text,
    tags: z.array(text),
    explanation: localizedTextSchema,
  };
}

const hint = { hint: localizedTextSchema.optional() };

const optionSchema = z.strictObject({ text: localizedTextSchema, correct: z.boolean() });

const rubricPointSchema = z.strictObject({
  id: kebab,
  weight: z.number().int('must be a whole number').min(1, 'must be 1–5').max(5, 'must be 1–5'),
  label: localizedTextSchema,
  tip: localizedTextSchema,
  phrases: conceptLexiconSchema,
});

const followUpSchema = z.strictObject({
  ko: localizedTextSchema.shape.ko,
  en: localizedTextSchema.shape.en,
  about: kebab,
  points: z.array(z.strictObject({ id: kebab, label: localizedTextSchema, phrases: conceptLexiconSchema })).min(1, 'needs at least 1 point'),
});

const expectedLengthSchema = z
  .strictObject({
    min: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    max: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  })
  .refine((length) => length.min < length.max, { message: 'min must be less than max', path: ['min'] });

/**
 * True when `haystack` contains `needle`, ignoring case. Korean needles also ignore spacing (so
 * "도커 허브" is found in "도커허브는"). A Latin needle must start a word ("tag" is not found in
 * "stage") but may run on ("container" is found in "containers": that still gives the answer away).
 */
export function containsLoosely(haystack: string, needle: string): boolean {
  const fold = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const target = fold(needle);
  if (target.length === 0) return false;
  if (/[\uac00-\ud7a3]/.test(target)) {
    return fold(haystack).replace(/ /g, '').includes(target.replace(/ /g, ''));
  }
  const hay = fold(haystack);
  for (let at = hay.indexOf(target); at >= 0; at = hay.indexOf(target, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(hay[at - 1]!)) return true;
  }
  return false;
}

/** Openings that judge the answer instead of explaining it. */
const verdictOpener = {
  ko: /^(?:틀렸습니다|맞습니다|틀립니다|맞아요|틀렸어요|정답입니다|오답입니다|참입니다|거짓입니다|그렇습니다|아닙니다)(?=[.!,\s]|$)/,
  en: /^(?:true|false|correct|wrong|right|incorrect|yes|no)(?=[.!,:]|\s*$)/i,
};

/**
 * Term items whose answers collide: a term (either language) that is also another term item's
 * term or alias in the same deck would make one answer fit two definitions.
 */
function termCollisions(items: readonly { kind: string; term?: { ko: string; en: string }; aliases?: unknown }[]) {
  const fold = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const problems: { index: number; lang: 'ko' | 'en'; other: number; answer: string }[] = [];
  items.forEach((item, index) => {
    if (item.kind !== 'term' || !item.term) return;
    for (const lang of ['ko', 'en'] as const) {
      const answer = fold(item.term[lang]);
      items.forEach((other, otherIndex) => {
        if (otherIndex === index || other.kind !== 'term' || !other.term) return;
        const answers = [other.term[lang], ...((other.aliases as Record<string, string[]> | undefined)?.[lang] ?? [])].map(fold);
        if (answers.includes(answer)) problems.push({ index, lang, other: otherIndex, answer: item.term![lang] });
      });
    }
  });
  return problems;
}

/** Builds the item schemas for one deck (item ids must start with `<deckId>.`). */
export function createItemSchema(deckId: string) {
  const base = baseFields(deckId);
  const term = z
    .strictObject({
      ...base,
      ...hint,
      kind: z.literal('term'),
      term: localizedTextSchema,
      definition: localizedTextSchema,
      aliases: localizedAliasesSchema,
      reverse: z.boolean().default(true),
    })
    .superRefine((item, ctx) => {
      // The definition is the question; naming the term in it (in either language) gives the answer away.
      for (const lang of ['ko', 'en'] as const) {
        for (const word of [item.term.ko, item.term.en]) {
          if (containsLoosely(item.definition[lang], word)) {
            ctx.addIssue({ code: 'custom', path: ['definition', lang], message: `must not contain the term "${word}"` });
          }
        }
      }
    });
  const choice = z.strictObject({
    ...base,
    ...hint,
    kind: z.literal('choice'),
    prompt: localizedTextSchema,
    options: z
      .array(optionSchema)
      .min(3, 'needs 3–5 options')
      .max(5, 'needs 3–5 options')
      .refine((options) => options.some((option) => option.correct), 'needs at least one option with correct: true'),
  });
  const truefalse = z
    .strictObject({
      ...base,
      ...hint,
      kind: z.literal('truefalse'),
      prompt: localizedTextSchema,
      answer: z.boolean(),
    })
    .superRefine((item, ctx) => {
      // The bot already shows ✅/❌ and the right answer; an explanation that opens with a verdict
      // ("틀렸습니다.") reads as if it judged the learner, even when they answered correctly.
      for (const lang of ['ko', 'en'] as const) {
        const verdict = verdictOpener[lang].exec(item.explanation[lang].trim());
        if (verdict) ctx.addIssue({ code: 'custom', path: ['explanation', lang], message: `must not open with a verdict ("${verdict[0]}"): explain the fact itself` });
      }
    });
  const short = z.strictObject({
    ...base,
    ...hint,
    kind: z.literal('short'),
    prompt: localizedTextSchema,
    answer: localizedTextSchema,
    aliases: localizedAliasesSchema,
  });
  const command = z.strictObject({
    ...base,
    ...hint,
    kind: z.literal('command'),
    prompt: localizedTextSchema,
    answer: text,
    aliases: z.array(text),
  });
  const order = z.strictObject({
    ...base,
    ...hint,
    kind: z.literal('order'),
    prompt: localizedTextSchema,
    steps: z.array(localizedTextSchema).min(3, 'needs 3–6 steps').max(6, 'needs 3–6 steps'),
  });
  const interview = z.strictObject({
    ...base,
    kind: z.literal('interview'),
    prompt: localizedTextSchema,
    topic: kebab,
    topicName: localizedTextSchema,
    vocabulary: z.strictObject({ ko: conceptList.min(3, 'needs at least 3 entries'), en: conceptList.min(3, 'needs at least 3 entries') }),
    rubric: z
      .array(rubricPointSchema)
      .min(4, 'needs at least 4 rubric points')
      .refine((points) => new Set(points.map((p) => p.id)).size === points.length, 'rubric point ids must be unique'),
    modelAnswer: localizedTextSchema,
    expectedLength: expectedLengthSchema,
    followUps: z.array(followUpSchema).min(2, 'needs at least 2 follow-up questions'),
  }).superRefine((item, ctx) => {
    const pointIds = new Set(item.rubric.map((point) => point.id));
    item.followUps.forEach((followUp, index) => {
      if (!pointIds.has(followUp.about)) ctx.addIssue({ code: 'custom', path: ['followUps', index, 'about'], message: `must be a rubric point id (${[...pointIds].join(', ')})` });
    });
  });
  return z.discriminatedUnion('kind', [term, choice, truefalse, short, command, order, interview]);
}

/**
 * The schema of one deck file. `fileDeckId` is the file name without `.yaml`: the deck id must
 * equal it and every item id must start with it.
 */
export function createDeckSchema(fileDeckId: string) {
  return z.strictObject({
    id: kebab.refine((id) => id === fileDeckId, `must equal the file name "${fileDeckId}"`),
    title: localizedTextSchema,
    description: localizedTextSchema,
    items: z.array(createItemSchema(fileDeckId)).superRefine((items, ctx) => {
      for (const { index, lang, other, answer } of termCollisions(items)) {
        ctx.addIssue({ code: 'custom', path: [index, 'term', lang], message: `"${answer}" is also an answer of items[${other}]: one answer per definition` });
      }
    }),
  });
}

export type ParsedDeck = z.output<ReturnType<typeof createDeckSchema>>;

/** Every key the format knows, for "did you mean" suggestions on misspelt keys. */
export const knownKeys: readonly string[] = [
  ...new Set([
    ...Object.keys(createDeckSchema('x').shape),
    ...createItemSchema('x').options.flatMap((option) => Object.keys(option.shape)),
    ...Object.keys(optionSchema.shape),
    ...Object.keys(rubricPointSchema.shape),
    'min',
    'max',
    'ko',
    'en',
  ]),
];

/** `questions/notes/sections.yaml`: readable titles of the course-notes headings that items cite. */
export const sectionTitlesSchema = z.strictObject({ sections: z.record(text, localizedTextSchema) });

/** A parsed deck with each item's `source` heading replaced by its readable title. */
export const toDomainDeck = (deck: ParsedDeck, titleOf: (heading: string) => LocalizedText): Deck => ({
  ...deck,
  items: deck.items.map((item) => ({ ...item, source: titleOf(item.source) })),
});
