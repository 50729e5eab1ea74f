import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { scoreAnswer, type InterviewScore } from '../../src/domain/interview/score-answer.ts';
import { visibleLength } from '../../src/domain/interview/structure.ts';

const here = dirname(fileURLToPath(import.meta.url));
const content = loadContent(join(here, '../../questions'));
const interviewItems = [...content.items.values()].filter((item): item is InterviewItem => item.kind === 'interview');
const byTopic = (topic: string) => {
  const item = interviewItems.find((candidate) => candidate.topic === topic);
  if (!item) throw new Error(`no interview item with topic ${topic}`);
  return item;
};
const sample = (name: string) => readFileSync(join(here, 'fixtures/samples', `${name}.txt`), 'utf8');
const score = (item: InterviewItem, answer: string): InterviewScore => {
  const outcome = scoreAnswer(item, answer);
  if (!outcome.ok) throw new Error(`not scored: ${outcome.reason}`);
  return outcome.result;
};
const coveredIds = (result: InterviewScore) => result.points.filter((point) => point.covered).map((point) => point.id);

const whyContainers = byTopic('why-containers');

describe('rubric score of "why containers?" (the course question)', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`scores a strong ${lang} answer covering all five points at 80 or more, every point ✅`, () => {
      const result = score(whyContainers, sample(`why-containers.${lang}.strong`));
      expect(result.score).toBeGreaterThanOrEqual(80);
      expect(coveredIds(result)).toEqual(['consistent-runtime', 'dependencies-packaged', 'portability', 'reproduce-prod-bugs', 'fast-rollback']);
      expect(result.structure.conclusionFirst).toBe(true);
      expect(result.structure.length.verdict).toBe('ok');
    });

    it(`scores an off-topic ${lang} answer at 20 or less with every point ⬜`, () => {
      const result = score(whyContainers, sample(`why-containers.${lang}.off-topic`));
      expect(result.score).toBeLessThanOrEqual(20);
      expect(coveredIds(result)).toEqual([]);
    });

    it(`scores a one-line ${lang} answer naming portability between the two, only portability ✅`, () => {
      const result = score(whyContainers, sample(`why-containers.${lang}.one-line`));
      expect(result.score).toBeGreaterThan(20);
      expect(result.score).toBeLessThan(80);
      expect(coveredIds(result)).toEqual(['portability']);
      expect(result.structure.length.verdict).toBe('short');
    });
  }

  it('orders the three kinds of answer the same way in both languages', () => {
    for (const lang of ['ko', 'en'] as const) {
      const [strong, line, off] = ['strong', 'one-line', 'off-topic'].map((kind) => score(whyContainers, sample(`why-containers.${lang}.${kind}`)).score);
      expect(strong).toBeGreaterThan(line!);
      expect(line).toBeGreaterThan(off!);
    }
  });
});

describe('the other two course questions behave the same way', () => {
  for (const topic of ['why-deploy-yourself', 'why-easy-deploy']) {
    for (const lang of ['ko', 'en'] as const) {
      it(`${topic} (${lang}): strong ≥ 80, one line in between, off topic ≤ 20`, () => {
        const item = byTopic(topic);
        expect(score(item, sample(`${topic}.${lang}.strong`)).score).toBeGreaterThanOrEqual(80);
        const line = score(item, sample(`${topic}.${lang}.one-line`)).score;
        expect(line).toBeGreaterThan(20);
        expect(line).toBeLessThan(80);
        expect(score(item, sample(`${topic}.${lang}.off-topic`)).score).toBeLessThanOrEqual(20);
      });
    }
  }

  it('gives every model answer of the deck, in both languages, at least 80', () => {
    expect(interviewItems.length).toBeGreaterThanOrEqual(12);
    for (const item of interviewItems) {
      for (const lang of ['ko', 'en'] as const) {
        expect(score(item, item.modelAnswer[lang]).score, `${item.id} ${lang}`).toBeGreaterThanOrEqual(80);
      }
    }
  });
});

describe('phrase matching uses the shared grading normalization', () => {
  it('ignores particles, spacing, case and full-width letters', () => {
    const result = score(whyContainers, '이식성이 높고, 롤백도 쉽습니다. ＤＥＰＥＮＤＥＮＣＩＥＳ are bundled with the app. 환경에관계없이 실행돼요.');
    expect(coveredIds(result)).toEqual(['dependencies-packaged', 'portability', 'fast-rollback']);
  });

  it('counts a phrase in the other language, as learners mix Korean and English terms', () => {
    expect(coveredIds(score(whyContainers, '컨테이너는 rollback이 쉬워서 선택했습니다.'))).toEqual(['fast-rollback']);
  });

  it('matches Latin phrases at the start of a word only', () => {
    // "revert" is a rollback phrase; "irreverent" must not count.
    expect(coveredIds(score(whyContainers, 'An irreverent answer about nothing.'))).toEqual([]);
    expect(coveredIds(score(whyContainers, 'We can revert quickly.'))).toEqual(['fast-rollback']);
  });
});

