/*
 * `npx tsx bench/quiz-typed-answers.ts`: 50 members answer the same quiz round by typing in the
 * channel, through the Discord stand-in, against the real bot (real SQLite file, real discord.js).
 * Measures MESSAGE_CREATE → the bot's reaction on that message, per answer, in three scenarios:
 *   A. `everyone` round, 50 answers spread evenly over one second (40 right, 5 misspelt, 5 wrong);
 *   B. `everyone` round, 50 answers sent in one burst;
 *   C. `race` round, 50 right answers in one burst: one winner, the round closed exactly once;
 *   D. `race` round, 49 wrong guesses over one second, then the winning answer (whose close covers 50 members).
 * The stand-in, the bot and the members share this one process (and its event loop), so the
 * figures include the stand-in's own HTTP and gateway work: a pessimistic bound. Also printed: the
 * time of the answer transaction itself, the worst event-loop delay, and how often discord.js held a
 * request back for Discord's global limit of 50 requests per second (it enforces it client-side).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RESTEvents } from 'discord.js';
import { quizRuntimeOf } from '../src/discord/quiz/runtime.ts';
import type { StandinMessage, StandinUser } from '../src/standin/index.ts';
import { startBotHarness } from '../test/helpers/bot-harness.ts';
import { fixtureWith } from '../test/quiz/quiz-harness.ts';
import { formatSummary, summarize } from './stats.ts';

const members = 50;
const h = await startBotHarness({ content: fixtureWith('quizfix.container', 'quizfix.hypervisor') });
const { standin, channel, guild, admin } = h;
const users: StandinUser[] = Array.from({ length: members }, (_, i) => {
  const user = standin.createUser({ username: `member-${i}`, locale: 'ko' });
  standin.addMember(guild, user);
  return user;
});
const sql = <T>(query: string, ...params: unknown[]) => h.bot.database.sqlite.prepare(query).all(...params) as T[];
const isQuestion = (m: StandinMessage) => m.embeds.some((e) => /^라운드 1\/\d+ ·/.test(e.title ?? ''));
const isReveal = (m: StandinMessage) => m.embeds.some((e) => (e.title ?? '').endsWith('정답 공개'));

/** Sent-at times by message id, and the reaction latency once the bot's reaction lands. */
const sentAt = new Map<string, number>();
const latencies = new Map<string, number>();
standin.onMessage((event) => {
  const started = sentAt.get(event.message.id);
  if (started === undefined || latencies.has(event.message.id)) return;
  if (event.message.reactions.some((reaction) => reaction.userIds.includes(standin.botUser.id))) {
    latencies.set(event.message.id, performance.now() - started);
  }
});

async function answer(user: StandinUser, content: string): Promise<string> {
  const started = performance.now();
  const message = await standin.sendMessage({ user, channel, content });
  sentAt.set(message.id, started);
  return message.id;
}

async function startQuiz(mode: 'race' | 'everyone', deck: string | undefined, rounds: number): Promise<StandinMessage> {
  const after = standin.messagesIn(channel).at(-1);
  await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'start', options: { mode, rounds, seconds: 10, ...(deck ? { deck } : {}) } })).finalMessage();
  return standin.waitForMessage(isQuestion, { ...(after ? { after } : {}), timeoutMs: 5000, description: 'the question' });
}

