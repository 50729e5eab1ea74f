import { describe, expect, it } from 'vitest';
import type { LabRunView, ProgressUpdate } from '../../src/app/lab/lab-service.ts';
import { labRefusalCodes, type LabRefusalCode } from '../../src/domain/lab/command-types.ts';
import type { StepFailure } from '../../src/domain/lab/checks.ts';
import type { LabExercise } from '../../src/domain/lab/exercise.ts';
import { parseDockerCommand } from '../../src/domain/lab/parse-command.ts';
import { lab } from '../../src/i18n/catalogs/lab.ts';
import { labCommand } from '../../src/discord/commands/lab.ts';
import { labId, parseLabId } from '../../src/discord/lab/lab-ids.ts';
import { denialText, failureText, refusalText, renderExercise, renderRun, solutionLockedText } from '../../src/discord/lab/render-lab.ts';
import type { LabDenial } from '../../src/domain/lab/lab-results.ts';

const text = (ko: string, en: string) => ({ ko, en });
const exercise: LabExercise = {
  id: 'practice-3-apache',
  order: 3,
  title: text('실습 3', 'Practice 3'),
  summary: text('요약', 'Summary'),
  source: '실습 3',
  xpPerStep: 5,
  steps: [
    { id: 'run', instruction: text('apa02 실행', 'Run apa02'), hints: [text('-d를 쓰세요', 'Use -d'), text('--name apa02도요', 'And --name apa02')], solution: ['docker run --name apa02 -d -p 8080:80 httpd'], check: { kind: 'container-running', name: 'apa02' } },
    { id: 'ps', instruction: text('목록 보기', 'List them'), hints: [text('목록', 'a list'), text('두 글자', 'two letters')], solution: ['docker ps'], check: { kind: 'ran', command: 'docker ps' } },
  ],
};

