import { describe, expect, it } from 'vitest';
import { formatImages, formatPs, humanDuration, humanSize, shortId } from '../../src/domain/lab/cli-output.ts';

const now = new Date('2025-03-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('docker CLI output', () => {
  it('shows 12-character IDs', () => {
    expect(shortId('sha256:a495b2e83b6b82fca1e96af5b0421eb45d9f0a555d9f56afc5fd6ecf87265006')).toBe('a495b2e83b6b');
    expect(shortId('4d6f7d21e333ddb26d82a11357549990767d7f66eae22ef5730b022c7e8314e5')).toBe('4d6f7d21e333');
  });

  it.each([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [42_000, '42 seconds'],
    [90_000, 'About a minute'],
    [5 * 60_000, '5 minutes'],
    [60 * 60_000, 'About an hour'],
    [5 * 3600_000, '5 hours'],
    [3 * 86400_000, '3 days'],
    [20 * 86400_000, '2 weeks'],
  ])('writes %i ms as "%s" like Docker', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('writes image sizes with three significant digits in decimal units', () => {
    expect(humanSize(1_981_234)).toBe('1.98MB');
    expect(humanSize(145_200_000)).toBe('145MB');
    expect(humanSize(13_300)).toBe('13.3kB');
    expect(humanSize(512)).toBe('512B');
  });

  it('prints the ps table with the virtual port and the learner-typed name', () => {
    const lines = formatPs(
      [
        {
          id: '4d6f7d21e333ddb26d82a11357549990767d7f66eae22ef5730b022c7e8314e5',
          image: 'httpd',
          command: '/bin/busybox httpd -f -p 80 -h /www',
          createdAt: ago(65_000),
          state: 'running',
          exitCode: 0,
          startedAt: ago(64_000),
          finishedAt: undefined,
          ports: [{ virtualHostPort: 8080, containerPort: 80 }],
          name: 'apa02',
        },
        {
          id: '58521c7395a523b5b6ab8376b87766fd887d0bac0c7c91a9c8bc056debbdd7f5',
          image: 'nginx',
          command: 'nginx',
          createdAt: ago(10 * 60_000),
          state: 'exited',
          exitCode: 0,
          startedAt: ago(9 * 60_000),
          finishedAt: ago(2 * 60_000),
          ports: [{ virtualHostPort: 8084, containerPort: 80 }],
          name: 'nginx01',
        },
      ],
      false,
      now,
    );
    expect(lines).toEqual([
      'CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS                     PORTS                  NAMES',
      '4d6f7d21e333   httpd     "/bin/busybox httpd …"   About a minute ago   Up About a minute          0.0.0.0:8080->80/tcp   apa02',
      '58521c7395a5   nginx     "nginx"                  10 minutes ago       Exited (0) 2 minutes ago                          nginx01',
    ]);
  });

  it('prints only short IDs for ps -q and images -q', () => {
    const row = { id: 'abcdef0123456789', image: 'httpd', command: 'x', createdAt: now, state: 'created' as const, exitCode: 0, startedAt: undefined, finishedAt: undefined, ports: [], name: 'a' };
    expect(formatPs([row], true, now)).toEqual(['abcdef012345']);
    expect(formatImages([{ name: 'httpd', tag: 'latest', id: 'sha256:0123456789abcdef', createdAt: now, sizeBytes: 1 }], true, now)).toEqual(['0123456789ab']);
  });

  it('prints the images table like docker image ls', () => {
    expect(formatImages([{ name: 'httpd', tag: 'latest', id: 'sha256:a495b2e83b6b82fc', createdAt: ago(3 * 86400_000), sizeBytes: 1_981_234 }], false, now)).toEqual([
      'REPOSITORY   TAG       IMAGE ID       CREATED      SIZE',
      'httpd        latest    a495b2e83b6b   3 days ago   1.98MB',
    ]);
  });
});
