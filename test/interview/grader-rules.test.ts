import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import type { InterviewItem } from '../../src/domain/content/items.ts';
import { findConcept, findConceptInSentence, parseConcept } from '../../src/domain/interview/concept-lexicon.ts';
import { prepareText } from '../../src/domain/interview/phrase-match.ts';
import { isStatement, splitSentences } from '../../src/domain/interview/sentences.ts';
import { scoreAnswer, type InterviewScore } from '../../src/domain/interview/score-answer.ts';

// The anti-gaming and paraphrase rules of the interview grader, one behaviour each.
const items = [...loadContent(join(import.meta.dirname, '../../questions')).items.values()].filter((i): i is InterviewItem => i.kind === 'interview');
const byTopic = (topic: string) => items.find((item) => item.topic === topic)!;
const score = (topic: string, answer: string): InterviewScore => {
  const outcome = scoreAnswer(byTopic(topic), answer);
  if (!outcome.ok) throw new Error(`not scored: ${outcome.reason}`);
  return outcome.result;
};
const coveredIds = (result: InterviewScore) => result.points.filter((point) => point.covered).map((point) => point.id);

describe('keyword stuffing', () => {
  it('reads ten content words in a row as a keyword pile even with "is" at the end', () => {
    expect(isStatement('Docker Hub public private registry ECR managed AWS push pull security open source is what it is')).toBe(false);
    // Real prose with a list of names in it stays a sentence.
    expect(isStatement('In the lab the single httpd image started three containers, apa03, apa04 and apa05, on ports 8081 to 8083')).toBe(true);
  });

  it('scores a stuffed "sentence" like a keyword list: near zero, no ✅, the keyword explanation', () => {
    const result = score('docker-hub-vs-private-registry', 'Docker Hub public private registry ECR managed AWS push pull security open source is what it is.');
    expect(result.verdict).toBe('keywords');
    expect(result.score).toBeLessThanOrEqual(5);
    expect(coveredIds(result)).toEqual([]);
    expect(result.structure.conclusionFirst).toBe(false);
  });
});

describe('a keyword list dressed as a sentence', () => {
  it('scores a list of key points with a predicate at the end as a keyword list (ko and en), whatever the filler', () => {
    for (const answer of [
      '일관성, 의존성, 이식성, 재현성, 롤백이 모두 장점입니다.',
      '장점은 일관성, 의존성, 이식성, 재현성, 롤백입니다. 3번 5번 10분 걸렸습니다.',
      'The benefits that I really think matter most are consistency, dependencies, portability, reproducibility and rollback.',
    ]) {
      const result = score('why-containers', answer);
      expect(result.verdict).toBe('keywords');
      expect(result.score).toBeLessThanOrEqual(5);
      expect(coveredIds(result)).toEqual([]);
    }
  });

  it('keeps a real sentence that lists examples of one key point', () => {
    const result = score('cgroups-vs-namespaces', '네임스페이스는 PID, 네트워크, 마운트, 호스트 이름 같은 종류별로 나뉘어서 컨테이너마다 따로 보입니다.');
    expect(result.verdict).toBe('answered');
    expect(coveredIds(result)).toContain('namespace-examples');
  });
});

describe('naming a key point is not stating it', () => {
  it('gives no ✅ to "X is good" sentences, only the partial credit of a vague answer', () => {
    for (const answer of [
      '일관성이 좋습니다. 의존성이 좋습니다. 이식성이 좋습니다. 재현성이 좋습니다. 롤백이 좋습니다.',
      '일관성이 좋고 의존성이 좋고 이식성이 좋고 재현성이 좋고 롤백이 좋습니다.',
      'Consistency is good. Dependencies are good. Portability is good. Reproducibility is good. Rollback is good.',
    ]) {
      const result = score('why-containers', answer);
      expect(coveredIds(result)).toEqual([]);
      expect(result.verdict).toBe('vague');
      expect(result.score).toBeLessThanOrEqual(45);
    }
  });

  it('credits the same term when the sentence says something of its own about it', () => {
    const result = score('why-containers', '롤백이 쉬워서 장애가 나도 1분 안에 이전 이미지로 돌아갈 수 있었습니다.');
    expect(coveredIds(result)).toEqual(['fast-rollback']);
    expect(score('why-containers', 'We could roll back to the previous tag within a minute.').points.find((p) => p.id === 'fast-rollback')!.covered).toBe(true);
  });
});

