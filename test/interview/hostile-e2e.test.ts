import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, scoreOf, startInterviewBot, type InterviewBot } from './bot-harness.ts';

let h: InterviewBot;
beforeAll(async () => {
  h = await startInterviewBot();
});
afterAll(async () => {
  await h?.close();
});

/** Every message the bot sent or edited in the test channel must have mentions turned off. */
function expectNoPings(): void {
  const sent = h.standin.calls.filter((call) => ['POST', 'PATCH'].includes(call.method) && /interactions|webhooks/.test(call.path));
  expect(sent.length).toBeGreaterThan(0);
  for (const call of sent) {
    const body = call.body as { type?: number; data?: { allowed_mentions?: unknown; custom_id?: string }; allowed_mentions?: unknown } | undefined;
    if (!body) continue;
    if (body.type === 9 || body.type === 8 || body.type === 5 || body.type === 6) continue; // modal, autocomplete, deferrals carry no message
    const allowed = body.type !== undefined ? body.data?.allowed_mentions : body.allowed_mentions;
    expect(allowed, `${call.method} ${call.path}`).toEqual({ parse: [] });
  }
}

describe('hostile input in the answer modal', () => {
  const hostile = [
    '@everyone @here <@&111111111111111111> <@222222222222222222> ',
    '**bold** __under__ ||spoiler|| `code` ```block``` > quote # heading [link](https://evil.example) ',
    '\u200b\u200d\u2060\u202e\ufeff 이식성 때문에 컨테이너를 씁니다. ',
  ].join('');

  it('grades 4,000 characters of mentions, markdown and zero-width characters without pinging anyone', async () => {
    const text = hostile.repeat(Math.ceil(4000 / hostile.length)).slice(0, 4000);
    expect(text.length).toBe(4000);
    const question = await ask(h, h.learner, { topic: 'why-containers' });
    const feedback = await (await answer(h, question, text)).finalMessage();
    expect(scoreOf(feedback)).toBeGreaterThan(0);
    expect(feedback.allowedMentions).toEqual({ parse: [] });
    const echoed = feedback.embeds[0]!.fields!.find((field) => field.name === '내 답변')!.value;
    expect(echoed.length).toBeLessThanOrEqual(1024);
    expect(echoed).toContain('\\*\\*bold\\*\\*');
    expect(echoed).toContain('\\|\\|spoiler\\|\\|');
    expect(echoed).not.toMatch(/(^|[^\\])\*\*bold/);
    // Only the model-answer spoiler remains in the description: the learner's text is not in there.
    expect(feedback.embeds[0]!.description).not.toContain('@everyone');
    const stored = h.rows<{ answer_text: string }>('select answer_text from interview_attempts where user_id = ?', h.learner.id);
    expect(stored).toEqual([{ answer_text: text }]);
    expectNoPings();
  });

  it('refuses an answer of nothing but invisible characters and lets the learner answer again', async () => {
    const question = await ask(h, h.english, { topic: 'why-containers' });
    const refused = await (await answer(h, question, '\u200b\u200b\u2060\ufeff')).finalMessage();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('empty');
    expect(h.rows('select count(*) as n from interview_attempts where user_id = ?', h.english.id)).toEqual([{ n: 0 }]);
    const graded = await (await answer(h, question, 'Containers are portable, so the same image runs anywhere.')).finalMessage();
    expect(scoreOf(graded)).toBeGreaterThan(0);
    expect(h.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('does not let a markdown-heavy answer break the feedback layout', async () => {
    const question = await ask(h, h.other, { topic: 'why-containers' });
    const feedback = await (await answer(h, question, '||'.repeat(1500) + ' 롤백')).finalMessage();
    const description = feedback.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    // The model-answer spoiler opens and closes exactly once.
    expect(description.match(/\|\|/g)).toHaveLength(2);
    expectNoPings();
  });
});
