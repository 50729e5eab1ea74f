import { describe, expect, it } from 'vitest';
import { judgeEnv, maxEnvPerContainer } from '../../src/domain/lab/env-policy.ts';
import { imageAllowed, normalizeAllowlist } from '../../src/domain/lab/image-policy.ts';
import { isOwnedBy, ownerKey, realContainerName } from '../../src/domain/lab/ownership.ts';
import { parseDockerCommand } from '../../src/domain/lab/parse-command.ts';
import { virtualPortConflict } from '../../src/domain/lab/ports.ts';
import { checkEnginePull, checkImageView, checkNewContainer, checkRunning, defaultLabQuotas } from '../../src/domain/lab/quotas.ts';

const quotas = defaultLabQuotas;
const port = (virtualHostPort: number, realHostPort = 20000 + virtualHostPort) => ({ virtualHostPort, realHostPort, containerPort: 80 });

describe('env policy', () => {
  it('accepts plain upper-case settings', () => {
    expect(judgeEnv('GREETING', 'hello 안녕')).toBe('ok');
    expect(judgeEnv('_X1', '')).toBe('ok');
  });

  it.each(['LD_PRELOAD', 'LD_LIBRARY_PATH', 'LD_AUDIT', 'NODE_OPTIONS', 'PATH', 'PYTHONPATH', 'PYTHONSTARTUP', 'PERL5OPT', 'BASH_ENV', 'ENV', 'IFS',
    'MALLOC_CHECK_', 'GCONV_PATH', 'HOSTALIASES', 'RES_OPTIONS', 'LOCALDOMAIN', 'TZDIR', 'GLIBC_TUNABLES', 'BASH_FUNC_X'])(
    'refuses the loader/runtime key %s', (key) => {
      expect(judgeEnv(key, '/tmp/x.so')).toBe('denied-key');
    });

  it.each([['lower', 'x'], ['1ABC', 'x'], ['A-B', 'x'], ['A'.repeat(65), 'x'], ['GREETING', 'a\u0000b'], ['GREETING', 'line\nbreak'],
    ['GREETING', 'tab\there'], ['GREETING', 'esc\u001b[31m'], ['GREETING', 'c1\u0085'], ['GREETING', 'x'.repeat(257)]])('refuses the malformed pair %s=%j', (key, value) => {
    expect(judgeEnv(key, value)).toBe('malformed');
  });

  it('caps the number of -e on one container, and names the reason for denied keys', () => {
    const flags = (n: number) => Array.from({ length: n }, (_, i) => `-e K${i}=v`).join(' ');
    expect(parseDockerCommand(`docker run -d ${flags(maxEnvPerContainer)} httpd`, { allowedImages: ['httpd'] }).ok).toBe(true);
    expect(parseDockerCommand(`docker run -d ${flags(maxEnvPerContainer + 1)} httpd`, { allowedImages: ['httpd'] })).toMatchObject({ ok: false, refusal: { code: 'too-many-env' } });
    expect(parseDockerCommand('docker run -d -e LD_PRELOAD=/tmp/x.so httpd', { allowedImages: ['httpd'] })).toEqual({ ok: false, refusal: { code: 'env-not-allowed', detail: 'LD_PRELOAD' } });
  });
});

describe('image allowlist', () => {
  it('names tags: an entry without a tag means :latest, never every tag', () => {
    expect(normalizeAllowlist(['httpd', 'nginx:latest', ' nginx ', 'NOT VALID'])).toEqual(['httpd:latest', 'nginx:latest']);
    expect(imageAllowed({ ref: 'nginx:latest' }, ['httpd', 'nginx'])).toBe(true);
    expect(imageAllowed({ ref: 'nginx:1.27-anything' }, ['httpd', 'nginx'])).toBe(false);
    expect(parseDockerCommand('docker pull nginx:evil', { allowedImages: ['nginx'] })).toMatchObject({ ok: false, refusal: { code: 'image-not-allowed' } });
  });

  it('bounds what the lab pulls onto the engine and what one learner keeps in view', () => {
    expect(checkEnginePull(quotas.pulledImagesTotal - 1, quotas)).toBeUndefined();
    expect(checkEnginePull(quotas.pulledImagesTotal, quotas)).toEqual({ code: 'engine-images-full', limit: quotas.pulledImagesTotal });
    expect(checkImageView(quotas.imagesPerLearner, quotas)).toEqual({ code: 'image-quota', limit: quotas.imagesPerLearner });
  });
});

describe('ownership', () => {
  const owner = ownerKey('1', '2');
  const engineName = realContainerName('main', owner, 'apa02');

  it('needs both the owner label and the engine name derived from instance and owner', () => {
    expect(isOwnedBy({ owner, name: 'apa02', engineName }, 'main', owner)).toBe(true);
    // A forged label on a container named by someone else.
    expect(isOwnedBy({ owner, name: 'apa02', engineName: 'apa02' }, 'main', owner)).toBe(false);
    expect(isOwnedBy({ owner, name: 'apa02', engineName: realContainerName('main', ownerKey('1', '3'), 'apa02') }, 'main', owner)).toBe(false);
    // Right name, wrong label, or another instance's name.
    expect(isOwnedBy({ owner: ownerKey('1', '3'), name: 'apa02', engineName }, 'main', ownerKey('1', '3'))).toBe(false);
    expect(isOwnedBy({ owner, name: 'apa02', engineName }, 'other', owner)).toBe(false);
  });
});

describe('quotas and ports', () => {
  const me = '1:2';
  const container = (owner: string, ports: number[]) => ({ owner, ports: ports.map((p) => port(p)) });

  it('counts published ports over every container of the learner, whatever its state', () => {
    const mine = [container(me, [8080, 8081]), container(me, [8082, 8083])];
    expect(checkNewContainer(mine, me, 1, quotas)).toBeUndefined();
    expect(checkNewContainer(mine, me, 2, quotas)).toEqual({ code: 'port-quota', limit: quotas.portsPerLearner });
    expect(checkNewContainer([], me, quotas.portsPerContainer + 1, quotas)).toEqual({ code: 'port-quota', limit: quotas.portsPerContainer });
  });

  it('applies the per-learner container quota and the global cap on the same listing', () => {
    const five = Array.from({ length: quotas.containersPerLearner }, () => container(me, []));
    expect(checkNewContainer(five, me, 0, quotas)).toEqual({ code: 'container-quota', limit: quotas.containersPerLearner });
    const full = Array.from({ length: quotas.containersTotal }, (_, i) => container(`1:${i + 100}`, []));
    expect(checkNewContainer(full, me, 0, quotas)).toEqual({ code: 'global-quota', limit: quotas.containersTotal });
    expect(checkNewContainer(full.slice(1), me, 0, quotas)).toBeUndefined();
  });

  it('limits running containers and finds virtual-port clashes', () => {
    expect(checkRunning(2, 1, quotas)).toBeUndefined();
    expect(checkRunning(3, 1, quotas)).toEqual({ code: 'running-quota', limit: quotas.runningPerLearner });
    const running = [{ id: 'a', ports: [port(8080)] }];
    expect(virtualPortConflict({ id: 'b', ports: [port(8080, 20999)] }, running)).toBe(8080);
    expect(virtualPortConflict({ id: 'a', ports: [port(8080)] }, running)).toBeUndefined();
    expect(virtualPortConflict({ id: 'c', ports: [port(9000), port(9000, 21000)] }, running)).toBe(9000);
  });
});
