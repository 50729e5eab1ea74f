import { describe, expect, it } from 'vitest';
import { canonicalCommand } from '../../src/domain/lab/canonical.ts';
import { advanceExercise, checkStep, portsToWatch } from '../../src/domain/lab/checks.ts';
import { parseAccessLog, type AccessRequest } from '../../src/domain/lab/access-log.ts';
import type { LabExercise, LabSnapshot, StepCheck } from '../../src/domain/lab/exercise.ts';
import { parseDockerCommand } from '../../src/domain/lab/parse-command.ts';

const empty: LabSnapshot = { containers: [], images: [], visits: [], lastCommand: undefined };
const apa02 = { name: 'apa02', image: 'httpd:latest', state: 'running' as const, ports: [{ virtualHostPort: 8080, containerPort: 80 }] };
const ran = (command: string): string => {
  const parsed = parseDockerCommand(command, {});
  if (!parsed.ok) throw new Error(command);
  return canonicalCommand(parsed.command);
};
const text = { ko: '가', en: 'a' };
const step = (id: string, check: StepCheck) => ({ id, instruction: text, hints: [text, text], solution: ['docker ps'], check });

const practice3: LabExercise = {
  id: 'practice-3-apache',
  order: 3,
  title: text,
  summary: text,
  source: '실습 3',
  xpPerStep: 5,
  steps: [
    step('run', { kind: 'container-running', name: 'apa02', image: 'httpd', port: 8080 }),
    step('page', { kind: 'page-visited', port: 8080 }),
    step('ps', { kind: 'ran', command: 'docker ps' }),
    step('stop', { kind: 'container-stopped', name: 'apa02' }),
    step('rm', { kind: 'container-absent', name: 'apa02' }),
    step('ps-a', { kind: 'ran', command: 'docker ps -a' }),
  ],
};

