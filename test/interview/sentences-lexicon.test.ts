import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { findConcept, parseConcept, parseConceptEntry } from '../../src/domain/interview/concept-lexicon.ts';
import { prepareText } from '../../src/domain/interview/phrase-match.ts';
import { nextFollowUpIndex } from '../../src/domain/interview/pick-question.ts';
import { isStatement, splitSentences } from '../../src/domain/interview/sentences.ts';
import { scoreFollowUp } from '../../src/domain/interview/score-follow-up.ts';

const items = [...loadContent(join(import.meta.dirname, '../../questions')).items.values()].filter((i): i is InterviewItem => i.kind === 'interview');
const whyContainers = items.find((item) => item.topic === 'why-containers')!;

describe('statement sentences', () => {
  it('tells a sentence with a predicate from a list of words', () => {
    expect(isStatement('이식성이 좋습니다')).toBe(true);
    expect(isStatement('의존성을 이미지에 담아서 누락이 없어요')).toBe(true);
    expect(isStatement('일관 의존성 이식성 재현 롤백')).toBe(false);
    expect(isStatement('It runs virtual machines')).toBe(true);
    expect(isStatement('consistency dependencies portability rollback')).toBe(false);
    expect(isStatement('kernel kernel kernel guest os guest os')).toBe(false);
  });

  it('splits at sentence ends but not inside numbers, and keeps a repeated sentence once', () => {
    const sentences = splitSentences('버전 2.5로 올렸습니다. 속도가 빨라졌어요 그리고 안정적입니다.\n버전 2.5로 올렸습니다.');
    expect(sentences.map((s) => s.text)).toEqual(['버전 2.5로 올렸습니다', '속도가 빨라졌어요', '그리고 안정적입니다']);
  });
});

describe('concept lexicon entries', () => {
  it('needs every "+" part in the same text, any alternative of each, ignoring spacing and particles', () => {
    const concept = parseConcept(['자주|작게|작은 단위 + 배포|릴리스']);
    for (const text of ['작은단위로 배포합니다', '배포를 자주 합니다', '작게 나눠서 릴리스해요']) expect(findConcept(prepareText(text), concept)).toBeDefined();
    expect(findConcept(prepareText('배포가 편합니다'), concept)).toBeUndefined();
    expect(findConcept(prepareText('자주 합니다'), concept)).toBeUndefined();
  });

  it('rejects an entry with an empty part', () => {
    expect(parseConceptEntry('배포 + ')).toBeNull();
    expect(parseConceptEntry('a|b + c')).not.toBeNull();
  });
});

describe('follow-ups', () => {
  it('asks about a key point the answer missed first, heaviest first, then goes deeper on covered ones', () => {
    const all = whyContainers.rubric.map((point) => point.id);
    const missingRollback = all.filter((id) => id !== 'fast-rollback');
    const index = nextFollowUpIndex(whyContainers, [], missingRollback);
    expect(whyContainers.followUps[index]!.about).toBe('fast-rollback');
    // Everything covered: the first follow-up not asked yet.
    expect(nextFollowUpIndex(whyContainers, [0], all)).toBe(1);
  });

  it('scores a follow-up answer against its own rubric', () => {
    const index = whyContainers.followUps.findIndex((followUp) => followUp.about === 'fast-rollback');
    const good = scoreFollowUp(whyContainers, index, '배포할 때마다 이미지에 커밋 해시 태그를 붙였기 때문에 태그로 버전을 구분했습니다. 배포 기록도 남겨 두어서 직전 정상 버전을 바로 확인할 수 있었습니다.');
    const vague = scoreFollowUp(whyContainers, index, '그때그때 상황을 보고 판단했던 것 같습니다.');
    if (!good.ok || !vague.ok) throw new Error('not scored');
    expect(good.result.points.every((point) => point.covered)).toBe(true);
    expect(good.result.score).toBeGreaterThanOrEqual(70);
    expect(vague.result.score).toBeLessThan(20);
  });
});
