import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { answer, ask, buttonId, checklist, hasButton, scoreOf, startInterviewBot, type InterviewBot } from './bot-harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const sample = (name: string) => readFileSync(join(here, 'fixtures/samples', `${name}.txt`), 'utf8');
const items = [...loadContent(join(here, '../../questions')).items.values()].filter((i): i is InterviewItem => i.kind === 'interview');
const whyContainers = items.find((item) => item.topic === 'why-containers')!;

let h: InterviewBot;
beforeAll(async () => {
  h = await startInterviewBot();
});
afterAll(async () => {
  await h?.close();
});

describe('/interview ask end to end (real bot, stand-in, SQLite file)', () => {
  for (const [lang, userOf] of [['ko', () => h.learner], ['en', () => h.english]] as const) {
    it(`grades "why containers?" in ${lang}: strong ≥ 80, one line in between, off topic ≤ 20, with a matching ✅/⬜ list`, async () => {
      const user = userOf();
      const labels = whyContainers.rubric.map((point) => point.label[lang]);
      const results: Record<string, { score: number; covered: string[]; missing: string[] }> = {};
      for (const kind of ['strong', 'one-line', 'off-topic']) {
        const question = await ask(h, user, { topic: 'why-containers' });
        expect(question.ephemeral).toBe(true);
        expect(question.embeds[0]!.description).toContain(whyContainers.prompt[lang]);
        const submitted = await answer(h, question, sample(`why-containers.${lang}.${kind}`));
        const feedback = await submitted.finalMessage();
        expect(feedback.ephemeral).toBe(true);
        results[kind] = { score: scoreOf(feedback), ...checklist(feedback) };
      }
      expect(results.strong!.score).toBeGreaterThanOrEqual(80);
      expect(results.strong!.covered).toEqual(labels);
      expect(results.strong!.missing).toEqual([]);
      expect(results['off-topic']!.score).toBeLessThanOrEqual(20);
      expect(results['off-topic']!.covered).toEqual([]);
      expect(results['off-topic']!.missing).toEqual(labels);
      expect(results['one-line']!.score).toBeGreaterThan(20);
      expect(results['one-line']!.score).toBeLessThan(80);
      const portability = whyContainers.rubric.find((point) => point.id === 'portability')!.label[lang];
      expect(results['one-line']!.covered).toEqual([portability]);
      expect(results['one-line']!.missing).toEqual(labels.filter((label) => label !== portability));

      // Stored: three attempts, one FSRS card reviewed three times in interview mode, XP once for the day.
      const attempts = h.rows<{ score: number; covered_json: string; answer_text: string }>(
        'select score, covered_json, answer_text from interview_attempts where user_id = ? and kind = ? order by id', user.id, 'answer');
      expect(attempts.map((row) => row.score)).toEqual([results.strong!.score, results['one-line']!.score, results['off-topic']!.score]);
      expect(JSON.parse(attempts[0]!.covered_json)).toEqual(whyContainers.rubric.map((point) => point.id));
      expect(attempts[1]!.answer_text).toBe(sample(`why-containers.${lang}.one-line`));
      const card = h.rows<{ reps: number }>('select reps from cards where user_id = ? and item_id = ?', user.id, whyContainers.id);
      expect(card).toEqual([{ reps: 3 }]);
      const logs = h.rows<{ mode: string; outcome: string }>('select mode, outcome from review_logs where user_id = ? order by id', user.id);
      expect(logs).toEqual([{ mode: 'interview', outcome: 'correct' }, { mode: 'interview', outcome: 'incorrect' }, { mode: 'interview', outcome: 'incorrect' }]);
      const xp = h.rows<{ total: number }>('select coalesce(sum(amount), 0) as total from xp_events where user_id = ? and source = ?', user.id, 'interview');
      expect(xp).toEqual([{ total: Math.floor(results.strong!.score / 2) }]);
    });
  }

  it('shows the model answer behind a spoiler and offers a follow-up question that is answered the same way', async () => {
    const question = await ask(h, h.other, { topic: 'why-containers' });
    const feedback = await (await answer(h, question, sample('why-containers.ko.strong'))).finalMessage();
    const description = feedback.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toMatch(/\|\|[^|]+\|\|$/);
    expect(description).toContain(whyContainers.modelAnswer.ko.slice(0, 40));
    expect(feedback.embeds[0]!.title).toMatch(/^📝 \d{1,3}\/100/);

    const followUp = await (await h.standin.clickButton({ message: feedback, customId: buttonId(feedback, 'fu') })).finalMessage();
    expect(followUp.ephemeral).toBe(true);
    expect(followUp.embeds[0]!.title).toContain('꼬리 질문');
    expect(followUp.embeds[0]!.description).toContain(whyContainers.followUps[0]!.ko);
    expect(hasButton(followUp, 'hint')).toBe(false);
    const followUpFeedback = await (await answer(h, followUp, '결론부터 말하면 VM은 게스트 OS까지 올려야 해서 무겁기 때문입니다. 예를 들어 컨테이너는 1초 안에 뜹니다.')).finalMessage();
    // Content feedback against the follow-up's own rubric, not only structure.
    expect(followUpFeedback.embeds[0]!.title).toMatch(/\d{1,3}\/100/);
    const [covered, missed] = whyContainers.followUps[0]!.points!;
    expect(followUpFeedback.embeds[0]!.description).toContain(`✅ ${covered!.label.ko}`);
    expect(followUpFeedback.embeds[0]!.description).toContain(`⬜ ${missed!.label.ko}`);
    expect(followUpFeedback.embeds[0]!.description).toContain('두괄식');
    const kinds = h.rows<{ kind: string; follow_up_index: number | null }>(
      'select kind, follow_up_index from interview_attempts where user_id = ? order by id', h.other.id);
    expect(kinds).toEqual([{ kind: 'answer', follow_up_index: null }, { kind: 'follow-up', follow_up_index: 0 }]);
    // The second follow-up click asks the next follow-up, not the same one again.
    const second = await (await h.standin.clickButton({ message: feedback, customId: buttonId(feedback, 'fu') })).finalMessage();
    expect(second.embeds[0]!.description).toContain(whyContainers.followUps[1]!.ko);
  });

  it('shows only the rubric labels as a hint, and rates a good answer after a hint Hard', async () => {
    const user = h.standin.createUser({ username: 'hinter', locale: 'ko' });
    h.standin.addMember(h.guild, user);
    const question = await ask(h, user, { topic: 'why-containers' });
    const hint = await (await h.standin.clickButton({ message: question, customId: buttonId(question, 'hint') })).finalMessage();
    expect(hint.ephemeral).toBe(true);
    const shown = hint.embeds[0]!.description!;
    for (const point of whyContainers.rubric) {
      expect(shown).toContain(point.label.ko);
      for (const phrase of point.phrases.ko.filter((p) => !point.label.ko.includes(p))) expect(shown).not.toContain(phrase);
    }
    const feedback = await (await answer(h, question, sample('why-containers.ko.strong'))).finalMessage();
    expect(scoreOf(feedback)).toBeGreaterThanOrEqual(70);
    expect(h.rows('select hint_used from interview_attempts where user_id = ?', user.id)).toEqual([{ hint_used: 1 }]);
    expect(h.rows('select rating, hint_used from review_logs where user_id = ?', user.id)).toEqual([{ rating: 2, hint_used: 1 }]);
  });

  it('refuses a second submit of the same question and keeps one attempt', async () => {
    const user = h.standin.createUser({ username: 'double', locale: 'ko' });
    h.standin.addMember(h.guild, user);
    const question = await ask(h, user, { topic: 'why-containers' });
    const click = await h.standin.clickButton({ message: question, customId: buttonId(question, 'ans') });
    const modal = await click.modal();
    await (await h.standin.submitModal({ from: click, fields: { answer: sample('why-containers.ko.strong') } })).finalMessage();
    const again = await (await h.standin.submitModal({ from: click, fields: { answer: 'again' } })).finalMessage();
    expect(modal.customId).toMatch(/^iv:v1:sub:\d+$/);
    expect(again.ephemeral).toBe(true);
    expect(again.content).toContain('이미 답했어요');
    const reopen = await (await h.standin.clickButton({ message: question, customId: buttonId(question, 'ans') })).finalMessage();
    expect(reopen.content).toContain('이미 답했어요');
    expect(h.rows('select count(*) as n from interview_attempts where user_id = ?', user.id)).toEqual([{ n: 1 }]);
    expect(h.rows('select count(*) as n from review_logs where user_id = ?', user.id)).toEqual([{ n: 1 }]);
  });

  it('posts a public question that someone else can answer privately', async () => {
    const question = await ask(h, h.learner, { topic: 'why-containers', public: true });
    expect(question.ephemeral).toBe(false);
    expect(question.allowedMentions).toEqual({ parse: [] });
    const answered = await (await answer(h, question, sample('why-containers.ko.one-line'), h.other)).finalMessage();
    expect(answered.ephemeral).toBe(true);
    expect(answered.interaction?.userId).toBe(h.other.id);
    const rows = h.rows<{ user_id: string; public_prompt_id: number | null }>(
      'select p.user_id, p.public_prompt_id from interview_attempts a join interview_prompts p on p.id = a.prompt_id order by a.id desc limit 1');
    expect(rows[0]!.user_id).toBe(h.other.id);
    expect(rows[0]!.public_prompt_id).not.toBeNull();
  });

  it('gives another question on request and suggests topics while typing', async () => {
    const question = await ask(h, h.learner);
    const another = await (await h.standin.clickButton({ message: question, customId: buttonId(question, 'next') })).finalMessage();
    expect(another.ephemeral).toBe(true);
    expect(another.embeds[0]!.description).not.toBe(question.embeds[0]!.description);
    const choices = await h.standin.autocomplete({ user: h.learner, channel: h.channel, name: 'interview', subcommand: 'ask', focused: 'topic', options: { topic: 'contain' } });
    expect(choices.map((choice) => choice.value)).toContain('why-containers');
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    const unknown = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'interview', subcommand: 'ask', options: { topic: 'nope' } });
    expect((await unknown.finalMessage()).content).toContain('nope');
  });

  it('lists attempts and best scores in /interview history', async () => {
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'interview', subcommand: 'history' });
    const history = await handle.finalMessage();
    expect(history.ephemeral).toBe(true);
    const embed = history.embeds[0]!;
    expect(embed.title).toContain('면접 연습 기록');
    const best = embed.fields!.find((field) => field.name.includes('최고'))!;
    const bestScore = h.rows<{ best: number }>('select max(score) as best from interview_attempts where user_id = ? and item_id = ?', h.learner.id, whyContainers.id)[0]!.best;
    expect(best.value).toContain(`${bestScore}/100`);
    expect(embed.fields!.find((field) => field.name.includes('최근'))!.value).toMatch(/<t:\d+:R>/);
  });
});
