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
    hint: { ko: 힌트, en: Hint }
    solution: ["docker run --name web -d -p 8080:80 httpd"]
    check: { kind: container-running, name: web, image: httpd, port: 8080 }
  - id: list
    instruction: { ko: 목록, en: List }
    hint: { ko: 힌트, en: Hint }
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
      .replace('hint: { ko: 힌트, en: Hint }\n    solution: ["docker ps -a"]', 'hnt: { ko: 힌트, en: Hint }\n    solution: ["docker ps -a"]')
      .replace('kind: container-running', 'kind: container-up');
    const { problems } = loadLabFile(broken, 'demo');
    expect(problems.some((p) => p.startsWith('steps[1].hnt: unknown key'))).toBe(true);
    expect(problems.some((p) => p.startsWith('steps[1].hint: is required'))).toBe(true);
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
});