describe('structure: conclusion first, something concrete, length', () => {
  it('credits conclusion first only when the first sentence states a key point of this question', () => {
    const direct = score(whyContainers, '어디서 실행하든 같은 환경이 보장되기 때문입니다. 그래서 도커를 골랐습니다.');
    expect(direct.structure.conclusionFirst).toBe(true);
    const buried = score(whyContainers, '좋은 질문이라고 생각합니다. 어디서 실행하든 같은 환경이 보장되기 때문입니다.');
    expect(buried.structure.conclusionFirst).toBe(false);
  });

  it('credits a definition that opens the answer as conclusion first', () => {
    const hypervisor = byTopic('what-a-hypervisor-does');
    const result = score(hypervisor, '하이퍼바이저는 물리 서버 한 대에서 여러 가상 머신을 실행하게 해 주는 소프트웨어입니다. VMware가 대표적입니다.');
    expect(result.structure.conclusionFirst).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(30);
  });

  it('credits a number as concrete only when it belongs to a sentence about the topic', () => {
    const onTopic = score(whyContainers, '같은 이미지를 쓰니 환경이 일관되게 유지됩니다. 배포 시간도 20분에서 3분으로 줄었습니다.');
    expect(onTopic.structure.concrete).toBe(true);
    const elsewhere = score(whyContainers, '같은 이미지를 쓰니 환경이 일관되게 유지됩니다. 저는 주말마다 3번 등산을 갑니다.');
    expect(elsewhere.structure.concrete).toBe(false);
  });

  it('gives no structure credit and no ✅ to an answer that covers no key point', () => {
    const result = score(whyContainers, '결론부터 말하면, 저는 파스타를 좋아합니다. 예를 들어 지난주에는 3번 만들었습니다.');
    expect(result.structure).toMatchObject({ conclusionFirst: false, concrete: false });
    expect(result.verdict).toBe('off-topic');
    expect(result.score).toBe(0);
  });

  it('scores a bare list of keywords near zero, however many key words it names', () => {
    for (const list of ['일관성, 의존성, 이식성, 재현, 롤백', 'consistency, dependencies, portability, reproduce, rollback']) {
      const result = score(whyContainers, list);
      expect(coveredIds(result)).toEqual([]);
      expect(result.verdict).toBe('keywords');
      expect(result.score).toBeLessThanOrEqual(5);
    }
  });

  it('counts a sentence repeated word for word once, so padding neither adds length nor points', () => {
    const strong = sample('why-containers.ko.strong');
    const padded = score(whyContainers, `${strong} ${'그리고 정말 좋았습니다. '.repeat(120)}`.slice(0, 3990));
    expect(padded.score).toBeLessThanOrEqual(score(whyContainers, strong).score);
    expect(padded.structure.length.chars).toBeLessThan(strong.length + 20);
  });

  it('takes points off an answer far longer than expected', () => {
    const strong = sample('why-containers.ko.strong');
    const rambling = Array.from({ length: 60 }, (_, i) => `제가 ${i + 1}번째로 덧붙이고 싶은 이야기가 있습니다.`).join(' ');
    const long = score(whyContainers, `${strong} ${rambling}`);
    expect(long.structure.length.verdict).toBe('long');
    expect(long.score).toBeLessThan(score(whyContainers, strong).score);
  });

  it('gives an honest, vague answer on the topic partial credit, not the score of an unrelated one', () => {
    const result = score(whyContainers, '배포가 편하고 요즘 많이 써서 선택했습니다. 도커를 쓰면 서버마다 환경 설정을 덜 신경 써도 되고, 컨테이너로 띄우면 설치가 간단해졌습니다.');
    expect(result.verdict).toBe('vague');
    expect(result.score).toBeGreaterThanOrEqual(15);
    expect(result.score).toBeLessThanOrEqual(45);
  });

  it('scores the question said back near zero', () => {
    const result = score(whyContainers, '배포 방법은 여러 가지가 있는데 그중에서 왜 컨테이너를 이용한 배포를 선택했냐면요.');
    expect(result.score).toBeLessThanOrEqual(5);
  });
});

describe('hostile input is scored or refused, never thrown', () => {
  it('refuses empty and invisible-only answers', () => {
    expect(scoreAnswer(whyContainers, '')).toEqual({ ok: false, reason: 'empty' });
    expect(scoreAnswer(whyContainers, '\u200b\u200d\u2060\ufeff'.repeat(1000))).toEqual({ ok: false, reason: 'empty' });
    expect(scoreAnswer(whyContainers, ' \n\t ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('scores exactly 4,000 characters and refuses 4,001', () => {
    expect(scoreAnswer(whyContainers, '이식성 '.repeat(1000)).ok).toBe(true);
    expect(scoreAnswer(whyContainers, `${'이식성 '.repeat(1000)}x`)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('does not let zero-width characters pad the length or hide a phrase', () => {
    expect(visibleLength(`a${'\u200b'.repeat(500)}b`)).toBe(2);
    // A sentence that says something about the point (naming it is not enough: see grader-rules.test.ts).
    expect(coveredIds(score(whyContainers, '이\u200b식\u200b성이 높아서 노트북에서도 그대로 돌아가요'))).toEqual(['portability']);
  });

  it('scores mentions, markdown and emoji like any other text', () => {
    const result = score(whyContainers, '@everyone <@123456789012345678> **롤백**이 쉬워서 ||좋았습니다|| `code` 🐳🐳 # heading');
    expect(coveredIds(result)).toEqual(['fast-rollback']);
  });

  it('stays fast on the longest allowed answer', () => {
    const text = `${'컨테이너 이미지에 의존성을 담아 이식성을 높였습니다. '.repeat(200)}`.slice(0, 4000);
    const started = performance.now();
    for (let i = 0; i < 20; i++) scoreAnswer(whyContainers, text);
    expect((performance.now() - started) / 20).toBeLessThan(250);
  });
});
