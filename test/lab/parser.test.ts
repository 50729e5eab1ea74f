import { describe, expect, it } from 'vitest';
import type { DockerCommand } from '../../src/domain/lab/index.ts';
import { canonicalCommand, commandsEquivalent, labRefusalCodes, parseDockerCommand } from '../../src/domain/lab/index.ts';
import { hostileCommands } from './hostile-commands.ts';

const policy = { allowedImages: ['httpd', 'nginx'] } as const;

function parsed(input: string, options: { allowedImages?: readonly string[] } = policy): DockerCommand {
  const result = parseDockerCommand(input, options);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${JSON.stringify(result.refusal)}`);
  return result.command;
}

function canonical(input: string): string {
  return canonicalCommand(parsed(input));
}

describe('parseDockerCommand: the course commands', () => {
  it('reads practice 3 run command with its name, detach flag, port and image', () => {
    expect(parsed('docker run --name apa02 -d -p 8080:80 httpd')).toEqual({
      kind: 'run',
      detach: true,
      name: 'apa02',
      publish: [{ hostPort: 8080, containerPort: 80 }],
      env: [],
      autoRemove: false,
      image: { name: 'httpd', tag: 'latest', ref: 'httpd:latest', raw: 'httpd', untagged: true },
    });
  });

  it.each([
    ['docker ps', { kind: 'ps', all: false, quiet: false }],
    ['docker ps -a', { kind: 'ps', all: true, quiet: false }],
    ['docker ps -aq', { kind: 'ps', all: true, quiet: true }],
    ['docker container ls --all --quiet', { kind: 'ps', all: true, quiet: true }],
    ['docker stop apa02', { kind: 'stop', targets: [{ kind: 'ref', ref: 'apa02' }] }],
    ['docker rm apa02 apa03', { kind: 'rm', force: false, targets: [{ kind: 'ref', ref: 'apa02' }, { kind: 'ref', ref: 'apa03' }] }],
    ['docker rm apa02 -f', { kind: 'rm', force: true, targets: [{ kind: 'ref', ref: 'apa02' }] }],
    ['docker rm -f $(docker ps -aq)', { kind: 'rm', force: true, targets: [{ kind: 'all-ids', includeStopped: true }] }],
    ['docker stop $(docker ps -q)', { kind: 'stop', targets: [{ kind: 'all-ids', includeStopped: false }] }],
    ['docker start $(docker ps -a -q)', { kind: 'start', targets: [{ kind: 'all-ids', includeStopped: true }] }],
    ['docker logs apa02', { kind: 'logs', target: 'apa02' }],
    ['docker inspect 3f2a9b1c7d0e', { kind: 'inspect', targets: ['3f2a9b1c7d0e'] }],
    ['docker images', { kind: 'images', quiet: false }],
    ['docker image ls', { kind: 'images', quiet: false }],
    ['docker --version', { kind: 'version', form: 'flag' }],
    ['docker version', { kind: 'version', form: 'subcommand' }],
  ] as const)('reads %s', (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it('reads create, restart and pull from the container lifecycle', () => {
    expect(canonical('docker create --name web -p 8081:80 nginx')).toBe('docker create --name web --publish 8081:80 nginx:latest');
    expect(canonical('docker container restart web')).toBe('docker restart web');
    expect(canonical('docker image pull httpd')).toBe('docker pull httpd:latest');
  });

  it('accepts every spelling of flag values the docker CLI accepts', () => {
    const expected = 'docker run --detach --env GREETING=hi --name apa03 --publish 8081:80 httpd:latest';
    for (const input of [
      'docker run --name=apa03 --detach --publish=8081:80 --env GREETING=hi httpd',
      'docker run -dp 8081:80 --name apa03 -e GREETING=hi httpd',
      'docker run -dp8081:80 --name apa03 -eGREETING=hi httpd',
      'docker run -d -p=8081:80 --name apa03 -e=GREETING=hi httpd',
      "docker run -d -p '8081:80' --name \"apa03\" -e 'GREETING=hi' httpd:latest",
      'docker container run -d --name apa03 -p 8081:80/tcp -e GREETING=hi docker.io/library/httpd',
    ]) {
      expect(canonical(input)).toBe(expected);
    }
  });

  it('keeps quoted env values with spaces as one value and no expansion', () => {
    const cmd = parsed('docker run -e "MSG=hello world; ok" -e \'X=a|b\' httpd');
    expect(cmd.kind === 'run' && cmd.env).toEqual([{ key: 'MSG', value: 'hello world; ok' }, { key: 'X', value: 'a|b' }]);
  });

  it('treats the phone keyboard curly quotes as straight quotes', () => {
    expect(canonical('docker run --name \u201capa02\u201d -d httpd')).toBe('docker run --detach --name apa02 httpd:latest');
  });

  it('accepts any valid image when used for grading (no allowlist)', () => {
    expect(canonicalCommand(parsed('docker run -d alpine:3.20', {}))).toBe('docker run --detach alpine:3.20');
    expect(parseDockerCommand('docker run -d alpine', {}).ok).toBe(true);
  });

  it('applies a tagged allowlist entry to that tag only', () => {
    const tagged = ['nginx:1.27'];
    expect(parseDockerCommand('docker pull nginx:1.27', { allowedImages: tagged }).ok).toBe(true);
    expect(parseDockerCommand('docker pull nginx', { allowedImages: tagged })).toEqual({
      ok: false,
      refusal: { code: 'image-not-allowed', detail: 'nginx:latest' },
    });
  });

  it('does not apply the allowlist to image rm, which only ever touches the learner\'s own view', () => {
    expect(canonical('docker rmi alpine 3f2a9b1c')).toBe('docker image rm 3f2a9b1c:latest alpine:latest');
  });

  it('accepts names and ports at the edges of their ranges', () => {
    expect(parseDockerCommand(`docker run --name ${'a'.repeat(64)} httpd`, policy).ok).toBe(true);
    expect(parseDockerCommand('docker run -p 65535:1 httpd', policy).ok).toBe(true);
    expect(parseDockerCommand('docker run -p 0:80 httpd', policy)).toEqual({ ok: false, refusal: { code: 'invalid-port', detail: '0:80' } });
    expect(parseDockerCommand(`docker ps ${' '.repeat(490)}`, policy).ok).toBe(true);
    expect(parseDockerCommand(`docker ps ${' '.repeat(491)}`, policy)).toEqual({ ok: false, refusal: { code: 'too-long', detail: '501' } });
  });
});

describe('parseDockerCommand: refusals', () => {
  it('has at least 40 hostile commands covering every kind of refusal the brief names', () => {
    expect(hostileCommands.length).toBeGreaterThanOrEqual(40);
    const seen = new Set(hostileCommands.map(([, code]) => code));
    for (const code of ['privileged-flag', 'mount-flag', 'namespace-flag', 'capability-flag', 'device-flag', 'security-opt',
      'shell-operator', 'substitution-not-allowed', 'unknown-flag', 'unknown-subcommand', 'image-not-allowed',
      'args-after-image', 'invalid-name', 'invalid-port', 'invalid-env', 'too-long', 'empty', 'not-docker'] as const) {
      expect(seen, code).toContain(code);
    }
  });

  it.each(hostileCommands.map(([command, code]) => [command.length > 60 ? `${command.slice(0, 57)}...` : command, command, code] as const))(
    'refuses %j',
    (_label, command, code) => {
      const result = parseDockerCommand(command, policy);
      expect(result.ok ? 'accepted' : result.refusal.code).toBe(code);
    },
  );

  it('names the offending flag so the reason can teach', () => {
    expect(parseDockerCommand('docker run -d --cap-add=NET_ADMIN httpd', policy)).toEqual({
      ok: false,
      refusal: { code: 'capability-flag', detail: '--cap-add' },
    });
    expect(parseDockerCommand('docker ps && ls', policy)).toEqual({ ok: false, refusal: { code: 'shell-operator', detail: '&&' } });
  });

  it('reads -v as a harmless unknown flag outside run/create and as version at the top', () => {
    expect(parseDockerCommand('docker rm -v apa02', policy)).toEqual({ ok: false, refusal: { code: 'unknown-flag', detail: '-v', allowed: ['-f'] } });
    expect(parsed('docker -v')).toEqual({ kind: 'version', form: 'flag' });
  });

  it('refuses missing and extra arguments', () => {
    const code = (input: string) => {
      const result = parseDockerCommand(input, policy);
      return result.ok ? 'accepted' : result.refusal.code;
    };
    expect(code('docker')).toBe('missing-argument');
    expect(code('docker run -d')).toBe('missing-argument');
    expect(code('docker run --name')).toBe('missing-argument');
    expect(code('docker rm')).toBe('missing-argument');
    expect(code('docker ps apa02')).toBe('unexpected-argument');
    expect(code('docker logs a b')).toBe('unexpected-argument');
    expect(code('docker --version now')).toBe('unexpected-argument');
    expect(code('docker restart $(docker ps -q)')).toBe('substitution-not-allowed');
    expect(code('docker rm -f $(docker ps -a)')).toBe('substitution-not-allowed');
  });

  it('never throws, whatever the input', () => {
    const alphabet = ['docker', 'run', 'rm', '-', '--', '-d', '-p', '=', ':', '"', "'", '$(', ')', ' ', 'httpd', '\u00a0', '한글', '8080:80', '\\'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const input = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const result = parseDockerCommand(input, policy);
      if (!result.ok) expect(labRefusalCodes).toContain(result.refusal.code);
    }
  });
});

describe('canonicalCommand and commandsEquivalent', () => {
  it.each([
    ['docker ps -a', 'docker container ls --all'],
    ['docker ps -aq', 'docker container list -q --all'],
    ['docker images', 'docker image ls'],
    ['docker rmi httpd', 'docker image rm httpd:latest'],
    ['docker rm -f apa02', 'docker container rm --force apa02'],
    ['docker rm -f $(docker ps -aq)', 'docker rm --force $(docker ps -qa)'],
    ['docker rm apa03 apa02', 'docker rm apa02 apa03'],
    ['docker run --name apa02 -d -p 8080:80 httpd', 'docker run -d -p 8080:80 --name apa02 httpd:latest'],
    ['docker run -d -p 8081:80 -p 8080:80 nginx', 'docker run -p 8080:80 -d -p 8081:80 nginx'],
    ['docker run -e A=1 -e A=2 httpd', 'docker run -e A=2 httpd'],
    ['docker --version', 'docker version'],
    ['docker -v', 'docker version'],
  ])('%s ≡ %s', (a, b) => {
    expect(commandsEquivalent(parsed(a), parsed(b))).toBe(true);
  });

  it.each([
    ['docker ps', 'docker ps -a'],
    ['docker rm apa02', 'docker rm -f apa02'],
    ['docker run -d httpd', 'docker run httpd'],
    ['docker run -p 8080:80 httpd', 'docker run -p 8081:80 httpd'],
    ['docker run httpd', 'docker run httpd:2.4'],
    ['docker rm -f $(docker ps -aq)', 'docker rm -f $(docker ps -q)'],
    ['docker stop apa02', 'docker rm apa02'],
  ])('%s ≢ %s', (a, b) => {
    // Equivalence serves grading, which parses without the lab's allowlist.
    expect(commandsEquivalent(parsed(a, {}), parsed(b, {}))).toBe(false);
  });

  it('writes a readable, stable canonical text', () => {
    expect(canonical('docker run -d --rm -e "MSG=hi there" -p 8084:80 --name nginx01 nginx')).toBe(
      'docker run --detach --env "MSG=hi there" --name nginx01 --publish 8084:80 --rm nginx:latest',
    );
    expect(canonical('docker rm -f $(docker ps -aq)')).toBe('docker rm --force $(docker ps --all --quiet)');
  });
});
