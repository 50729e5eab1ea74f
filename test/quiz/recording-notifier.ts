import type { DailyNotifier, QuizNotifier } from '../../src/app/quiz/quiz-notifier.ts';
import type { DailyPostView } from '../../src/app/quiz/daily-service.ts';
import type { QuizFinalView, QuizHintView, QuizQuestionView, RoundResultView } from '../../src/app/quiz/quiz-views.ts';

export type NotifierEvent =
  | { kind: 'boundary'; channelId: string }
  | { kind: 'question'; view: QuizQuestionView; messageId: string }
  | { kind: 'hint'; view: QuizHintView }
  | { kind: 'reveal'; result: RoundResultView }
  | { kind: 'retire'; result: RoundResultView }
  | { kind: 'final'; view: QuizFinalView }
  | { kind: 'resume'; channelId: string }
  | { kind: 'daily'; view: DailyPostView; messageId: string }
  | { kind: 'dailyShown'; view: DailyPostView };

/** A front end that only writes down what the conductor asked it to show (message ids are made up). */
export function createRecordingNotifier(): QuizNotifier & DailyNotifier & { events: NotifierEvent[]; of<K extends NotifierEvent['kind']>(kind: K): Extract<NotifierEvent, { kind: K }>[] } {
  const events: NotifierEvent[] = [];
  let nextId = 1;
  const messageId = () => `5000000000000000${String(nextId++).padStart(2, '0')}`;
  return {
    events,
    of: <K extends NotifierEvent['kind']>(kind: K) => events.filter((event): event is Extract<NotifierEvent, { kind: K }> => event.kind === kind),
    roundBoundary: (channelId) => void events.push({ kind: 'boundary', channelId }),
    postQuestion: async (view) => {
      const id = messageId();
      events.push({ kind: 'question', view, messageId: id });
      return id;
    },
    postHint: async (view) => void events.push({ kind: 'hint', view }),
    postReveal: async (result) => void events.push({ kind: 'reveal', result }),
    retireQuestion: async (result) => void events.push({ kind: 'retire', result }),
    postFinal: async (view) => void events.push({ kind: 'final', view }),
    postResumeNotice: async (channelId) => void events.push({ kind: 'resume', channelId }),
    postDaily: async (view) => {
      const id = messageId();
      events.push({ kind: 'daily', view, messageId: id });
      return id;
    },
    showDaily: async (view) => void events.push({ kind: 'dailyShown', view }),
  };
}
