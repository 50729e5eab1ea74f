import type { InterviewItem } from '../content/items.ts';
import { shuffled } from '../random.ts';

/**
 * One question for `/interview ask`: from `topic` when given, avoiding `avoidIds` (the question just
 * shown, recently answered ones) while anything else is left. Undefined when nothing matches.
 */
export function pickQuestion(
  items: readonly InterviewItem[],
  options: { topic?: string | null; avoidIds?: readonly string[]; rng: () => number },
): InterviewItem | undefined {
  const pool = options.topic ? items.filter((item) => item.topic === options.topic) : items;
  const avoid = new Set(options.avoidIds ?? []);
  const fresh = pool.filter((item) => !avoid.has(item.id));
  const from = fresh.length > 0 ? fresh : pool;
  return from[Math.floor(options.rng() * from.length)];
}

/**
 * Questions for a mock interview: `count` different questions, as many different topics as
 * possible, questions answered recently (`recentIds`) last.
 */
export function pickMockQuestions(
  items: readonly InterviewItem[],
  count: number,
  options: { recentIds?: readonly string[]; rng: () => number },
): InterviewItem[] {
  const recent = new Set(options.recentIds ?? []);
  const ordered = [...shuffled(items.filter((i) => !recent.has(i.id)), options.rng), ...shuffled(items.filter((i) => recent.has(i.id)), options.rng)];
  const picked: InterviewItem[] = [];
  const topics = new Set<string>();
  for (const item of ordered) {
    if (picked.length >= count) break;
    if (!topics.has(item.topic)) {
      picked.push(item);
      topics.add(item.topic);
    }
  }
  for (const item of ordered) {
    if (picked.length >= count) break;
    if (!picked.includes(item)) picked.push(item);
  }
  return picked;
}

/**
 * The follow-up (꼬리 질문) to ask next: one not asked yet about a key point the answer missed
 * (heaviest point first), else one going deeper on a point it covered, else round again.
 */
export function nextFollowUpIndex(item: InterviewItem, askedIndexes: readonly number[], coveredIds: readonly string[] = []): number {
  const asked = new Set(askedIndexes);
  const weight = (pointId: string) => item.rubric.find((point) => point.id === pointId)?.weight ?? 0;
  const unasked = item.followUps.map((followUp, index) => ({ followUp, index })).filter(({ index }) => !asked.has(index));
  const missed = unasked.filter(({ followUp }) => !coveredIds.includes(followUp.about)).sort((a, b) => weight(b.followUp.about) - weight(a.followUp.about));
  const next = missed[0] ?? unasked[0];
  return next ? next.index : askedIndexes.length % Math.max(1, item.followUps.length);
}

/** Time budget shown for each mock-interview question. */
export const mockQuestionBudgetMs = 3 * 60_000;
export const mockCountLimits = { min: 1, max: 5, default: 3 } as const;
