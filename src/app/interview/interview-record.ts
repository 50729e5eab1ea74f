import type { InterviewPrompt, InterviewRepository } from '../../db/interview/interview-repository.ts';
import type { InterviewItem } from '../../domain/content/items.ts';
import type { InterviewScore } from '../../domain/interview/score-answer.ts';
import type { StructureCheck } from '../../domain/interview/structure.ts';
import type { ReviewRating } from '../../domain/scheduler/fsrs-scheduler.ts';
import type { LearningService } from '../learning/learning-service.ts';
import { UserError } from '../user-error.ts';

export type RecordedAttempt = { attemptId: number; rating: ReviewRating | null; xpAwarded: number; nextReviewAt: Date | null };

type Graded =
  | { kind: 'answer'; answerText: string; result: InterviewScore }
  | { kind: 'skip' }
  | { kind: 'follow-up'; answerText: string; structure: StructureCheck };

/**
 * Stores one attempt; call inside `learning.inTransaction`. Claims the prompt first, so a second
 * submit of the same prompt changes nothing. A rubric answer or a skip also reviews the item's FSRS
 * card (rating by score) and earns XP once per question per day; a follow-up answer has no rubric
 * and no card of its own, so it is only stored.
 */
export function recordAttemptTx(
  deps: { repo: InterviewRepository; learning: LearningService },
  prompt: InterviewPrompt,
  item: InterviewItem,
  graded: Graded,
  options: { now: Date; overtime: boolean },
): RecordedAttempt {
  const nowMs = options.now.getTime();
  if (!deps.repo.claimPrompt(prompt.id, nowMs)) throw new UserError('interview.error.alreadyAnswered');
  const responseMs = Math.max(0, nowMs - prompt.shownAtMs);
  const score = graded.kind === 'answer' ? graded.result.score : null;

  let recorded: RecordedAttempt = { attemptId: 0, rating: null, xpAwarded: 0, nextReviewAt: null };
  if (graded.kind !== 'follow-up') {
    const result = deps.learning.recordAnswerTx({
      guildId: prompt.guildId,
      userId: prompt.userId,
      itemId: item.id,
      mode: 'interview',
      source: 'interview',
      score,
      hintUsed: prompt.hintUsed,
      responseMs,
      answerText: graded.kind === 'answer' ? graded.answerText : null,
    }, options.now);
    if (!result.ok || !result.card) throw new UserError('interview.error.alreadyAnswered');
    recorded = { attemptId: 0, rating: result.card.rating, xpAwarded: result.xpAwarded, nextReviewAt: result.card.dueAt };
  }

  const structure = graded.kind === 'answer' ? graded.result.structure : graded.kind === 'follow-up' ? graded.structure : null;
  const attemptId = deps.repo.insertAttempt({
    promptId: prompt.id,
    guildId: prompt.guildId,
    userId: prompt.userId,
    itemId: item.id,
    followUpIndex: prompt.followUpIndex,
    sessionId: prompt.sessionId,
    kind: graded.kind,
    answerText: graded.kind === 'skip' ? null : graded.answerText,
    score,
    covered: graded.kind === 'answer' ? graded.result.points.filter((p) => p.covered).map((p) => p.id) : [],
    conclusionFirst: structure?.conclusionFirst ?? false,
    concrete: structure?.concrete ?? false,
    lengthVerdict: structure?.length.verdict ?? null,
    chars: structure?.length.chars ?? 0,
    hintUsed: prompt.hintUsed,
    overtime: options.overtime,
    responseMs,
    xpAwarded: recorded.xpAwarded,
    createdAtMs: nowMs,
  });
  return { ...recorded, attemptId };
}
