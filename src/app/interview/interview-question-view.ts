import type { InterviewPrompt, InterviewSession } from '../../db/interview/interview-repository.ts';
import type { InterviewItem } from '../../domain/content/items.ts';
import type { InterviewQuestionView } from './interview-views.ts';

/** The view of one shown prompt (with its mock-interview position and deadline, if any). */
export function questionView(prompt: InterviewPrompt, item: InterviewItem, session?: InterviewSession): InterviewQuestionView {
  const followUp = prompt.followUpIndex === null ? undefined : item.followUps[prompt.followUpIndex];
  return {
    promptId: prompt.id,
    itemId: item.id,
    topic: item.topic,
    topicName: item.topicName,
    text: followUp ?? item.prompt,
    followUpOf: followUp ? item.prompt : null,
    isPublic: prompt.isPublic,
    askedBy: prompt.userId,
    mock: session && prompt.position !== null
      ? {
          sessionId: session.id,
          position: prompt.position,
          count: session.itemIds.length,
          budgetMs: session.budgetMs,
          deadlineAt: new Date(prompt.shownAtMs + session.budgetMs),
        }
      : null,
  };
}