describe('clauses', () => {
  it('splits a sentence at ", and", "while" and Korean contrast or "and" endings', () => {
    const [en] = splitSentences('cgroups give each container its own hostname, and namespaces limit how much CPU it uses.');
    expect(en!.clauses).toHaveLength(2);
    const [ko] = splitSentences('cgroups는 자원 사용량을 제한하고, 네임스페이스는 보이는 범위를 나눕니다.');
    expect(ko!.clauses).toHaveLength(2);
    const [contrast] = splitSentences('VM은 게스트 OS를 통째로 올리지만 컨테이너는 커널을 공유합니다.');
    expect(contrast!.clauses).toHaveLength(2);
  });

  it('credits a multi-part entry only inside one clause, a one-part entry anywhere', () => {
    const concept = parseConcept(['cgroup + limit|cap']);
    const [swapped] = splitSentences('cgroups give each container its own hostname, and namespaces limit how much CPU it uses.');
    const [right] = splitSentences('cgroups limit how much CPU a container uses, and namespaces give it its own hostname.');
    expect(findConceptInSentence(swapped!, concept)).toBeUndefined();
    expect(findConceptInSentence(right!, concept)).toBeDefined();
    expect(findConceptInSentence(swapped!, parseConcept(['hostname']))).toBeDefined();
  });

  it('does not credit "cgroups limit resources" to an answer that swaps the two', () => {
    const swapped = score('cgroups-vs-namespaces', 'cgroups are what give each container its own hostname and network, and namespaces are used to limit how much CPU and memory it gets.');
    expect(coveredIds(swapped)).not.toContain('cgroups-limit-resources');
    expect(coveredIds(swapped)).not.toContain('namespace-examples');
  });
});

describe('parroting', () => {
  it('reads a sentence that only restates or talks about the question as parroted', () => {
    const result = score('docker-hub-vs-private-registry', 'How do Docker Hub and a private registry differ, and when would you use each? That is the question about Docker Hub and private registries like ECR.');
    expect(result.verdict).toBe('parroted');
    expect(result.score).toBeLessThanOrEqual(5);
    const korean = score('cgroups-vs-namespaces', '컨테이너 격리의 바탕이 되는 리눅스 기능인 cgroups와 네임스페이스는 각각 무엇을 담당하는지 질문하셨습니다.');
    expect(korean.verdict).toBe('parroted');
  });

  it('keeps a short claim made of the question\'s words plus one new word', () => {
    const result = score('docker-hub-vs-private-registry', 'Docker Hub is public and free, while ECR is managed by AWS.');
    expect(result.verdict).toBe('answered');
    expect(coveredIds(result)).toEqual(expect.arrayContaining(['docker-hub-public', 'ecr-managed']));
  });
});

describe('English paraphrases', () => {
  it('finds a phrase across a possessive and up to two inserted words, not across "and"', () => {
    const concept = parseConcept(['shares the kernel', 'one server']);
    expect(findConcept(prepareText("A container shares the host's kernel"), concept)).toBeDefined();
    expect(findConcept(prepareText('On one 16 GB server we ran forty containers'), concept)).toBeDefined();
    expect(findConcept(prepareText('one of the many small web servers'), parseConcept(['one server']))).toBeUndefined();
    expect(findConcept(prepareText('its own network, and namespaces'), parseConcept(['network namespace']))).toBeUndefined();
  });

  it('credits a VM answer written in other words than the lexicon\'s phrases', () => {
    const result = score('vm-vs-container', 'A VM boots a complete guest operating system on a hypervisor. A container just shares the host\'s kernel, so it starts in a second and uses far less memory. '
      + 'The trade-off is that a kernel bug can affect every container. On one 32 GB server we fit dozens of containers but only four VMs.');
    expect(coveredIds(result)).toEqual(['vm-guest-os', 'shared-kernel', 'lightweight', 'isolation-tradeoff', 'density-example']);
    expect(result.score).toBeGreaterThanOrEqual(75);
  });
});

describe('Korean paraphrases', () => {
  it('finds a Korean phrase with up to two words inserted, not across a clause', () => {
    const concept = parseConcept(['같은 이미지']);
    expect(findConcept(prepareText('노트북과 운영 서버에서 같은 도커 이미지를 실행했습니다'), concept)).toBeDefined();
    expect(findConcept(prepareText('같은 팀의 다른 사람이 만든 새 이미지'), concept)).toBeUndefined();
  });
});

describe('a short vague answer on the topic', () => {
  it('stays in the vague band (15–45) however short it is, and off-topic stays below it', () => {
    for (const answer of ['도커 런은 이미지랑 관련된 명령어예요.', 'It is a docker command about images and ports.']) {
      const result = score('what-docker-run-does', answer);
      expect(result.verdict).toBe('vague');
      expect(result.score).toBeGreaterThanOrEqual(15);
      expect(result.score).toBeLessThanOrEqual(45);
    }
    expect(score('what-docker-run-does', '어제 점심으로 김치찌개를 먹었는데 정말 맛있었어요.').score).toBeLessThan(15);
  });
});
