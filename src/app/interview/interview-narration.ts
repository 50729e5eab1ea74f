import type { InterviewRepository } from '../../db/interview/interview-repository.ts';
import type { InterviewItem } from '../../domain/content/items.ts';
import type { ChatCompletionsClient } from '../../llm/chat-completions.ts';
import { scoreAnswer } from '../../domain/interview/score-answer.ts';
import { followUpPoints, scoreFollowUp } from '../../domain/interview/score-follow-up.ts';
import { buildFeedbackMessages, cleanParagraph, contradictsVerdict, type FeedbackLanguage } from '../../llm/interview-feedback-prompt.ts';
import type { NarrationResult } from './interview-views.ts';

/**
 * The optional narrative feedback from a language model. It is asked only after the rubric
 * feedback has been sent, and every failure comes back as a result for the caller to log.
 */
export function createInterviewNarrator(deps: {
  repo: InterviewRepository;
  llm: ChatCompletionsClient | undefined;
  findItem: (itemId: string) => InterviewItem | undefined;
}) {
  const { repo, llm } = deps;
  return {
    enabled: llm !== undefined,
    async narrate(input: { attemptId: number; userId: string; language: FeedbackLanguage; signal?: AbortSignal }): Promise<NarrationResult> {
      if (!llm) return { ok: false, reason: 'disabled', detail: 'no INTERVIEW_LLM_URL/INTERVIEW_LLM_MODEL configured' };
      const attempt = repo.attempt(input.attemptId);
      const item = attempt ? deps.findItem(attempt.itemId) : undefined;
      if (!attempt || !item || attempt.userId !== input.userId || attempt.answerText === null) {
        return { ok: false, reason: 'not-found', detail: `attempt ${input.attemptId}` };
      }
      const lang = input.language;
      const followUp = attempt.followUpIndex === null ? undefined : item.followUps[attempt.followUpIndex];
      // The rubric verdict is recomputed from the stored answer (grading is pure), so the model is
      // told exactly what the learner was shown.
      const scored = followUp ? scoreFollowUp(item, attempt.followUpIndex!, attempt.answerText) : scoreAnswer(item, attempt.answerText);
      if (!scored.ok) return { ok: false, reason: 'not-found', detail: `attempt ${input.attemptId}: ${scored.reason}` };
      const { result: rubric } = scored;
      const labels = followUp ? followUpPoints(followUp).map((p) => p.label) : item.rubric.map((p) => p.label);
      const verdict = { score: rubric.score, verdict: rubric.verdict };
      const messages = buildFeedbackMessages({
        language: lang,
        question: (followUp ?? item.prompt)[lang],
        answer: attempt.answerText,
        ...verdict,
        followUp: followUp !== undefined,
        coveredLabels: labels.filter((_, i) => rubric.points[i]!.covered).map((label) => label[lang]),
        missingLabels: labels.filter((_, i) => !rubric.points[i]!.covered).map((label) => label[lang]),
        conclusionFirst: rubric.structure.conclusionFirst,
        concrete: rubric.structure.concrete,
        lengthVerdict: rubric.structure.length.verdict,
      });
      const result = await llm.complete(messages, { maxTokens: 400, temperature: 0.4, ...(input.signal ? { signal: input.signal } : {}) });
      if (!result.ok) return result;
      const text = cleanParagraph(result.text);
      if (text === null) return { ok: false, reason: 'unusable', detail: result.text.slice(0, 200), elapsedMs: result.elapsedMs };
      // A paragraph that praises what the rubric failed is not shown: the score is the verdict.
      if (contradictsVerdict(text, verdict)) return { ok: false, reason: 'contradicts', detail: text.slice(0, 200), elapsedMs: result.elapsedMs };
      return { ok: true, text, elapsedMs: result.elapsedMs };
    },
  };
}
