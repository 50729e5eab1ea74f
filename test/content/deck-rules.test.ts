import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDeckFile } from '../../src/content/load-content.ts';

const t = (ko: string, en: string) => ({ ko, en });
const base = (slug: string) => ({
  id: `rules.${slug}`,
  concept: 'image',
  source: 'Docker Image',
  tags: ['image'],
  explanation: t('설명', 'why'),
});

function problems(items: unknown[], fileId = 'rules', deck: Record<string, unknown> = {}): string[] {
  const source = stringify({ id: 'rules', title: t('규칙', 'Rules'), description: t('설명', 'About'), items, ...deck });
  return loadDeckFile(source, fileId).problems.map((p) => p.replace(/ \(line \d+\)$/, ''));
}

const option = (correct: boolean) => ({ text: t('보기', 'option'), correct });
const rubricPoint = (id: string) => ({
  id,
  weight: 2,
  label: t('요점', 'point'),
  tip: t('팁', 'tip'),
  phrases: { ko: ['요점'], en: ['point'] },
});
const followUp = (ko: string, en: string) => ({
  ko, en, about: 'a', points: [{ id: 'p', label: t('요점', 'point'), phrases: { ko: ['요점'], en: ['point'] } }],
});
const interview = (overrides: Record<string, unknown>) => ({
  ...base('why'),
  kind: 'interview',
  prompt: t('왜?', 'Why?'),
  topic: 'why-containers',
  topicName: t('왜 컨테이너인가', 'Why containers'),
  vocabulary: { ko: ['컨테이너', '도커', '배포'], en: ['container', 'docker', 'deploy'] },
  rubric: ['a', 'b', 'c', 'd'].map(rubricPoint),
  modelAnswer: t('답', 'answer'),
  expectedLength: { min: 150, max: 1200 },
  followUps: [followUp('더?', 'More?'), followUp('또?', 'And?')],
  ...overrides,
});