async function waitForReactions(ids: readonly string[]): Promise<number[]> {
  const deadline = performance.now() + 10_000;
  while (ids.some((id) => !latencies.has(id))) {
    if (performance.now() > deadline) throw new Error(`only ${ids.filter((id) => latencies.has(id)).length}/${ids.length} answers got a reaction`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return ids.map((id) => latencies.get(id)!);
}

// What the bot itself spends per answer, and what holds reactions back.
const submitMs: number[] = [];
const quizService = h.bot.services.quiz as { submitTyped: (...args: never[]) => unknown };
const submitTyped = quizService.submitTyped.bind(quizService);
quizService.submitTyped = (...args: never[]) => {
  const started = performance.now();
  try {
    return submitTyped(...args);
  } finally {
    submitMs.push(performance.now() - started);
  }
};
let globalWaits = 0;
h.bot.client.rest.on(RESTEvents.RateLimited, (info) => {
  if (info.global) globalWaits += 1;
});
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
const bottlenecks = () => {
  const line = `  answer transaction max ${Math.max(...submitMs).toFixed(1)} ms · event-loop delay max ${(loopDelay.max / 1e6).toFixed(1)} ms · requests held for the 50/s global limit: ${globalWaits}`;
  submitMs.length = 0;
  globalWaits = 0;
  loopDelay.reset();
  return line;
};

const textFor = (i: number) => (i % 10 === 8 ? '콘테이너' : i % 10 === 9 ? '도커' : '컨테이너');

// Warm-up: one quiz round answered by a few members, so JIT and connection pools are ready.
{
  await startQuiz('everyone', undefined, 1);
  await waitForReactions(await Promise.all(users.slice(0, 5).map((user) => answer(user, '컨테이너'))));
  await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'stop' })).finalMessage();
  sentAt.clear();
  latencies.clear();
}

// A. everyone, spread over one second.
bottlenecks();
loopDelay.enable();
const logsBeforeA = sql<{ n: number }>("select count(*) as n from review_logs where mode = 'quiz'")[0]!.n;
const questionA = await startQuiz('everyone', 'quizfix', 1);
const quizA = sql<{ id: number }>('select max(id) as id from quizzes')[0]!.id;
if (!embedTextHas(questionA, '이 설명에 해당하는 용어는?')) throw new Error('expected a typed term round');
const idsA: Promise<string>[] = [];
for (let i = 0; i < members; i += 1) {
  idsA.push(answer(users[i]!, textFor(i)));
  await new Promise((resolve) => setTimeout(resolve, 1000 / members));
}
const latA = await waitForReactions(await Promise.all(idsA));
const bottleneckA = bottlenecks();
if (process.env.BENCH_DEBUG) console.log("A sequence:", latA.map((ms) => ms.toFixed(0)).join(" "));
const revealA = await standin.waitForMessage(isReveal, { after: questionA, timeoutMs: 15_000, description: 'the timed close of round A' });
await new Promise((resolve) => setTimeout(resolve, 300));
const answersA = sql<{ n: number }>('select count(*) as n from quiz_answers where quiz_id = ?', quizA)[0]!.n;
const logsA = sql<{ n: number }>("select count(*) as n from review_logs where mode = 'quiz'")[0]!.n - logsBeforeA;
const revealsA = standin.messagesIn(channel).filter((m) => isReveal(m) && BigInt(m.id) > BigInt(questionA.id)).length;
void revealA;

// B. everyone, one burst.
await new Promise((resolve) => setTimeout(resolve, 500));
sentAt.clear();
latencies.clear();
const questionB = await startQuiz('everyone', 'quizfix', 1);
const quizB = sql<{ id: number }>('select max(id) as id from quizzes')[0]!.id;
bottlenecks();
const latB = await waitForReactions(await Promise.all(users.map((user, i) => answer(user, textFor(i)))));
const bottleneckB = bottlenecks();
const answersB = sql<{ n: number }>('select count(*) as n from quiz_answers where quiz_id = ?', quizB)[0]!.n;
await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'stop' })).finalMessage();
void questionB;

