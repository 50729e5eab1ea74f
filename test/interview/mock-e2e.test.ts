import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { answer, buttonId, hasButton, itemByPrompt, startInterviewBot, type InterviewBot } from './bot-harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const items = [...loadContent(join(here, '../../questions')).items.values()].filter((i): i is InterviewItem => i.kind === 'interview');

let h: InterviewBot;
beforeAll(async () => {
  h = await startInterviewBot();
});
afterAll(async () => {
  await h?.close();
});

describe('/interview mock end to end', () => {
  it('asks three questions one after another with a visible time budget and ends with a report; attempts and cards are stored', async () => {
    const started = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'interview', subcommand: 'mock' });
    let screen = await started.finalMessage();
    expect(screen.ephemeral).toBe(true);
    const asked: InterviewItem[] = [];

    // Question 1: answered well, within the budget.
    expect(screen.embeds[0]!.title).toBe('🎙️ 모의 면접 1/3');
    expect(screen.embeds[0]!.description).toContain('⏱ 3분');
    const deadline = Math.floor(h.clock.now().getTime() / 1000) + 180;
    expect(screen.embeds[0]!.description).toContain(`<t:${deadline}:R>`);
    expect(hasButton(screen, 'hint')).toBe(false);
    asked.push(itemByPrompt(items, screen, 'ko'));
    h.clock.advance(60_000);
    screen = await (await answer(h, screen, asked[0]!.modelAnswer.ko)).finalMessage();
    expect(screen.embeds[0]!.title).toBe('🎙️ 모의 면접 2/3');
    expect(screen.embeds[0]!.description).toContain('1번 답변을 저장했어요');

    // Question 2: skipped.
    asked.push(itemByPrompt(items, screen, 'ko'));
    screen = await (await h.standin.clickButton({ message: screen, customId: buttonId(screen, 'skip') })).finalMessage();
    expect(screen.embeds[0]!.title).toBe('🎙️ 모의 면접 3/3');
    expect(screen.embeds[0]!.description).toContain('2번 질문을 건너뛰었어요');

    // Question 3: a weak answer, four minutes later (over the 3-minute budget).
    asked.push(itemByPrompt(items, screen, 'ko'));
    h.clock.advance(4 * 60_000);
    const report = await (await answer(h, screen, '잘 모르겠지만 열심히 하겠습니다.')).finalMessage();
    expect(new Set(asked.map((item) => item.id)).size).toBe(3);

    const embed = report.embeds[0]!;
    expect(report.components).toEqual([]);
    const attempts = h.rows<{ item_id: string; kind: string; score: number | null; overtime: number; session_id: number }>(
      'select item_id, kind, score, overtime, session_id from interview_attempts where user_id = ? order by id', h.learner.id);
    expect(attempts.map((row) => [row.item_id, row.kind, row.overtime])).toEqual([
      [asked[0]!.id, 'answer', 0], [asked[1]!.id, 'skip', 0], [asked[2]!.id, 'answer', 1],
    ]);
    expect(attempts[0]!.score).toBeGreaterThanOrEqual(80);
    expect(attempts[1]!.score).toBeNull();
    const overall = Math.round((attempts[0]!.score! + 0 + attempts[2]!.score!) / 3);
    expect(embed.title).toBe(`📋 모의 면접 결과 · ${overall}/100`);
    const field = (name: string) => embed.fields!.find((f) => f.name.includes(name))!.value;
    const perQuestion = field('질문별 점수').split('\n');
    expect(perQuestion[0]).toContain(`${attempts[0]!.score}/100`);
    expect(perQuestion[1]).toContain('건너뜀');
    expect(perQuestion[2]).toContain(`${attempts[2]!.score}/100`);
    expect(perQuestion[2]).toContain('시간 초과');
    expect(field('잘 짚은')).toContain('✅');
    expect(field('보완할')).toContain('⬜');
    const practise = field('다시 연습할');
    expect(practise).toContain(asked[1]!.prompt.ko.slice(0, 20));
    expect(practise).toContain(asked[2]!.prompt.ko.slice(0, 20));
    expect(practise).not.toContain(asked[0]!.prompt.ko.slice(0, 20));

    expect(h.rows('select status, position from interview_sessions where user_id = ?', h.learner.id)).toEqual([{ status: 'finished', position: 3 }]);
    const cards = h.rows<{ item_id: string; reps: number }>('select item_id, reps from cards where user_id = ? order by item_id', h.learner.id);
    expect(cards).toEqual(asked.map((item) => ({ item_id: item.id, reps: 1 })).sort((a, b) => a.item_id.localeCompare(b.item_id)));
    const ratings = h.rows<{ item_id: string; rating: number; outcome: string }>('select item_id, rating, outcome from review_logs where user_id = ? order by id', h.learner.id);
    expect(ratings).toEqual([
      { item_id: asked[0]!.id, rating: 3, outcome: 'correct' },
      { item_id: asked[1]!.id, rating: 1, outcome: 'skipped' },
      { item_id: asked[2]!.id, rating: 1, outcome: 'incorrect' },
    ]);
  });

  it('refuses an old question of a mock interview after it moved on, and a new mock abandons the unfinished one', async () => {
    const user = h.english;
    const first = await (await h.standin.sendChatInput({ user, channel: h.channel, name: 'interview', subcommand: 'mock', options: { count: 2 } })).finalMessage();
    expect(first.embeds[0]!.title).toBe('🎙️ Mock interview 1/2');
    expect(first.embeds[0]!.description).toContain('⏱ 3 min');
    const click = await h.standin.clickButton({ message: first, customId: buttonId(first, 'ans') });
    await click.modal();
    const moved = await (await h.standin.clickButton({ message: first, customId: buttonId(first, 'skip') })).finalMessage();
    expect(moved.embeds[0]!.title).toBe('🎙️ Mock interview 2/2');
    // The modal opened for question 1 is submitted after the interview moved on: nothing is recorded.
    const late = await (await h.standin.submitModal({ from: click, fields: { answer: 'late answer' } })).reply();
    expect(late.type).toBe(4);
    expect(String(late.data?.content)).toContain('moved on');
    await (await h.standin.sendChatInput({ user, channel: h.channel, name: 'interview', subcommand: 'mock', options: { count: 1 } })).finalMessage();
    expect(h.rows('select status from interview_sessions where user_id = ? order by id', user.id)).toEqual([{ status: 'abandoned' }, { status: 'active' }]);
    expect(h.rows('select count(*) as n from interview_attempts where user_id = ?', user.id)).toEqual([{ n: 1 }]);
  });
});
