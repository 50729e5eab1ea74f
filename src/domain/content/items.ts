/**
 * The question bank as the rest of the bot sees it: plain, readonly data produced by the content
 * loader (`src/content/load-content.ts`) from `questions/<deck-id>.yaml`. Field names match the YAML.
 */

/** Every learner-facing text exists in Korean (first) and English. */
export type LocalizedText = { readonly ko: string; readonly en: string };

/** Extra accepted spellings per language (may be empty lists). */
export type LocalizedAliases = { readonly ko: readonly string[]; readonly en: readonly string[] };

export const itemKinds = ['term', 'choice', 'truefalse', 'short', 'command', 'order', 'interview'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** Fields every item carries, whatever its kind. */
export type ItemBase = {
  /** `<deck-id>.<kebab-slug>`, unique across all decks. */
  readonly id: string;
  /** Kebab-case concept key, used for coverage counts. */
  readonly concept: string;
  /** Readable title of the course-notes section the fact comes from (`questions/notes/sections.yaml`). */
  readonly source: LocalizedText;
  readonly tags: readonly string[];
  /** Shown after answering: why the answer is right. */
  readonly explanation: LocalizedText;
};

/** Optional hand-written hint; without it the bot derives one (`hintFor`). */
type Hinted = { readonly hint?: LocalizedText | undefined };

export type TermItem = ItemBase &
  Hinted & {
    readonly kind: 'term';
    readonly term: LocalizedText;
    readonly definition: LocalizedText;
    readonly aliases: LocalizedAliases;
    /** Also ask term → definition as a multiple choice (default true). */
    readonly reverse: boolean;
  };

export type ChoiceOption = { readonly text: LocalizedText; readonly correct: boolean };

export type ChoiceItem = ItemBase &
  Hinted & {
    readonly kind: 'choice';
    readonly prompt: LocalizedText;
    readonly options: readonly ChoiceOption[];
  };

export type TrueFalseItem = ItemBase &
  Hinted & {
    readonly kind: 'truefalse';
    readonly prompt: LocalizedText;
    readonly answer: boolean;
  };

export type ShortItem = ItemBase &
  Hinted & {
    readonly kind: 'short';
    readonly prompt: LocalizedText;
    readonly answer: LocalizedText;
    readonly aliases: LocalizedAliases;
  };

export type CommandItem = ItemBase &
  Hinted & {
    readonly kind: 'command';
    readonly prompt: LocalizedText;
    /** A docker command line, e.g. `docker ps -a`. */
    readonly answer: string;
    /** Other accepted commands beyond what command equivalence already accepts. */
    readonly aliases: readonly string[];
  };

export type OrderItem = ItemBase &
  Hinted & {
    readonly kind: 'order';
    readonly prompt: LocalizedText;
    /** 3–6 steps, in the correct order. */
    readonly steps: readonly LocalizedText[];
  };

export type RubricPoint = {
  readonly id: string;
  /** 1–5. */
  readonly weight: number;
  /** Short name of the key point, shown as a hint. */
  readonly label: LocalizedText;
  /** One line telling what to add when the point is missing. */
  readonly tip: LocalizedText;
  /**
   * The point's concept lexicon: entries credited only inside a statement sentence. An entry may
   * need several parts in one sentence ("자주|작게 + 배포"; see domain/interview/concept-lexicon.ts).
   */
  readonly phrases: LocalizedAliases;
};

export type InterviewItem = ItemBase & {
  readonly kind: 'interview';
  readonly prompt: LocalizedText;
  /** Kebab-case, e.g. `why-containers`. */
  readonly topic: string;
  /** The topic's readable name, shown in autocomplete and replies. */
  readonly topicName: LocalizedText;
  /**
   * The question's domain vocabulary (same entry syntax as a key point's lexicon): an answer that
   * states no key point but talks about the question in these words gets partial credit.
   */
  readonly vocabulary: LocalizedAliases;
  readonly rubric: readonly RubricPoint[];
  readonly modelAnswer: LocalizedText;
  /** Characters of a good written answer. */
  readonly expectedLength: { readonly min: number; readonly max: number };
  /** 꼬리 질문, at least two. */
  readonly followUps: readonly FollowUp[];
};

/** A key point of a follow-up's own small rubric (all points weigh the same). */
export type FollowUpPoint = { readonly id: string; readonly label: LocalizedText; readonly phrases: LocalizedAliases };

/** A follow-up question: its text, the key point of the main rubric it probes, and its own rubric. */
export type FollowUp = LocalizedText & {
  /** Id of the main rubric point this follow-up asks about (asked when that point was missed, or to go deeper). */
  readonly about: string;
  /** The follow-up's own small rubric. */
  readonly points: readonly FollowUpPoint[];
};

export type Item = TermItem | ChoiceItem | TrueFalseItem | ShortItem | CommandItem | OrderItem | InterviewItem;

/** One `questions/<id>.yaml` file. */
export type Deck = {
  /** Kebab-case; equals the file name without `.yaml`. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly items: readonly Item[];
};