describe('step checks over a snapshot', () => {
  it('passes a running container with the right image and virtual port', () => {
    expect(checkStep({ kind: 'container-running', name: 'apa02', image: 'httpd', port: 8080 }, { ...empty, containers: [apa02] })).toEqual({ passed: true });
  });

  it('says what is wrong with a container: missing, not running, other image, other port', () => {
    const check: StepCheck = { kind: 'container-running', name: 'apa02', image: 'httpd', port: 8080 };
    expect(checkStep(check, empty)).toEqual({ passed: false, failure: { code: 'container-missing', name: 'apa02' } });
    expect(checkStep(check, { ...empty, containers: [{ ...apa02, state: 'exited' }] })).toEqual({
      passed: false,
      failure: { code: 'container-not-running', name: 'apa02', state: 'exited' },
    });
    expect(checkStep(check, { ...empty, containers: [{ ...apa02, image: 'nginx:latest' }] })).toEqual({
      passed: false,
      failure: { code: 'wrong-image', name: 'apa02', expected: 'httpd:latest', actual: 'nginx:latest' },
    });
    expect(checkStep(check, { ...empty, containers: [{ ...apa02, ports: [{ virtualHostPort: 8081, containerPort: 80 }] }] })).toEqual({
      passed: false,
      failure: { code: 'port-missing', name: 'apa02', port: 8080 },
    });
  });

  it('passes a page step only when the access log shows a request that opened the page', () => {
    const check: StepCheck = { kind: 'page-visited', port: 8080 };
    const served = (requests: AccessRequest[]): LabSnapshot => ({
      ...empty,
      visits: [{ virtualHostPort: 8080, server: { name: 'apa02', url: 'http://lab.example.test:20001', requests } }],
    });
    const notVisited = { passed: false, failure: { code: 'page-not-visited', port: 8080, name: 'apa02', url: 'http://lab.example.test:20001' } };
    // The server runs and nobody asked: the bot never requests the page itself, so nothing is done yet.
    expect(checkStep(check, served([]))).toEqual(notVisited);
    // A browser's favicon request or a page that is not there is not the page.
    expect(checkStep(check, served([{ method: 'GET', path: '/favicon.ico', status: 404 }, { method: 'GET', path: '/nope', status: 404 }]))).toEqual(notVisited);
    expect(checkStep(check, served([{ method: 'POST', path: '/', status: 200 }]))).toEqual(notVisited);
    expect(checkStep(check, served([{ method: 'GET', path: '/', status: 200 }])).passed).toBe(true);
    expect(checkStep(check, served([{ method: 'GET', path: '/index.html?from=bookmark', status: 304 }])).passed).toBe(true);
    expect(checkStep(check, { ...empty, visits: [{ virtualHostPort: 8080, server: undefined }] })).toEqual({ passed: false, failure: { code: 'page-not-served', port: 8080 } });
    expect(checkStep(check, empty)).toEqual({ passed: false, failure: { code: 'page-not-served', port: 8080 } });
  });

  it('reads request lines of both official images from a log and skips everything else', () => {
    const log = [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2.",
      '172.17.0.1 - - [04/Dec/2026:21:41:00 +0000] "GET / HTTP/1.1" 200 45',
      '172.17.0.1 - - [04/Dec/2026:21:41:01 +0000] "GET /favicon.ico HTTP/1.1" 404 196',
      '172.17.0.1 - - [04/Dec/2026:21:41:02 +0000] "GET /?x=1 HTTP/1.1" 304 0 "-" "Mozilla/5.0 (X11; Linux x86_64)" "-"',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '172.17.0.1 - - [04/Dec/2026:21:41:03 +0000] "HEAD / HTTP/1.0" 200 -',
    ];
    expect(parseAccessLog(log)).toEqual([
      { method: 'GET', path: '/', status: 200 },
      { method: 'GET', path: '/favicon.ico', status: 404 },
      { method: 'GET', path: '/?x=1', status: 304 },
      { method: 'HEAD', path: '/', status: 200 },
    ]);
  });

  it('checks absence of containers and images in the learner view', () => {
    expect(checkStep({ kind: 'container-absent', name: 'apa02' }, { ...empty, containers: [apa02] }).passed).toBe(false);
    expect(checkStep({ kind: 'no-containers' }, { ...empty, containers: [apa02] })).toEqual({ passed: false, failure: { code: 'containers-remain', count: 1 } });
    expect(checkStep({ kind: 'image-absent', image: 'httpd' }, { ...empty, images: ['httpd:latest'] }).passed).toBe(false);
    expect(checkStep({ kind: 'image-absent', image: 'httpd' }, { ...empty, images: ['nginx:latest'] }).passed).toBe(true);
    expect(checkStep({ kind: 'image-present', image: 'nginx:latest' }, { ...empty, images: ['nginx:latest'] }).passed).toBe(true);
  });

  it('counts a read-only step only for an equivalent command that triggered the check', () => {
    const check: StepCheck = { kind: 'ran', command: 'docker ps -a' };
    expect(checkStep(check, { ...empty, lastCommand: ran('docker container ls --all') }).passed).toBe(true);
    expect(checkStep(check, { ...empty, lastCommand: ran('docker ps') }).passed).toBe(false);
    expect(checkStep(check, empty).passed).toBe(false);
  });
});

describe('advanceExercise', () => {
  it('completes steps in order and stops at the first open one, naming why', () => {
    const afterRun = advanceExercise(practice3, 0, {
      ...empty,
      containers: [apa02],
      visits: [{ virtualHostPort: 8080, server: { name: 'apa02', url: 'http://x:1', requests: [{ method: 'GET', path: '/', status: 200 }] } }],
      lastCommand: ran('docker run --name apa02 -d -p 8080:80 httpd'),
    });
    expect(afterRun).toEqual({
      completedSteps: 2,
      newlyCompleted: ['run', 'page'],
      finished: false,
      blocked: { stepId: 'ps', failure: { code: 'not-run-yet', command: 'docker ps' } },
    });
  });

  it('never re-checks completed steps, so stopping the server later is progress, not a regression', () => {
    const stopped = { ...apa02, state: 'exited' as const };
    const afterPs = advanceExercise(practice3, 2, { ...empty, containers: [stopped], lastCommand: ran('docker ps') });
    expect(afterPs.newlyCompleted).toEqual(['ps', 'stop']);
    expect(afterPs.completedSteps).toBe(4);
  });

  it('finishes when the last step passes and reports nothing blocked', () => {
    const done = advanceExercise(practice3, 5, { ...empty, lastCommand: ran('docker ps -a') });
    expect(done).toEqual({ completedSteps: 6, newlyCompleted: ['ps-a'], finished: true, blocked: undefined });
  });

  it('watches only the ports of page steps still ahead', () => {
    expect(portsToWatch(practice3, 0)).toEqual([8080]);
    expect(portsToWatch(practice3, 2)).toEqual([]);
  });
});
