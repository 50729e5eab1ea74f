import { DefaultRestOptions, type RESTOptions } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/**
 * The bot-wide budget of Discord REST requests, shared by every channel and feature.
 *
 * Discord allows a bot 50 requests per second in total. discord.js counts them in fixed one-second
 * windows of its own, which only protects the bot while Discord's windows happen to line up with
 * them: when a window of discord.js opens with an interaction callback (which Discord does not count)
 * or Discord's window starts at another moment, the tail of one discord.js window and the head of the
 * next land in one Discord window, and two busy quizzes can get global 429s (seen against the
 * stand-in with a plain discord.js client). A sliding window never lets more than `limit`
 * requests go out in any `windowMs`, so every one-second window Discord may use sees at most
 * `limit`, with `windowMs - 1000` ms of slack for network jitter.
 */
export const requestBudget = { limit: 50, windowMs: 1100 } as const;

/** Interaction callbacks and interaction webhooks do not count against Discord's global limit. */
const exemptPath = /\/(interactions\/\d+\/[^/]+\/callback|webhooks\/\d+\/[^/]+)/;

/** A FIFO sliding-window limiter: `acquire()` resolves once a request may go out. */
export function createSlidingWindow(options: { limit: number; windowMs: number; nowMs?: () => number }) {
  const nowMs = options.nowMs ?? (() => Date.now());
  const sentAt: number[] = [];
  let tail: Promise<void> = Promise.resolve();

  const takeSlot = async (): Promise<void> => {
    for (;;) {
      const now = nowMs();
      while (sentAt.length > 0 && now - (sentAt[0] ?? 0) >= options.windowMs) sentAt.shift();
      if (sentAt.length < options.limit) {
        sentAt.push(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, (sentAt[0] ?? now) + options.windowMs - now));
    }
  };

  return {
    acquire(): Promise<void> {
      const turn = tail.then(takeSlot);
      tail = turn;
      return turn;
    },
  };
}

/** Wraps discord.js's request function so every bot-token request waits for the shared budget. */
export function pacedMakeRequest(budget = requestBudget, makeRequest: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  const window = createSlidingWindow(budget);
  return async (url, init) => {
    if (!exemptPath.test(new URL(url).pathname)) await window.acquire();
    return makeRequest(url, init);
  };
}
