import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, ask, scoreOf, startInterviewBot, type InterviewBot } from './bot-harness.ts';
import { startFakeLlm, type FakeLlm } from './fake-llm.ts';

const here = dirname(fileURLToPath(import.meta.url));
const sample = (name: string) => readFileSync(join(here, 'fixtures/samples', `${name}.txt`), 'utf8');
// Longer than the 3 s the rubric feedback may take, so feedback that waited for the model would fail the test.
const llmTimeoutMs = 4000;

let llm: FakeLlm;
let h: InterviewBot;
beforeAll(async () => {
  llm = await startFakeLlm();
  h = await startInterviewBot({ url: llm.baseUrl, timeoutMs: llmTimeoutMs });
});
afterAll(async () => {
  await h?.close();
  await llm?.close();
});
beforeEach(() => {
  llm.mode = 'normal';
  llm.requests.length = 0;
});

const warnings = () => h.logs.filter((line) => line.level === 40 && line.msg === 'interview narrative feedback failed');
const errors = () => h.logs.filter((line) => line.level >= 50);

describe('optional language-model feedback (fake OpenAI-compatible endpoint on 127.0.0.1)', () => {
  it('adds the model paragraph as a follow-up after the rubric feedback, in the learner language', async () => {
    const question = await ask(h, h.learner, { topic: 'why-containers' });
    const submitted = await answer(h, question, sample('why-containers.ko.strong'));
    const feedback = await submitted.finalMessage();
    expect(scoreOf(feedback)).toBeGreaterThanOrEqual(80);
    expect(feedback.embeds[0]!.footer?.text).toContain('AI 코치');
    const paragraph = await submitted.waitForFollowUp(3000);
    expect(paragraph.ephemeral).toBe(true);
    expect(paragraph.embeds[0]!.title).toContain('AI 코치');
    expect(paragraph.embeds[0]!.description).toBe(llm.reply);
    expect(paragraph.allowedMentions).toEqual({ parse: [] });
    expect(paragraph.createdAt.getTime()).toBeGreaterThanOrEqual(feedback.createdAt.getTime());

    expect(llm.requests).toHaveLength(1);
    const body = llm.requests[0]!.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('coach-small');
    expect(body.messages[0]!.content).toContain('Korean');
    expect(body.messages[1]!.content).toContain(sample('why-containers.ko.strong').trim().slice(0, 60));
    expect(body.messages[1]!.content).toMatch(/Rubric score: \d+\/100/);
  });

  it('asks for English feedback from an English-speaking learner', async () => {
    llm.reply = 'Good structure. Add one number from your own project.';
    const question = await ask(h, h.english, { topic: 'why-containers' });
    const submitted = await answer(h, question, sample('why-containers.en.one-line'));
    await submitted.finalMessage();
    const paragraph = await submitted.waitForFollowUp(3000);
    expect(paragraph.embeds[0]!.title).toContain('AI coach');
    expect(paragraph.embeds[0]!.description).toBe(llm.reply);
    expect((llm.requests[0]!.body as { messages: { content: string }[] }).messages[0]!.content).toContain('Write in English.');
  });

  it('tells the model the rubric verdict, and never shows a paragraph that praises a keyword list', async () => {
    llm.reply = '완벽한 답변이에요! 핵심을 모두 짚은 훌륭한 답변입니다.';
    const before = warnings().length;
    const question = await ask(h, h.learner, { topic: 'why-containers' });
    const submitted = await answer(h, question, '일관 의존성 이식성 재현 롤백');
    const feedback = await submitted.finalMessage();
    expect(scoreOf(feedback)).toBeLessThanOrEqual(5);
    const deadline = Date.now() + 3000;
    while (warnings().length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(warnings().at(-1)!.reason).toBe('contradicts');
    const body = llm.requests[0]!.body as { messages: { content: string }[] };
    expect(body.messages[1]!.content).toContain('Rubric verdict: a list of keywords');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(submitted.followUps()).toEqual([]);
    expect(errors()).toEqual([]);
  });

  it('shows a paragraph that agrees with a low score', async () => {
    llm.reply = '키워드만 나열하기보다 문장으로 이유를 설명해 보세요. 예를 들어 환경 차이를 어떻게 없앴는지 한 문장으로 써 보세요.';
    const question = await ask(h, h.learner, { topic: 'why-containers' });
    const submitted = await answer(h, question, '일관 의존성 이식성 재현 롤백');
    await submitted.finalMessage();
    const paragraph = await submitted.waitForFollowUp(3000);
    expect(paragraph.embeds[0]!.description).toBe(llm.reply);
  });

  for (const mode of ['slow', 'failing'] as const) {
    it(`still sends the rubric feedback within 3 s when the endpoint is ${mode}, logs the failure and shows no error`, async () => {
      llm.mode = mode;
      const before = warnings().length;
      const question = await ask(h, h.other, { topic: 'why-containers' });
      const startedMs = performance.now();
      const submitted = await answer(h, question, sample('why-containers.ko.one-line'));
      const feedback = await submitted.finalMessage(3000);
      expect(performance.now() - startedMs).toBeLessThan(3000);
      expect(scoreOf(feedback)).toBeGreaterThan(20);

      // The model's failure is logged as a warning once the client gives up (timeout or HTTP 500).
      const deadline = Date.now() + llmTimeoutMs + 2000;
      while (warnings().length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      const warning = warnings().at(-1)!;
      expect(warnings()).toHaveLength(before + 1);
      expect(warning.reason).toBe(mode === 'slow' ? 'timeout' : 'http');
      expect(llm.requests).toHaveLength(1);
      // Nothing reaches the learner: no follow-up message, no error reply, no incident logged.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(submitted.followUps()).toEqual([]);
      expect(errors()).toEqual([]);
    });
  }
});
