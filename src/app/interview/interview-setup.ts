import type { InterviewRepository } from '../../db/interview/interview-repository.ts';
import type { Clock } from '../../domain/clock.ts';
import { createChatCompletionsClient, type ChatCompletionsConfig } from '../../llm/chat-completions.ts';
import { createInterviewService } from './interview-service.ts';
import type { LearningService } from '../learning/learning-service.ts';
import type { QuestionBank } from '../content/question-bank.ts';

export type InterviewLlmConfig = ChatCompletionsConfig;

/** Wires the interview coach: its repository and, when configured, the language-model client. */
export function setUpInterviewService(deps: {
  repo: InterviewRepository;
  learning: LearningService;
  bank: QuestionBank;
  clock: Clock;
  llm?: InterviewLlmConfig | undefined;
  rng?: () => number;
}) {
  return createInterviewService({
    repo: deps.repo,
    learning: deps.learning,
    bank: deps.bank,
    clock: deps.clock,
    llm: deps.llm ? createChatCompletionsClient(deps.llm) : undefined,
    ...(deps.rng ? { rng: deps.rng } : {}),
  });
}