describe('deck rules', () => {
  it('accepts a deck whose items follow every rule', () => {
    expect(problems([interview({})])).toEqual([]);
  });

  it('refuses a true/false explanation that opens with a verdict, in either language', () => {
    const tf = (ko: string, en: string) => ({ ...base('tf'), kind: 'truefalse', prompt: t('이미지는 읽기 전용이다.', 'Images are read-only.'), answer: true, explanation: t(ko, en) });
    expect(problems([tf('틀렸습니다. 이미지는 바뀌지 않습니다.', 'False. Images never change.')])).toEqual([
      'items[0].explanation.ko: must not open with a verdict ("틀렸습니다"): explain the fact itself',
      'items[0].explanation.en: must not open with a verdict ("False"): explain the fact itself',
    ]);
    expect(problems([tf('이미지는 바뀌지 않습니다.', 'Images never change; a container adds a writable layer.')])).toEqual([]);
  });

  it('refuses two term items of a deck that share an answer (one answer per definition)', () => {
    const term = (slug: string, ko: string, en: string, aliases: { ko: string[]; en: string[] }) => ({
      ...base(slug), kind: 'term', term: t(ko, en), definition: t(`정의 ${aliases.ko.length}`, `meaning ${aliases.en.length}`), aliases,
    });
    const items = [
      term('host', '호스트', 'host', { ko: ['호스트 컴퓨터'], en: [] }),
      term('machine', '호스트 컴퓨터', 'host computer', { ko: [], en: [] }),
      term('kernel-mode', '커널 모드', 'kernel mode', { ko: [], en: [] }),
      term('kernel', '커널', 'kernel', { ko: [], en: [] }),
    ];
    expect(problems(items)).toEqual(['items[1].term.ko: "호스트 컴퓨터" is also an answer of items[0]: one answer per definition']);
  });

  it('requires the deck id to equal the file name', () => {
    expect(problems([], 'other')).toContain('id: must equal the file name "other"');
  });

  it('requires item ids to start with the deck id', () => {
    expect(problems([{ ...interview({}), id: 'elsewhere.why' }])).toContain('items[0].id: must start with "rules."');
  });

  it('requires 3 to 5 choice options', () => {
    const choice = (n: number) => ({ ...base('pick'), kind: 'choice', prompt: t('?', '?'), options: Array.from({ length: n }, (_, i) => option(i === 0)) });
    expect(problems([choice(2)])).toEqual(['items[0].options: needs 3–5 options']);
    expect(problems([choice(6)])).toEqual(['items[0].options: needs 3–5 options']);
    expect(problems([choice(3)])).toEqual([]);
  });

  it('requires 3 to 6 order steps', () => {
    const order = (n: number) => ({ ...base('steps'), kind: 'order', prompt: t('?', '?'), steps: Array.from({ length: n }, (_, i) => t(`${i}`, `${i}`)) });
    expect(problems([order(2)])).toEqual(['items[0].steps: needs 3–6 steps']);
    expect(problems([order(7)])).toEqual(['items[0].steps: needs 3–6 steps']);
    expect(problems([order(6)])).toEqual([]);
  });

  it('requires 4 rubric points, 2 follow-ups and min below max for interviews', () => {
    expect(problems([interview({ rubric: ['a', 'b', 'c'].map(rubricPoint) })])).toEqual(['items[0].rubric: needs at least 4 rubric points']);
    expect(problems([interview({ followUps: [followUp('더?', 'More?')] })])).toEqual(['items[0].followUps: needs at least 2 follow-up questions']);
    expect(problems([interview({ expectedLength: { min: 500, max: 500 } })])).toEqual(['items[0].expectedLength.min: min must be less than max']);
    expect(problems([interview({ rubric: ['a', 'a', 'c', 'd'].map(rubricPoint) })])).toEqual(['items[0].rubric: rubric point ids must be unique']);
  });

  it('requires a follow-up to be about a rubric point, and lexicon entries with no empty "+" part', () => {
    const stray = { ...followUp('더?', 'More?'), about: 'nope' };
    expect(problems([interview({ followUps: [stray, followUp('또?', 'And?')] })])).toEqual(['items[0].followUps[0].about: must be a rubric point id (a, b, c, d)']);
    const broken = { ...rubricPoint('a'), phrases: { ko: ['배포 + '], en: ['point'] } };
    expect(problems([interview({ rubric: [broken, ...['b', 'c', 'd'].map(rubricPoint)] })])).toEqual(['items[0].rubric[0].phrases.ko[0]: every "+" part needs a word (entry syntax: "a|b + c")']);
    expect(problems([interview({ vocabulary: { ko: ['도커'], en: ['docker', 'image', 'deploy'] } })])).toEqual(['items[0].vocabulary.ko: needs at least 3 entries']);
  });

  it('refuses a term whose definition names the term, in either language', () => {
    const term = (definition: { ko: string; en: string }) => ({
      ...base('hub'), kind: 'term', term: t('도커 허브', 'Docker Hub'), definition, aliases: { ko: [], en: [] },
    });
    expect(problems([term(t('도커허브는 공개 저장소', 'A public registry'))])).toEqual([
      'items[0].definition.ko: must not contain the term "도커 허브"',
    ]);
    expect(problems([term(t('공개 저장소', 'The docker hub of images'))])).toEqual([
      'items[0].definition.en: must not contain the term "Docker Hub"',
    ]);
    // "tag" inside "stage" is not the term.
    expect(problems([{ ...term(t('이름표', 'A label for a build stage')), term: t('태그', 'tag') }])).toEqual([]);
  });

  it('names the allowed kinds when the kind is unknown', () => {
    expect(problems([{ ...base('odd'), kind: 'essay' }])).toEqual([
      'items[0].kind: must be one of term, choice, truefalse, short, command, order, interview (got "essay")',
    ]);
  });

  it('says "is required" for a missing field and names the missing language of a text', () => {
    const tf = { ...base('tf'), kind: 'truefalse', prompt: { ko: '참?' } };
    expect(problems([tf])).toEqual(['items[0].prompt.en: missing English translation', 'items[0].answer: is required']);
  });
});