// C. race, one burst of right answers.
sentAt.clear();
latencies.clear();
const questionC = await startQuiz('race', 'quizfix', 2);
const quizC = sql<{ id: number }>('select max(id) as id from quizzes')[0]!.id;
const itemC = sql<{ item_id: string }>('select item_id from quiz_rounds where quiz_id = ? and round_index = 0', quizC)[0]!.item_id;
const rightC = itemC === 'quizfix.container' ? '컨테이너' : '하이퍼바이저';
const idsC = await Promise.all(users.map((user) => answer(user, rightC)));
await standin.waitForMessage(isReveal, { after: questionC, timeoutMs: 5000, description: 'the reveal of race round C' });
await new Promise((resolve) => setTimeout(resolve, 500));
const recordedC = sql<{ n: number; closed: number }>('select (select count(*) from quiz_answers where quiz_id = ?) as n, (select count(*) from quiz_rounds where quiz_id = ? and closed_at_ms is not null) as closed', quizC, quizC)[0]!;
const revealsC = standin.messagesIn(channel).filter((m) => isReveal(m) && BigInt(m.id) > BigInt(questionC.id)).length;
const reactedC = idsC.filter((id) => latencies.has(id)).length;
const winnerMsC = idsC.map((id) => latencies.get(id)).find((ms) => ms !== undefined) ?? Number.NaN;
// D. race, 49 wrong guesses spread over one second, then the right one.
await new Promise((resolve) => setTimeout(resolve, 500));
sentAt.clear();
latencies.clear();
await (await standin.sendChatInput({ user: admin, channel, name: 'quiz', subcommand: 'stop' })).finalMessage();
const questionD = await startQuiz('race', 'quizfix', 1);
const quizD = sql<{ id: number }>('select max(id) as id from quizzes')[0]!.id;
const itemD = sql<{ item_id: string }>('select item_id from quiz_rounds where quiz_id = ?', quizD)[0]!.item_id;
bottlenecks();
const idsD: Promise<string>[] = [];
for (let i = 0; i < members; i += 1) {
  const last = i === members - 1;
  idsD.push(answer(users[i]!, last ? (itemD === 'quizfix.container' ? '컨테이너' : '하이퍼바이저') : '도커'));
  await new Promise((resolve) => setTimeout(resolve, 1000 / members));
}
const latD = await waitForReactions(await Promise.all(idsD));
const bottleneckD = bottlenecks();
loopDelay.disable();
await standin.waitForMessage(isReveal, { after: questionD, timeoutMs: 5000, description: 'the reveal of race round D' });
await new Promise((resolve) => setTimeout(resolve, 500));
const logsD = sql<{ n: number }>("select count(*) as n from review_logs where mode = 'quiz' and reviewed_at_ms >= (select created_at_ms from quizzes where id = ?)", quizD)[0]!.n;

await quizRuntimeOf(h.bot.client).tick();
await h.close();

const ok = (cond: boolean) => (cond ? 'ok' : 'FAILED');
console.log(formatSummary('A everyone, 50 answers over 1 s: MESSAGE_CREATE → reaction', summarize(latA)));
console.log(`  recorded ${answersA}/50 answers (${ok(answersA === 50)}), review logs ${logsA} (${ok(logsA === 50)}), round closed by its timer with ${revealsA} reveal (${ok(revealsA === 1)})`);
console.log(bottleneckA);
console.log(formatSummary('B everyone, 50 answers in one burst: MESSAGE_CREATE → reaction', summarize(latB)));
console.log(`  recorded ${answersB}/50 answers (${ok(answersB === 50)})`);
console.log(bottleneckB);
console.log(`C race, 50 right answers in one burst: ${recordedC.n} answer recorded (${ok(recordedC.n === 1)}), rounds closed ${recordedC.closed} (${ok(recordedC.closed === 1)}), reveals ${revealsC} (${ok(revealsC === 1)}), reactions ${reactedC} (the winner's, after ${winnerMsC.toFixed(1)} ms)`);
console.log(formatSummary('D race, 49 wrong guesses over 1 s then the winner: MESSAGE_CREATE → reaction', summarize(latD)));
console.log(bottleneckD);
console.log(`  winner's reaction after ${latD.at(-1)!.toFixed(1)} ms; all 50 members fed into learning after the reveal: ${logsD} review logs (${ok(logsD === 50)})`);
const p99 = Math.max(summarize(latA).p99, summarize(latD).p99);
console.log(`p99 target < 50 ms for 50 answers within one second (A, D): ${p99.toFixed(1)} ms → ${ok(p99 < 50)}; one-instant burst (B) p99 ${summarize(latB).p99.toFixed(1)} ms`);

function embedTextHas(message: StandinMessage, text: string): boolean {
  return message.embeds.some((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`.includes(text));
}
