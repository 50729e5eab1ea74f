import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabExercises, loadLabFile } from '../../src/content/load-labs.ts';

const labsDir = join(import.meta.dirname, '../../questions/labs');

const minimal = (extra = '') => `
id: demo
order: 1
title: { ko: 데모, en: Demo }
summary: { ko: 요약, en: Summary }
source: 실습
xpPerStep: 5
steps:
  - id: run-it
    instruction: { ko: 실행, en: Run }
    hints: [{ ko: 이름과 포트, en: Name and port }, { ko: 이름은 web, en: The name is web }]
    solution: ["docker run --name web -d -p 8080:80 httpd"]
    check: { kind: container-running, name: web, image: httpd, port: 8080 }
  - id: list
    instruction: { ko: 목록, en: List }
    hints: [{ ko: 목록, en: A list }, { ko: 전부, en: All of them }]
    solution: ["docker ps -a"]
    check: { kind: ran, command: "docker ps -a" }
${extra}`;

describe('lab exercises as data', () => {
  it('loads the real questions/labs folder: the lifecycle, remove-everything and practices 3–6, in order', () => {
    const exercises = loadLabExercises(labsDir);
    expect(exercises.map((e) => e.id)).toEqual([
      'container-lifecycle',
      'remove-everything',
      'practice-3-apache',
      'practice-4-many-apache',
      'practice-5-nginx',
      'practice-6-remove-image',
    ]);
    for (const exercise of exercises) {
      for (const step of exercise.steps) {
        expect(step.instruction.ko.trim(), `${exercise.id}.${step.id}`).not.toBe('');
        expect(step.instruction.en.trim(), `${exercise.id}.${step.id}`).not.toBe('');
      }
    }
  });

  it('accepts a minimal valid exercise', () => {
    const result = loadLabFile(minimal(), 'demo');
    expect(result.problems).toEqual([]);
    expect(result.exercise?.steps).toHaveLength(2);
  });

  it('names the file field and line of each problem', () => {
    const broken = minimal()
      .replace('hints: [{ ko: 목록, en: A list }, { ko: 전부, en: All of them }]', 'hnts: [{ ko: 목록, en: A list }]')
      .replace('kind: container-running', 'kind: container-up');
    const { problems } = loadLabFile(broken, 'demo');
    expect(problems.some((p) => p.startsWith('steps[1].hnts: unknown key'))).toBe(true);
    expect(problems.some((p) => p.startsWith('steps[1].hints: is required'))).toBe(true);
    expect(problems.some((p) => p.startsWith('steps[0].check.kind: must be one of') && /line \d+/.test(p))).toBe(true);
  });

  it('refuses commands the lab itself would refuse, images outside the allowlist, and duplicate step ids', () => {
    const broken = minimal()
      .replace('docker run --name web -d -p 8080:80 httpd', 'docker run --privileged -d alpine')
      .replace('id: list', 'id: run-it');
    const { problems } = loadLabFile(broken, 'demo');
    expect(problems).toContainEqual(expect.stringMatching(/^steps\[0\]\.solution\[0\]: the lab would refuse this command: privileged-flag/));
    expect(problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.id: duplicate step id "run-it"/));
    const alpine = loadLabFile(minimal().replace('docker run --name web -d -p 8080:80 httpd', 'docker run -d alpine'), 'demo');
    expect(alpine.problems).toContainEqual(expect.stringMatching(/image-not-allowed \(alpine:latest\)/));
  });

  it('requires the id to equal the file name and a command for every step but page checks', () => {
    const { problems } = loadLabFile(minimal().replace('solution: ["docker ps -a"]', 'solution: []'), 'other-name');
    expect(problems).toContainEqual(expect.stringMatching(/^id: must equal the file name \("other-name"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.solution: needs at least one command/));
  });

  it('wants hints that escalate and leave the exact command to the Solution button', () => {
    const single = loadLabFile(minimal().replace('hints: [{ ko: 목록, en: A list }, { ko: 전부, en: All of them }]', 'hints: [{ ko: 목록, en: A list }]'), 'demo');
    expect(single.problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.hints: needs at least 2 hints/));
    const repeated = loadLabFile(minimal().replace('{ ko: 전부, en: All of them }', '{ ko: 목록, en: All of them }'), 'demo');
    expect(repeated.problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.hints\[1\]\.ko: repeats hints\[0\]/));
    // With or without the leading `docker`, a hint that holds the whole command gives it away.
    const given = loadLabFile(
      minimal()
        .replace('{ ko: 이름은 web, en: The name is web }', '{ ko: "run --name web -d -p 8080:80 httpd 예요", en: "Type docker run --name web -d -p 8080:80 httpd" }')
        .replace('{ ko: 전부, en: All of them }', '{ ko: "ps -a 예요", en: "It is ps -a" }'),
      'demo',
    );
    expect(given.problems).toContainEqual(expect.stringMatching(/^steps\[0\]\.hints\[1\]\.ko: gives the answer away \("run --name web -d -p 8080:80 httpd"\)/));
    expect(given.problems).toContainEqual(expect.stringMatching(/^steps\[0\]\.hints\[1\]\.en: gives the answer away \("docker run --name web -d -p 8080:80 httpd"\)/));
    expect(given.problems).toContainEqual(expect.stringMatching(/^steps\[1\]\.hints\[1\]\.(ko|en): gives the answer away \("ps -a"\)/));
  });
});
