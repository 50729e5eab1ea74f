import type { InterviewRepository } from '../../db/interview/interview-repository.ts';
import type { InterviewItem } from '../../domain/content/items.ts';
import type { ChatCompletionsClient } from '../../llm/chat-completions.ts';
import { buildFeedbackMessages, cleanParagraph, type FeedbackLanguage } from '../../llm/interview-feedback-prompt.ts';
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
      const covered = new Set(attempt.covered);
      const followUp = attempt.followUpIndex === null ? undefined : item.followUps[attempt.followUpIndex];
      const messages = buildFeedbackMessages({
        language: lang,
        question: (followUp ?? item.prompt)[lang],
        answer: attempt.answerText,
        score: followUp ? null : attempt.score,
        coveredLabels: followUp ? [] : item.rubric.filter((p) => covered.has(p.id)).map((p) => p.label[lang]),
        missingLabels: followUp ? [] : item.rubric.filter((p) => !covered.has(p.id)).map((p) => p.label[lang]),
        conclusionFirst: attempt.conclusionFirst,
        concrete: attempt.concrete,
        lengthVerdict: attempt.lengthVerdict ?? 'ok',
      });
      const result = await llm.complete(messages, { maxTokens: 400, temperature: 0.4, ...(input.signal ? { signal: input.signal } : {}) });
      if (!result.ok) return result;
      const text = cleanParagraph(result.text);
      if (text === null) return { ok: false, reason: 'unusable', detail: result.text.slice(0, 200), elapsedMs: result.elapsedMs };
      return { ok: true, text, elapsedMs: result.elapsedMs };
    },
  };
}