describe('/lab messages', () => {
  it('exist in Korean and English with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(lab.ko).sort()).toEqual(Object.keys(lab.en).sort());
    for (const key of Object.keys(lab.ko) as (keyof typeof lab.ko)[]) {
      expect(lab.ko[key].trim(), key).not.toBe('');
      expect(placeholders(lab.en[key]), key).toEqual(placeholders(lab.ko[key]));
    }
  });

  it('teach a reason for every refusal, denial and failed check', () => {
    for (const code of labRefusalCodes) {
      for (const locale of ['ko', 'en'] as const) expect(refusalText({ code, detail: '--x' }, locale)).not.toMatch(/lab\.refusal|\{/);
    }
    const denials: LabDenial[] = [
      { code: 'engine-unavailable' }, { code: 'busy' }, { code: 'rate-limited', retryAfterSecs: 12 }, { code: 'container-quota', limit: 5 },
      { code: 'running-quota', limit: 3 }, { code: 'global-quota', limit: 60 }, { code: 'image-quota', limit: 5 }, { code: 'attach-not-supported' }, { code: 'no-free-port' },
    ];
    for (const denial of denials) expect(denialText(denial, 'ko')).not.toMatch(/\{|lab\./);
    expect(denialText({ code: 'rate-limited', retryAfterSecs: 12 }, 'en')).toContain('12 s');
    const failures: StepFailure[] = [
      { code: 'container-missing', name: 'a' }, { code: 'container-not-running', name: 'a', state: 'exited' }, { code: 'container-not-created', name: 'a', state: 'running' },
      { code: 'container-running', name: 'a' }, { code: 'wrong-image', name: 'a', expected: 'x', actual: 'y' }, { code: 'port-missing', name: 'a', port: 1 },
      { code: 'container-still-exists', name: 'a' }, { code: 'containers-remain', count: 2 }, { code: 'page-not-served', port: 1 },
      { code: 'page-not-visited', port: 1, name: 'a', url: 'http://x:1' }, { code: 'image-missing', image: 'x' }, { code: 'image-still-present', image: 'x' }, { code: 'not-run-yet', command: 'docker ps' },
    ];
    for (const failure of failures) expect(failureText(failure, 'en')).not.toMatch(/\{|lab\./);
  });

  it('explains -v on run as a mount, in Korean first', () => {
    const code: LabRefusalCode = 'mount-flag';
    expect(refusalText({ code, detail: '-v' }, 'ko')).toBe('🚫 `-v`는 호스트의 파일이나 볼륨을 컨테이너에 연결해요. 공용 실습 환경에서는 호스트 파일을 건드릴 수 없어요.');
  });

  it('names a container state in the reader language, with the CLI word beside it', () => {
    expect(failureText({ code: 'container-not-running', name: 'apa02', state: 'exited' }, 'ko')).toBe('`apa02` 컨테이너가 실행 중이 아니에요. 지금 상태: 종료됨(Exited).');
    expect(failureText({ code: 'container-not-created', name: 'life01', state: 'running' }, 'en')).toBe('`life01` is not in the Created state (it is Up).');
  });

  it('names the options of this very command for an unknown flag, never a list that contains the refused flag', () => {
    const refusalOf = (command: string) => {
      const parsed = parseDockerCommand(command, { allowedImages: ['httpd:latest'] });
      if (parsed.ok) throw new Error(`${command} was accepted`);
      return parsed.refusal;
    };
    const logs = refusalOf('docker logs -f web2');
    expect(refusalText(logs, 'ko')).toBe('🚫 `-f` 옵션은 이 명령에서 쓸 수 없어요. 이 명령은 실습에서 옵션 없이 써요.');
    expect(refusalText(logs, 'en')).not.toMatch(/-f[,.]/);
    expect(refusalText(refusalOf('docker ps -x'), 'en')).toBe('🚫 The option `-x` is not available for this command. It takes: `-a`, `-q`');
    expect(refusalText(refusalOf('docker rm -v apa02'), 'ko')).toBe('🚫 `-v` 옵션은 이 명령에서 쓸 수 없어요. 이 명령이 받는 옵션: `-f`');
  });
});

describe('/lab rendering', () => {
  it('shows a run like a terminal, with the real URL of the virtual port and the next step', () => {
    const progress: ProgressUpdate = {
      type: 'progress', exercise, completedSteps: 1, failedChecks: 0, hints: [], solutionRule: { hints: 2, failedChecks: 3 }, solutionUnlocked: false, finished: false, currentStep: exercise.steps[1],
      newlyCompleted: [exercise.steps[0]!], xpAwarded: 5, failure: { code: 'not-run-yet', command: 'docker ps' }, explicit: false,
    };
    const view: LabRunView = {
      type: 'run',
      input: 'docker run --name apa02 -d -p 8080:80 httpd',
      result: {
        status: 'done', command: { kind: 'ps', all: false, quiet: false }, canonical: 'x', stdout: ['4d6f7d21e333ddb2'], stderr: [], exitCode: 0,
        published: [{ name: 'apa02', virtualHostPort: 8080, containerPort: 80, realHostPort: 20001, url: 'http://lab.example:20001' }],
      },
      progress,
    };
    const { content, allowedMentions } = renderRun(view, 'en');
    expect(content).toBe([
      '```console\n$ docker run --name apa02 -d -p 8080:80 httpd\n4d6f7d21e333ddb2\n```',
      '🌐 localhost:8080 → http://lab.example:20001',
      '✅ Done: Run apa02',
      '+5 XP',
      '👉 Next: List them',
    ].join('\n'));
    expect(allowedMentions).toEqual({ parse: [] });
  });

  it('prints the pull notes of docker run before the new container ID, as the CLI does', () => {
    const pull = ["Unable to find image 'httpd:latest' locally", 'latest: Pulling from library/httpd', 'Status: Downloaded newer image for httpd:latest'];
    const id = '4d6f7d21e333ddb2'.repeat(4);
    const transcript = (input: string) => {
      const parsed = parseDockerCommand(input, { allowedImages: ['httpd'] });
      if (!parsed.ok) throw new Error(input);
      const result = { status: 'done' as const, command: parsed.command, canonical: input, stdout: [id], stderr: pull, exitCode: 0, published: [] };
      return renderRun({ type: 'run', input, result, progress: undefined }, 'en').content;
    };
    expect(transcript('docker run -d httpd')).toContain(['$ docker run -d httpd', ...pull, id].join('\n'));
    expect(transcript('docker logs apa02')).toContain(['$ docker logs apa02', id, ...pull].join('\n'));
  });

  it('keeps hostile output and input inside the code block and under Discord\'s limit', () => {
    const view: LabRunView = {
      type: 'run',
      input: 'docker logs x ``` @everyone',
      result: { status: 'done', command: { kind: 'logs', target: 'x' }, canonical: 'x', stdout: ['```', '@everyone', ...Array.from({ length: 400 }, (_, i) => `line ${i}`)], stderr: [], exitCode: 0, published: [] },
      progress: undefined,
    };
    const { content } = renderRun(view, 'ko');
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.match(/```/g)).toHaveLength(2);
    expect(content).toMatch(/… \(\+\d+\)\n```$/);
  });

  it('renders an exercise with Check, Hint, a locked Solution and Start over, whose ids round-trip', () => {
    const payload = renderExercise({ exercise, completedSteps: 0, failedChecks: 0, hints: [], solutionRule: { hints: 2, failedChecks: 3 }, solutionUnlocked: false, finished: false, currentStep: exercise.steps[0] }, 'ko');
    const row = payload.components[0]!.toJSON() as { components: { custom_id: string; disabled?: boolean; label: string }[] };
    expect(row.components.map((b) => b.label)).toEqual(['확인', '힌트', '정답 보기', '처음부터']);
    expect(row.components.map((b) => Boolean(b.disabled))).toEqual([false, false, true, false]);
    expect(row.components.map((b) => parseLabId(b.custom_id))).toEqual(['check', 'hint', 'solution', 'reset'].map((action) => ({ action, exerciseId: 'practice-3-apache' })));
    expect(parseLabId(labId('check', 'x').replace('v1', 'v0'))).toBeNull();
    expect(parseLabId('lab:v1:explode:x')).toBeNull();
  });

  it('lists the hints read so far on the step card and says when the Solution opens, in both languages', () => {
    const base = { exercise, completedSteps: 0, solutionRule: { hints: 2, failedChecks: 3 }, finished: false, currentStep: exercise.steps[0] };
    const now = (payload: ReturnType<typeof renderExercise>) => (payload.embeds[0]!.toJSON().fields ?? []).find((f) => f.name === '지금 할 일' || f.name === 'Your next step')!.value;
    const locked = renderExercise({ ...base, failedChecks: 1, hints: [exercise.steps[0]!.hints[0]!], solutionUnlocked: false }, 'ko');
    expect(now(locked)).toContain('💡 힌트 1/2: -d를 쓰세요');
    expect(now(locked)).not.toContain('--name apa02도요');
    expect(now(locked)).toContain('🔒 정답 보기는 힌트 2개를 본 뒤 또는 확인에 3번 실패한 뒤에 열려요. (지금: 힌트 1개, 실패 1번)');
    expect(now(renderExercise({ ...base, failedChecks: 0, hints: [], solutionUnlocked: false }, 'en'))).toContain(
      '🔒 The solution opens after 2 hints or 3 failed checks. (so far: 0 hints, 0 failed checks)',
    );
    const open = renderExercise({ ...base, failedChecks: 0, hints: exercise.steps[0]!.hints, solutionUnlocked: true }, 'en');
    expect(now(open)).toContain('💡 Hint 2/2: And --name apa02');
    expect(now(open)).toContain('🔓 You can press Solution now.');
    const buttons = (open.components[0]!.toJSON() as { components: { label: string; disabled?: boolean }[] }).components;
    // Every hint is on the card, so Hint is off and Solution is on.
    expect(buttons.map((b) => Boolean(b.disabled))).toEqual([false, true, false, false]);
    expect(solutionLockedText({ hintsLeft: 1, checksLeft: 2 }, 'en')).toBe('🔒 The solution opens after 1 more hint or 2 more failed checks.');
    expect(solutionLockedText({ hintsLeft: 1, checksLeft: 2 }, 'ko')).toBe('🔒 정답은 힌트를 1개 더 보거나 확인에 2번 더 실패하면 열려요.');
  });

  it('defines /lab with six subcommands, each with a Korean name and description', () => {
    const json = labCommand.data.toJSON() as { name_localizations: Record<string, string>; options: { name: string; name_localizations: Record<string, string>; description_localizations: Record<string, string> }[] };
    expect(json.name_localizations.ko).toBe('실습');
    expect(json.options.map((o) => o.name)).toEqual(['list', 'start', 'run', 'check', 'status', 'reset']);
    for (const option of json.options) {
      expect(option.name_localizations.ko, option.name).toBeTruthy();
      expect(option.description_localizations.ko, option.name).toBeTruthy();
    }
  });
});
