import { describe, expect, it } from 'vitest';
import { generateContainerName } from '../../src/domain/lab/container-names.ts';
import { takeRateSlot } from '../../src/domain/lab/rate-limit.ts';
import { demuxLogs } from '../../src/lab/demux-logs.ts';
import { dockerOptionsFromSettings } from '../../src/lab/docker-connection.ts';
import { decodePorts, encodePorts } from '../../src/lab/lab-labels.ts';
import { realContainerName } from '../../src/domain/lab/ownership.ts';
import { createKeyedLock } from '../../src/app/lab/locks.ts';
import { pickRealPorts } from '../../src/domain/lab/ports.ts';
import { seededRng } from '../helpers/docker.ts';

describe('engine connection settings', () => {
  it('reads a unix socket and overrides whatever the environment says about tcp hosts', () => {
    expect(dockerOptionsFromSettings({ dockerHost: 'unix:///run/coach-docker/docker.sock' })).toMatchObject({
      socketPath: '/run/coach-docker/docker.sock',
      host: undefined,
      protocol: undefined,
    });
    expect(dockerOptionsFromSettings({ dockerHost: undefined })).toMatchObject({ socketPath: '/var/run/docker.sock' });
  });

  it('turns tcp with a cert folder into TLS with ca, cert and key from that folder', () => {
    const read = (path: string) => Buffer.from(`pem of ${path}`);
    const options = dockerOptionsFromSettings({ dockerHost: 'tcp://10.0.0.5:2376', dockerCertPath: '/certs' }, read);
    expect(options).toMatchObject({ host: '10.0.0.5', port: '2376', protocol: 'https', socketPath: undefined });
    expect(String(options.ca)).toBe('pem of /certs/ca.pem');
    expect(String(options.key)).toBe('pem of /certs/key.pem');
    expect(dockerOptionsFromSettings({ dockerHost: 'tcp://10.0.0.5' })).toMatchObject({ port: '2375', protocol: 'http' });
  });

  it('reads ssh hosts with user and port, and rejects unknown schemes', () => {
    expect(dockerOptionsFromSettings({ dockerHost: 'ssh://coach@lab.example:2222', sshAgentSocket: '/tmp/agent' })).toMatchObject({
      protocol: 'ssh',
      host: 'lab.example',
      port: '2222',
      username: 'coach',
      sshOptions: { agent: '/tmp/agent' },
    });
    expect(() => dockerOptionsFromSettings({ dockerHost: 'npipe:////./pipe/docker_engine' })).toThrow(/unix:\/\/, tcp:\/\/ or ssh:\/\//);
  });
});

describe('lab helpers', () => {
  it('splits multiplexed logs into stdout and stderr', () => {
    const frame = (type: number, text: string) => {
      const payload = Buffer.from(text);
      const header = Buffer.alloc(8);
      header[0] = type;
      header.writeUInt32BE(payload.length, 4);
      return Buffer.concat([header, payload]);
    };
    expect(demuxLogs(Buffer.concat([frame(1, 'hello\n'), frame(2, 'oops\n'), frame(1, 'bye\n')]))).toEqual({ stdout: 'hello\nbye\n', stderr: 'oops\n' });
  });

  it('keeps learners apart in engine names and round-trips port labels', () => {
    const a = realContainerName('main', '1:2', 'apa02');
    const b = realContainerName('main', '1:3', 'apa02');
    expect(a).toMatch(/^coach-[0-9a-f]{10}-apa02$/);
    expect(a).not.toBe(b);
    const ports = [{ virtualHostPort: 8080, realHostPort: 20001, containerPort: 80 }];
    expect(decodePorts(encodePorts(ports))).toEqual(ports);
    expect(decodePorts('garbage,8080:x:80')).toEqual([]);
  });

  it('picks distinct free real ports and reports an exhausted range', () => {
    const rng = seededRng(1);
    const picked = pickRealPorts(3, { min: 20000, max: 20004 }, new Set([20001, 20003]), rng);
    expect(picked).toHaveLength(3);
    expect(new Set(picked)).toEqual(new Set([20000, 20002, 20004]));
    expect(pickRealPorts(1, { min: 20000, max: 20001 }, new Set([20000, 20001]), rng)).toBeUndefined();
  });

  it('limits commands per window and tells when to retry', () => {
    const limit = { max: 2, windowMs: 60_000 };
    const t0 = new Date('2025-03-01T00:00:00Z');
    const first = takeRateSlot([], t0, limit);
    const second = takeRateSlot(first.history, new Date(t0.getTime() + 1000), limit);
    const third = takeRateSlot(second.history, new Date(t0.getTime() + 2000), limit);
    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false]);
    expect(third.allowed ? 0 : third.retryAfterMs).toBe(58_000);
    expect(takeRateSlot(third.history, new Date(t0.getTime() + 60_001), limit).allowed).toBe(true);
  });

  it('generates Docker-style names that avoid the learner\'s existing ones', () => {
    const rng = seededRng(3);
    const first = generateContainerName(rng, new Set());
    expect(first).toMatch(/^[a-z]+_[a-z]+$/);
    const again = generateContainerName(seededRng(3), new Set([first]));
    expect(again).not.toBe(first);
  });

  it('lets one command per learner hold the lock', () => {
    const locks = createKeyedLock();
    const release = locks.tryAcquire('1:2');
    expect(locks.tryAcquire('1:2')).toBeUndefined();
    expect(locks.tryAcquire('1:3')).toBeDefined();
    release?.();
    expect(locks.tryAcquire('1:2')).toBeDefined();
  });
});
